import type { Calendar } from "@event-calendar/core";
import { render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { Calendar as CalendarView, CalendarEntry, DeskSettings, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import CalendarScreen from "./CalendarScreen.svelte";

const api = vi.hoisted(() => ({ calendar: vi.fn(), scheduleArticle: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
const live = vi.hoisted(() => ({ listeners: new Set<() => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.listeners.add(reload);
    return () => live.listeners.delete(reload);
  },
}));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
// The desk is in Paris; the tests' machine may be anywhere.
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

function entry(id: string, extra: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    article_id: id,
    headline: `Piece ${id}`,
    section: "Opinion",
    state: "scheduled",
    at: "2026-12-01T07:00:00Z",
    byline: [{ contributor_id: "c1", name: "Ana Ruiz" }],
    conflict: false,
    overdue: false,
    ...extra,
  };
}

const december: CalendarView = {
  entries: [
    entry("a1"),
    entry("a2", { section: "Analysis", at: "2026-12-03T08:00:00Z", conflict: true, headline: "Ports" }),
    entry("a3", { section: "Analysis", at: "2026-12-03T08:00:00Z", conflict: true, headline: "Debt" }),
    entry("p1", { state: "published", at: "2026-11-30T06:00:00Z", headline: "Out already" }),
  ],
  free_slots: [{ section: "Opinion", at: "2026-12-02T07:00:00Z" }],
};

type Drop = Pick<Calendar.EventDropInfo, "event" | "delta" | "revert">;

function drop(id: string, wall: string, delta: Partial<Drop["delta"]>, revert = vi.fn()): Drop {
  const e = december.entries.find((x) => x.article_id === id) as CalendarEntry;
  return {
    event: { id, extendedProps: { shown: { kind: "piece", entry: e, wall, conflict: null } } } as unknown as Drop["event"],
    delta: { years: 0, months: 0, days: 0, seconds: 0, inWeeks: false, ...delta },
    revert,
  };
}

describe("CalendarScreen", () => {
  beforeEach(() => {
    nav.reset();
    nav.screen = "calendar";
    live.listeners.clear();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-20T10:00:00Z"));
    api.calendar.mockReset().mockResolvedValue(december);
    api.scheduleArticle.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function opened() {
    const view = render(CalendarScreen, { user: editor, settings });
    await waitFor(() => expect(api.calendar).toHaveBeenCalled());
    return view;
  }

  it("reads the month shown, widened to cover any zone, and shows each piece at the desk's time", async () => {
    await opened();
    // November 2026's grid runs from Monday 26 October to Monday 7 December.
    expect(api.calendar).toHaveBeenCalledWith({ from: "2026-10-25T10:00:00.000Z", to: "2026-12-07T14:00:00.000Z" });
    const piece = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ec-event[data-article-id="a1"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    // 07:00 UTC is 08:00 in Paris.
    expect(piece).toHaveTextContent("08:00");
    expect(piece).toHaveTextContent("Piece a1");
    expect(piece).toHaveAttribute("aria-label", "Scheduled, Opinion, 08:00: Piece a1, by Ana Ruiz");
    expect(document.querySelector('.ec-event[data-article-id="p1"]')).toHaveClass("piece-published");
  });

  it("marks a piece overdue when the core says so, not by the machine's clock", async () => {
    // The machine's clock (20 November) is before every piece; the core's clock says a1 is late.
    api.calendar.mockResolvedValue({
      ...december,
      entries: december.entries.map((e) => (e.article_id === "a1" ? { ...e, overdue: true } : e)),
    });
    await opened();
    const late = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ec-event[data-article-id="a1"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(late).toHaveClass("piece-overdue");
    expect(late).toHaveTextContent("Not out");
    expect(late).toHaveAttribute("aria-label", "Scheduled, not yet out (see Publishing), Opinion, 08:00: Piece a1, by Ana Ruiz");
    expect(document.querySelector('.ec-event[data-article-id="a2"]')).not.toHaveClass("piece-overdue");
  });

  it("names a conflict: two pieces of one section at one time", async () => {
    await opened();
    const region = await screen.findByRole("region", { name: "Conflicts" });
    expect(region).toHaveTextContent("2 Analysis pieces at Thu 3 Dec 2026, 09:00: “Ports”, “Debt”");
  });

  it("marks the free slots still to come on their day", async () => {
    await opened();
    await waitFor(() => expect(document.querySelector(".day-free")).not.toBeNull());
    expect(document.querySelector(".day-free")).toHaveAttribute("aria-label", "1 free slot: Opinion 08:00");
  });

  it("moves a dropped piece to the new time as the desk types it, and reads the calendar again", async () => {
    const { component } = await opened();
    api.scheduleArticle.mockResolvedValue({ id: "a1", state: "scheduled" });
    const revert = vi.fn();
    // From Tuesday 08:00 to Wednesday 09:30 on the desk's clock.
    await component.dropped(drop("a1", "2026-12-01T08:00:00", { days: 1, seconds: 5400 }, revert));
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-12-02 09:30" }, note: null });
    expect(revert).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("“Piece a1” moved to 2026-12-02 09:30 (Europe/Paris).");
    expect(api.calendar).toHaveBeenCalledTimes(2);
  });

  it("puts a refused piece back and says why, in the core's words", async () => {
    const { component } = await opened();
    api.scheduleArticle.mockRejectedValue(
      new DeskError(
        "invalid_input",
        "2026-03-29 02:30 does not exist in Europe/Paris: the clocks skip that hour (daylight saving time); choose another time",
      ),
    );
    const revert = vi.fn();
    await component.dropped(drop("a1", "2026-03-28T02:30:00", { days: 1 }, revert));
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-03-29 02:30" }, note: null });
    expect(revert).toHaveBeenCalledOnce();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "“Piece a1” stays where it was: 2026-03-29 02:30 does not exist in Europe/Paris",
    );
  });

  it("opens a piece when it is clicked", async () => {
    await opened();
    const piece = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ec-event[data-article-id="a1"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    piece.click();
    expect(nav.article).toBe("a1");
  });

  it("reads the calendar again after a change to the desk", async () => {
    await opened();
    for (const reload of live.listeners) reload();
    await waitFor(() => expect(api.calendar).toHaveBeenCalledTimes(2));
  });
});
