// Moves need the team desk's server: while it is away they are closed, with the reason next to
// them, and open again the moment it is back. A desk file never closes them.
import { render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, FreeSlot, MoveOption, ServerReach } from "../lib/bindings";
import { reach } from "../lib/reach.svelte";
import { access, summary } from "../test-stubs/desk";
import BulkBar from "./BulkBar.svelte";
import WorkflowPanel from "./WorkflowPanel.svelte";

const api = vi.hoisted(() => ({ articleMoves: vi.fn(), moveArticle: vi.fn(), scheduleArticle: vi.fn(), nextFreeSlots: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));

const REASON = "The team desk's server is not answering: moves wait until it is back.";
const away: ServerReach = { online: false, problem: "the desk's server at https://desk.harbourpost.org does not answer" };

const move = (action: MoveOption["action"], to: MoveOption["to"], extra: Partial<MoveOption> = {}): MoveOption => ({
  action,
  to,
  allowed: true,
  needs_note: false,
  needs_time: false,
  checks: [],
  ...extra,
});
const inReview = { id: "a1", state: "in_review", version: 3, access: access([move("approve", "approved")]) } as unknown as Article;
const approved = {
  id: "a2",
  state: "approved",
  section: "Opinion",
  version: 5,
  scheduled_at: null,
  embargo_until: null,
  access: access([
    move("schedule", "scheduled", { allowed: false, needs_time: true, checks: [{ label: "a publication time", met: false, field: "at" }] }),
    move("publish-now", "published"),
  ]),
} as unknown as Article;
const slots: FreeSlot[] = [{ section: "Opinion", at: "2026-12-01T07:00:00Z" }];

/** The window follows a team desk's server, as `first` says it is; `tell` brings news of it. */
async function followTeamDesk(first: ServerReach) {
  let told: ((r: ServerReach) => void) | null = null;
  reach.start({
    now: async () => first,
    listen: (on) => {
      told = on;
      return () => (told = null);
    },
    list: async () => [],
    send: async () => ({ sent: [], conflicts: [], refused: [], waiting: [] }),
    open: () => null,
  });
  await vi.waitFor(() => expect(reach.online).toBe(first.online));
  return { tell: (r: ServerReach) => told?.(r) };
}

const describedBy = (el: HTMLElement) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent?.trim());

describe("moves while a team desk's server is away", () => {
  beforeEach(() => {
    api.articleMoves.mockReset();
    api.moveArticle.mockReset();
    api.scheduleArticle.mockReset();
    api.nextFreeSlots.mockReset().mockResolvedValue(slots);
  });
  afterEach(() => reach.stop());

  it("closes the workflow's moves with the reason beside them, and opens them when the server is back", async () => {
    const { tell } = await followTeamDesk(away);
    render(WorkflowPanel, { article: inReview, onmoved: () => {} });
    const approve = screen.getByRole("button", { name: "Approve" });
    expect(approve).toBeDisabled();
    expect(describedBy(approve)).toContain(REASON);
    expect(screen.getAllByText(REASON)).toHaveLength(1);

    tell({ online: true, problem: null });
    await vi.waitFor(() => expect(approve).toBeEnabled());
    expect(approve).not.toHaveAttribute("aria-describedby");
    expect(screen.queryByText(REASON)).not.toBeInTheDocument();
  });

  it("closes scheduling too: the button and the free slots, said once for the panel", async () => {
    await followTeamDesk(away);
    render(WorkflowPanel, { article: approved, onmoved: () => {}, timezone: "Europe/Paris" });
    const slot = await screen.findByRole("button", { name: /^Schedule for / });
    expect(slot).toBeDisabled();
    expect(describedBy(slot)).toEqual([REASON]);
    const form = screen.getByRole("form", { name: "Schedule" });
    const submit = within(form).getByRole("button", { name: "Schedule" });
    expect(submit).toBeDisabled();
    expect(describedBy(submit)).toContain(REASON);
    expect(screen.getByRole("button", { name: "Publish now" })).toBeDisabled();
    expect(screen.getAllByText(REASON)).toHaveLength(1);
  });

  it("leaves the moves open on a team desk whose server answers, and on a desk file", async () => {
    render(WorkflowPanel, { article: inReview, onmoved: () => {} });
    expect(screen.getByRole("button", { name: "Approve" })).toBeEnabled();
    expect(screen.queryByText(REASON)).not.toBeInTheDocument();
    await followTeamDesk({ online: true, problem: null });
    expect(screen.getByRole("button", { name: "Approve" })).toBeEnabled();
    expect(screen.queryByText(REASON)).not.toBeInTheDocument();
  });

  it("closes the bulk moves of a selection with the reason beside them", async () => {
    api.articleMoves.mockResolvedValue([move("claim", "in_review")]);
    const { tell } = await followTeamDesk(away);
    render(BulkBar, { chosen: [summary("a", "Why ports matter")], queue: "Submitted", timezone: "Europe/Paris", onclear: () => {}, ondone: () => {} });
    const claim = await screen.findByRole("button", { name: "Claim" });
    expect(claim).toBeDisabled();
    expect(describedBy(claim)).toEqual([REASON]);
    tell({ online: true, problem: null });
    await vi.waitFor(() => expect(claim).toBeEnabled());
    expect(screen.queryByText(REASON)).not.toBeInTheDocument();
  });
});
