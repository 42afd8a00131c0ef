// The contributor forms' small helpers: which field a refusal is about, and the bio's length as
// the core counts it. The rules themselves are the core's; this only places its words.
import { DeskError, errorWords } from "./api";
import type { ContributorChanges, Contributor } from "./bindings";

/** The core's limit on a bio, in characters; it refuses anything longer. */
export const BIO_LIMIT = 2000;

export type ContributorField = "name" | "sort" | "email" | "affiliation" | "bio" | "links" | "notes";

/** The field a refusal from the core is about, to show its words next to it; null for none. */
export function fieldOf(message: string): ContributorField | null {
  const m = message.toLowerCase();
  if (m.includes("email") || m.includes("@") || m.includes("already belongs")) return "email";
  if (m.includes("bio")) return "bio";
  if (m.includes("sort")) return "sort";
  if (m.includes("link")) return "links";
  if (m.includes("affiliation")) return "affiliation";
  if (m.includes("name")) return "name";
  return null;
}

/** A refusal placed next to one of `shown` fields when it is about that field (bad input), or
 * under the form's button otherwise (not allowed, a failure). */
export function placeError(
  e: unknown,
  shown: ContributorField[],
): { field: ContributorField | null; words: string } {
  const raw = errorWords(e);
  const words = raw.charAt(0).toUpperCase() + raw.slice(1);
  const field = e instanceof DeskError && e.code === "invalid_input" ? fieldOf(raw) : null;
  return { field: field !== null && shown.includes(field) ? field : null, words };
}

/** A bio's length as the core counts it: characters, not counting spaces at either end. */
export function bioLength(bio: string): number {
  return [...bio.trim()].length;
}

/** Links as typed, one per line, without the empty lines. */
export function linksOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** What the profile form starts from. */
export function changesOf(c: Contributor): ContributorChanges {
  return {
    display_name: c.display_name,
    sort_name: c.sort_name,
    email: c.email,
    affiliation: c.affiliation,
    kind: c.kind,
    bio: c.bio,
    links: c.links,
    private_notes: c.private_notes,
  };
}

/** Whether the form differs from the profile it started from. */
export function changed(a: ContributorChanges, b: ContributorChanges): boolean {
  return (
    a.display_name !== b.display_name ||
    a.sort_name !== b.sort_name ||
    (a.email ?? "") !== (b.email ?? "") ||
    a.affiliation !== b.affiliation ||
    a.kind !== b.kind ||
    a.bio !== b.bio ||
    a.private_notes !== b.private_notes ||
    a.links.join("\n") !== b.links.join("\n")
  );
}
