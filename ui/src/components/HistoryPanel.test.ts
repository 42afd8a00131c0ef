import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { RevisionInfo } from "../lib/bindings";
import HistoryPanel from "./HistoryPanel.svelte";

const api = vi.hoisted(() => ({
  articleHistory: vi.fn(),
  revisionDiff: vi.fn(),
  restoreRevision: vi.fn(),
  articleMilestones: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const revision = (number: number, reason: RevisionInfo["reason"]): RevisionInfo => ({
  number,
  version: number,
  author: "Tom Editor",
  at: "2026-03-10T09:00:00Z",
  reason,
  restored_from: null,
  stored_bytes: 120,
});

describe("HistoryPanel", () => {
  beforeEach(() => {
    api.articleHistory.mockReset().mockResolvedValue({ items: [revision(2, "autosave"), revision(1, "save")], next: null });
    api.revisionDiff.mockReset().mockResolvedValue({
      from: 1,
      to: 2,
      words_added: 1,
      words_removed: 1,
      fields: [
        {
          field: "body",
          parts: [
            { kind: "same", text: "renegotiate " },
            { kind: "removed", text: "the" },
            { kind: "added", text: "a" },
            { kind: "same", text: " reform" },
          ],
        },
      ],
    });
    api.restoreRevision.mockReset();
    // A piece that has not been submitted yet.
    api.articleMilestones.mockReset().mockResolvedValue({ submitted: null, approved: null, published: null });
  });

  it("lists revisions with why and who, and compares one with the one before", async () => {
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    expect(await screen.findByText("Autosave")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Compare with #1" }));
    expect(api.articleHistory).toHaveBeenCalledWith({ id: "a1", after: null, limit: 20 });
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 1, to: 2 });
    expect(await screen.findByText("the", { selector: "del" })).toBeInTheDocument();
    expect(screen.getByText("a", { selector: "ins" })).toBeInTheDocument();
    expect(screen.getByText(/1 word added, 1 word removed/)).toBeInTheDocument();
  });

  /** A history of three revisions, #3 (version 3) the text now; the list and its head. */
  function threeRevisions(head = revision(3, "save")) {
    api.articleHistory.mockImplementation(async ({ limit }: { limit: number }) => ({
      items: limit === 1 ? [head] : [head, revision(2, "autosave"), revision(1, "save")],
      next: null,
    }));
  }

  /** What restoring #1 (a new article: its headline only) changes in #3, as the core compares them. */
  const emptied = {
    from: 3,
    to: 1,
    // The core counts the byline's words too.
    words_added: 0,
    words_removed: 11,
    fields: [
      { field: "standfirst", parts: [{ kind: "removed", text: "Trade runs through them." }] },
      { field: "body", parts: [{ kind: "removed", text: "Ports matter more than ever." }] },
      { field: "byline", parts: [{ kind: "removed", text: "Ana Ruiz" }] },
    ],
  };

  it("offers to restore older revisions only, and asks first, showing what the restore changes", async () => {
    threeRevisions();
    api.revisionDiff.mockResolvedValue(emptied);
    const restoredArticle = { id: "a1", version: 4 };
    api.restoreRevision.mockResolvedValue(restoredArticle);
    const onrestored = vi.fn();
    const beforerestore = vi.fn(async () => true);
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored, beforerestore });
    const restore = await screen.findAllByRole("button", { name: "Restore this text" });
    expect(restore).toHaveLength(2);
    await userEvent.click(restore[1]);
    const question = await screen.findByRole("region", { name: "Restore the text of #1?" });
    expect(beforerestore).toHaveBeenCalledTimes(1);
    expect(api.articleHistory).toHaveBeenCalledWith({ id: "a1", after: null, limit: 1 });
    // The text now (#3) against the revision to restore, as the history compares revisions.
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 3, to: 1 });
    expect(within(question).getByText("Trade runs through them.", { selector: "del" })).toBeInTheDocument();
    expect(within(question).getByText("Ports matter more than ever.", { selector: "del" })).toBeInTheDocument();
    // A restore leaves the byline as it is: not shown as a change, nor counted.
    expect(within(question).queryByText("Ana Ruiz")).not.toBeInTheDocument();
    expect(question).toHaveAccessibleDescription(
      "The text now (#3) will be replaced by the text of #1: 0 words added, 9 words removed. You can undo it afterwards. The byline stays as it is.",
    );
    expect(restore[1]).toHaveAttribute("aria-expanded", "true");
    const confirm = within(question).getByRole("button", { name: "Restore #1" });
    expect(confirm).toHaveFocus();
    expect(api.restoreRevision).not.toHaveBeenCalled();
    await userEvent.keyboard("{Enter}");
    expect(api.restoreRevision).toHaveBeenCalledWith({ id: "a1", number: 1, base_version: 3 });
    expect(onrestored).toHaveBeenCalledWith(restoredArticle, { from: 1, before: 3 });
    expect(screen.queryByRole("region", { name: "Restore the text of #1?" })).not.toBeInTheDocument();
  });

  it("closes the question on Esc or Cancel without restoring, the focus back on its button", async () => {
    threeRevisions();
    api.revisionDiff.mockResolvedValue(emptied);
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    const [, restoreFirst] = await screen.findAllByRole("button", { name: "Restore this text" });
    await userEvent.click(restoreFirst);
    await screen.findByRole("button", { name: "Restore #1" });
    // The editor leaves on an Esc nobody took: this one is taken.
    let leftOnEsc = false;
    const editorKeys = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) leftOnEsc = true;
    };
    window.addEventListener("keydown", editorKeys);
    await userEvent.keyboard("{Escape}");
    window.removeEventListener("keydown", editorKeys);
    expect(leftOnEsc).toBe(false);
    expect(screen.queryByRole("region", { name: "Restore the text of #1?" })).not.toBeInTheDocument();
    expect(restoreFirst).toHaveFocus();
    await userEvent.click(restoreFirst);
    const question = await screen.findByRole("region", { name: "Restore the text of #1?" });
    await userEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("region", { name: "Restore the text of #1?" })).not.toBeInTheDocument();
    expect(restoreFirst).toHaveFocus();
    expect(api.restoreRevision).not.toHaveBeenCalled();
  });

  it("offers nothing to restore when the revision's text is the text now", async () => {
    threeRevisions();
    api.revisionDiff.mockResolvedValue({ from: 3, to: 2, words_added: 0, words_removed: 0, fields: [] });
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    const [restoreSecond] = await screen.findAllByRole("button", { name: "Restore this text" });
    await userEvent.click(restoreSecond);
    const question = await screen.findByRole("region", { name: "Restore the text of #2?" });
    expect(question).toHaveTextContent("The text of #2 is the same as the text now: restoring it would change nothing.");
    expect(within(question).queryByRole("button", { name: "Restore #2" })).not.toBeInTheDocument();
    expect(within(question).getByRole("button", { name: "Cancel" })).toHaveFocus();
  });

  it("compares again, without restoring, when the text changed while the question was open", async () => {
    threeRevisions();
    api.revisionDiff.mockResolvedValue(emptied);
    const onrestored = vi.fn();
    const { rerender } = render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored });
    const [, restoreFirst] = await screen.findAllByRole("button", { name: "Restore this text" });
    await userEvent.click(restoreFirst);
    const question = await screen.findByRole("region", { name: "Restore the text of #1?" });
    // The writer typed on; the editor saved it as version 4 (#4).
    threeRevisions({ ...revision(4, "autosave") });
    await rerender({ version: 4 });
    await userEvent.click(within(question).getByRole("button", { name: "Restore #1" }));
    expect(await within(question).findByRole("alert")).toHaveTextContent("The text changed since this comparison: here it is again.");
    expect(api.revisionDiff).toHaveBeenLastCalledWith({ id: "a1", from: 4, to: 1 });
    expect(api.restoreRevision).not.toHaveBeenCalled();
    api.restoreRevision.mockResolvedValue({ id: "a1", version: 5 });
    await userEvent.click(within(question).getByRole("button", { name: "Restore #1" }));
    expect(api.restoreRevision).toHaveBeenCalledWith({ id: "a1", number: 1, base_version: 4 });
    expect(onrestored).toHaveBeenCalledWith({ id: "a1", version: 5 }, { from: 1, before: 4 });
  });

  it("restores nothing while what is typed cannot be saved", async () => {
    threeRevisions();
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {}, beforerestore: async () => false });
    const [, restoreFirst] = await screen.findAllByRole("button", { name: "Restore this text" });
    await userEvent.click(restoreFirst);
    expect(await screen.findByRole("alert")).toHaveTextContent("Your latest changes are not saved yet: the restore waits until they are.");
    expect(api.revisionDiff).not.toHaveBeenCalled();
    expect(api.restoreRevision).not.toHaveBeenCalled();
  });

  it("shows a refusal in words, by its code", async () => {
    threeRevisions();
    api.revisionDiff.mockResolvedValue(emptied);
    api.restoreRevision.mockRejectedValueOnce(new DeskError("forbidden", "Kwame may not edit this article now"));
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    const [, restoreFirst] = await screen.findAllByRole("button", { name: "Restore this text" });
    await userEvent.click(restoreFirst);
    const question = await screen.findByRole("region", { name: "Restore the text of #1?" });
    await userEvent.click(within(question).getByRole("button", { name: "Restore #1" }));
    expect(await within(question).findByRole("alert")).toHaveTextContent("Nothing was restored: Kwame may not edit this article now");
    api.restoreRevision.mockRejectedValueOnce(new DeskError("conflict", "stale"));
    await userEvent.click(within(question).getByRole("button", { name: "Restore #1" }));
    await vi.waitFor(() =>
      expect(within(question).getByRole("alert")).toHaveTextContent(
        "Nothing was restored: the article was changed elsewhere meanwhile. Cancel, and try again on the newest text.",
      ),
    );
  });

  /** A history of six revisions, #6 (version 6) the text now. */
  function sixRevisions() {
    api.articleHistory.mockResolvedValue({
      items: [6, 5, 4, 3, 2, 1].map((n) => revision(n, n % 2 === 0 ? "save" : "autosave")),
      next: null,
    });
  }

  /** The row of revision `number` in the list. */
  function row(number: number): HTMLElement {
    const found = screen.getAllByRole("listitem").find((li) => li.querySelector(".rev-number")?.textContent === `#${number}`);
    if (!found) throw new Error(`no row for #${number}`);
    return found;
  }

  const comparePiece = () => screen.queryByRole("group", { name: "Compare the piece:" });

  it("compares the piece as submitted, as approved and as published, word by word", async () => {
    sixRevisions();
    api.articleMilestones.mockResolvedValue({ submitted: 2, approved: 4, published: 6 });
    api.revisionDiff.mockResolvedValue({
      from: 2,
      to: 6,
      words_added: 1,
      words_removed: 1,
      fields: [
        {
          field: "body",
          parts: [
            { kind: "same", text: "Ports matter " },
            { kind: "removed", text: "more" },
            { kind: "added", text: "less" },
            { kind: "same", text: " than ever." },
          ],
        },
      ],
    });
    render(HistoryPanel, { articleId: "a1", version: 6, timezone: "UTC", onrestored: () => {} });
    const group = await screen.findByRole("group", { name: "Compare the piece:" });
    expect(api.articleMilestones).toHaveBeenCalledWith({ id: "a1" });
    expect(within(group).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "As submitted → as published",
      "As submitted → as approved",
      "As approved → as published",
    ]);
    await userEvent.click(within(group).getByRole("button", { name: "As submitted → as published" }));
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 2, to: 6 });
    const heading = await screen.findByRole("heading", { name: /^As submitted \(#2\) → as published \(#6\):/ });
    expect(heading).toHaveTextContent("As submitted (#2) → as published (#6): 1 word added, 1 word removed");
    expect(screen.getByText("more", { selector: "del" })).toBeInTheDocument();
    expect(screen.getByText("less", { selector: "ins" })).toBeInTheDocument();
    // A plain comparison of two revisions is named by their numbers again.
    api.revisionDiff.mockResolvedValue({ from: 5, to: 6, words_added: 0, words_removed: 0, fields: [] });
    await userEvent.click(within(row(6)).getByRole("button", { name: "Compare with #5" }));
    expect(await screen.findByRole("heading", { name: /^#5 → #6:/ })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /^As submitted/ })).not.toBeInTheDocument();
  });

  it("offers no comparison of the piece until two of its stages are in different revisions", async () => {
    sixRevisions();
    api.articleMilestones.mockResolvedValue({ submitted: 2, approved: null, published: null });
    render(HistoryPanel, { articleId: "a1", version: 6, timezone: "UTC", onrestored: () => {} });
    // The milestones arrived: the revision as submitted says so.
    await vi.waitFor(() => expect(within(row(2)).getByText("submitted")).toBeInTheDocument());
    expect(api.articleMilestones).toHaveBeenCalledWith({ id: "a1" });
    expect(comparePiece()).not.toBeInTheDocument();
    expect(screen.queryByText("Compare the piece:")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^As / })).not.toBeInTheDocument();
  });

  it("labels the revisions that hold the piece as submitted, as approved and as published", async () => {
    sixRevisions();
    api.articleMilestones.mockResolvedValue({ submitted: 2, approved: 4, published: 6 });
    render(HistoryPanel, { articleId: "a1", version: 6, timezone: "UTC", onrestored: () => {} });
    await vi.waitFor(() => expect(within(row(2)).getByText("submitted")).toBeInTheDocument());
    expect(within(row(4)).getByText("approved")).toBeInTheDocument();
    expect(within(row(6)).getByText("published")).toBeInTheDocument();
    expect(row(2)).toHaveTextContent("Saved, submitted");
    for (const n of [1, 3, 5]) expect(within(row(n)).queryByText(/^(submitted|approved|published)$/)).not.toBeInTheDocument();
    expect(within(row(4)).queryByText(/^(submitted|published)$/)).not.toBeInTheDocument();
  });

  it("puts the older text first, and skips stages held by the same revision", async () => {
    sixRevisions();
    // Published as approved (#3), then reopened and submitted again (#5).
    api.articleMilestones.mockResolvedValue({ submitted: 5, approved: 3, published: 3 });
    render(HistoryPanel, { articleId: "a1", version: 6, timezone: "UTC", onrestored: () => {} });
    const group = await screen.findByRole("group", { name: "Compare the piece:" });
    expect(within(group).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "As published → as submitted",
      "As approved → as submitted",
    ]);
    expect(within(row(3)).getByText("approved")).toBeInTheDocument();
    expect(within(row(3)).getByText("published")).toBeInTheDocument();
    expect(row(3)).toHaveTextContent("Autosave, approved, published");
    api.revisionDiff.mockResolvedValue({ from: 3, to: 5, words_added: 0, words_removed: 0, fields: [] });
    await userEvent.click(within(group).getByRole("button", { name: "As published → as submitted" }));
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 3, to: 5 });
    expect(await screen.findByRole("heading", { name: /^As published \(#3\) → as submitted \(#5\):/ })).toBeInTheDocument();
  });

  it("looks the milestones up again when the article changes", async () => {
    sixRevisions();
    api.articleMilestones.mockResolvedValue({ submitted: 2, approved: null, published: null });
    const { rerender } = render(HistoryPanel, { articleId: "a1", version: 6, timezone: "UTC", onrestored: () => {} });
    await vi.waitFor(() => expect(within(row(2)).getByText("submitted")).toBeInTheDocument());
    expect(comparePiece()).not.toBeInTheDocument();
    // Approved: the move made revision #7.
    api.articleHistory.mockResolvedValue({
      items: [7, 6, 5, 4, 3, 2, 1].map((n) => revision(n, "save")),
      next: null,
    });
    api.articleMilestones.mockResolvedValue({ submitted: 2, approved: 7, published: null });
    await rerender({ version: 7 });
    const group = await screen.findByRole("group", { name: "Compare the piece:" });
    expect(api.articleMilestones).toHaveBeenCalledTimes(2);
    expect(within(group).getByRole("button", { name: "As submitted → as approved" })).toBeInTheDocument();
    expect(within(row(7)).getByText("approved")).toBeInTheDocument();
  });

  it("keeps the list of revisions working when the milestones cannot be looked up", async () => {
    api.articleMilestones.mockRejectedValue(new DeskError("internal", "The desk did not answer."));
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    expect(await screen.findByText("Autosave")).toBeInTheDocument();
    expect(
      await screen.findByText(
        "The piece as submitted, approved and published cannot be compared just now: The desk did not answer.",
      ),
    ).toBeInTheDocument();
    expect(api.articleMilestones).toHaveBeenCalledWith({ id: "a1" });
    // A quiet note, not an alert, and no comparison of the piece.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(comparePiece()).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Compare with #1" }));
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 1, to: 2 });
    expect(await screen.findByText("the", { selector: "del" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /^#1 → #2:/ })).toBeInTheDocument();
  });
});
