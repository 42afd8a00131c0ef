import { describe, expect, it, vi } from "vitest";
import type { Calendar as CalendarView } from "./bindings";
import { calendarEvents, conflicts, dayPlacement, freeByDay } from "./calendar";

const view: CalendarView = {
  entries: [
    { article_id: "a", headline: "Ports", section: "Opinion", state: "scheduled", at: "2026-12-01T07:00:00Z", byline: [], conflict: true, overdue: false },
    { article_id: "b", headline: "Debt", section: "Opinion", state: "scheduled", at: "2026-12-01T07:00:00Z", byline: [], conflict: true, overdue: false },
    { article_id: "c", headline: "Salt", section: "News", state: "published", at: "2026-11-30T23:30:00Z", byline: [], conflict: false, overdue: false },
  ],
  // The core gives only the slots still to come by the desk's clock.
  free_slots: [
    { section: "Opinion", at: "2026-12-02T07:00:00Z" },
    { section: "News", at: "2026-12-02T06:00:00Z" },
  ],
};

describe("calendarEvents", () => {
  it("puts each piece at the desk's wall-clock time; a mover may pick up any piece", () => {
    const events = calendarEvents(view, "Europe/Paris", true);
    expect(events.map((e) => [e.id, e.start, e.startEditable])).toEqual([
      ["a", "2026-12-01T08:00:00", true],
      ["b", "2026-12-01T08:00:00", true],
      // 23:30 UTC on the 30th is already the 1st in Paris. Published, it is picked up only to be
      // put back with the reason (CalendarScreen).
      ["c", "2026-12-01T00:30:00", true],
    ]);
    const withdrawn = { ...view, entries: [{ ...view.entries[0], state: "withdrawn" as const }] };
    expect(calendarEvents(withdrawn, "Europe/Paris", true)[0].startEditable).toBe(false);
    expect(events[0].classNames).toContain("piece-conflict");
    expect(events[0].extendedProps.shown).toMatchObject({ conflict: "⚠ 2 Opinion pieces at 08:00" });
    expect(events[2].classNames).toContain("piece-published");
    expect(calendarEvents(view, "Europe/Paris", false).every((e) => !e.startEditable)).toBe(true);
  });

  it("marks a piece the core says is overdue (still scheduled past its time by the desk's clock)", () => {
    const overdue: CalendarView = { ...view, entries: view.entries.map((e) => (e.article_id === "a" ? { ...e, overdue: true } : e)) };
    const events = calendarEvents(overdue, "Europe/Paris", true);
    expect(events[0].classNames).toContain("piece-overdue");
    expect(events[0].extendedProps.shown).toMatchObject({ overdue: true });
    expect(events[1].classNames).not.toContain("piece-overdue");
    expect(events[2].classNames).not.toContain("piece-overdue");
    // The machine's clock has no say: far past the time, a piece the core does not call overdue is not.
    vi.useFakeTimers({ now: new Date("2027-01-01T00:00:00Z") });
    try {
      expect(calendarEvents(view, "Europe/Paris", true).some((e) => e.classNames.includes("piece-overdue"))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the free slots the core gives, by the desk's day", () => {
    const ahead = view.free_slots;
    expect(freeByDay(ahead, "Europe/Paris")).toEqual(new Map([["2026-12-02", ["Opinion 08:00", "News 07:00"]]]));
    const events = calendarEvents(view, "Europe/Paris", true, ahead);
    expect(events.filter((e) => e.classNames.includes("free-slot-event")).map((e) => [e.title, e.start])).toEqual([
      ["Opinion slot", "2026-12-02T08:00:00"],
      ["News slot", "2026-12-02T07:00:00"],
    ]);
  });

  it("lists each conflict once", () => {
    expect(conflicts(view, "Europe/Paris")).toEqual([
      { key: "Opinion|1796108400000", label: "2 Opinion pieces at Tue 1 Dec 2026, 08:00", headlines: ["Ports", "Debt"] },
    ]);
  });
});

describe("dayPlacement", () => {
  const slots = [
    { section: "Opinion", at: "2026-12-02T16:00:00Z" },
    { section: "Opinion", at: "2026-12-02T07:00:00Z" },
    { section: "News", at: "2026-12-02T05:00:00Z" },
    // 23:30 UTC on the 2nd is the 3rd in Paris.
    { section: "Opinion", at: "2026-12-02T23:30:00Z" },
  ];

  it("takes the section's first free slot that day on the desk's clock", () => {
    expect(dayPlacement("2026-12-02", "Opinion", slots, "Europe/Paris")).toEqual({ wall: "2026-12-02T08:00:00", slot: slots[1] });
    expect(dayPlacement("2026-12-03", "Opinion", slots, "Europe/Paris")).toEqual({ wall: "2026-12-03T00:30:00", slot: slots[3] });
    // In New York 07:00 UTC is 02:00 the same day.
    expect(dayPlacement("2026-12-02", "Opinion", slots, "America/New_York").wall).toBe("2026-12-02T02:00:00");
  });

  it("falls back to nine o'clock when the section has no free slot that day, or no section", () => {
    expect(dayPlacement("2026-12-04", "Opinion", slots, "Europe/Paris")).toEqual({ wall: "2026-12-04T09:00:00", slot: null });
    expect(dayPlacement("2026-12-02", null, slots, "Europe/Paris")).toEqual({ wall: "2026-12-02T09:00:00", slot: null });
  });
});
