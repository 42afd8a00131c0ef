// The masthead's desk switcher: the desks used, this one marked; another opened once what is
// typed is saved; another team desk joined from a small dialog.
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { createRawSnippet } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskPlace } from "../lib/bindings";
import Frame from "./Frame.svelte";

const api = vi.hoisted(() => ({ knownDesks: vi.fn(), useDesk: vi.fn(), joinTeamDesk: vi.fn(), forgetDesk: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));
const leaving = vi.hoisted(() => ({ ready: true }));
vi.mock("../lib/leaving", () => ({ readyToLeave: async () => leaving.ready }));

const here = { kind: "file", path: "/data/desk.db" } as const;
const harbour = { kind: "team", server: "https://desk.harbourpost.org" } as const;
const used = "2026-03-01T09:00:00Z";
const settings = { name: "Trial desk", timezone: "Europe/London", sections: [] };
const maya = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: true, contributor_id: null, created_at: used } as const;
const children = createRawSnippet(() => ({ render: () => "<p>The desk's screens</p>" }));

function show(place: DeskPlace = here, name = settings.name) {
  render(Frame, { settings: { ...settings, name }, user: maya, place, onsignout: () => {}, children });
}

async function openMenu(control = "On this computer: switch desks") {
  const button = screen.getByRole("button", { name: control });
  await userEvent.click(button);
  return button;
}

describe("Frame: the desk switcher", () => {
  beforeEach(() => {
    leaving.ready = true;
    api.knownDesks.mockReset().mockResolvedValue([
      { place: here, name: "Trial desk", used_at: used },
      { place: harbour, name: "The Harbour Post", used_at: used },
    ]);
    api.useDesk.mockReset().mockResolvedValue(null);
    api.joinTeamDesk.mockReset().mockResolvedValue(null);
    api.forgetDesk.mockReset();
  });

  it("names where the desk is next to its name, and lists the desks used with this one marked", async () => {
    show();
    expect(screen.getByText("Trial desk")).toHaveClass("desk-name");
    const control = await openMenu();
    expect(control).toHaveAttribute("aria-expanded", "true");
    const menu = screen.getByRole("group", { name: "Desks used on this computer" });
    const current = await within(menu).findByText("this desk");
    expect(current.closest("li")).toHaveAttribute("aria-current", "true");
    expect(current.closest("li")).toHaveTextContent("On this computer: /data/desk.db");
    expect(within(menu).getAllByRole("listitem")).toHaveLength(2);
    expect(within(menu).getByRole("button", { name: "Open The Harbour Post" })).toBeInTheDocument();
    expect(within(menu).queryByRole("button", { name: "Open Trial desk" })).not.toBeInTheDocument();
  });

  it("names a team desk by its server's host", () => {
    show(harbour, "The Harbour Post");
    expect(screen.getByRole("button", { name: "desk.harbourpost.org: switch desks" })).toBeInTheDocument();
  });

  it("closes on Esc and gives the focus back to the switcher", async () => {
    show();
    const control = await openMenu();
    await screen.findByRole("button", { name: "Open The Harbour Post" });
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Open The Harbour Post" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Desks used on this computer" })).not.toBeInTheDocument();
    expect(control).toHaveFocus();
    expect(control).toHaveAttribute("aria-expanded", "false");
  });

  it("opens another desk once what is typed is saved", async () => {
    show();
    await openMenu();
    await userEvent.click(await screen.findByRole("button", { name: "Open The Harbour Post" }));
    expect(api.useDesk).toHaveBeenCalledWith(harbour);
    expect(await screen.findByText("Opening The Harbour Post…")).toBeInTheDocument();
  });

  it("does not switch when the article being edited could not be saved, and says why", async () => {
    leaving.ready = false;
    show();
    await openMenu();
    await userEvent.click(await screen.findByRole("button", { name: "Open The Harbour Post" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not switched: the article you are editing could not be saved.",
    );
    expect(api.useDesk).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Open The Harbour Post" })).toBeEnabled();
  });

  it("goes back to the desk on this computer from a team desk", async () => {
    show(harbour, "The Harbour Post");
    await openMenu("desk.harbourpost.org: switch desks");
    await userEvent.click(await screen.findByRole("button", { name: /A desk on this computer/ }));
    expect(api.useDesk).toHaveBeenCalledWith(here);
  });

  it("joins another team desk from a small dialog; Esc closes it and the focus comes back", async () => {
    show();
    const control = await openMenu();
    await userEvent.click(screen.getByRole("button", { name: "Join a team desk…" }));
    const dialog = screen.getByRole("dialog", { name: "Join a team desk" });
    const address = within(dialog).getByLabelText(/team desk's address/);
    expect(address).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(control).toHaveFocus();

    await openMenu();
    await userEvent.click(screen.getByRole("button", { name: "Join a team desk…" }));
    await userEvent.type(screen.getByLabelText(/team desk's address/), "https://desk.harbourpost.org");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(api.joinTeamDesk).toHaveBeenCalledWith("https://desk.harbourpost.org");
    expect(await screen.findByText("Joining desk.harbourpost.org — Copydesk opens the team desk.")).toBeInTheDocument();
  });

  it("does not join when the article being edited could not be saved", async () => {
    leaving.ready = false;
    show();
    await openMenu();
    await userEvent.click(screen.getByRole("button", { name: "Join a team desk…" }));
    await userEvent.type(screen.getByLabelText(/team desk's address/), "https://desk.harbourpost.org");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Not switched: the article you are editing could not be saved.");
    expect(api.joinTeamDesk).not.toHaveBeenCalled();
  });
});
