// Closing the window: what is typed is kept and saved first; when the desk will not take it, the
// window asks before it goes.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import { DeskError } from "./lib/api";

const win = vi.hoisted(() => ({
  closeRequested: null as null | ((event: { preventDefault: () => void }) => Promise<void>),
  destroy: vi.fn(async () => {}),
}));
vi.mock("@tauri-apps/api/window", () => ({
  getCurrentWindow: () => ({
    setTitle: async () => {},
    destroy: win.destroy,
    onCloseRequested: async (handler: (event: { preventDefault: () => void }) => Promise<void>) => {
      win.closeRequested = handler;
      return () => {};
    },
  }),
}));
const api = vi.hoisted(() => ({ deskStatus: vi.fn(), signIn: vi.fn(), knownDesks: vi.fn(async () => []), signInChoices: vi.fn() }));
vi.mock("./lib/api", async (original) => ({ ...(await original<typeof import("./lib/api")>()), api }));
vi.mock("./lib/live", () => ({ onDeskChanged: () => () => {} }));
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
