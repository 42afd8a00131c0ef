import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, MoveOption } from "../lib/bindings";
import { DeskError } from "../lib/api";
import WorkflowPanel from "./WorkflowPanel.svelte";

const api = vi.hoisted(() => ({ articleMoves: vi.fn(), moveArticle: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const article = { id: "a1", state: "in_review" } as Article;

const approve = (ready: boolean): MoveOption => ({
  action: "approve",
  to: "approved",
  ready,
  needs_note: false,
  needs_time: false,
  checks: [
    { label: "a standfirst", met: true },
    { label: "a bio for every byline contributor", met: ready },
  ],
});
const requestChanges = (ready: boolean): MoveOption => ({
  action: "request_changes",
  to: "changes_requested",
  ready,
  needs_note: true,
  needs_time: false,
  checks: [{ label: "a note saying why", met: ready }],
});

describe("WorkflowPanel", () => {
  beforeEach(() => {
    api.articleMoves.mockReset().mockImplementation(async (_id: string, note: string | null) => [
      approve(false),
      requestChanges(note !== null),
    ]);
    api.moveArticle.mockReset();
  });

  it("shows what blocks approval before anyone presses the button", async () => {
    render(WorkflowPanel, { article, onmoved: () => {} });
    const button = await screen.findByRole("button", { name: "Approve" });
    expect(button).toBeDisabled();
    const checks = screen.getByRole("list", { name: "What Approve needs" });
    expect(checks).toHaveTextContent("✓ done: a standfirst");
    expect(checks).toHaveTextContent("✗ missing: a bio for every byline contributor");
  });

  it("asks the core again as the note is typed, then makes the move with it", async () => {
    const onmoved = vi.fn();
    api.moveArticle.mockResolvedValue({ ...article, state: "changes_requested" });
    render(WorkflowPanel, { article, onmoved });
    expect(await screen.findByRole("button", { name: "Request changes" })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^Note/), "Cut the intro");
    const button = screen.getByRole("button", { name: "Request changes" });
    await vi.waitFor(() => expect(button).toBeEnabled());
    expect(api.articleMoves).toHaveBeenLastCalledWith("a1", "Cut the intro");
    await userEvent.click(button);
    expect(api.moveArticle).toHaveBeenCalledWith("a1", "request_changes", "Cut the intro");
    expect(onmoved).toHaveBeenCalledWith({ ...article, state: "changes_requested" });
  });

  it("shows the core's refusal in words and keeps the note", async () => {
    api.articleMoves.mockResolvedValue([requestChanges(true)]);
    api.moveArticle.mockRejectedValue(new DeskError("forbidden", "Tom Editor may not request changes here"));
    render(WorkflowPanel, { article, onmoved: () => {} });
    await userEvent.type(await screen.findByLabelText(/^Note/), "Shorter");
    await userEvent.click(screen.getByRole("button", { name: "Request changes" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Tom Editor may not request changes here");
    expect(screen.getByLabelText(/^Note/)).toHaveValue("Shorter");
  });
});
