// The Desk's filter bar, kept on this computer across restarts: one per desk and per person, so
// one desk's filter never narrows another's. A kept section the desk no longer has is dropped.
import type { Section } from "./bindings";
import type { DeskFilter } from "./queues";

export const NO_FILTER: DeskFilter = { section: null, contributor: null };

/** Where the filter of `desk` (its file, or its name) for the user `userId` is kept. */
export function filterKey(desk: string, userId: string): string {
  return `copydesk.desk-filter:${JSON.stringify([desk, userId])}`;
}

/** The filter kept for this desk and user, with what no longer applies left out: a section the
 * desk no longer has, and the contributor filter for those who are not offered it. */
export function loadFilter(desk: string, userId: string, sections: readonly Section[], byContributor: boolean): DeskFilter {
  let kept: unknown;
  try {
    kept = JSON.parse(localStorage.getItem(filterKey(desk, userId)) ?? "null");
  } catch {
    return NO_FILTER;
  }
  if (typeof kept !== "object" || kept === null) return NO_FILTER;
  const { section, contributor } = kept as Record<string, unknown>;
  return {
    section: typeof section === "string" && sections.some((s) => s.name === section) ? section : null,
    contributor: byContributor && typeof contributor === "string" && contributor.trim() !== "" ? contributor : null,
  };
}

/** Keeps the filter (no filter: nothing kept). A storage that refuses it changes nothing else. */
export function saveFilter(desk: string, userId: string, filter: DeskFilter): void {
  try {
    if (filter.section === null && filter.contributor === null) localStorage.removeItem(filterKey(desk, userId));
    else localStorage.setItem(filterKey(desk, userId), JSON.stringify({ section: filter.section, contributor: filter.contributor }));
  } catch {
    // Storage full or off: the filter still applies until the app closes.
  }
}
