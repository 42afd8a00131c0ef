// Several rows of a queue selected and moved together: the bar, what it offers, what it says.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import { summary } from "../test-stubs/desk";
import type { Action, Article, ArticleSummary, Check, MoveArticle, MoveOption, ScheduleArticle, State } from "../lib/bindings";
import { queuesFor } from "../lib/queues";
import QueueSection from "./QueueSection.svelte";

const api = vi.hoisted(() => ({
  listArticles: vi.fn(),
  articleMoves: vi.fn(),
  moveArticle: vi.fn(),
  scheduleArticle: vi.fn(),
  getArticle: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));


const check = (label: string, met: boolean, field: string | null = null): Check => ({ label, met, field });
function move(action: Action, to: State, checks: Check[] = [], needs_time = false): MoveOption {
  return { action, to, allowed: checks.every((c) => c.met), needs_note: false, needs_time, checks };
}
const claim = move("claim", "in_review");
const reject = { ...move("reject", "rejected", [check("a note saying why", false, "note")]), needs_note: true };
// As the core assesses scheduling without a time: everything met but the time.
const schedule = () => move("schedule", "scheduled", [check("a publication time", false, "at")], true);

/** The article as a move made it. */
const moved = (a: ArticleSummary, over: Partial<Article> = {}) => ({ ...a, ...over }) as unknown as Article;

let rows: ArticleSummary[] = [];
let movesOf: Record<string, MoveOption[]> = {};

function show(queueKey: string) {
  const queue = queuesFor("chief").find((q) => q.key === queueKey)!;
  render(QueueSection, { queue, filter: { section: null, contributor: null }, userId: "u1", timezone: "Europe/Paris", onopen: () => {} });
  return screen.findByRole("listbox", { name: queue.title });
}
const bar = () => screen.getByRole("group", { name: /^Selected in / });
const chosen = () => screen.queryAllByRole("option", { selected: true }).map((o) => o.querySelector(".headline")!.textContent!.trim());

describe("QueueSection: several rows at once", () => {
  beforeEach(() => {
    rows = [summary("a", "Why ports matter", "submitted"), summary("b", "Rates again", "submitted"), summary("c", "Cities and heat", "submitted")];
    movesOf = { a: [claim, reject], b: [claim, reject], c: [claim, reject] };
    api.listArticles.mockReset().mockImplementation(async () => ({ items: rows, next: null }));
    api.articleMoves.mockReset().mockImplementation(async ({ id }: { id: string }) => movesOf[id]);
    api.moveArticle.mockReset().mockImplementation(async ({ id }: MoveArticle) => moved(rows.find((r) => r.id === id)!, { state: "in_review" }));
    api.scheduleArticle.mockReset();
    api.getArticle.mockReset();
  });

  it("says how many are selected and offers the moves every one of them allows, asking the core about each", async () => {
    const list = await show("submitted");
    list.focus();
    await fireEvent.keyDown(list, { key: "J", shiftKey: true });
    await fireEvent.keyDown(list, { key: "J", shiftKey: true });
    expect(within(bar()).getByText("3 selected")).toHaveAttribute("role", "status");
    expect(await within(bar()).findByRole("button", { name: "Claim" })).toBeEnabled();
    // Rejecting takes a note each: not a move made in bulk.
    expect(within(bar()).queryByRole("button", { name: /Reject/ })).not.toBeInTheDocument();
    expect(within(bar()).queryByRole("button", { name: /Schedule|Unschedule/ })).not.toBeInTheDocument();
    expect(api.articleMoves.mock.calls.map(([input]) => input.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("offers a move only when every selected article allows it", async () => {
    movesOf.b = [move("claim", "in_review", [check("the article is in review; claim applies to submitted", false)])];
    const list = await show("submitted");
    list.focus();
    await fireEvent.keyDown(list, { key: "x" });
    expect(await within(bar()).findByRole("button", { name: "Claim" })).toBeInTheDocument();
    await fireEvent.keyDown(list, { key: "J", shiftKey: true });
    expect(await within(bar()).findByText("No move applies to all of them.")).toBeInTheDocument();
    expect(within(bar()).queryByRole("button", { name: "Claim" })).not.toBeInTheDocument();
  });

  it("claims one article at a time, in order, says what went through and why the rest did not, and keeps those selected", async () => {
    api.moveArticle.mockImplementation(async ({ id }: MoveArticle) => {
      if (id === "b") {
        throw new DeskError("not_ready", "cannot claim: the article is in review; claim applies to submitted", {
          details: { kind: "not_ready", action: "claim", unmet: [check("the article is in review; claim applies to submitted", false)] },
        });
      }
      return moved(rows.find((r) => r.id === id)!, { state: "in_review" });
    });
    api.getArticle.mockResolvedValue(moved(rows[1], { state: "in_review", assigned_editor: "Maya" }));
    const list = await show("submitted");
    list.focus();
    await fireEvent.keyDown(list, { key: "a", ctrlKey: true });
    await userEvent.click(await within(bar()).findByRole("button", { name: "Claim" }));

    const report = () => bar().querySelector(".bulk-report");
    await waitFor(() => expect(report()).toHaveTextContent("2 claimed; “Rates again” was not: it is already claimed by Maya."));
    expect(report()).toHaveAttribute("role", "status");
    expect(api.moveArticle.mock.calls.map(([input]) => [input.id, input.action])).toEqual([
      ["a", "claim"],
      ["b", "claim"],
      ["c", "claim"],
    ]);
    expect(chosen()).toEqual(["Rates again"]);
    expect(within(bar()).getByText("1 selected")).toBeInTheDocument();
    expect(document.body).not.toHaveFocus();
  });

  it("asks the core about the next article only once it has answered about the one before", async () => {
    let answer = () => {};
    api.moveArticle.mockImplementationOnce(
      ({ id }: MoveArticle) => new Promise((resolve) => (answer = () => resolve(moved(rows.find((r) => r.id === id)!)))),
    );
    const list = await show("submitted");
    list.focus();
    await fireEvent.keyDown(list, { key: "a", ctrlKey: true });
    await userEvent.click(await within(bar()).findByRole("button", { name: "Claim" }));
    expect(within(bar()).getByRole("button", { name: "Claim…" })).toBeDisabled();
    await new Promise((r) => setTimeout(r, 20));
    expect(api.moveArticle).toHaveBeenCalledTimes(1);
    answer();
    await waitFor(() => expect(api.moveArticle).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(bar()).toHaveTextContent("3 claimed."));
  });

  it("says why in the core's words when a move is refused for another reason", async () => {
    api.moveArticle.mockRejectedValue(new DeskError("busy", "the desk file is in use by another program: try again in a moment"));
    const list = await show("submitted");
    await fireEvent.click(within(list).getByRole("option", { name: /^Why ports matter/ }), { ctrlKey: true });
    expect(chosen()).toEqual(["Why ports matter"]);
    await userEvent.click(await within(bar()).findByRole("button", { name: "Claim" }));
    await waitFor(() =>
      expect(bar()).toHaveTextContent("“Why ports matter” was not claimed: the desk file is in use by another program: try again in a moment."),
    );
    expect(chosen()).toEqual(["Why ports matter"]);
  });

  it("schedules approved pieces into the next free slots, one after another, saying when each goes out", async () => {
    rows = [summary("p", "Harbour dues", "approved"), summary("q", "Grain prices", "approved")];
    movesOf = { p: [schedule()], q: [schedule()] };
    const at: Record<string, string> = { p: "2026-03-11T07:00:00Z", q: "2026-03-12T07:00:00Z" };
    api.scheduleArticle.mockImplementation(async ({ id }: ScheduleArticle) =>
      moved(rows.find((r) => r.id === id)!, { state: "scheduled", scheduled_at: at[id] }),
    );
    const list = await show("approved");
    list.focus();
    await fireEvent.keyDown(list, { key: "J", shiftKey: true });
    await userEvent.click(await within(bar()).findByRole("button", { name: "Schedule into the next free slots" }));
    await waitFor(() =>
      expect(bar()).toHaveTextContent(
        "2 scheduled: “Harbour dues” for 11 Mar 2026, 08:00, “Grain prices” for 12 Mar 2026, 08:00 (Europe/Paris).",
      ),
    );
    expect(api.scheduleArticle.mock.calls.map(([input]) => input)).toEqual([
      { id: "p", when: "next_slot", note: null },
      { id: "q", when: "next_slot", note: null },
    ]);
    expect(chosen()).toEqual([]);
  });

  it("offers Unschedule for scheduled pieces, and not scheduling them again", async () => {
    rows = [summary("s", "Harbour dues", "scheduled"), summary("t", "Grain prices", "scheduled")];
    movesOf = { s: [schedule(), move("unschedule", "approved")], t: [schedule(), move("unschedule", "approved")] };
    api.moveArticle.mockImplementation(async ({ id }: MoveArticle) => moved(rows.find((r) => r.id === id)!, { state: "approved" }));
    const list = await show("scheduled");
    list.focus();
    await fireEvent.keyDown(list, { key: "a", ctrlKey: true });
    const unschedule = await within(bar()).findByRole("button", { name: "Unschedule" });
    expect(screen.queryByRole("button", { name: /Schedule into/ })).not.toBeInTheDocument();
    await userEvent.click(unschedule);
    await waitFor(() => expect(bar()).toHaveTextContent("2 unscheduled."));
    expect(api.moveArticle.mock.calls.map(([input]) => [input.id, input.action])).toEqual([
      ["s", "unschedule"],
      ["t", "unschedule"],
    ]);
  });

  it("goes away with the selection on Esc, the focus staying on the list", async () => {
    const list = await show("submitted");
    list.focus();
    await fireEvent.keyDown(list, { key: "x" });
    expect(bar()).toBeInTheDocument();
    await fireEvent.keyDown(list, { key: "Escape" });
    expect(screen.queryByRole("group", { name: /^Selected in / })).not.toBeInTheDocument();
    expect(list).toHaveFocus();
  });

  it("can be reached and used from the keyboard", async () => {
    const list = await show("submitted");
    list.focus();
    await userEvent.keyboard("x");
    await within(bar()).findByRole("button", { name: "Claim" });
    await userEvent.tab();
    expect(within(bar()).getByRole("button", { name: "Claim" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(bar()).toHaveTextContent("1 claimed."));
    expect(api.moveArticle).toHaveBeenCalledWith({ id: "a", action: "claim" });
    expect(bar()).toContainElement(document.activeElement as HTMLElement);
  });
});
