// Import on the Desk: the Import… button and files dropped on the window open the review sheet,
// for editors and the chief only.
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskSettings, ImportOutcome, ImportPreview, User } from "../lib/bindings";
import type { DropHandlers } from "../lib/importFiles";
import { nav } from "../lib/nav.svelte";
import DeskHome from "./DeskHome.svelte";

const api = vi.hoisted(() => ({ listArticles: vi.fn(), findContributors: vi.fn(), previewImportFiles: vi.fn(), commitImport: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));
const files = vi.hoisted(() => ({ pick: vi.fn(), drops: null as DropHandlers | null }));
vi.mock("../lib/importFiles", () => ({
  pickSubmissions: files.pick,
  onFilesDropped: (handlers: DropHandlers) => {
    files.drops = handlers;
    return () => (files.drops = null);
  },
}));

const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };
const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const writer: User = { id: "u2", name: "Ana", role: "contributor", has_passphrase: false, contributor_id: "c1", created_at: "2026-03-01T09:00:00Z" };

function refusedPreview(path: string): ImportOutcome<ImportPreview> {
  const file = path.split("/").pop() ?? path;
  return { file, result: null, error: { code: "bad_file", message: `${file} is empty` } };
}

describe("Import on the Desk", () => {
  beforeEach(() => {
    nav.reset();
    files.drops = null;
    files.pick.mockReset();
    api.listArticles.mockReset().mockResolvedValue({ items: [], next: null });
    api.previewImportFiles.mockReset().mockImplementation(async (paths: string[]) => paths.map(refusedPreview));
  });

  it("opens the review sheet on the files picked in the dialog, and returns to the button", async () => {
    files.pick.mockResolvedValue(["/in/a.txt", "/in/b.md"]);
    render(DeskHome, { user: editor, settings });
    await userEvent.click(screen.getByRole("button", { name: "Import…" }));
    const sheet = await screen.findByRole("dialog", { name: "Import submissions" });
    expect(api.previewImportFiles).toHaveBeenCalledWith(["/in/a.txt", "/in/b.md"]);
    expect(await screen.findByText("b.md is empty")).toBeInTheDocument();
    expect(sheet).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Import…" })).toHaveFocus();
  });

  it("opens nothing when the dialog is cancelled", async () => {
    files.pick.mockResolvedValue([]);
    render(DeskHome, { user: editor, settings });
    await userEvent.click(screen.getByRole("button", { name: "Import…" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(api.previewImportFiles).not.toHaveBeenCalled();
  });

  it("shows where to drop while files hover, and reviews what is dropped, adding to the batch", async () => {
    render(DeskHome, { user: editor, settings });
    await waitFor(() => expect(files.drops).not.toBeNull());
    files.drops?.hovering(true);
    expect(await screen.findByText("Drop submissions to import")).toBeInTheDocument();
    files.drops?.hovering(false);
    await waitFor(() => expect(screen.queryByText("Drop submissions to import")).toBeNull());

    files.drops?.dropped(["/in/a.txt"]);
    expect(await screen.findByText("a.txt is empty")).toBeInTheDocument();
    files.drops?.dropped(["/in/a.txt", "/in/c.html"]);
    expect(await screen.findByText("c.html is empty")).toBeInTheDocument();
    expect(api.previewImportFiles).toHaveBeenLastCalledWith(["/in/c.html"]);
    expect(screen.getAllByText("a.txt is empty")).toHaveLength(1);
  });

  it("offers contributors no import", async () => {
    render(DeskHome, { user: writer, settings });
    await screen.findAllByRole("heading");
    expect(screen.queryByRole("button", { name: "Import…" })).toBeNull();
    expect(files.drops).toBeNull();
  });
});
