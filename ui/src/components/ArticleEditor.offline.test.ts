// The editor on a team desk whose server is away: the save bar says the text is kept and sent
// when the server is back, and the save is tried again the moment it is. A desk file says what
// it always said.
import { screen } from "@testing-library/svelte";
import { render } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { Article, Page, RevisionInfo, SaveArticle, ServerReach, User } from "../lib/bindings";
import type { ArticleDraft } from "../lib/draft";
import { reach } from "../lib/reach.svelte";
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
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const away: ServerReach = { online: false, problem: "the desk's server at https://desk.harbourpost.org does not answer" };
const unreachable = () =>
  new DeskError("io", "the desk's server at https://desk.harbourpost.org does not answer: try again when it is back", {
    details: { kind: "technical", detail: "error sending request: connection refused" },
  });

function article(over: Partial<Article> = {}): Article {
  return shared({ body: "First paragraph.", section: null, state: "draft", word_count: 2, assigned_editor: null, ...over });
}

/** The window follows a team desk's server, away at first; `tell` brings news of it. */
function followTeamDesk(first: ServerReach = away) {
  let told: ((r: ServerReach) => void) | null = null;
  reach.start({
    now: async () => first,
    listen: (on) => {
      told = on;
      return () => (told = null);
    },
    list: () => api.journalList(),
    send: async () => ({ sent: [], conflicts: [], refused: [], waiting: [] }),
    open: () => "a1",
  });
  return { tell: (r: ServerReach) => told?.(r) };
}

function open() {
  render(ArticleEditor, { article: article(), user: editor, sections: [], timezone: "Europe/London", onclose: vi.fn() });
  return () => document.querySelector(".save-state")!;
}

describe("ArticleEditor offline on a team desk", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.saveArticle.mockReset().mockRejectedValue(unreachable());
    api.journalKeep.mockReset().mockResolvedValue(null);
    api.journalList.mockReset().mockResolvedValue([]);
    api.journalSettle.mockReset().mockResolvedValue(true);
    api.journalDiscard.mockReset().mockResolvedValue(null);
  });
  afterEach(() => {
    reach.stop();
    vi.useRealTimers();
  });

  it("says the text is kept here and sent when the server is back, the technical words under Details", async () => {
    followTeamDesk();
    await vi.waitFor(() => expect(reach.offline).toBe(true));
    const saveState = open();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent(/^Offline — kept on this computer; sent when the server is back$/));
    expect(saveState()).toHaveAttribute("role", "status");
    expect(saveState().closest(".save-box")).toHaveAttribute("data-offline", "true");
    expect(screen.queryByText(/Not saved/)).not.toBeInTheDocument();
    expect(screen.queryByText("Your text is kept on this computer.")).not.toBeInTheDocument();
    expect(document.querySelector(".save-detail")).toHaveTextContent("connection refused");
  });

  it("saves at once when the server comes back, without waiting for the next retry", async () => {
    const { tell } = followTeamDesk();
    await vi.waitFor(() => expect(reach.offline).toBe(true));
    const saveState = open();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(api.saveArticle).toHaveBeenCalledTimes(1));
    api.saveArticle.mockImplementation(async ({ base_version, edit }: SaveArticle) =>
      article({ ...(edit as ArticleDraft), byline: article().byline, related: [], version: base_version + 1 }),
    );
    tell({ online: true, problem: null });
    // The first retry would wait two seconds; coming back does not.
    await vi.advanceTimersByTimeAsync(50);
    expect(api.saveArticle).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent(/^Saved$/));
  });

  it("says what it always said on a desk file", async () => {
    const saveState = open();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(document.querySelector<HTMLTextAreaElement>("#headline")!, "!");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent(/^Not saved: the desk's server/));
    expect(screen.getByText("Your text is kept on this computer.")).toBeInTheDocument();
    expect(document.querySelector(".save-box")).toHaveAttribute("data-offline", "false");
  });
});
