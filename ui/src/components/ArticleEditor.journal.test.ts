// The editor and the journal of unsaved text on this computer: kept before the bar says more than
// "Unsaved", cleared when the desk confirms, offered back when the article is opened again.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { Article, ArticleEdit, JournalEntry, Page, RevisionInfo, SaveArticle, User } from "../lib/bindings";
import type { ArticleDraft } from "../lib/draft";
import { article as shared } from "../test-stubs/desk";
import ArticleEditor from "./ArticleEditor.svelte";

const api = vi.hoisted(() => ({
  getArticle: vi.fn(),
  saveArticle: vi.fn(),
  resolveConflict: vi.fn(),
  articleMoves: vi.fn(async () => []),
  listNotes: vi.fn(async () => []),
  articleHistory: vi.fn(async (): Promise<Page<RevisionInfo>> => ({ items: [], next: null })),
  restoreRevision: vi.fn(),
  getContributor: vi.fn(),
  findContributors: vi.fn(async () => []),
  searchArticles: vi.fn(async () => ({ items: [], next: null })),
  journalKeep: vi.fn(),
  journalList: vi.fn(),
  journalSettle: vi.fn(),
  journalDiscard: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };

/** A draft with one paragraph, no section and no editor yet. */
function article(over: Partial<Article> = {}): Article {
  return shared({ body: "First paragraph.", section: null, state: "draft", word_count: 2, assigned_editor: null, ...over });
}

function kept(base: number, edit: Partial<ArticleEdit>): JournalEntry {
  const text: ArticleEdit = {
    headline: "Why ports matter",
    standfirst: "Trade runs through them.",
    body: "First paragraph.",
    section: null,
    tags: ["trade"],
    byline: [{ contributor: "c1", printed_bio: null }],
    related: [],
    ...edit,
  };
  return { article_id: "a1", base_version: base, edit: text, written_at: "2026-03-10T09:42:00Z" };
}

function open(a: Article = article()) {
  render(ArticleEditor, { article: a, user: editor, sections: [], timezone: "Europe/Paris", onclose: vi.fn() });
  return { saveState: () => document.querySelector(".save-state")! };
}

describe("ArticleEditor and the journal of unsaved text", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.saveArticle
      .mockReset()
      .mockImplementation(async ({ base_version, edit }: SaveArticle) => article({ ...(edit as ArticleDraft), byline: article().byline, related: [], version: base_version + 1 }));
    api.resolveConflict.mockReset();
    api.journalKeep.mockReset().mockResolvedValue(null);
    api.journalList.mockReset().mockResolvedValue([]);
    api.journalSettle.mockReset().mockResolvedValue(true);
    api.journalDiscard.mockReset().mockResolvedValue(null);
  });
  afterEach(() => vi.useRealTimers());

  it("says only “Unsaved” until the text is kept on this computer, and clears it once the desk has it", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let keep: () => void = () => {};
    api.journalKeep.mockImplementation(() => new Promise((resolve) => (keep = () => resolve(null))));
    const { saveState } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    expect(saveState()).toHaveTextContent(/^Unsaved$/);
    await vi.advanceTimersByTimeAsync(300);
    expect(api.journalKeep).toHaveBeenCalledWith("a1", 4, expect.objectContaining({ headline: "Why ports matter!" }));
    expect(saveState()).toHaveTextContent(/^Unsaved$/);
    keep();
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Kept on this computer"));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Saved"));
    expect(api.journalSettle).toHaveBeenCalledWith("a1", expect.objectContaining({ headline: "Why ports matter!" }));
  });

  it("says the text is kept here when the desk refuses the save for now", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValue(new DeskError("busy", "the desk file is in use by another program"));
    const { saveState } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Not saved: the desk file is in use by another program"));
    expect(screen.getByText("Your text is kept on this computer.")).toBeInTheDocument();
    expect(api.journalSettle).not.toHaveBeenCalled();
  });

  it("offers back kept text on the same version, and restoring saves it on that version", async () => {
    api.journalList.mockResolvedValue([kept(4, { body: "First paragraph, and the words typed while the desk was locked." })]);
    open();
    expect(await screen.findByRole("heading", { name: /You have unsaved text from/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Restore" })).toHaveFocus();
    expect(document.querySelector("#headline")).toHaveAttribute("readonly");
    screen.getByRole("button", { name: "Restore" }).click();
    await vi.waitFor(() => expect(api.saveArticle).toHaveBeenCalledTimes(1));
    expect(api.saveArticle).toHaveBeenCalledWith({
      id: "a1",
      base_version: 4,
      edit: expect.objectContaining({ body: "First paragraph, and the words typed while the desk was locked." }),
      autosave: false,
    });
    await vi.waitFor(() => expect(screen.queryByRole("heading", { name: /You have unsaved text/ })).not.toBeInTheDocument());
    expect(document.querySelector(".ProseMirror")).toHaveTextContent("First paragraph, and the words typed while the desk was locked.");
    expect(api.journalSettle).toHaveBeenCalledWith("a1", expect.objectContaining({ body: expect.stringContaining("locked") }));
    expect(document.querySelector("#headline")).not.toHaveAttribute("readonly");
  });

  it("compares kept text with a newer version and puts it on top only when asked", async () => {
    api.journalList.mockResolvedValue([kept(3, { headline: "Why ports matter (kept)" })]);
    api.resolveConflict.mockResolvedValue(article({ headline: "Why ports matter (kept)", version: 5 }));
    open();
    expect(await screen.findByText(/typed here on version 3 but never reached the desk; the article is now at version 4/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Restore" })).not.toBeInTheDocument();
    screen.getByRole("button", { name: "Compare" }).click();
    expect(await screen.findByLabelText("Headline, kept on this computer")).toHaveTextContent("Why ports matter (kept)");
    expect(screen.getByLabelText("Headline, on the desk")).toHaveTextContent("Why ports matter");
    screen.getByRole("button", { name: "Put mine on top" }).click();
    await vi.waitFor(() => expect(api.resolveConflict).toHaveBeenCalledTimes(1));
    expect(api.resolveConflict).toHaveBeenCalledWith({
      id: "a1",
      theirs_version: 4,
      mine: expect.objectContaining({ headline: "Why ports matter (kept)" }),
      resolution: { choice: "keep_mine" },
    });
    await vi.waitFor(() => expect(document.querySelector("#headline")).toHaveValue("Why ports matter (kept)"));
    expect(api.saveArticle).not.toHaveBeenCalled();
  });

  it("throws kept text away when told to, and forgets text the desk already has without asking", async () => {
    api.journalList.mockResolvedValue([kept(4, { body: "Unwanted." })]);
    open();
    (await screen.findByRole("button", { name: "Discard" })).click();
    await vi.waitFor(() => expect(api.journalDiscard).toHaveBeenCalledWith("a1"));
    await vi.waitFor(() => expect(screen.queryByRole("heading", { name: /You have unsaved text/ })).not.toBeInTheDocument());
    expect(document.querySelector(".ProseMirror")).toHaveTextContent("First paragraph.");

    document.body.innerHTML = "";
    api.journalDiscard.mockClear();
    api.journalList.mockResolvedValue([kept(4, {})]);
    open();
    await vi.waitFor(() => expect(api.journalDiscard).toHaveBeenCalledWith("a1"));
    expect(screen.queryByRole("heading", { name: /You have unsaved text/ })).not.toBeInTheDocument();
  });

  it("meets a change made meanwhile with the comparison, and after Discard shows the newest version", async () => {
    api.journalList.mockResolvedValue([kept(4, { body: "Typed while locked." })]);
    api.saveArticle.mockRejectedValueOnce(new DeskError("conflict", "the article was changed elsewhere"));
    api.getArticle.mockReset().mockResolvedValue(article({ version: 5, headline: "Ports, by another editor" }));
    open();
    (await screen.findByRole("button", { name: "Restore" })).click();
    expect(await screen.findByText("The article was changed meanwhile: compare the two and choose.")).toBeInTheDocument();
    expect(screen.getByLabelText("Headline, on the desk")).toHaveTextContent("Ports, by another editor");
    screen.getByRole("button", { name: "Discard" }).click();
    await vi.waitFor(() => expect(screen.queryByRole("heading", { name: /You have unsaved text/ })).not.toBeInTheDocument());
    expect(document.querySelector("#headline")).toHaveValue("Ports, by another editor");
  });

  it("keeps the offer open with the reason when restoring fails", async () => {
    api.journalList.mockResolvedValue([kept(4, { body: "Typed while locked." })]);
    api.saveArticle.mockRejectedValueOnce(new DeskError("busy", "the desk file is in use by another program"));
    open();
    (await screen.findByRole("button", { name: "Restore" })).click();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Nothing was restored: the desk file is in use by another program. Your text is still kept on this computer.",
    );
    expect(screen.getByRole("button", { name: "Restore" })).toBeEnabled();
    expect(api.journalDiscard).not.toHaveBeenCalled();
  });
});

describe("leaving with text the desk does not have", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.saveArticle.mockReset().mockRejectedValue(new DeskError("busy", "the desk file is in use by another program"));
    api.journalList.mockReset().mockResolvedValue([]);
    api.journalKeep.mockReset().mockResolvedValue(null);
  });
  afterEach(() => vi.useRealTimers());

  it("says the text stays on this computer when it does, and offers to leave without saving when it could not be kept", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await user.click(screen.getByRole("button", { name: /Back to/ }));
    expect(await screen.findByRole("button", { name: "Leave, keeping them on this computer" })).toBeInTheDocument();
    expect(screen.getByText("They are kept on this computer: open the article again to restore them.")).toBeInTheDocument();

    document.body.innerHTML = "";
    api.journalKeep.mockRejectedValue(new DeskError("io", "the journal file cannot be written"));
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "?");
    await user.click(screen.getByRole("button", { name: /Back to/ }));
    expect(await screen.findByRole("button", { name: "Leave without saving" })).toBeInTheDocument();
  });
});
