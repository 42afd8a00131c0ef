import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { Note } from "../lib/bindings";
import NotesPanel from "./NotesPanel.svelte";

const api = vi.hoisted(() => ({ listNotes: vi.fn(), addNote: vi.fn(), resolveNote: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const note = (id: string, body: string, depth: number, parent_id: string | null = null): Note => ({
  id,
  article_id: "a1",
  parent_id,
  author: "Maya Editor",
  body,
  anchor: null,
  created_at: "2026-03-10T09:00:00Z",
  resolved_at: null,
  resolved_by: null,
  depth,
});

describe("NotesPanel", () => {
  beforeEach(() => {
    api.listNotes.mockReset().mockResolvedValue([note("n1", "Source?", 0), note("n2", "March report.", 1, "n1")]);
    api.addNote.mockReset();
  });

  it("shows the thread in order with times in the desk's zone", async () => {
    render(NotesPanel, { articleId: "a1", timezone: "Asia/Tokyo" });
    const items = await screen.findAllByRole("listitem");
    expect(items.map((li) => li.dataset.depth)).toEqual(["0", "1"]);
    expect(items[1]).toHaveTextContent("March report.");
    expect(items[0]).toHaveTextContent("10 Mar 2026, 18:00");
  });

  it("replies to a note and reloads the thread", async () => {
    api.addNote.mockResolvedValue(note("n3", "Thanks", 1, "n1"));
    render(NotesPanel, { articleId: "a1", timezone: "UTC" });
    const [reply] = await screen.findAllByRole("button", { name: "Reply" });
    await userEvent.click(reply);
    await userEvent.type(screen.getByLabelText("Reply to Maya Editor"), "Thanks");
    await userEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect(api.listNotes).toHaveBeenCalledWith({ article_id: "a1" });
    expect(api.addNote).toHaveBeenCalledWith({ article_id: "a1", body: "Thanks", reply_to: "n1" });
    expect(api.listNotes).toHaveBeenCalledTimes(2);
  });

  it("says beside Add note and Send reply why they wait, until something is typed", async () => {
    render(NotesPanel, { articleId: "a1", timezone: "UTC" });
    const add = screen.getByRole("button", { name: "Add note" });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription("Type a note to add it");
    await userEvent.type(screen.getByLabelText("New note"), "   ");
    expect(add).toBeDisabled();
    expect(screen.getByText("Type a note to add it")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("New note"), "Check the figures");
    expect(add).toBeEnabled();
    expect(screen.queryByText("Type a note to add it")).toBeNull();
    expect(add).not.toHaveAttribute("aria-describedby");
    const [reply] = await screen.findAllByRole("button", { name: "Reply" });
    await userEvent.click(reply);
    const send = screen.getByRole("button", { name: "Send reply" });
    expect(send).toBeDisabled();
    expect(send).toHaveAccessibleDescription("Type a reply to send it");
    await userEvent.type(screen.getByLabelText("Reply to Maya Editor"), "Done");
    expect(send).toBeEnabled();
  });

  it("keeps a refused note in its field with the core's words", async () => {
    api.addNote.mockRejectedValue(new DeskError("forbidden", "the article is not yours to annotate"));
    render(NotesPanel, { articleId: "a1", timezone: "UTC" });
    await userEvent.type(await screen.findByLabelText("New note"), "Looks good");
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the article is not yours to annotate");
    expect(screen.getByLabelText("New note")).toHaveValue("Looks good");
  });
});
