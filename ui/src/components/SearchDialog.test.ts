import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ContributorHit, Page, SearchArticles, SearchHit } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import SearchDialog from "./SearchDialog.svelte";

const api = vi.hoisted(() => ({ searchArticles: vi.fn(), searchContributors: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

function article(id: string, headline: string): SearchHit {
  return {
    id,
    headline,
    state: "published",
    section: "Opinion",
    byline: [{ contributor_id: "c1", name: "Jane Roe" }],
    snippet: [
      { text: "…water in the ", hit: false },
      { text: "Sahel", hit: true },
      { text: " <b>is</b> scarce…", hit: false },
    ],
    score: null,
  };
}

const jane: ContributorHit = {
  id: "c1",
  display_name: "Jane Roe",
  affiliation: "Institute for Sahel Studies",
  snippet: [
    { text: "senior fellow, ", hit: false },
    { text: "Sahel", hit: true },
  ],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const options = () => screen.getAllByRole("option");
const combobox = () => screen.getByRole("combobox");
const activeOption = () => document.getElementById(combobox().getAttribute("aria-activedescendant") ?? "");

describe("SearchDialog", () => {
  beforeEach(() => {
    nav.reset();
    api.searchArticles.mockReset().mockResolvedValue({ items: [article("a1", "Water, not weapons"), article("a2", "Wells")], next: null });
    api.searchContributors.mockReset().mockResolvedValue([jane]);
  });

  it("is a labelled modal dialog that starts with a hint", () => {
    render(SearchDialog, { onclose: () => {} });
    const dialog = screen.getByRole("dialog", { name: "Search the desk" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(combobox()).toHaveFocus();
    expect(screen.getByText(/Type a word or two/)).toBeInTheDocument();
    expect(api.searchArticles).not.toHaveBeenCalled();
  });

  it("shows articles and contributors, the matched words marked, never read as HTML", async () => {
    render(SearchDialog, { onclose: () => {} });
    await userEvent.type(combobox(), "sahel");
    const articles = await screen.findByRole("group", { name: "Articles" });
    expect(within(articles).getAllByRole("option")).toHaveLength(2);
    const people = screen.getByRole("group", { name: "Contributors" });
    expect(within(people).getByText("Institute for Sahel Studies")).toBeInTheDocument();
    const first = within(articles).getAllByRole("option")[0];
    expect(first.querySelector("mark")).toHaveTextContent("Sahel");
    expect(first).toHaveTextContent("<b>is</b> scarce");
    expect(first.querySelector("b")).toBeNull();
    expect(api.searchArticles).toHaveBeenCalledWith({ text: "sahel", limit: 20 });
    expect(api.searchContributors).toHaveBeenCalledWith({ text: "sahel", limit: 8 });
    // Typing fast asks once, after the pause.
    expect(api.searchArticles).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/2 articles and 1 contributor found/)).toBeInTheDocument();
  });

  it("moves with Up and Down across both groups and opens an article with Enter", async () => {
    const onclose = vi.fn();
    render(SearchDialog, { onclose });
    await userEvent.type(combobox(), "sahel");
    await screen.findByRole("group", { name: "Articles" });
    expect(activeOption()).toHaveTextContent("Water, not weapons");
    expect(options()[0]).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{ArrowDown}");
    expect(activeOption()).toHaveTextContent("Wells");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(activeOption()).toHaveTextContent("Jane Roe");
    await userEvent.keyboard("{ArrowUp}");
    expect(activeOption()).toHaveTextContent("Wells");
    expect(combobox()).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(onclose).toHaveBeenCalled();
    expect(nav.article).toBe("a2");
  });

  it("opens a contributor's profile", async () => {
    render(SearchDialog, { onclose: () => {} });
    await userEvent.type(combobox(), "sahel");
    await screen.findByRole("group", { name: "Contributors" });
    await userEvent.keyboard("{End}"); // the caret, not the list
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(nav.screen).toBe("contributors");
    expect(nav.contributor).toBe("c1");
  });

  it("ignores an answer that arrives after a newer one", async () => {
    const slow = deferred<Page<SearchHit>>();
    api.searchArticles.mockImplementation(async ({ text }: SearchArticles) =>
      text === "wat" ? slow.promise : { items: [article("a1", "Water, not weapons")], next: null },
    );
    api.searchContributors.mockResolvedValue([]);
    render(SearchDialog, { onclose: () => {} });
    await userEvent.type(combobox(), "wat");
    await waitFor(() => expect(api.searchArticles).toHaveBeenCalledWith({ text: "wat", limit: 20 }));
    await userEvent.type(combobox(), "er");
    await screen.findByText("Water, not weapons");
    slow.resolve({ items: [article("old", "A stale answer")], next: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByText("A stale answer")).not.toBeInTheDocument();
    expect(options()).toHaveLength(1);
  });

  it("says when nothing matches, and what the core refused", async () => {
    api.searchArticles.mockResolvedValue({ items: [], next: null });
    api.searchContributors.mockResolvedValue([]);
    render(SearchDialog, { onclose: () => {} });
    await userEvent.type(combobox(), "zzz");
    expect(await screen.findByText(/Nothing matches “zzz”\./)).toBeInTheDocument();
    api.searchArticles.mockRejectedValue(new DeskError("invalid_input", "type at least one word to search for"));
    await userEvent.clear(combobox());
    await userEvent.type(combobox(), "!!");
    expect(await screen.findByText("Type at least one word to search for")).toBeInTheDocument();
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });

  it("says when more articles match than it shows", async () => {
    api.searchArticles.mockResolvedValue({ items: [article("a1", "Water")], next: "cursor" });
    render(SearchDialog, { onclose: () => {} });
    await userEvent.type(combobox(), "water");
    expect(await screen.findByText(/add a word to narrow the search/)).toBeInTheDocument();
  });

  it("keeps Tab inside and closes with Esc", async () => {
    const onclose = vi.fn();
    render(SearchDialog, { onclose });
    const close = screen.getByRole("button", { name: /Close/ });
    await userEvent.tab();
    expect(close).toHaveFocus();
    await userEvent.tab();
    expect(combobox()).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(close).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
