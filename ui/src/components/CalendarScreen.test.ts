import type { Calendar } from "@event-calendar/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { flushSync } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ArticleSummary, Calendar as CalendarView, CalendarEntry, DeskSettings, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import { summary } from "../test-stubs/desk";
import CalendarScreen from "./CalendarScreen.svelte";

const api = vi.hoisted(() => ({ calendar: vi.fn(), scheduleArticle: vi.fn(), listArticles: vi.fn(), nextFreeSlots: vi.fn() }));
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

const waiting: ArticleSummary[] = [
  summary("t1", "Harbour dues", "approved"),
  summary("t2", "", "approved", { section: null, byline: [] }),
  summary("t3", "Salt roads", "approved", { section: "Analysis" }),
];

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
    api.listArticles.mockReset().mockResolvedValue({ items: waiting, next: null });
    api.nextFreeSlots.mockReset().mockResolvedValue([]);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function opened(desk: DeskSettings = settings, user: User = editor) {
    const view = render(CalendarScreen, { user, settings: desk });
    await waitFor(() => expect(api.calendar).toHaveBeenCalled());
    return view;
  }

  async function eventOf(id: string): Promise<HTMLElement> {
    return waitFor(() => {
      const el = document.querySelector<HTMLElement>(`.ec-event[data-article-id="${id}"]`);
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
  }

  /** A piece's Move to… control, by its label. Where nothing is laid out the month counts every
   * piece as not fitting its day and hides it (behind "+N more"), and a hidden element has no
   * accessible name to find it by. */
  function movesOf(event: HTMLElement, label: string): HTMLElement {
    const control = event.querySelector<HTMLElement>("button.ev-move");
    expect(control).toHaveAttribute("aria-label", label);
    return control as HTMLElement;
  }

  const tray = () => screen.getByRole("complementary", { name: "Waiting for a time" });

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
  describe("the tray of approved pieces", () => {
    it("lists the approved pieces waiting for a time, with section and byline", async () => {
      await opened();
      expect(api.listArticles).toHaveBeenCalledWith({ filter: { state: "approved" }, limit: 100 });
      const items = await waitFor(() => {
        const found = within(tray()).getAllByRole("listitem");
        expect(found).toHaveLength(3);
        return found;
      });
      expect(items[0]).toHaveTextContent("Harbour dues");
      expect(items[0]).toHaveTextContent("Opinion");
      expect(items[0]).toHaveTextContent("Ana Ruiz");
      expect(items[1]).toHaveTextContent("Untitled");
      expect(items[1]).toHaveTextContent("No section");
      expect(within(items[0]).getByRole("button", { name: "Move “Harbour dues” to…" })).toBeInTheDocument();
    });

    it("says so when nothing waits, and counts what it does not list", async () => {
      api.listArticles.mockResolvedValueOnce({ items: [], next: null });
      const { unmount } = await opened();
      await waitFor(() => expect(tray()).toHaveTextContent("No approved pieces waiting for a time."));
      unmount();

      const many = Array.from({ length: 30 }, (_, i) => summary(`m${i}`, `Piece ${i}`, "approved"));
      api.listArticles.mockResolvedValue({ items: many, next: "cursor" });
      await opened();
      await waitFor(() => expect(within(tray()).getAllByRole("listitem")).toHaveLength(25));
      expect(tray()).toHaveTextContent("+5 more approved, and others not read here");
    });

    it("is not there for a contributor, who cannot schedule", async () => {
      await opened(settings, { ...editor, role: "contributor" });
      await eventOf("a1");
      expect(screen.queryByRole("complementary")).toBeNull();
      expect(api.listArticles).not.toHaveBeenCalled();
      expect(document.querySelector(".ev-move")).toBeNull();
    });

    it("is read again with the calendar", async () => {
      await opened();
      await waitFor(() => expect(api.listArticles).toHaveBeenCalledTimes(1));
      for (const reload of live.listeners) reload();
      await waitFor(() => expect(api.listArticles).toHaveBeenCalledTimes(2));
    });

    it("schedules a piece dropped on a day into its section's free slot that day, on the desk's clock", async () => {
      // The desk is in New York: the Opinion slot at 07:00 UTC on 2 December is 02:00 there.
      const { component } = await opened({ ...settings, timezone: "America/New_York" });
      await waitFor(() => expect(within(tray()).getAllByRole("listitem")).toHaveLength(3));
      api.scheduleArticle.mockResolvedValue({ id: "t1", state: "scheduled" });
      // The widget's dates carry the desk's wall clock in their local fields.
      await component.placed(waiting[0], { date: new Date(2026, 11, 2), allDay: true });
      expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "t1", when: { at: "2026-12-02T07:00:00Z" }, note: null });
      expect(screen.getByRole("status")).toHaveTextContent(
        "“Harbour dues” scheduled for 2026-12-02 02:00 (America/New_York), the free Opinion slot that day.",
      );
      expect(within(tray()).getAllByRole("listitem")).toHaveLength(2);
      await waitFor(() => expect(api.calendar).toHaveBeenCalledTimes(2));
    });

    it("gives a day with no free slot nine o'clock on the desk's clock, and says so", async () => {
      const { component } = await opened({ ...settings, timezone: "Europe/London" });
      api.scheduleArticle.mockResolvedValue({ id: "t1", state: "scheduled" });
      await component.placed(waiting[0], { date: new Date(2026, 11, 4), allDay: true });
      expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "t1", when: { at: "2026-12-04 09:00" }, note: null });
      expect(screen.getByRole("status")).toHaveTextContent(
        "“Harbour dues” scheduled for 2026-12-04 09:00 (Europe/London): no free Opinion slot that day, so 09:00.",
      );
      // On the week's grid the time under the pointer is taken as it is.
      await component.placed(waiting[2], { date: new Date(2026, 11, 3, 14, 30), allDay: false });
      expect(api.scheduleArticle).toHaveBeenLastCalledWith({ id: "t3", when: { at: "2026-12-03 14:30" }, note: null });
    });

    it("schedules a piece dragged with the pointer from the tray and let go over a day", async () => {
      await opened();
      const item = await waitFor(() => within(tray()).getAllByRole("listitem")[0]);
      const day = await waitFor(() => {
        const el = document.querySelector('.ec-day time[datetime="2026-12-04"]')?.closest<HTMLElement>(".ec-day");
        expect(el).toBeTruthy();
        return el as HTMLElement;
      });
      api.scheduleArticle.mockResolvedValue({ id: "t1", state: "scheduled" });
      // jsdom lays nothing out: the day is what lies under the pointer.
      const before = document.elementsFromPoint;
      document.elementsFromPoint = vi.fn(() => [day]);
      try {
        await fireEvent.pointerDown(item, { button: 0, clientX: 10, clientY: 10, pointerId: 1 });
        await fireEvent.pointerMove(item, { clientX: 300, clientY: 200, pointerId: 1 });
        expect(day).toHaveClass("drop-target");
        expect(document.querySelector(".tray-ghost")).toHaveTextContent("To 2026-12-04 09:00");
        await fireEvent.pointerUp(item, { clientX: 300, clientY: 200, pointerId: 1 });
      } finally {
        document.elementsFromPoint = before;
      }
      await waitFor(() =>
        expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "t1", when: { at: "2026-12-04 09:00" }, note: null }),
      );
      expect(day).not.toHaveClass("drop-target");
      expect(document.querySelector(".tray-ghost")).toBeNull();
    });

    it("keeps a refused piece in the tray and says why, in the core's words", async () => {
      const { component } = await opened();
      await waitFor(() => expect(within(tray()).getAllByRole("listitem")).toHaveLength(3));
      api.scheduleArticle.mockRejectedValue(new DeskError("invalid_input", "2026-11-02 09:00 has passed: choose a time still to come"));
      await component.placed(waiting[0], { date: new Date(2026, 10, 2), allDay: true });
      expect(screen.getByRole("alert")).toHaveTextContent(
        "“Harbour dues” stays in the tray: 2026-11-02 09:00 has passed: choose a time still to come",
      );
      expect(within(tray()).getAllByRole("listitem")).toHaveLength(3);
      expect(api.calendar).toHaveBeenCalledTimes(1);
    });
  });

  describe("Move to…", () => {
    it("schedules a tray piece from the keyboard into a free slot, and puts focus on the next piece", async () => {
      const user = userEvent.setup();
      api.nextFreeSlots.mockResolvedValue([
        { section: "Opinion", at: "2026-12-02T07:00:00Z" },
        { section: "Opinion", at: "2026-12-03T07:00:00Z" },
      ]);
      api.scheduleArticle.mockResolvedValue({ id: "t1", state: "scheduled" });
      await opened();
      const opener = await screen.findByRole("button", { name: "Move “Harbour dues” to…" });
      // Once scheduled, the piece is no longer approved.
      api.listArticles.mockResolvedValue({ items: waiting.slice(1), next: null });
      opener.focus();
      await user.keyboard("{Enter}");
      const dialog = await screen.findByRole("dialog", { name: "Schedule “Harbour dues”" });
      expect(api.nextFreeSlots).toHaveBeenCalledWith({ section: "Opinion", count: 5 });
      expect(within(dialog).getByLabelText("Time in Europe/Paris")).toBeInTheDocument();
      const slot = await within(dialog).findByRole("button", { name: /^Schedule for Wed 2 Dec 2026, 08:00/ });
      slot.focus();
      await user.keyboard("{Enter}");
      expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "t1", when: { at: "2026-12-02T07:00:00Z" }, note: null });
      await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
      expect(screen.getByRole("status")).toHaveTextContent("“Harbour dues” scheduled for 2026-12-02 08:00 (Europe/Paris).");
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move “Untitled” to…" }));
    });

    it("moves a piece on the calendar to a typed day and time; Esc closes and gives focus back", async () => {
      const user = userEvent.setup();
      api.scheduleArticle.mockResolvedValue({ id: "a1", state: "scheduled" });
      await opened();
      const control = movesOf(await eventOf("a1"), "Move “Piece a1” to…");
      control.focus();
      await user.keyboard("{Enter}");
      // Enter on the control opens the dialog, not the piece.
      expect(nav.article).toBeNull();
      let dialog = await screen.findByRole("dialog", { name: "Move “Piece a1”" });
      expect(dialog).toHaveTextContent("Now at 2026-12-01 08:00 (Europe/Paris).");
      await user.keyboard("{Escape}");
      await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
      expect(document.activeElement).toBe(control);
      expect(api.scheduleArticle).not.toHaveBeenCalled();

      await user.keyboard("{Enter}");
      dialog = await screen.findByRole("dialog", { name: "Move “Piece a1”" });
      await fireEvent.input(within(dialog).getByLabelText("Day"), { target: { value: "2026-12-05" } });
      await fireEvent.input(within(dialog).getByLabelText("Time in Europe/Paris"), { target: { value: "10:15" } });
      await user.click(within(dialog).getByRole("button", { name: "Move" }));
      expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-12-05 10:15" }, note: null });
      await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
      expect(screen.getByRole("status")).toHaveTextContent("“Piece a1” moved to 2026-12-05 10:15 (Europe/Paris).");
    });

    it("keeps the dialog open with the core's words when the time is refused", async () => {
      const user = userEvent.setup();
      api.scheduleArticle.mockRejectedValue(new DeskError("invalid_input", "embargoed until Mon 7 Dec, 09:00: it cannot go out before then"));
      await opened();
      await user.click(await screen.findByRole("button", { name: "Move “Harbour dues” to…" }));
      const dialog = await screen.findByRole("dialog");
      await user.click(within(dialog).getByRole("button", { name: "Schedule" }));
      expect(await within(dialog).findByRole("alert")).toHaveTextContent(
        "“Harbour dues” was not moved: embargoed until Mon 7 Dec, 09:00: it cannot go out before then",
      );
      expect(within(tray()).getAllByRole("listitem")).toHaveLength(3);
    });
  });

  describe("a published piece", () => {
    const published = "“Out already” is published: a published piece cannot move; correct or withdraw it from its page.";

    it("goes back when dragged, and the reason is said; the core is not asked", async () => {
      const { component } = await opened();
      const revert = vi.fn();
      await component.dropped(drop("p1", "2026-11-30T07:00:00", { days: 2 }, revert));
      expect(revert).toHaveBeenCalledOnce();
      expect(api.scheduleArticle).not.toHaveBeenCalled();
      expect(screen.getByRole("alert")).toHaveTextContent(published);
    });

    it("offers Move to… only to say why it cannot move", async () => {
      const user = userEvent.setup();
      await opened();
      const control = movesOf(await eventOf("p1"), "Move “Out already” to…: published, cannot move");
      expect(control).toHaveAttribute("aria-disabled", "true");
      await user.click(control);
      expect(screen.queryByRole("dialog")).toBeNull();
      expect(screen.getByRole("alert")).toHaveTextContent(published);
      expect(nav.article).toBeNull();
    });
  });

  it("clears what a move did after a few seconds; a refusal stays", async () => {
    const { component } = await opened();
    await waitFor(() => expect(within(tray()).getAllByRole("listitem")).toHaveLength(3));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: new Date("2026-11-20T10:00:00Z") });
    api.scheduleArticle.mockResolvedValue({ id: "a1", state: "scheduled" });
    await component.dropped(drop("a1", "2026-12-01T08:00:00", { days: 1 }));
    expect(screen.getByRole("status")).toHaveTextContent("“Piece a1” moved to 2026-12-02 08:00");
    vi.advanceTimersByTime(5_900);
    flushSync();
    expect(screen.getByRole("status")).toHaveTextContent("moved to");
    vi.advanceTimersByTime(200);
    flushSync();
    expect(screen.queryByRole("status")).toBeNull();

    await component.dropped(drop("p1", "2026-11-30T07:00:00", { days: 2 }));
    vi.advanceTimersByTime(60_000);
    flushSync();
    expect(screen.getByRole("alert")).toHaveTextContent("is published");
  });

  it("shows a crowded day's first pieces and +N more, not a taller week", async () => {
    const crowded = Array.from({ length: 5 }, (_, i) => entry(`c${i}`, { section: `S${i}`, at: `2026-12-02T${String(i + 6).padStart(2, "0")}:00:00Z` }));
    api.calendar.mockResolvedValue({ entries: crowded, free_slots: [] });
    await opened();
    await eventOf("c0");
    // The widget keeps the month's rows of one height and counts what does not fit (here, where
    // nothing is laid out, every piece).
    expect(document.querySelector(".ec-day-grid .ec-main")).toHaveClass("ec-uniform");
    const day = document.querySelector('.ec-day time[datetime="2026-12-02"]')?.closest(".ec-day") as HTMLElement;
    await waitFor(() => expect(within(day).getByRole("button", { name: "+5 more" })).toBeInTheDocument());
  });
});
