import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { Article, FreeSlot, MoveOption } from "../lib/bindings";
import { access } from "../test-stubs/desk";
import WorkflowPanel from "./WorkflowPanel.svelte";

const api = vi.hoisted(() => ({
  articleMoves: vi.fn(),
  moveArticle: vi.fn(),
  scheduleArticle: vi.fn(),
  nextFreeSlots: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const move = (action: MoveOption["action"], to: MoveOption["to"], extra: Partial<MoveOption> = {}): MoveOption => ({
  action,
  to,
  allowed: true,
  needs_note: false,
  needs_time: false,
  checks: [],
  ...extra,
});
const schedule = move("schedule", "scheduled", {
  allowed: false,
  needs_time: true,
  checks: [{ label: "a publication time", met: false, field: "at" }],
});

/** The moves the chief is offered on an approved piece. */
const approved = {
  id: "a1",
  state: "approved",
  section: "Opinion",
  version: 5,
  scheduled_at: null,
  embargo_until: null,
  access: access([schedule, move("publish-now", "published")]),
} as unknown as Article;
const scheduled = {
  ...approved,
  state: "scheduled",
  version: 6,
  scheduled_at: "2026-12-01T07:00:00Z",
  access: access([schedule, move("unschedule", "approved")]),
} as Article;
const withMoves = (article: Article, moves: MoveOption[]): Article => ({ ...article, access: access(moves) });

// The desk is in Paris: 07:00 UTC in December is 08:00 there.
const slots: FreeSlot[] = ["2026-12-01T07:00:00Z", "2026-12-01T11:00:00Z", "2026-12-02T07:00:00Z"].map((at) => ({
  section: "Opinion",
  at,
}));

function picker(): HTMLElement {
  return screen.getByRole("form", { name: /^(Schedule|Reschedule)$/ });
}

describe("the schedule picker", () => {
  beforeEach(() => {
    api.articleMoves.mockReset();
    api.moveArticle.mockReset();
    api.scheduleArticle.mockReset();
    api.nextFreeSlots.mockReset().mockResolvedValue(slots);
  });

  it("offers the section's next free slots in the desk's zone, and one click schedules", async () => {
    const onmoved = vi.fn();
    api.scheduleArticle.mockResolvedValue(scheduled);
    render(WorkflowPanel, { article: approved, onmoved, timezone: "Europe/Paris" });
    const first = await screen.findByRole("button", { name: "Schedule for Tue 1 Dec 2026, 08:00" });
    expect(api.nextFreeSlots).toHaveBeenCalledWith({ section: "Opinion", count: 5 });
    expect(document.querySelectorAll("button.free-slot")).toHaveLength(3);
    expect(first).toHaveTextContent("Tue 1 Dec, 08:00");
    expect(screen.getByRole("group", { name: "Publication time in Europe/Paris" })).toBeInTheDocument();
    expect(screen.getByLabelText("Time in Europe/Paris")).toHaveAttribute("type", "time");
    // The chief's other moves stay buttons of their own, quieter than scheduling.
    expect(screen.getByRole("button", { name: "Publish now" })).toHaveClass("quiet");
    expect(screen.getByRole("button", { name: "Schedule" })).toHaveClass("primary");
    await userEvent.click(first);
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-12-01T07:00:00Z" }, note: null });
    expect(onmoved).toHaveBeenCalledWith(scheduled);
  });

  it("starts from the section's first free slot, on the desk's clock", async () => {
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await waitFor(() => expect(screen.getByLabelText("Date")).toHaveValue("2026-12-01"));
    expect(screen.getByLabelText("Time in Europe/Paris")).toHaveValue("08:00");
    expect(screen.getByText(/Filled in with the next free Opinion slot/)).toBeInTheDocument();
    expect(screen.getByLabelText("Date")).not.toHaveAttribute("placeholder");
  });

  describe("on a desk in New York", () => {
    afterEach(() => vi.useRealTimers());

    it("starts from tomorrow at 09:00 there, offers no day before today there, and sends the day and time as chosen", async () => {
      // 03:30 UTC on Sunday 8 March is still Saturday 7 March, 22:30, in New York.
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-08T03:30:00Z") });
      api.nextFreeSlots.mockResolvedValue([]);
      api.scheduleArticle.mockResolvedValue(scheduled);
      render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "America/New_York" });
      const date = screen.getByLabelText("Date");
      const time = screen.getByLabelText("Time in America/New_York");
      expect(date).toHaveValue("2026-03-08");
      expect(time).toHaveValue("09:00");
      expect(date).toHaveAttribute("min", "2026-03-07");
      expect(time).toHaveAttribute("step", "300");
      expect(await screen.findByText(/no free slot in the next weeks/)).toBeInTheDocument();
      // The free slots do not come in over a time chosen by hand.
      await userEvent.clear(date);
      await userEvent.type(date, "2026-03-09");
      await userEvent.clear(time);
      await userEvent.type(time, "14:35");
      await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
      expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-03-09 14:35" }, note: null });
    });

    it("says why Schedule waits while the date is empty", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-08T03:30:00Z") });
      render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "America/New_York" });
      await userEvent.clear(screen.getByLabelText("Date"));
      const button = screen.getByRole("button", { name: "Schedule" });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription("Choose a date and a time first");
    });
  });

  it("shows the core's refusal of a repeated hour next to the fields, keeps them, and offers the two offsets", async () => {
    api.scheduleArticle.mockRejectedValueOnce(
      new DeskError(
        "invalid_input",
        // As the core words it; the offsets come in the details, not out of the words.
        "2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset, \"2026-10-25 02:30 +02:00\" or \"2026-10-25 02:30 +01:00\"",
        { field: "at", details: { kind: "repeated_hour", offsets: ["+02:00", "+01:00"] } },
      ),
    );
    api.scheduleArticle.mockResolvedValueOnce(scheduled);
    const onmoved = vi.fn();
    render(WorkflowPanel, { article: approved, onmoved, timezone: "Europe/Paris" });
    const date = screen.getByLabelText("Date");
    const time = screen.getByLabelText("Time in Europe/Paris");
    await waitFor(() => expect(date).toHaveValue("2026-12-01"));
    await userEvent.clear(date);
    await userEvent.type(date, "2026-10-25");
    await userEvent.clear(time);
    await userEvent.type(time, "02:30{Enter}");
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-10-25 02:30" }, note: null });
    const alert = await within(picker()).findByRole("alert");
    expect(alert).toHaveTextContent("2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset");
    expect(date).toHaveValue("2026-10-25");
    expect(time).toHaveValue("02:30");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(time).toHaveAccessibleDescription(/happens twice/);
    const which = screen.getByLabelText("Which 02:30");
    await waitFor(() => expect(which).toHaveFocus());
    expect(within(which).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["+02:00", "+01:00"]);
    await userEvent.selectOptions(which, "+01:00");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(api.scheduleArticle).toHaveBeenLastCalledWith({ id: "a1", when: { at: "2026-10-25 02:30 +01:00" }, note: null });
    expect(onmoved).toHaveBeenCalledWith(scheduled);
  });

  it("takes the offsets from the details, whatever the words say, and offers none without them", async () => {
    // Words in another language, or reworded: the picker does not read them.
    api.scheduleArticle.mockRejectedValueOnce(
      new DeskError("invalid_input", "2026-10-25 02:30 existe deux fois", {
        field: "at",
        details: { kind: "repeated_hour", offsets: ["+02:00", "+01:00"] },
      }),
    );
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    const which = await screen.findByLabelText(/^Which/);
    expect(within(which).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["+02:00", "+01:00"]);
    expect(within(which).getAllByRole("option")[0]).toHaveTextContent("The first (+02:00, before the clocks go back)");

    // The old sentence with no details: no offsets guessed from it.
    api.scheduleArticle.mockRejectedValueOnce(
      new DeskError(
        "invalid_input",
        "2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset, \"2026-10-25 02:30 +02:00\" or \"2026-10-25 02:30 +01:00\"",
      ),
    );
    await userEvent.clear(screen.getByLabelText("Date"));
    await userEvent.type(screen.getByLabelText("Date"), "2026-10-25");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await within(picker()).findByRole("alert")).toHaveTextContent("happens twice");
    expect(screen.queryByLabelText(/^Which/)).toBeNull();
  });

  it("puts the focus on the date when the core refuses the time", async () => {
    api.scheduleArticle.mockRejectedValue(
      new DeskError("invalid_input", "2027-03-28 02:30 does not exist in Europe/Paris: the clocks skip that hour (daylight saving time); choose another time"),
    );
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await within(picker()).findByRole("alert")).toHaveTextContent("the clocks skip that hour");
    await waitFor(() => expect(screen.getByLabelText("Date")).toHaveFocus());
    expect(screen.queryByLabelText(/^Which/)).toBeNull();
    expect(screen.getByLabelText("Date")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Time in Europe/Paris")).toHaveAttribute("aria-invalid", "true");
  });

  it("says why a piece cannot be scheduled yet, in words, and takes the focus to the date", async () => {
    const words = "Tue 1 Dec 2026, 08:00 (Europe/Paris) has passed: choose a time still to come";
    api.scheduleArticle.mockRejectedValue(
      new DeskError("not_ready", `cannot schedule: ${words}`, {
        details: { kind: "not_ready", action: "schedule", unmet: [{ label: words, met: false, field: "at" }] },
      }),
    );
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await within(picker()).findByRole("alert")).toHaveTextContent(`Cannot schedule: ${words}`);
    await waitFor(() => expect(screen.getByLabelText("Date")).toHaveFocus());
  });

  it("leaves the focus be when the refusal is not about the time", async () => {
    api.scheduleArticle.mockRejectedValue(new DeskError("forbidden", "Ana Ruiz may not schedule articles"));
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    const button = screen.getByRole("button", { name: "Schedule" });
    await userEvent.click(button);
    expect(await within(picker()).findByRole("alert")).toHaveTextContent("Ana Ruiz may not schedule articles");
    expect(button).toHaveFocus();
  });

  it("marks neither field invalid, nor describes them by it, when the failure is not about the time", async () => {
    api.scheduleArticle.mockRejectedValue(new DeskError("unavailable", "The desk's server is not answering: try again when it is back"));
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await waitFor(() => expect(screen.getByLabelText("Date")).toHaveValue("2026-12-01"));
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await within(picker()).findByRole("alert")).toHaveTextContent("not answering");
    for (const field of [screen.getByLabelText("Date"), screen.getByLabelText("Time in Europe/Paris")]) {
      expect(field).toHaveAttribute("aria-invalid", "false");
      expect(field).not.toHaveAccessibleDescription(/not answering/);
    }
  });

  it("reschedules a scheduled piece from its present time, beside Unschedule", async () => {
    render(WorkflowPanel, { article: scheduled, onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByRole("button", { name: "Reschedule" })).toBeEnabled();
    expect(screen.getByLabelText("Date")).toHaveValue("2026-12-01");
    expect(screen.getByLabelText("Time in Europe/Paris")).toHaveValue("08:00");
    expect(screen.getByText(/Scheduled for/)).toHaveTextContent("Scheduled for 1 Dec 2026, 08:00 (Europe/Paris)");
    expect(screen.getByRole("button", { name: "Unschedule" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Reschedule for Tue 1 Dec 2026, 12:00" })).toBeInTheDocument());
    // The slots do not replace the present time, and rescheduling is not the next step.
    expect(screen.getByLabelText("Time in Europe/Paris")).toHaveValue("08:00");
    expect(screen.getByRole("button", { name: "Reschedule" })).not.toHaveClass("primary");
  });

  it("asks for a time when the piece has no section", async () => {
    render(WorkflowPanel, { article: { ...approved, section: null }, onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByText(/no section, so no publication slots/)).toBeInTheDocument();
    expect(api.nextFreeSlots).not.toHaveBeenCalled();
  });

  it("is not there when scheduling is not a move for this user", async () => {
    render(WorkflowPanel, { article: withMoves(approved, []), onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByText(/no move to make/)).toBeInTheDocument();
    expect(document.getElementById("schedule-date")).toBeNull();
  });
});
