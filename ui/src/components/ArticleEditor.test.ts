import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import { readyToLeave } from "../lib/leaving";
import { nav } from "../lib/nav.svelte";
import type { Article, Page, RevisionInfo, SaveArticle, User } from "../lib/bindings";
import type { ArticleDraft } from "../lib/draft";
import { access, article } from "../test-stubs/desk";
import ArticleEditor from "./ArticleEditor.svelte";

const api = vi.hoisted(() => ({
  getArticle: vi.fn(),
  saveArticle: vi.fn(),
  resolveConflict: vi.fn(),
  articleMoves: vi.fn(async () => []),
  listNotes: vi.fn(async () => []),
  articleHistory: vi.fn(async (): Promise<Page<RevisionInfo>> => ({ items: [], next: null })),
  restoreRevision: vi.fn(),
  revisionDiff: vi.fn(),
  getContributor: vi.fn(),
  findContributors: vi.fn(async () => []),
  searchArticles: vi.fn(async () => ({ items: [], next: null })),
  // The journal of unsaved text (its own tests: ArticleEditor.journal.test.ts).
  journalKeep: vi.fn(async () => null),
  journalList: vi.fn(async () => []),
  journalSettle: vi.fn(async () => true),
  journalDiscard: vi.fn(async () => null),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
const live = vi.hoisted(() => ({ reload: null as null | (() => void) }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.reload = reload;
    return () => {};
  },
}));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };


/** An article the core says this reader may not change, and why. */
function closed(why: string, over: Partial<Article> = {}): Article {
  return article({ access: access([], { can_edit_text: false, edit_refusal: why }), ...over });
}

/** What a save of the editor sends: the article's id, the version it was based on, the text. */
function saved(base: number, edit: Partial<ArticleDraft> | ReturnType<typeof expect.objectContaining>, autosave: boolean): SaveArticle {
  return { id: "a1", base_version: base, edit: edit as ArticleDraft, autosave };
}

/** What the core would make of a draft saved on `base`. */
function stored(base: number, draft: ArticleDraft): Article {
  return article({ ...draft, byline: article().byline, related: [], version: base + 1 });
}

function open(a: Article = article(), user: User = editor) {
  const onclose = vi.fn();
  render(ArticleEditor, {
    article: a,
    user,
    sections: [{ name: "Opinion", min_words: 600, max_words: 1200 }],
    timezone: "Europe/Paris",
    onclose,
  });
  return { onclose, saveState: () => document.querySelector(".save-state")! };
}

describe("ArticleEditor", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.getArticle.mockReset();
    api.articleHistory.mockReset().mockResolvedValue({ items: [], next: null });
    api.restoreRevision.mockReset();
    api.revisionDiff.mockReset();
    api.saveArticle.mockReset().mockImplementation(async ({ base_version, edit }: SaveArticle) => stored(base_version, edit as ArticleDraft));
    api.resolveConflict.mockReset();
    live.reload = null;
  });
  afterEach(() => vi.useRealTimers());

  it("opens the article in its fields, saved", async () => {
    const { saveState } = open();
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter");
    expect(document.querySelector("#standfirst")).toHaveValue("Trade runs through them.");
    expect(document.querySelector(".ProseMirror")).toHaveTextContent("First paragraph.Second paragraph.");
    expect(document.querySelector("#section")).toHaveValue("Opinion");
    expect(document.querySelector("#tags")).toHaveValue("trade");
    expect(screen.getByText("Ana Ruiz writes on trade.")).toBeInTheDocument();
    expect(saveState()).toHaveTextContent("Saved");
    expect(saveState()).toHaveAttribute("data-state", "saved");
    expect(screen.getByText(/4 words · 1 min read/)).toBeInTheDocument();
    expect(api.saveArticle).not.toHaveBeenCalled();
  });

  it("autosaves a second after the last keystroke, sending the stored body untouched", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { saveState } = open();
    const headline = document.querySelector<HTMLTextAreaElement>("#headline")!;
    await user.clear(headline);
    await user.type(headline, "Why ports still matter");
    expect(saveState()).toHaveAttribute("data-state", "dirty");
    expect(api.saveArticle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    expect(api.saveArticle).toHaveBeenCalledWith(
      saved(
        4,
        {
          headline: "Why ports still matter",
          standfirst: "Trade runs through them.",
          body: "First paragraph.\n\nSecond paragraph.",
          section: "Opinion",
          tags: ["trade"],
          byline: [{ contributor: "c1", printed_bio: null }],
          related: [],
        },
        true,
      ),
    );
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Saved"));
    await user.type(document.querySelector<HTMLInputElement>("#tags")!, ", ports");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(5, expect.objectContaining({ tags: ["trade", "ports"] }), true));
  });

  it("saves at once on Ctrl+S", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, " Always.");
    await user.keyboard("{Control>}s{/Control}");
    expect(api.saveArticle).toHaveBeenCalledWith(saved(4, expect.objectContaining({ standfirst: "Trade runs through them. Always." }), false));
  });

  it("shows a refused headline next to the field and does not send it again until it changes", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValueOnce(new DeskError("invalid_input", "the headline is empty: an article needs one", { field: "headline" }));
    const { saveState } = open();
    await user.clear(document.querySelector<HTMLTextAreaElement>("#headline")!);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveAttribute("data-state", "failed"));
    expect(saveState()).toHaveTextContent("Not saved: the headline is empty: an article needs one");
    const headline = document.querySelector("#headline")!;
    expect(headline).toHaveAttribute("aria-invalid", "true");
    expect(headline).toHaveAccessibleDescription("the headline is empty: an article needs one");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "Ports");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Saved"));
    expect(api.saveArticle).toHaveBeenCalledTimes(2);
  });

  it("keeps what was typed through a failed save and tries again", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValueOnce(new DeskError("busy", "the desk file is busy: try again in a moment"));
    const { saveState } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Not saved: the desk file is busy: try again in a moment"));
    expect(screen.getByText(/Trying again in 2 s/)).toBeInTheDocument();
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter!");
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Saved"));
    expect(api.saveArticle).toHaveBeenCalledTimes(2);
  });

  it("names the screen it goes back to", () => {
    nav.screen = "calendar";
    open();
    expect(screen.getByRole("button", { name: /Back to the Calendar/ })).toBeInTheDocument();
    nav.screen = "desk";
  });

  it("saves what is typed before signing out, and holds the sign-out while it cannot", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValueOnce(new DeskError("busy", "the desk file is busy: try again in a moment"));
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    expect(await readyToLeave()).toBe(false);
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter!");
    expect(await readyToLeave()).toBe(true);
    expect(api.saveArticle).toHaveBeenCalledTimes(2);
    expect((api.saveArticle.mock.calls[1][0] as SaveArticle).edit).toMatchObject({ headline: "Why ports matter!" });
  });

  /** Types " now" after the headline; the autosave meets version 6 ("Ports, by another editor"). */
  async function meetConflict(user: ReturnType<typeof userEvent.setup>) {
    api.saveArticle.mockRejectedValueOnce(
      new DeskError("conflict", "the article was changed elsewhere", {
        details: {
          kind: "conflict",
          base_version: 4,
          current_version: 6,
          current: { headline: "Ports, by another editor", standfirst: "", body: "", section: null, tags: [], byline: [] },
        },
      }),
    );
    api.getArticle.mockResolvedValue(article({ version: 6, headline: "Ports, by another editor" }));
    const opened = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, " now");
    await vi.advanceTimersByTimeAsync(1000);
    const view = await screen.findByRole("region", { name: "This article was changed elsewhere" });
    await within(view).findByLabelText("Headline, theirs");
    return { ...opened, view };
  }

  it("meets a change made elsewhere with both versions, and keeps mine in one call to the core", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { view, saveState } = await meetConflict(user);
    expect(saveState()).toHaveTextContent("Conflict");
    expect(saveState()).toHaveAttribute("data-state", "conflict");
    expect(within(view).getByLabelText("Headline, yours")).toHaveTextContent("Why ports matter now");
    expect(within(view).getByLabelText("Headline, theirs")).toHaveTextContent("Ports, by another editor");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.saveArticle).toHaveBeenCalledTimes(1); // nothing more until I choose
    api.resolveConflict.mockResolvedValue(article({ version: 7, headline: "Why ports matter now" }));
    await user.click(within(view).getByRole("button", { name: "Keep mine" }));
    expect(api.resolveConflict).toHaveBeenCalledTimes(1);
    expect(api.resolveConflict).toHaveBeenCalledWith({
      id: "a1",
      theirs_version: 6,
      mine: expect.objectContaining({ headline: "Why ports matter now", byline: [{ contributor: "c1", printed_bio: null }] }),
      resolution: { choice: "keep_mine" },
    });
    await vi.waitFor(() => expect(saveState()).toHaveTextContent("Saved"));
    expect(screen.queryByRole("region", { name: "This article was changed elsewhere" })).not.toBeInTheDocument();
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter now");
    // No second save: the core did it all. The next edit builds on the version it answered.
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(7, expect.objectContaining({ headline: "Why ports matter now!" }), true));
  });

  it("takes theirs in one call to the core, which keeps mine in the history", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { view } = await meetConflict(user);
    api.resolveConflict.mockResolvedValue(article({ version: 8, headline: "Ports, by another editor" }));
    expect(within(view).queryByRole("button", { name: /dropping mine/ })).not.toBeInTheDocument();
    await user.click(within(view).getByRole("button", { name: "Take theirs" }));
    expect(api.resolveConflict).toHaveBeenCalledTimes(1);
    expect(api.resolveConflict).toHaveBeenCalledWith({
      id: "a1",
      theirs_version: 6,
      mine: expect.objectContaining({ headline: "Why ports matter now" }),
      resolution: { choice: "take_theirs" },
    });
    await vi.waitFor(() => expect(document.querySelector("#headline")).toHaveValue("Ports, by another editor"));
    expect(screen.getByText("Their version is back on top; yours is in the history, one revision down.")).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(5000);
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    await user.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(8, expect.objectContaining({ headline: "Ports, by another editor" }), true));
  });

  it("shows the newest version when it changed yet again before I chose", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { view } = await meetConflict(user);
    api.resolveConflict.mockRejectedValueOnce(new DeskError("conflict", "the article was changed elsewhere"));
    api.getArticle.mockResolvedValue(article({ version: 9, headline: "Ports, a third time" }));
    await user.click(within(view).getByRole("button", { name: "Keep mine" }));
    expect(await within(view).findByRole("alert")).toHaveTextContent("It changed again meanwhile: here is the newest version.");
    await vi.waitFor(() => expect(within(view).getByLabelText("Headline, theirs")).toHaveTextContent("Ports, a third time"));
    api.resolveConflict.mockResolvedValue(article({ version: 10, headline: "Why ports matter now" }));
    await user.click(within(view).getByRole("button", { name: "Keep mine" }));
    expect(api.resolveConflict).toHaveBeenLastCalledWith(expect.objectContaining({ theirs_version: 9, resolution: { choice: "keep_mine" } }));
    await vi.waitFor(() => expect(screen.queryByRole("region", { name: "This article was changed elsewhere" })).not.toBeInTheDocument());
  });

  it("keeps the conflict open with the words when settling it fails, to try again", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { view } = await meetConflict(user);
    api.resolveConflict.mockRejectedValueOnce(new DeskError("busy", "the desk file is in use by another program"));
    await user.click(within(view).getByRole("button", { name: "Take theirs" }));
    expect(await within(view).findByRole("alert")).toHaveTextContent("Nothing was saved: the desk file is in use by another program");
    expect(within(view).getByRole("button", { name: "Take theirs" })).toBeEnabled();
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter now");
  });

  it("takes in a newer version from elsewhere only when nothing typed here is unsaved", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    open();
    api.getArticle.mockResolvedValue(article({ version: 5, standfirst: "Changed in another window." }));
    live.reload!();
    await vi.waitFor(() => expect(document.querySelector("#standfirst")).toHaveValue("Changed in another window."));
    expect(document.querySelector(".ProseMirror")).toHaveTextContent("First paragraph.");

    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, " (typing)");
    api.getArticle.mockResolvedValue(article({ version: 6, headline: "Elsewhere again" }));
    live.reload!();
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter (typing)");
  });

  it("keeps a pasted page's structure and says what it left out", async () => {
    open();
    const body = document.querySelector<HTMLElement>(".ProseMirror")!;
    const html = '<h2>Ports</h2><p><b>Bold</b> claim <img src="a.png"><img src="b.png"></p><script>x()</script>';
    const paste = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(paste, "clipboardData", {
      value: { getData: (type: string) => (type === "text/html" ? html : ""), files: [], types: ["text/html"] },
    });
    body.focus();
    fireEvent(body, paste);
    expect(await screen.findByText(/2 images were not pasted: the body holds text only/)).toBeInTheDocument();
    expect(body.querySelector("h2")).toHaveTextContent("Ports");
    expect(body.querySelector("strong")).toHaveTextContent("Bold");
    expect(body.innerHTML).not.toMatch(/img|script/);
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenCalledWith(saved(4, expect.objectContaining({ body: expect.stringContaining("## Ports\n\n**Bold** claim") }), true));
  });

  it("lets the desk correct a published article, and opens a withdrawn one read-only, as the core says", () => {
    open(article({ state: "published" }));
    expect(document.querySelector("#headline")).not.toHaveAttribute("readonly");
    cleanup();
    const { saveState } = open(closed("the article is withdrawn: its text is closed", { state: "withdrawn" }));
    expect(screen.getByText("The article is withdrawn: its text is closed.")).toBeInTheDocument();
    expect(document.querySelector("#headline")).toHaveAttribute("readonly");
    expect(document.querySelector(".ProseMirror")).toHaveAttribute("contenteditable", "false");
    // The one control that is disabled rather than read-only says why beside it.
    expect(document.querySelector("#section")).toBeDisabled();
    expect(document.querySelector("#section")).toHaveAccessibleDescription(
      "Closed, as the text is (see the note at the top). The article is withdrawn: its text is closed.",
    );
    expect(saveState()).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Add to the byline" })).not.toBeInTheDocument();
  });

  it("goes back to the Desk on Esc once everything is saved", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { onclose } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    screen.getByRole("button", { name: /Back to the Desk/ }).focus();
    await user.keyboard("{Escape}");
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(api.saveArticle).toHaveBeenCalledWith(saved(4, expect.objectContaining({ headline: "Why ports matter!" }), true));
  });

  it("asks before leaving text it could not save, and leaves only when told to", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValue(new DeskError("busy", "the desk file is busy"));
    const { onclose } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    const back = screen.getByRole("button", { name: /Back to the Desk/ });
    back.focus();
    await user.keyboard("{Escape}");
    const prompt = await screen.findByRole("alertdialog");
    await vi.waitFor(() => expect(prompt).toHaveAccessibleName("Your last changes are not saved: the desk file is busy."));
    expect(onclose).not.toHaveBeenCalled();
    expect(within(prompt).getByRole("button", { name: "Stay" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(back).toHaveFocus();
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter!");
    // Esc on the question stays too.
    await user.keyboard("{Escape}");
    await screen.findByRole("button", { name: "Leave, keeping them on this computer" });
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(onclose).not.toHaveBeenCalled();
    await user.click(back);
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Leave, keeping them on this computer" }));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("leaving tries the save once and at once: a failing save on its way is that try, and no retry is waited for", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    // The autosave is on its way when Back is pressed; the desk answers a while later, refusing.
    let refuse: (e: unknown) => void = () => {};
    api.saveArticle.mockImplementationOnce(() => new Promise((_, reject) => (refuse = reject)));
    api.saveArticle.mockRejectedValue(new DeskError("busy", "the desk file is busy"));
    const { onclose } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: /Back to the Desk/ }));
    const prompt = await screen.findByRole("alertdialog");
    expect(prompt).toHaveTextContent("Saving before leaving…");
    refuse(new DeskError("busy", "the desk file is busy"));
    await vi.advanceTimersByTimeAsync(0);
    expect(prompt).toHaveAccessibleName("Your last changes are not saved: the desk file is busy.");
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
    expect(onclose).not.toHaveBeenCalled();
    // Staying, the autosave goes on trying after its wait.
    await user.click(within(prompt).getByRole("button", { name: "Stay" }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.saveArticle).toHaveBeenCalledTimes(2);
    // Back again while that retry waits for its turn: tried at once, not after the wait.
    await vi.waitFor(() => expect(screen.getByText(/Trying again in 5 s/)).toBeInTheDocument());
    api.saveArticle.mockImplementation(async ({ base_version, edit }: SaveArticle) => stored(base_version, edit as ArticleDraft));
    await user.click(screen.getByRole("button", { name: /Back to the Desk/ }));
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
    expect(api.saveArticle).toHaveBeenCalledTimes(3);
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(4, expect.objectContaining({ headline: "Why ports matter!" }), true));
  });

  it("can stay while the save before leaving is still on its way, and then does not leave", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let answer: (a: Article) => void = () => {};
    api.saveArticle.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { onclose } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await user.click(screen.getByRole("button", { name: /Back to the Desk/ }));
    const prompt = await screen.findByRole("alertdialog");
    await user.click(within(prompt).getByRole("button", { name: "Stay" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    answer(article({ version: 5, headline: "Why ports matter!" }));
    await vi.waitFor(() => expect(document.querySelector(".save-state")).toHaveTextContent("Saved"));
    expect(onclose).not.toHaveBeenCalled();
  });

  it("saves before going to another screen, and asks when it cannot", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    nav.reset();
    nav.article = "a1";
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    api.saveArticle.mockRejectedValueOnce(new DeskError("busy", "the desk file is busy"));
    nav.go("calendar");
    const prompt = await screen.findByRole("alertdialog");
    await vi.waitFor(() => expect(prompt).toHaveAccessibleName("Your last changes are not saved: the desk file is busy."));
    expect(nav.screen).toBe("desk");
    expect(nav.article).toBe("a1");
    await user.click(within(prompt).getByRole("button", { name: "Stay" }));
    // Saved this time: it goes at once.
    nav.go("calendar");
    await vi.waitFor(() => expect(nav.screen).toBe("calendar"));
    expect(nav.article).toBeNull();
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(4, expect.objectContaining({ headline: "Why ports matter!" }), true));
    nav.reset();
  });

  it("leaves for another article without saving when told to", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    nav.reset();
    nav.article = "a1";
    api.saveArticle.mockRejectedValue(new DeskError("busy", "the desk file is busy"));
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    nav.openArticle("a2");
    expect(nav.article).toBe("a1");
    await user.click(await screen.findByRole("button", { name: "Leave, keeping them on this computer" }));
    expect(nav.article).toBe("a2");
    nav.reset();
  });

  /** The history as the core keeps it: #1 a new article's headline alone, #2 the text opened
   * (version 4), and #3 once a save made version 5. */
  function history() {
    const rev = (number: number, version: number, reason: RevisionInfo["reason"] = "save"): RevisionInfo => ({
      number,
      version,
      author: "Maya Editor",
      at: "2026-03-10T09:00:00Z",
      reason,
      restored_from: null,
      stored_bytes: 80,
    });
    api.articleHistory.mockImplementation(async (input?: { limit: number }) => {
      const versions = api.saveArticle.mock.calls.length > 0 ? [rev(3, 5), rev(2, 4), rev(1, 1)] : [rev(2, 4), rev(1, 1)];
      return { items: versions.slice(0, input?.limit), next: null };
    });
    api.revisionDiff.mockImplementation(async ({ from, to }: { from: number; to: number }) => ({
      from,
      to,
      words_added: 0,
      words_removed: 8,
      fields: [
        { field: "standfirst", parts: [{ kind: "removed", text: "Trade runs through them." }] },
        { field: "body", parts: [{ kind: "removed", text: "First paragraph.\n\nSecond paragraph." }] },
      ],
    }));
  }

  /** Restores #1 from the history, confirming it. */
  async function restoreFirst(user: ReturnType<typeof userEvent.setup>) {
    await user.click((await screen.findAllByRole("button", { name: "Restore this text" })).at(-1)!);
    await user.click(await screen.findByRole("button", { name: "Restore #1" }));
  }

  // Revision #1 of a new article: its headline, nothing else.
  const first = () => article({ version: 5, standfirst: "", body: "", tags: [], section: null });

  it("saves what is typed before a restore, asks, restores on the version shown and says so", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    history();
    api.restoreRevision.mockResolvedValue(article({ ...first(), version: 6, headline: "Ports, as first written" }));
    open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, "!");
    await user.click((await screen.findAllByRole("button", { name: "Restore this text" })).at(-1)!);
    expect(api.saveArticle).toHaveBeenCalledWith(saved(4, expect.objectContaining({ standfirst: "Trade runs through them.!" }), false));
    const question = await screen.findByRole("region", { name: "Restore the text of #1?" });
    expect(api.revisionDiff).toHaveBeenCalledWith({ id: "a1", from: 3, to: 1 });
    expect(within(question).getByText("Trade runs through them.", { selector: "del" })).toBeInTheDocument();
    expect(api.restoreRevision).not.toHaveBeenCalled();
    await user.click(within(question).getByRole("button", { name: "Restore #1" }));
    expect(api.restoreRevision).toHaveBeenCalledWith({ id: "a1", number: 1, base_version: 5 });
    await vi.waitFor(() => expect(document.querySelector("#headline")).toHaveValue("Ports, as first written"));
    expect(document.querySelector("#standfirst")).toHaveValue("");
    expect(document.querySelector(".save-state")).toHaveTextContent("Saved");
    const notice = document.querySelector(".restore-notice")!;
    expect(notice).toHaveTextContent("Restored from #1 — Undo");
    expect(notice).toHaveFocus();
    // It stays: not a word that goes by itself.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(notice).toBeInTheDocument();
    expect(api.saveArticle).toHaveBeenCalledTimes(1);
  });

  it("undoes a restore exactly: the revision it replaced, on the version it made", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    history();
    // A restore leaves the byline (and related pieces) as they are.
    api.restoreRevision.mockResolvedValueOnce(first());
    api.restoreRevision.mockResolvedValueOnce(article({ version: 6 }));
    open();
    await restoreFirst(user);
    await vi.waitFor(() => expect(document.querySelector("#standfirst")).toHaveValue(""));
    expect(document.querySelector(".ProseMirror")).toHaveTextContent(/^$/);
    expect(document.querySelector("#section")).toHaveValue("");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    // #2 held the text the restore replaced (version 4); the restore made version 5.
    expect(api.restoreRevision).toHaveBeenLastCalledWith({ id: "a1", number: 2, base_version: 5 });
    await vi.waitFor(() => expect(document.querySelector("#standfirst")).toHaveValue("Trade runs through them."));
    expect(document.querySelector("#headline")).toHaveValue("Why ports matter");
    expect(document.querySelector(".ProseMirror")).toHaveTextContent("First paragraph.Second paragraph.");
    expect(document.querySelector("#section")).toHaveValue("Opinion");
    expect(document.querySelector("#tags")).toHaveValue("trade");
    expect(screen.getByText("Ana Ruiz writes on trade.")).toBeInTheDocument();
    expect(document.querySelector(".restore-notice")).not.toBeInTheDocument();
    expect(screen.getByText("Undone: the text is back as it was before the restore.")).toBeInTheDocument();
    // Nothing was saved on the way: the core did both, and the next edit builds on version 6.
    expect(api.saveArticle).not.toHaveBeenCalled();
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenLastCalledWith(saved(6, expect.objectContaining({ headline: "Why ports matter!" }), true));
  });

  it("offers Undo only while the article is at the version the restore made", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    history();
    api.restoreRevision.mockResolvedValueOnce(first());
    open();
    await restoreFirst(user);
    await screen.findByRole("button", { name: "Undo" });
    // Moved on elsewhere (a workflow move, say), the text as it was: no Undo, and where the old text is.
    api.getArticle.mockResolvedValue({ ...first(), version: 6, state: "approved" });
    live.reload!();
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument());
    expect(document.querySelector(".restore-notice")).toHaveTextContent(
      "Restored from #1. The article has changed since, so Undo is no longer offered: the text from before the restore is #2 in the history.",
    );
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(document.querySelector(".restore-notice")).not.toBeInTheDocument();
    expect(api.restoreRevision).toHaveBeenCalledTimes(1);
  });

  it("takes the restore's notice away at the next edit", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    history();
    api.restoreRevision.mockResolvedValueOnce(first());
    open();
    await restoreFirst(user);
    await screen.findByRole("button", { name: "Undo" });
    await user.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, "A new line");
    expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
    expect(document.querySelector(".restore-notice")).not.toBeInTheDocument();
  });

  it("says why an Undo did not happen, by the code the core gives", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    history();
    api.restoreRevision.mockResolvedValueOnce(first());
    api.restoreRevision.mockRejectedValueOnce(new DeskError("conflict", "the article changed"));
    open();
    await restoreFirst(user);
    await user.click(await screen.findByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Nothing was undone: the article was changed meanwhile. The text from before the restore is #2 in the history.",
    );
    expect(document.querySelector("#standfirst")).toHaveValue("");
  });

  it("warns that a stored body holds what the editor cannot show, and sends it back untouched", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    open(article({ body: "Intro.\n\n![Map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |" }));
    expect(screen.getByRole("note")).toHaveTextContent("This body holds images and tables that the editor does not show");
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveArticle).toHaveBeenCalledWith(
      saved(4, expect.objectContaining({ body: "Intro.\n\n![Map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |" }), true),
    );
  });

  it("opens read-only when the core says the reader may not edit it, whatever the state or role", () => {
    // An editor, on a piece in review: the core's word decides, not a rule copied here.
    const { saveState } = open(closed("Maya Editor is not on this article's byline", { state: "in_review" }));
    expect(screen.getByRole("note")).toHaveTextContent("Maya Editor is not on this article's byline.");
    expect(document.querySelector("#headline")).toHaveAttribute("readonly");
    expect(document.querySelector("#standfirst")).toHaveAttribute("readonly");
    expect(document.querySelector("#tags")).toHaveAttribute("readonly");
    expect(document.querySelector("#section")).toBeDisabled();
    expect(document.querySelector(".ProseMirror")).toHaveAttribute("contenteditable", "false");
    expect(screen.queryByRole("button", { name: /^Save/ })).not.toBeInTheDocument();
    expect(saveState()).toBeNull();
    cleanup();
    // A contributor on a submitted piece the core lets them edit: editable.
    const writer: User = { ...editor, id: "u9", name: "Ana Ruiz", role: "contributor", contributor_id: "c1" };
    open(article({ state: "submitted" }), writer);
    expect(document.querySelector("#headline")).not.toHaveAttribute("readonly");
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("takes the read-only state of a newer version from its access", async () => {
    open();
    expect(document.querySelector("#headline")).not.toHaveAttribute("readonly");
    api.getArticle.mockResolvedValue(closed("the article is withdrawn: its text is closed", { version: 5, state: "withdrawn" }));
    live.reload!();
    await vi.waitFor(() => expect(document.querySelector("#headline")).toHaveAttribute("readonly"));
    expect(screen.getByText("The article is withdrawn: its text is closed.")).toBeInTheDocument();
  });

  it("puts the focus on the field the core names when a save is refused on Ctrl+S", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValueOnce(new DeskError("invalid_input", "21 tags is too many: at most 20", { field: "tags" }));
    const { saveState } = open();
    await user.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, " Always.");
    await user.keyboard("{Control>}s{/Control}");
    await vi.waitFor(() => expect(saveState()).toHaveAttribute("data-state", "failed"));
    const tags = document.querySelector("#tags")!;
    await vi.waitFor(() => expect(tags).toHaveFocus());
    expect(tags).toHaveAttribute("aria-invalid", "true");
    expect(tags).toHaveAccessibleDescription("21 tags is too many: at most 20");
    // Words that speak of the headline do not put it next to the headline: only the field does.
    expect(document.querySelector("#headline")).toHaveAttribute("aria-invalid", "false");
  });

  it("takes the reader from a move's missing check to the field it is about", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const check = (label: string, field: string) => ({ label, met: false, field });
    const approve = {
      action: "approve" as const,
      to: "approved" as const,
      allowed: false,
      needs_note: false,
      needs_time: false,
      checks: [
        check("no headline", "headline"),
        check("no standfirst", "standfirst"),
        check("no body text", "body"),
        check("no contributor on the byline", "byline"),
        check("312 words: Opinion takes 500 to 1,500", "section"),
      ],
    };
    open(article({ headline: "", standfirst: "", access: access([approve]) }));
    const missing = screen.getByRole("list", { name: "What Approve needs" });
    const go = (name: string) => user.click(within(missing).getByRole("button", { name }));
    await go("no headline");
    expect(document.querySelector("#headline")).toHaveFocus();
    await go("no standfirst");
    expect(document.querySelector("#standfirst")).toHaveFocus();
    await go("no contributor on the byline");
    expect(screen.getByRole("combobox", { name: "Add to the byline" })).toHaveFocus();
    await go("312 words: Opinion takes 500 to 1,500");
    expect(document.querySelector("#section")).toHaveFocus();
    await go("no body text");
    await vi.waitFor(() => expect(document.querySelector(".ProseMirror")).toHaveFocus());
  });

  it("shows an autosave's refusal next to its field without taking the focus from the writer", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    api.saveArticle.mockRejectedValueOnce(
      new DeskError("invalid_input", "byline: no contributor matches “c1”", { field: "byline" }),
    );
    open();
    const standfirst = document.querySelector<HTMLTextAreaElement>("#standfirst")!;
    await user.type(standfirst, " Always.");
    await vi.advanceTimersByTimeAsync(1000);
    expect(await screen.findByText("byline: no contributor matches “c1”")).toHaveAttribute("id", "byline-error");
    expect(standfirst).toHaveFocus();
    // Asked for a save now, the writer is taken to the byline.
    await user.click(screen.getByRole("button", { name: /^Save/ }));
    await vi.waitFor(() => expect(screen.getByRole("combobox", { name: "Add to the byline" })).toHaveFocus());
  });
});
