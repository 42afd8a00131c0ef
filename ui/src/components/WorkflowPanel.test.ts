import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, ArticleMoves, MoveOption } from "../lib/bindings";
import { DeskError } from "../lib/api";
import { access } from "../test-stubs/desk";
import WorkflowPanel from "./WorkflowPanel.svelte";

const api = vi.hoisted(() => ({ articleMoves: vi.fn(), moveArticle: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const approve = (allowed: boolean): MoveOption => ({
  action: "approve",
  to: "approved",
  allowed,
  needs_note: false,
  needs_time: false,
  // The core lists the unmet checks first.
  checks: [
    ...(allowed ? [] : [{ label: "no bio to print for Ana Ruiz", met: false, field: "byline" }]),
    { label: "a standfirst", met: true, field: "standfirst" },
  ],
});
const requestChanges = (allowed: boolean): MoveOption => ({
  action: "request-changes",
  to: "changes_requested",
  allowed,
  needs_note: true,
  needs_time: false,
  checks: [{ label: allowed ? "a note saying why" : "no note saying why", met: allowed, field: "note" }],
});

/** An article in review, with the moves the core offers its reader (assessed without a note). */
function inReview(version = 3, moves: MoveOption[] = [approve(false), requestChanges(false)]): Article {
  return { id: "a1", state: "in_review", version, access: access(moves) } as Article;
}

describe("WorkflowPanel", () => {
  beforeEach(() => {
    api.articleMoves.mockReset().mockImplementation(async ({ note = null }: ArticleMoves) => [
      approve(false),
      requestChanges(note !== null),
    ]);
    api.moveArticle.mockReset();
  });

  it("shows the moves the core offers with the article, and what blocks approval, without asking again", async () => {
    render(WorkflowPanel, { article: inReview(), onmoved: () => {} });
    const button = screen.getByRole("button", { name: "Approve" });
    expect(button).toBeDisabled();
    const checks = screen.getByRole("list", { name: "What Approve needs" });
    expect(checks).toHaveTextContent("✗ not met: no bio to print for Ana Ruiz");
    expect(checks).not.toHaveTextContent("a standfirst");
    // What is met folds away, closed, under a count.
    const met = screen.getByRole("list", { name: "What Approve has", hidden: true });
    expect(met).toHaveTextContent("✓ done: a standfirst");
    const fold = met.closest("details")!;
    expect(fold).not.toHaveAttribute("open");
    expect(fold.querySelector("summary")).toHaveTextContent("1 check met");
    expect(screen.getByRole("button", { name: "Request changes" })).toBeDisabled();
    expect(api.articleMoves).not.toHaveBeenCalled();
  });

  it("makes the forward move stand out, disabled with what it needs beside it, and keeps rejecting quiet", () => {
    const reject: MoveOption = { ...requestChanges(false), action: "reject", to: "rejected" };
    render(WorkflowPanel, { article: inReview(3, [requestChanges(false), reject, approve(false)]), onmoved: () => {} });
    const approveButton = screen.getByRole("button", { name: "Approve" });
    expect(approveButton).toHaveClass("primary");
    expect(approveButton).toBeDisabled();
    // What it needs is the list right under it, which describes it.
    expect(approveButton).toHaveAccessibleDescription("not met: no bio to print for Ana Ruiz");
    // It comes first, before the moves that turn back.
    expect(screen.getAllByRole("button", { name: /^(Approve|Request changes|Reject)$/ }).map((b) => b.textContent?.trim())).toEqual([
      "Approve",
      "Request changes",
      "Reject",
    ]);
    expect(screen.getByRole("button", { name: "Request changes" })).toHaveClass("quiet");
    expect(screen.getByRole("button", { name: "Request changes" })).not.toHaveClass("primary");
    expect(screen.getByRole("button", { name: "Reject" })).toHaveClass("quiet", "danger");
    expect(document.querySelectorAll("button.primary")).toHaveLength(1);
  });

  it("stands out with the move the state calls for, and with none when only turning back is offered", async () => {
    const claim: MoveOption = { action: "claim", to: "in_review", allowed: true, needs_note: false, needs_time: false, checks: [] };
    const reject: MoveOption = { ...requestChanges(false), action: "reject", to: "rejected" };
    const submitted = { ...inReview(3, [reject, claim]), state: "submitted" } as Article;
    const view = render(WorkflowPanel, { article: submitted, onmoved: () => {} });
    expect(screen.getByRole("button", { name: "Claim for review" })).toHaveClass("primary");
    expect(screen.getByRole("button", { name: "Claim for review" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Claim for review" })).not.toHaveAttribute("aria-describedby");
    expect(screen.getByRole("button", { name: "Reject" })).toHaveAccessibleDescription("not met: no note saying why");
    await view.rerender({ article: inReview(4, [requestChanges(false), reject]), onmoved: () => {} });
    expect(document.querySelectorAll("button.primary")).toHaveLength(0);
  });

  it("lists what is missing first, each a link to its field, and folds what is met", async () => {
    const onfocusfield = vi.fn();
    const submit: MoveOption = {
      action: "submit",
      to: "submitted",
      allowed: false,
      needs_note: false,
      needs_time: false,
      checks: [
        { label: "a headline", met: true, field: "headline" },
        { label: "no body text", met: false, field: "body" },
        { label: "at least one contributor on the byline", met: true, field: "byline" },
        { label: "the article is in review; submit applies to draft", met: false, field: null },
        { label: "no bio to print for Ana Ruiz, Tomasz Wójcik and Marta Lindqvist-Oyelaran-Szczepańska", met: false, field: "byline" },
      ],
    };
    render(WorkflowPanel, { article: { ...inReview(3, [submit]), state: "draft" } as Article, onmoved: () => {}, onfocusfield });
    const missing = screen.getByRole("list", { name: "What Submit needs" });
    expect(Array.from(missing.children).map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "✗ not met: no body text",
      "✗ not met: the article is in review; submit applies to draft",
      "✗ not met: no bio to print for Ana Ruiz, Tomasz Wójcik and Marta Lindqvist-Oyelaran-Szczepańska",
    ]);
    // A check about no field is words, not a link.
    expect(within(missing).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "no body text",
      "no bio to print for Ana Ruiz, Tomasz Wójcik and Marta Lindqvist-Oyelaran-Szczepańska",
    ]);
    expect(screen.getByText("2 checks met")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Submit" })).toHaveAccessibleDescription(/^not met: no body text not met: the article is in review/);
    await userEvent.click(within(missing).getByRole("button", { name: "no body text" }));
    expect(onfocusfield).toHaveBeenLastCalledWith("body");
    await userEvent.click(within(missing).getByRole("button", { name: /^no bio to print/ }));
    expect(onfocusfield).toHaveBeenLastCalledWith("byline");
    expect(onfocusfield).toHaveBeenCalledTimes(2);
  });

  it("takes a missing note to the note field of its own", async () => {
    const onfocusfield = vi.fn();
    render(WorkflowPanel, { article: inReview(), onmoved: () => {}, onfocusfield });
    const missing = screen.getByRole("list", { name: "What Request changes needs" });
    await userEvent.click(within(missing).getByRole("button", { name: "no note saying why" }));
    expect(screen.getByLabelText(/^Note/)).toHaveFocus();
    expect(onfocusfield).not.toHaveBeenCalled();
  });

  it("offers nothing the core does not", () => {
    render(WorkflowPanel, { article: inReview(3, []), onmoved: () => {} });
    expect(screen.getByText(/You have no move to make/)).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("asks the core again as the note is typed, then makes the move with it", async () => {
    const onmoved = vi.fn();
    const moved = { ...inReview(4, []), state: "changes_requested" } as Article;
    api.moveArticle.mockResolvedValue(moved);
    render(WorkflowPanel, { article: inReview(), onmoved });
    expect(screen.getByRole("button", { name: "Request changes" })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^Note/), "Cut the intro");
    const button = screen.getByRole("button", { name: "Request changes" });
    await vi.waitFor(() => expect(button).toBeEnabled());
    expect(api.articleMoves).toHaveBeenLastCalledWith({ id: "a1", note: "Cut the intro" });
    await userEvent.click(button);
    expect(api.moveArticle).toHaveBeenCalledWith({ id: "a1", action: "request-changes", args: { note: "Cut the intro" } });
    expect(onmoved).toHaveBeenCalledWith(moved);
  });

  it("takes a new version's moves from the article, and asks again only while a note is typed", async () => {
    const view = render(WorkflowPanel, { article: inReview(), onmoved: () => {} });
    expect(screen.getByRole("button", { name: "Approve" })).toBeDisabled();
    await view.rerender({ article: inReview(4, [approve(true), requestChanges(false)]), onmoved: () => {} });
    expect(screen.getByRole("button", { name: "Approve" })).toBeEnabled();
    expect(api.articleMoves).not.toHaveBeenCalled();
  });

  it("shows the core's refusal in words, keeps the note and puts the focus where the core says", async () => {
    api.articleMoves.mockResolvedValue([requestChanges(true)]);
    api.moveArticle.mockRejectedValue(
      new DeskError("not_ready", "cannot request changes: a note saying why", {
        field: "note",
        details: { kind: "not_ready", action: "request-changes", unmet: [{ label: "a note saying why", met: false, field: "note" }] },
      }),
    );
    render(WorkflowPanel, { article: inReview(3, [requestChanges(false)]), onmoved: () => {} });
    await userEvent.type(screen.getByLabelText(/^Note/), "  ");
    await userEvent.type(screen.getByLabelText(/^Note/), "Shorter");
    const button = screen.getByRole("button", { name: "Request changes" });
    await vi.waitFor(() => expect(button).toBeEnabled());
    button.focus();
    await userEvent.click(button);
    expect(await screen.findByRole("alert")).toHaveTextContent("cannot request changes: a note saying why");
    expect(screen.getByLabelText(/^Note/)).toHaveValue("  Shorter");
    await vi.waitFor(() => expect(screen.getByLabelText(/^Note/)).toHaveFocus());
  });

  it("shows a refusal that names no field, leaving the focus be", async () => {
    api.articleMoves.mockResolvedValue([requestChanges(true)]);
    api.moveArticle.mockRejectedValue(new DeskError("forbidden", "Tom Editor may not request changes here"));
    render(WorkflowPanel, { article: inReview(), onmoved: () => {} });
    await userEvent.type(screen.getByLabelText(/^Note/), "Shorter");
    const button = screen.getByRole("button", { name: "Request changes" });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    expect(await screen.findByRole("alert")).toHaveTextContent("Tom Editor may not request changes here");
    expect(screen.getByLabelText(/^Note/)).toHaveValue("Shorter");
    expect(button).toHaveFocus();
  });
});
