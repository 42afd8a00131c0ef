import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskSettings, GetContributor, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import ContributorsScreen from "./ContributorsScreen.svelte";
import { person } from "../test-stubs/people";

const api = vi.hoisted(() => ({
  listContributors: vi.fn(),
  findContributors: vi.fn(async () => []),
  searchContributors: vi.fn(async () => []),
  getContributor: vi.fn(),
  contributorBioHistory: vi.fn(async () => []),
  listArticles: vi.fn(async () => ({ items: [], next: null })),
  listUsers: vi.fn(async () => []),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

const people = [person("c1", "Amélie Faure"), person("c2", "Bo Chen"), person("c3", "Jane Roe")];

describe("ContributorsScreen", () => {
  beforeEach(() => {
    nav.reset();
    nav.screen = "contributors";
    api.listContributors.mockReset().mockResolvedValue({ items: people, next: null });
    api.getContributor.mockReset().mockImplementation(async ({ key }: GetContributor) => people.find((p) => p.id === key));
  });

  it("opens a profile with Enter and comes back with Esc to the same line, filter kept", async () => {
    render(ContributorsScreen, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Contributors" });
    list.focus();
    await userEvent.keyboard("jj{Enter}");
    expect(nav.contributor).toBe("c3");
    const heading = await screen.findByRole("heading", { level: 1, name: /Jane Roe/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(list.closest("[hidden]")).not.toBeNull();
    await userEvent.keyboard("{Escape}");
    expect(nav.contributor).toBeNull();
    await waitFor(() => expect(list).toHaveFocus());
    expect(screen.getByRole("option", { selected: true })).toHaveTextContent("Jane Roe");
  });

  it("goes back with the back button too", async () => {
    nav.contributor = "c2";
    render(ContributorsScreen, { user: editor, settings });
    await screen.findByRole("heading", { level: 1, name: /Bo Chen/ });
    await userEvent.click(screen.getByRole("button", { name: /All contributors/ }));
    expect(nav.contributor).toBeNull();
    await waitFor(() => expect(screen.getByRole("listbox", { name: "Contributors" })).toHaveFocus());
    expect(screen.getByRole("option", { selected: true })).toHaveTextContent("Bo Chen");
  });

  it("returns to the directory's line when the masthead's Contributors is pressed on a profile", async () => {
    render(ContributorsScreen, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Contributors" });
    list.focus();
    await userEvent.keyboard("j{Enter}");
    await screen.findByRole("heading", { level: 1, name: /Bo Chen/ });
    nav.go("contributors");
    await waitFor(() => expect(list).toHaveFocus());
    expect(screen.getByRole("option", { selected: true })).toHaveTextContent("Bo Chen");
  });
});
