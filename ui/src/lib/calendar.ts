// The publication calendar as the calendar widget shows it: every piece and free slot at its
// wall-clock time in the desk's zone (see deskclock.ts), conflicts named, overdue pieces marked
// (the core says which, by the desk's clock).
import type { Calendar as CalendarView, CalendarEntry, FreeSlot } from "./bindings";
import { addMinutes, wallClock, type Wall } from "./deskclock";
import { bylineText } from "./format";
import { slotTime } from "./publishing";

/** What an event on the calendar stands for. */
export type Shown =
  | { kind: "piece"; entry: CalendarEntry; wall: Wall; conflict: string | null; overdue: boolean }
  | { kind: "slot"; slot: FreeSlot; wall: Wall };

/** A piece to move: on the calendar (`wall`: its time now) or in the tray (`wall` null). */
export type Movable = { id: string; headline: string; section: string | null; wall: Wall | null };

/** An event as the widget takes it (its EventInput, the fields used here). */
export type CalendarEvent = {
  id: string;
  title: string;
  start: Wall;
  end: Wall;
  /** May be dragged to another time (the widget asks this before its own defaults). */
  startEditable: boolean;
  durationEditable: boolean;
  classNames: string[];
  backgroundColor: string;
  textColor: string;
  extendedProps: { shown: Shown };
};

/** The end shown for an instant: `minutes` later (the week's grid draws a block that long), but
 * never past midnight, so that a piece at 23:50 stays on its day. */
function shownEnd(wall: Wall, minutes: number): Wall {
  const end = addMinutes(wall, minutes);
  return end.slice(0, 10) === wall.slice(0, 10) ? end : `${wall.slice(0, 10)}T23:59:59`;
}

/** "⚠ 2 Opinion pieces at 08:00" for a piece that shares its section's instant with others. */
function conflictLabel(entry: CalendarEntry, count: number, wall: Wall): string {
  return `⚠ ${count} ${entry.section ?? "unsectioned"} pieces at ${wall.slice(11, 16)}`;
}


/** The free slots by the desk's day ("2026-12-01"), each as "Opinion 08:00", in time order. */
export function freeByDay(slots: FreeSlot[], zone: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const slot of slots) {
    const wall = wallClock(slot.at, zone);
    const day = wall.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), `${slot.section} ${wall.slice(11, 16)}`]);
  }
  return days;
}

/** The widget's events for a view of the calendar. `canMove`: scheduled pieces may be dragged
 * (published ones too, so that a drag can be answered with why it cannot move);
 * `slots`: the free slots to show as events of their own (the week's grid has room for them). */
export function calendarEvents(
  view: CalendarView,
  zone: string,
  canMove: boolean,
  slots: FreeSlot[] = [],
  minutes = 30,
): CalendarEvent[] {
  const together = new Map<string, number>();
  const key = (e: CalendarEntry) => `${e.section ?? ""}|${new Date(e.at).getTime()}`;
  for (const e of view.entries) together.set(key(e), (together.get(key(e)) ?? 0) + 1);

  const pieces = view.entries.map((entry): CalendarEvent => {
    const wall = wallClock(entry.at, zone);
    const conflict = entry.conflict ? conflictLabel(entry, Math.max(2, together.get(key(entry)) ?? 2), wall) : null;
    const published = entry.state === "published";
    // Still scheduled after its time by the desk's clock: the publisher has not put it out
    // (failed, or not running).
    const overdue = entry.overdue;
    return {
      id: entry.article_id,
      title: entry.headline || "Untitled",
      start: wall,
      end: shownEnd(wall, minutes),
      // A published piece is let go only to be put back with the reason (CalendarScreen): left
      // fixed, a drag would do nothing and say nothing.
      startEditable: canMove && (entry.state === "scheduled" || published),
      durationEditable: false,
      classNames: ["piece", `piece-${entry.state}`, ...(conflict ? ["piece-conflict"] : []), ...(overdue ? ["piece-overdue"] : [])],
      backgroundColor: published ? "#e4eee6" : overdue ? "#a1261f" : "#1f3a5f",
      textColor: published ? "#24522f" : "#ffffff",
      extendedProps: { shown: { kind: "piece", entry, wall, conflict, overdue } },
    };
  });
  const free = slots.map((slot): CalendarEvent => {
    const wall = wallClock(slot.at, zone);
    return {
      id: `slot|${slot.section}|${slot.at}`,
      title: `${slot.section} slot`,
      start: wall,
      end: shownEnd(wall, minutes),
      startEditable: false,
      durationEditable: false,
      classNames: ["free-slot-event"],
      backgroundColor: "transparent",
      textColor: "#5d6670",
      extendedProps: { shown: { kind: "slot", slot, wall } },
    };
  });
  return [...pieces, ...free];
}

/** The conflicts among the pieces shown, one line per instant and section, in time order. */
export function conflicts(view: CalendarView, zone: string): { key: string; label: string; headlines: string[] }[] {
  const groups = new Map<string, { at: string; section: string | null; headlines: string[] }>();
  for (const e of view.entries) {
    if (!e.conflict) continue;
    const key = `${e.section ?? ""}|${new Date(e.at).getTime()}`;
    const group = groups.get(key) ?? { at: e.at, section: e.section, headlines: [] };
    group.headlines.push(e.headline || "Untitled");
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map(([key, g]) => ({
      key,
      label: `${g.headlines.length} ${g.section ?? "unsectioned"} pieces at ${slotTime(g.at, zone)}`,
      headlines: g.headlines,
    }));
}

/** A piece's words for a screen reader and a tooltip: "Scheduled, Opinion, 08:00: headline, by A". */
export function pieceDescription(entry: CalendarEntry, wall: Wall): string {
  const state = entry.state === "published" ? "Published" : entry.overdue ? "Scheduled, not yet out (see Publishing)" : "Scheduled";
  const by = entry.byline.length > 0 ? `, by ${bylineText(entry.byline)}` : "";
  return `${state}${entry.section ? `, ${entry.section}` : ""}, ${wall.slice(11, 16)}: ${entry.headline || "Untitled"}${by}`;
}

/** The time a piece dropped on a day of the month is given when it was not dropped on a time. */
export const DAY_DEFAULT_TIME = "09:00";

/** Where a piece dropped on a day of the month (`day`: "2026-12-02") goes: its section's first
 * free slot that day (`slot`: its instant, exact even in a repeated hour), or the day's default
 * time on the desk's clock. */
export function dayPlacement(
  day: string,
  section: string | null,
  slots: FreeSlot[],
  zone: string,
): { wall: Wall; slot: FreeSlot | null } {
  const free = section
    ? slots
        .filter((s) => s.section === section)
        .map((s) => ({ slot: s, wall: wallClock(s.at, zone) }))
        .filter((s) => s.wall.slice(0, 10) === day)
        .sort((a, b) => (a.wall < b.wall ? -1 : a.wall > b.wall ? 1 : 0))
    : [];
  return free.length > 0 ? free[0] : { wall: `${day}T${DAY_DEFAULT_TIME}:00`, slot: null };
}
