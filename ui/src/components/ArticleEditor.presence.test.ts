// Presence in the editor on a team desk: the article is said open here (on opening, every 10 s,
// as one types, at most once every 3 s) and closed on leaving; who else has it open shows at the
// top; a second editor in reads first, and edits after "Edit anyway". A desk file, and a team
// desk's server that is away, call none of it.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, MarkPresence, Page, Presence, RevisionInfo, SaveArticle, User } from "../lib/bindings";
import type { ArticleDraft } from "../lib/draft";
import { teamContext } from "../lib/deskContext";
import { readyToLeave } from "../lib/leaving";
import { reach } from "../lib/reach.svelte";
import { article } from "../test-stubs/desk";
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
  journalKeep: vi.fn(async () => null),
  journalList: vi.fn(async () => []),
  journalSettle: vi.fn(async () => true),
  journalDiscard: vi.fn(async () => null),
  markPresence: vi.fn(),
  leavePresence: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const me: User = { id: "u1", name: "Tom Chief", role: "chief", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };

function here(over: Partial<Presence> = {}): Presence {
  return { article_id: "a1", user_id: "u2", user_name: "Maya Editor", since: "2026-03-10T10:02:00Z", typing: false, ...over };
}
const mine = here({ user_id: "u1", user_name: "Tom Chief", since: "2026-03-10T10:30:00Z" });
const maya = here();

/** Who the desk says is on the article, from now on. */
function present(...people: Presence[]) {
  api.markPresence.mockImplementation(async () => [mine, ...people]);
}

function open({ team = true, a = article() }: { team?: boolean; a?: Article } = {}) {
  return render(ArticleEditor, {
    props: { article: a, user: me, sections: [], timezone: "Europe/London", onclose: vi.fn() },
    ...(team ? { context: teamContext() } : {}),
  });
}

const headline = () => document.querySelector<HTMLTextAreaElement>("#headline")!;
const marks = () => api.markPresence.mock.calls.map((call) => call[0] as MarkPresence);

describe("ArticleEditor presence on a team desk", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date("2026-03-10T10:30:00Z"));
    api.markPresence.mockReset();
    api.leavePresence.mockReset().mockResolvedValue([]);
    api.saveArticle.mockReset().mockImplementation(async ({ base_version, edit }: SaveArticle) =>
      article({ ...(edit as ArticleDraft), byline: article().byline, related: [], version: base_version + 1 }),
    );
    present();
  });
  afterEach(() => {
    reach.stop();
    vi.useRealTimers();
  });

  it("says it is open here on opening and every 10 s, and leaves when closed", async () => {
    const view = open();
    expect(marks()).toEqual([{ article_id: "a1", typing: false }]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(marks()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(marks()).toHaveLength(3);
    expect(api.leavePresence).not.toHaveBeenCalled();
    view.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.leavePresence).toHaveBeenCalledWith({ article_id: "a1" });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(marks()).toHaveLength(3);
  });

  it("leaves at once when the window closes", async () => {
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(await readyToLeave()).toBe(true);
    expect(api.leavePresence).toHaveBeenCalledWith({ article_id: "a1" });
  });

  it("shows who else has it open since when, in the desk's zone, and that they are typing", async () => {
    present(maya);
    open();
    // 10:02 UTC is 10:02 in London in March.
    expect(await screen.findByText("Open by Maya Editor since 10:02")).toHaveClass("editor-presence");
    // Myself is never named.
    expect(screen.queryByText(/Tom Chief/)).not.toBeInTheDocument();
    present({ ...maya, typing: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByText("Open by Maya Editor since 10:02 — typing")).toBeInTheDocument();
    present();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(document.querySelector(".editor-presence")).toBeNull();
  });

  it("warns a second editor before typing: read-only until Edit anyway", async () => {
    present(maya);
    open();
    const anyway = await screen.findByRole("button", { name: "Edit anyway" });
    expect(screen.getByText(/Maya Editor has this article open/)).toBeInTheDocument();
    expect(screen.getByText(/saves still check for changes made meanwhile/)).toBeInTheDocument();
    // The focus goes to the choice, which says why.
    expect(anyway).toHaveFocus();
    expect(anyway).toHaveAccessibleDescription(/Maya Editor has this article open/);
    expect(headline()).toHaveAttribute("readonly");
    expect(document.querySelector(".ProseMirror")).toHaveAttribute("contenteditable", "false");
    expect(document.querySelector("#section")).toBeDisabled();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(headline(), " now");
    expect(headline()).toHaveValue("Why ports matter");
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.saveArticle).not.toHaveBeenCalled();
    expect(marks().some((m) => m.typing)).toBe(false);

    // Back from the fields to the choice, by keyboard.
    await user.tab({ shift: true });
    expect(anyway).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("button", { name: "Edit anyway" })).not.toBeInTheDocument();
    expect(headline()).not.toHaveAttribute("readonly");
    expect(headline()).toHaveFocus();
    expect(document.querySelector(".ProseMirror")).toHaveAttribute("contenteditable", "true");
    // Who else is there still shows.
    expect(screen.getByText("Open by Maya Editor since 10:02")).toBeInTheDocument();
    await user.type(headline(), " now");
    expect(headline()).toHaveValue("Why ports matter now");
    expect(marks().filter((m) => m.typing)).toEqual([{ article_id: "a1", typing: true }]);
    // Saves go through the version check as ever.
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() =>
      expect(api.saveArticle).toHaveBeenCalledWith(expect.objectContaining({ base_version: 4, edit: expect.objectContaining({ headline: "Why ports matter now" }) })),
    );
  });

  it("opens the text by itself when the others leave", async () => {
    present(maya);
    open();
    await screen.findByRole("button", { name: "Edit anyway" });
    expect(headline()).toHaveAttribute("readonly");
    expect(headline()).toHaveAccessibleDescription(/Maya Editor has this article open/);
    present();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.queryByRole("button", { name: "Edit anyway" })).not.toBeInTheDocument();
    expect(headline()).not.toHaveAttribute("readonly");
    // The focus was on the choice that went: it is on the text.
    expect(headline()).toHaveFocus();
    // Coming back later does not close it again.
    present(maya);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByText("Open by Maya Editor since 10:02")).toBeInTheDocument();
    expect(headline()).not.toHaveAttribute("readonly");
  });

  it("does not close the text on the first editor in when a second comes", async () => {
    open();
    await vi.advanceTimersByTimeAsync(0);
    present(maya);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByText("Open by Maya Editor since 10:02")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit anyway" })).not.toBeInTheDocument();
    expect(headline()).not.toHaveAttribute("readonly");
  });

  it("names everyone who was there first", async () => {
    present(maya, here({ user_id: "u3", user_name: "Ana Ruiz", since: "2026-03-10T10:05:00Z" }));
    open();
    expect(await screen.findByText("Maya Editor and Ana Ruiz have this article open.")).toBeInTheDocument();
    expect(screen.getByText("Open by Maya Editor since 10:02 and Ana Ruiz since 10:05")).toBeInTheDocument();
  });

  it("does not warn after one has typed, should the desk answer late", async () => {
    // The desk answers nothing until what was typed is saved.
    let answer: (p: Presence[]) => void = () => {};
    const late = new Promise<Presence[]>((done) => (answer = done));
    api.markPresence.mockImplementation(() => late);
    open();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(headline(), "!");
    await vi.advanceTimersByTimeAsync(1500);
    await vi.waitFor(() => expect(api.saveArticle).toHaveBeenCalled());
    await vi.advanceTimersByTimeAsync(0);
    answer([mine, maya]);
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByText("Open by Maya Editor since 10:02")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit anyway" })).not.toBeInTheDocument();
    expect(headline()).not.toHaveAttribute("readonly");
  });

  it("says typing as one types, at most once every 3 s", async () => {
    open();
    await vi.advanceTimersByTimeAsync(0);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(headline(), "abc");
    expect(marks().filter((m) => m.typing)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await user.type(headline(), "d");
    expect(marks().filter((m) => m.typing)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    await user.type(headline(), "e");
    expect(marks().filter((m) => m.typing)).toHaveLength(2);
  });

  it("keeps the core's own read-only reason, without the warning", async () => {
    present(maya);
    open({ a: article({ access: { can_edit_text: false, edit_refusal: "published articles are changed through a correction", moves: [] } }) });
    expect(await screen.findByText("Open by Maya Editor since 10:02")).toBeInTheDocument();
    expect(screen.getByText("Published articles are changed through a correction.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit anyway" })).not.toBeInTheDocument();
  });

  it("calls nothing on a desk file", async () => {
    present(maya);
    const view = open({ team: false });
    await vi.advanceTimersByTimeAsync(30_000);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(headline(), "!");
    view.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.markPresence).not.toHaveBeenCalled();
    expect(api.leavePresence).not.toHaveBeenCalled();
    expect(document.querySelector(".editor-presence")).toBeNull();
  });

  it("calls nothing while the server is away, and shows nothing from before it went", async () => {
    present(maya);
    reach.team = true;
    reach.online = false;
    const view = open();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.markPresence).not.toHaveBeenCalled();
    expect(document.querySelector(".editor-presence")).toBeNull();
    view.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.leavePresence).not.toHaveBeenCalled();
  });

  it("hides who was there when the server goes away", async () => {
    present(maya);
    reach.team = true;
    open();
    await screen.findByText("Open by Maya Editor since 10:02");
    reach.online = false;
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector(".editor-presence")).toBeNull();
    const before = marks().length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(marks()).toHaveLength(before);
  });
});
