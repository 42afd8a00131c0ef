import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
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
    expect(screen.getByLabelText(/^Publication time/)).toHaveAccessibleName("Publication time (Europe/Paris)");
    // The chief's other moves stay buttons of their own.
    expect(screen.getByRole("button", { name: "Publish now" })).toBeInTheDocument();
    await userEvent.click(first);
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-12-01T07:00:00Z" }, note: null });
    expect(onmoved).toHaveBeenCalledWith(scheduled);
  });

  it("schedules at a typed time, as typed, for the core to read in the desk's zone", async () => {
    api.scheduleArticle.mockResolvedValue(scheduled);
    const onmoved = vi.fn();
    render(WorkflowPanel, { article: approved, onmoved, timezone: "Europe/Paris" });
    const button = await screen.findByRole("button", { name: "Schedule" });
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^Publication time/), "2026-12-01 09:15");
    await userEvent.click(button);
    expect(api.scheduleArticle).toHaveBeenCalledWith({ id: "a1", when: { at: "2026-12-01 09:15" }, note: null });
    expect(onmoved).toHaveBeenCalledWith(scheduled);
  });

  it("shows the core's refusal next to the field and keeps what was typed", async () => {
    api.scheduleArticle.mockRejectedValue(
      new DeskError(
        "invalid_input",
        "2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset, \"2026-10-25 02:30 +02:00\" or \"2026-10-25 02:30 +01:00\"",
        { field: "at" },
      ),
    );
    const onmoved = vi.fn();
    render(WorkflowPanel, { article: approved, onmoved, timezone: "Europe/Paris" });
    const field = await screen.findByLabelText(/^Publication time/);
    await userEvent.type(field, "2026-10-25 02:30{Enter}");
    const alert = await within(picker()).findByRole("alert");
    expect(alert).toHaveTextContent("2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset");
    expect(field).toHaveValue("2026-10-25 02:30");
    expect(field).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(field).toHaveFocus());
    expect(onmoved).not.toHaveBeenCalled();
  });

  it("says why a piece cannot be scheduled yet, in words", async () => {
    api.scheduleArticle.mockRejectedValue(
      new DeskError("not_ready", "cannot schedule: a publication time in the future; a publication time not before the embargo"),
    );
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    await userEvent.type(await screen.findByLabelText(/^Publication time/), "2020-01-01 08:00");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await within(picker()).findByRole("alert")).toHaveTextContent(
      "Cannot schedule: a publication time in the future; a publication time not before the embargo",
    );
  });

  it("reschedules a scheduled piece from its present time, beside Unschedule", async () => {
    render(WorkflowPanel, { article: scheduled, onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByRole("button", { name: "Reschedule" })).toBeEnabled();
    expect(screen.getByLabelText(/^Publication time/)).toHaveValue("2026-12-01 08:00");
    expect(screen.getByText(/Scheduled for/)).toHaveTextContent("Scheduled for 1 Dec 2026, 08:00 (Europe/Paris)");
    expect(screen.getByRole("button", { name: "Unschedule" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Reschedule for Tue 1 Dec 2026, 12:00" })).toBeInTheDocument());
  });

  it("asks for a time when the piece has no section", async () => {
    render(WorkflowPanel, { article: { ...approved, section: null }, onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByText(/no section, so no publication slots/)).toBeInTheDocument();
    expect(api.nextFreeSlots).not.toHaveBeenCalled();
  });

  it("is not there when scheduling is not a move for this user", async () => {
    render(WorkflowPanel, { article: withMoves(approved, []), onmoved: () => {}, timezone: "Europe/Paris" });
    expect(await screen.findByText(/no move to make/)).toBeInTheDocument();
    expect(document.getElementById("schedule-at")).toBeNull();
  });
});
