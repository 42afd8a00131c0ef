import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { RevisionInfo } from "../lib/bindings";
import HistoryPanel from "./HistoryPanel.svelte";

const api = vi.hoisted(() => ({ articleHistory: vi.fn(), revisionDiff: vi.fn(), restoreRevision: vi.fn() }));
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

  it("offers to restore older revisions only, and shows a refusal in words", async () => {
    api.restoreRevision.mockRejectedValue(new DeskError("forbidden", "Kwame may not edit this article now"));
    render(HistoryPanel, { articleId: "a1", version: 3, timezone: "UTC", onrestored: () => {} });
    const restore = await screen.findAllByRole("button", { name: "Restore this text" });
    expect(restore).toHaveLength(1);
    await userEvent.click(restore[0]);
    expect(api.restoreRevision).toHaveBeenCalledWith({ id: "a1", number: 1, base_version: 3 });
    expect(await screen.findByRole("alert")).toHaveTextContent("Kwame may not edit this article now");
  });
});
