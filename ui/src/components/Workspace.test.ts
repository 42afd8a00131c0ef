import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskSettings, ListArticles, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import { summary } from "../test-stubs/desk";
import SignedIn from "../test-stubs/SignedIn.svelte";

const api = vi.hoisted(() => ({
  listArticles: vi.fn(),
  listContributors: vi.fn(async () => ({ items: [], next: null })),
  listUsers: vi.fn(async () => []),
  auditLog: vi.fn(async () => ({ items: [], next: null })),
  searchArticles: vi.fn(async () => ({ items: [], next: null })),
  searchContributors: vi.fn(async () => []),
  articleMoves: vi.fn(async () => []),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
// A click on a desktop notification, as the shell tells of it.
const live = vi.hoisted(() => ({ open: null as null | ((id: string) => void) }));
vi.mock("../lib/live", () => ({
  onDeskChanged: () => () => {},
  onPublishingDone: () => () => {},
  onOpenArticle: (open: (id: string) => void) => {
    live.open = open;
    return () => {
      if (live.open === open) live.open = null;
    };
  },
}));
vi.mock("./ArticleView.svelte", async () => await import("../test-stubs/ArticleViewStub.svelte"));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

describe("Workspace", () => {
  beforeEach(() => {
    nav.reset();
    api.listArticles.mockReset().mockImplementation(async ({ filter }: ListArticles) =>
      filter?.state === "submitted"
        ? {
            items: [summary("a", "Why ports matter", "submitted", { section: null })],
            next: null,
          }
        : { items: [], next: null },
    );
  });

  it("names the screens in the masthead and moves between them", async () => {
    render(SignedIn, { user: editor, settings });
    const screens = screen.getByRole("navigation", { name: "Screens" });
    expect(within(screens).getByRole("button", { name: "Desk" })).toHaveAttribute("aria-current", "page");
    await userEvent.click(within(screens).getByRole("button", { name: "Contributors" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Contributors" })).toHaveFocus();
    expect(within(screens).getByRole("button", { name: "Contributors" })).toHaveAttribute("aria-current", "page");
    await userEvent.click(within(screens).getByRole("button", { name: "Activity" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Activity" })).toHaveFocus();
    await userEvent.click(within(screens).getByRole("button", { name: "Desk" }));
    expect(await screen.findByRole("listbox", { name: "Submitted" })).toBeInTheDocument();
  });

  it("opens an article over the Desk with Enter, and Esc comes back to the same line", async () => {
    render(SignedIn, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("article", { name: "Article a" })).toBeInTheDocument();
    expect(list.closest("[hidden]")).not.toBeNull();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
    expect(screen.getByRole("listbox", { name: "Submitted" })).toHaveFocus();
  });

  it("opens the article a clicked notification was about, over the screen and the search", async () => {
    render(SignedIn, { user: editor, settings });
    const screens = screen.getByRole("navigation", { name: "Screens" });
    await userEvent.click(within(screens).getByRole("button", { name: "Activity" }));
    await userEvent.keyboard("{Control>}k{/Control}");
    expect(await screen.findByRole("dialog", { name: "Search the desk" })).toBeInTheDocument();
    live.open?.("art-ferry");
    expect(await screen.findByRole("article", { name: "Article art-ferry" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    // Closing it comes back to the screen it opened over.
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
    expect(nav.screen).toBe("activity");
  });

  it("clears a selection on the Desk with Esc, staying on the Desk", async () => {
    render(SignedIn, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await userEvent.keyboard("x");
    expect(within(list).getByRole("option", { selected: true })).toHaveTextContent("Why ports matter");
    await userEvent.keyboard("{Escape}");
    expect(within(list).queryByRole("option", { selected: true })).not.toBeInTheDocument();
    expect(list).toHaveFocus();
    expect(nav.screen).toBe("desk");
    expect(nav.article).toBeNull();
  });

  it("opens the search with Ctrl+K anywhere and Esc gives focus back", async () => {
    render(SignedIn, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await userEvent.keyboard("{Control>}k{/Control}");
    const dialog = await screen.findByRole("dialog", { name: "Search the desk" });
    expect(within(dialog).getByRole("combobox")).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(list).toHaveFocus();
    // The article stays closed: Esc belonged to the search.
    expect(nav.article).toBeNull();
  });

  it("opens the search from the masthead's button, and with ⌘K", async () => {
    render(SignedIn, { user: editor, settings });
    await userEvent.click(screen.getByRole("button", { name: /^Search/ }));
    expect(await screen.findByRole("dialog", { name: "Search the desk" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: /^Search/ })).toHaveFocus();
    await userEvent.keyboard("{Meta>}k{/Meta}");
    expect(await screen.findByRole("dialog", { name: "Search the desk" })).toBeInTheDocument();
  });

  it("leaves Ctrl+K to the editor inside it (the link shortcut)", async () => {
    render(SignedIn, { user: editor, settings });
    screen.getByRole("textbox", { name: "Body" }).focus();
    await userEvent.keyboard("{Control>}k{/Control}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });
});
