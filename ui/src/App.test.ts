// Closing the window: what is typed is kept and saved first; when the desk will not take it, the
// window asks before it goes.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import { DeskError } from "./lib/api";
import type { SentKept } from "./lib/bindings";
import { nav } from "./lib/nav.svelte";

const win = vi.hoisted(() => ({
  closeRequested: null as null | ((event: { preventDefault: () => void }) => Promise<void>),
  destroy: vi.fn(async () => {}),
}));
vi.mock("@tauri-apps/api/window", () => ({
  getCurrentWindow: () => ({
    setTitle: async () => {},
    destroy: win.destroy,
  }),
}));
const api = vi.hoisted(() => ({
  deskStatus: vi.fn(),
  signIn: vi.fn(),
  knownDesks: vi.fn(async () => []),
  signInChoices: vi.fn(),
  serverReach: vi.fn(),
  journalList: vi.fn(),
  journalSend: vi.fn(),
}));
vi.mock("./lib/api", async (original) => ({ ...(await original<typeof import("./lib/api")>()), api }));
// The server's comings and goings, told by the test.
const live = vi.hoisted(() => ({ reach: null as null | ((r: { online: boolean; problem: string | null }) => void) }));
vi.mock("./lib/live", () => ({
  onCloseRequested: (handler: (event: { preventDefault: () => void }) => Promise<void>) => {
    win.closeRequested = handler;
    return () => {};
  },
  onDeskChanged: () => () => {},
  onServerReach: (on: (r: { online: boolean; problem: string | null }) => void) => {
    live.reach = on;
    return () => {
      if (live.reach === on) live.reach = null;
    };
  },
}));
vi.mock("./components/Workspace.svelte", async () => await import("./test-stubs/WorkspaceStub.svelte"));
const leaving = vi.hoisted(() => ({ ready: true }));
vi.mock("./lib/leaving", () => ({ readyToLeave: async () => leaving.ready }));

describe("App: closing the window", () => {
  beforeEach(() => {
    win.destroy.mockClear();
    api.deskStatus.mockResolvedValue({ db_path: "/tmp/desk.db", settings: null, user: null });
  });

  it("closes at once when everything typed is saved", async () => {
    leaving.ready = true;
    render(App);
    await vi.waitFor(() => expect(win.closeRequested).not.toBeNull());
    const preventDefault = vi.fn();
    await win.closeRequested!({ preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("asks first when typed text could not be saved, and quits only when told to", async () => {
    leaving.ready = false;
    render(App);
    await vi.waitFor(() => expect(win.closeRequested).not.toBeNull());
    const preventDefault = vi.fn();
    await win.closeRequested!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Your latest changes are not saved to the desk.");
    expect(dialog).toHaveTextContent("kept on this computer and offered back");
    expect(screen.getByRole("button", { name: "Stay" })).toHaveFocus();
    screen.getByRole("button", { name: "Stay" }).click();
    await vi.waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(win.destroy).not.toHaveBeenCalled();

    await win.closeRequested!({ preventDefault });
    (await screen.findByRole("button", { name: "Quit" })).click();
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });
});

describe("App: a desk that cannot be opened", () => {
  it("says so in words, keeps the technical words under Details, and really tries again", async () => {
    api.deskStatus
      .mockReset()
      .mockRejectedValueOnce(
        new DeskError("busy", "the desk file is in use by another program and was not freed in time: nothing was changed; try again in a moment", {
          details: { kind: "technical", detail: "database is locked" },
        }),
      )
      .mockResolvedValueOnce({ db_path: "/tmp/desk.db", settings: null, user: null });
    render(App);
    const problem = await screen.findByRole("alert");
    expect(problem).toHaveTextContent("Copydesk could not open the desk");
    expect(problem.querySelector(".fault-words")).toHaveTextContent(
      "The desk file is in use by another program and was not freed in time: nothing was changed; try again in a moment.",
    );
    expect(problem.querySelector(".fault-words")).not.toHaveTextContent("database is locked");
    expect(problem.querySelector("details")).toHaveTextContent("database is locked");
    screen.getByRole("button", { name: "Try again" }).click();
    await vi.waitFor(() => expect(screen.queryByText("Copydesk could not open the desk")).not.toBeInTheDocument());
    expect(api.deskStatus).toHaveBeenCalledTimes(2);
  });
});

describe("App: a team desk", () => {
  const team = { kind: "team", server: "https://desk.harbourpost.org" } as const;
  const maya = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
  const settings = { name: "The Harbour Post", timezone: "Europe/London", sections: [] };

  beforeEach(() => {
    api.deskStatus.mockReset();
    api.signIn.mockReset();
    api.signInChoices.mockReset().mockResolvedValue([]);
    api.knownDesks.mockReset().mockResolvedValue([]);
    api.serverReach.mockReset().mockResolvedValue({ online: true, problem: null });
    api.journalList.mockReset().mockResolvedValue([]);
  });

  it("asks for a name and passphrase when no one is signed in, not to set the desk up", async () => {
    api.deskStatus.mockResolvedValue({ db_path: null, place: team, settings: null, user: null });
    render(App);
    expect(await screen.findByRole("heading", { name: "Sign in to the team desk at https://desk.harbourpost.org" })).toBeInTheDocument();
    expect(screen.getByLabelText("Passphrase")).toBeInTheDocument();
    expect(screen.queryByText("Welcome to Copydesk")).not.toBeInTheDocument();
    expect(screen.queryByText("Who is working?")).not.toBeInTheDocument();
    expect(api.signInChoices).not.toHaveBeenCalled();
  });

  it("opens the desk once signed in, its settings read again from the server", async () => {
    api.deskStatus
      .mockResolvedValueOnce({ db_path: null, place: team, settings: null, user: null })
      .mockResolvedValueOnce({ db_path: null, place: team, settings, user: maya });
    api.signIn.mockResolvedValue(maya);
    render(App);
    await userEvent.type(await screen.findByLabelText("Your name"), "Maya Editor");
    await userEvent.type(screen.getByLabelText("Passphrase"), "harbour lights");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(api.signIn).toHaveBeenCalledWith("Maya Editor", "harbour lights");
    expect(await screen.findByText("Workspace for Maya Editor")).toBeInTheDocument();
    expect(screen.getByText("The Harbour Post")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "desk.harbourpost.org: switch desks" })).toBeInTheDocument();
    expect(api.deskStatus).toHaveBeenCalledTimes(2);
  });

  it("keeps the desk file's welcome when a desk file is not set up", async () => {
    api.deskStatus.mockResolvedValue({ db_path: "/tmp/desk.db", place: { kind: "file", path: "/tmp/desk.db" }, settings: null, user: null });
    render(App);
    expect(await screen.findByText("Welcome to Copydesk")).toBeInTheDocument();
  });
});

describe("App: a team desk whose server goes away", () => {
  const team = { kind: "team", server: "https://desk.harbourpost.org" } as const;
  const maya = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
  const settings = { name: "The Harbour Post", timezone: "Europe/London", sections: [] };
  const problem = "the desk's server at https://desk.harbourpost.org does not answer (connection refused)";
  const kept = (id: string) => ({ article_id: id, base_version: 2, edit: { body: "typed offline" }, written_at: "2026-03-01T09:00:00Z" });
  const nothing: SentKept = { sent: [], conflicts: [], refused: [], waiting: [] };

  beforeEach(() => {
    live.reach = null;
    nav.reset();
    win.destroy.mockClear();
    leaving.ready = true;
    api.deskStatus.mockReset().mockResolvedValue({ db_path: null, place: team, settings, user: maya });
    api.serverReach.mockReset().mockResolvedValue({ online: true, problem: null });
    api.journalList.mockReset().mockResolvedValue([]);
    api.journalSend.mockReset().mockResolvedValue(nothing);
  });
  afterEach(() => vi.useRealTimers());

  const status = async () => (await screen.findByText("Workspace for Maya Editor")) && document.querySelector(".reach-status");

  it("sends the text kept on this computer once signed in, and says nothing when all went", async () => {
    api.journalList.mockResolvedValueOnce([kept("a1")]).mockResolvedValue([]);
    api.journalSend.mockResolvedValue({ ...nothing, sent: ["a1"] });
    render(App);
    await vi.waitFor(() => expect(api.journalSend).toHaveBeenCalledWith([]));
    const words = await status();
    expect(words).toHaveAttribute("role", "status");
    expect(words).toHaveAttribute("aria-live", "polite");
    await vi.waitFor(() => expect(words).toHaveTextContent("Saved"));
  });

  it("says offline with the saves waiting, then Sending… when the server is back, the open article left to its editor", async () => {
    api.serverReach.mockResolvedValue({ online: false, problem });
    api.journalList.mockResolvedValue([kept("a1"), kept("a2"), kept("a7")]);
    let release: (sent: typeof nothing) => void = () => {};
    api.journalSend.mockImplementation(() => new Promise((r) => (release = r)));
    render(App);
    const words = await status();
    await vi.waitFor(() => expect(words).toHaveTextContent("Offline — 3 saves waiting"));
    expect(words).toHaveAttribute("title", problem);
    expect(screen.getByText("Details").closest("details")).toHaveTextContent(problem);
    expect(api.journalSend).not.toHaveBeenCalled();

    nav.article = "a7";
    live.reach!({ online: true, problem: null });
    await vi.waitFor(() => expect(words).toHaveTextContent("Sending…"));
    expect(api.journalSend).toHaveBeenCalledWith(["a7"]);
    expect(screen.queryByText("Details")).not.toBeInTheDocument();
    api.journalList.mockResolvedValue([kept("a7")]);
    release({ ...nothing, sent: ["a1", "a2"] });
    await vi.waitFor(() => expect(words).toHaveTextContent("Saved"));

    live.reach!({ online: false, problem });
    await vi.waitFor(() => expect(words).toHaveTextContent("Offline — 1 save waiting"));
  });

  it("asks before quitting while saves wait for the server, and quits only when told to", async () => {
    api.serverReach.mockResolvedValue({ online: false, problem });
    api.journalList.mockResolvedValue([kept("a1"), kept("a2")]);
    render(App);
    await vi.waitFor(() => expect(document.querySelector(".reach-status")).toHaveTextContent("Offline — 2 saves waiting"));
    await vi.waitFor(() => expect(win.closeRequested).not.toBeNull());
    const preventDefault = vi.fn();
    await win.closeRequested!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("2 saves are waiting for the server.");
    expect(dialog).toHaveTextContent("They are kept on this computer and sent when you start Copydesk again and sign in with the server back. Quit anyway?");
    expect(screen.getByRole("button", { name: "Stay" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Stay" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(win.destroy).not.toHaveBeenCalled();

    await win.closeRequested!({ preventDefault });
    await userEvent.click(await screen.findByRole("button", { name: "Quit" }));
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it("closes at once when the server answers, whatever the journal holds for later", async () => {
    api.journalList.mockResolvedValue([kept("a1")]);
    api.journalSend.mockResolvedValue({ ...nothing, conflicts: ["a1"] });
    render(App);
    await vi.waitFor(() => expect(api.journalSend).toHaveBeenCalled());
    await vi.waitFor(() => expect(win.closeRequested).not.toBeNull());
    const preventDefault = vi.fn();
    await win.closeRequested!({ preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
  });

  it("leaves a desk file as it was: no server to follow, nothing sent, no word in the masthead", async () => {
    api.deskStatus.mockResolvedValue({ db_path: "/tmp/desk.db", place: { kind: "file", path: "/tmp/desk.db" }, settings, user: maya });
    api.journalList.mockResolvedValue([kept("a1")]);
    vi.useFakeTimers();
    render(App);
    await vi.waitFor(() => expect(screen.getByText("Workspace for Maya Editor")).toBeInTheDocument());
    // Time for a team desk's server to be asked and the kept text sent, had it been one.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.serverReach).not.toHaveBeenCalled();
    expect(api.journalSend).not.toHaveBeenCalled();
    expect(live.reach).toBeNull();
    expect(document.querySelector(".reach-status")).toBeNull();
    const preventDefault = vi.fn();
    await win.closeRequested!({ preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
