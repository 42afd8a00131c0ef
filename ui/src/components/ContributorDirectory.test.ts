import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ListContributors, User } from "../lib/bindings";
import ContributorDirectory from "./ContributorDirectory.svelte";
import { person } from "../test-stubs/people";

const api = vi.hoisted(() => ({
  listContributors: vi.fn(),
  findContributors: vi.fn(),
  searchContributors: vi.fn(),
  addContributor: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const author: User = { id: "u9", name: "jane", role: "contributor", has_passphrase: false, contributor_id: "c3", created_at: "2026-03-01T09:00:00Z" };


const people = [
  person("c1", "Amélie Faure", { affiliation: "Sciences Po", email: "afaure@example.org", article_count: 12 }),
  person("c2", "Bo Chen", { kind: "staff", article_count: 1 }),
  person("c3", "Jane Roe", { affiliation: "Institute for Sahel Studies" }),
];

const selected = () => screen.getByRole("option", { selected: true });

describe("ContributorDirectory", () => {
  beforeEach(() => {
    api.listContributors.mockReset().mockImplementation(async ({ after = null }: ListContributors) =>
      after === null ? { items: people.slice(0, 2), next: "p2" } : { items: people.slice(2), next: null },
    );
    api.findContributors.mockReset().mockResolvedValue([]);
    api.searchContributors.mockReset().mockResolvedValue([]);
    api.addContributor.mockReset();
  });

  it("lists the directory a page at a time, with staff or guest, the affiliation and the articles", async () => {
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    const list = await screen.findByRole("listbox", { name: "Contributors" });
    expect(within(list).getAllByRole("option")).toHaveLength(2);
    expect(within(list).getByText("Staff")).toBeInTheDocument();
    expect(within(list).getByText("Guest")).toBeInTheDocument();
    expect(within(list).getByText("Sciences Po")).toBeInTheDocument();
    // Each line counts the contributor's articles.
    expect(within(list).getByText("12 articles")).toBeInTheDocument();
    expect(within(list).getByText("1 article")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(3));
    expect(api.listContributors).toHaveBeenLastCalledWith({ after: "p2", limit: 40 });
    expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
  });

  it("goes from the field into the list with Down, moves with j/k and opens with Enter", async () => {
    const onopen = vi.fn();
    render(ContributorDirectory, { user: editor, onopen });
    const list = await screen.findByRole("listbox", { name: "Contributors" });
    const field = screen.getByLabelText("Find a contributor");
    field.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(list).toHaveFocus();
    expect(list).toHaveAttribute("tabindex", "0");
    expect(selected()).toHaveTextContent("Amélie Faure");
    await userEvent.keyboard("j");
    expect(selected()).toHaveTextContent("Bo Chen");
    expect(list).toHaveAttribute("aria-activedescendant", "contributor-c2");
    await userEvent.keyboard("k");
    await userEvent.keyboard("{ArrowUp}");
    expect(field).toHaveFocus();
    list.focus();
    await userEvent.keyboard("{End}{Enter}");
    expect(onopen).toHaveBeenCalledWith("c2");
  });

  it("filters by name as you type, then by words in affiliations and bios", async () => {
    api.findContributors.mockResolvedValue([people[2]]);
    api.searchContributors.mockResolvedValue([
      { id: "c3", display_name: "Jane Roe", affiliation: "", snippet: [] },
      {
        id: "c7",
        display_name: "Omar Sy",
        affiliation: "Niamey University",
        snippet: [
          { text: "writes on the ", hit: false },
          { text: "Sahel", hit: true },
        ],
      },
    ]);
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await screen.findByRole("listbox", { name: "Contributors" });
    await userEvent.type(screen.getByLabelText("Find a contributor"), "sahel");
    const list = await screen.findByRole("listbox", { name: "Contributors matching sahel" });
    const found = within(list).getAllByRole("option");
    expect(found.map((o) => o.textContent)).toEqual([expect.stringContaining("Jane Roe"), expect.stringContaining("Omar Sy")]);
    expect(within(list).getByText("Mentioned in an affiliation or bio")).toBeInTheDocument();
    expect(found[1].querySelector("mark")).toHaveTextContent("Sahel");
    expect(api.findContributors).toHaveBeenCalledTimes(1);
    expect(screen.getByText("2 contributors match “sahel”.")).toBeInTheDocument();
  });

  it("finds a surname or part of an affiliation among the lines already loaded", async () => {
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await screen.findByRole("listbox", { name: "Contributors" });
    await userEvent.type(screen.getByLabelText("Find a contributor"), "faure");
    const list = await screen.findByRole("listbox", { name: "Contributors matching faure" });
    expect(within(list).getAllByRole("option")).toHaveLength(1);
    expect(within(list).getByText("Amélie Faure")).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText("Find a contributor"));
    await userEvent.type(screen.getByLabelText("Find a contributor"), "SCIENCES");
    expect(await screen.findByText("1 contributor matches “SCIENCES”.")).toBeInTheDocument();
  });

  it("filters by name alone when the words cannot be searched in full text", async () => {
    api.findContributors.mockResolvedValue([people[0]]);
    api.searchContributors.mockRejectedValue(new DeskError("invalid_input", "type at least one word to search for"));
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await screen.findByRole("listbox", { name: "Contributors" });
    await userEvent.type(screen.getByLabelText("Find a contributor"), "@");
    const list = await screen.findByRole("listbox", { name: "Contributors matching @" });
    expect(within(list).getAllByRole("option")).toHaveLength(1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says when nobody matches", async () => {
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await screen.findByRole("listbox", { name: "Contributors" });
    await userEvent.type(screen.getByLabelText("Find a contributor"), "zz");
    expect(await screen.findByText("No contributor matches “zz”.")).toBeInTheDocument();
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
  });

  it("adds a guest by default, and opens the new profile", async () => {
    const onopen = vi.fn();
    api.addContributor.mockResolvedValue(person("c9", "Lena Park"));
    render(ContributorDirectory, { user: editor, onopen });
    await userEvent.click(await screen.findByRole("button", { name: "New contributor" }));
    expect(document.getElementById("contributor-name")).toHaveFocus();
    expect(document.getElementById("contributor-kind")).toHaveValue("guest");
    await userEvent.type(document.getElementById("contributor-name")!, "Lena Park");
    await userEvent.type(document.getElementById("contributor-email")!, "lena@example.org");
    await userEvent.type(document.getElementById("contributor-affiliation")!, "KDI School");
    await userEvent.type(document.getElementById("contributor-bio")!, "Lena Park teaches trade.");
    expect(screen.getByText(/^24 \/ 2,000 characters/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Add contributor" }));
    expect(api.addContributor).toHaveBeenCalledWith({
      contributor: {
        display_name: "Lena Park",
        email: "lena@example.org",
        affiliation: "KDI School",
        kind: "guest",
        bio: "Lena Park teaches trade.",
      },
    });
    expect(onopen).toHaveBeenCalledWith("c9");
  });

  it("shows a refusal next to the field it is about, and keeps what was typed", async () => {
    api.addContributor.mockRejectedValue(new DeskError("invalid_input", "“lena@” is not an email address", { field: "email" }));
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await userEvent.click(await screen.findByRole("button", { name: "New contributor" }));
    await userEvent.type(document.getElementById("contributor-name")!, "Lena Park");
    await userEvent.type(document.getElementById("contributor-email")!, "lena@");
    await userEvent.click(screen.getByRole("button", { name: "Add contributor" }));
    const email = document.getElementById("contributor-email")!;
    expect(await screen.findByText("“lena@” is not an email address")).toHaveAttribute("id", "contributor-email-problem");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveFocus();
    expect(email).toHaveValue("lena@");
    expect(document.getElementById("contributor-name")).toHaveValue("Lena Park");
  });

  it("counts a bio against the core's limit", async () => {
    render(ContributorDirectory, { user: editor, onopen: () => {} });
    await userEvent.click(await screen.findByRole("button", { name: "New contributor" }));
    await fireEvent.input(document.getElementById("contributor-bio")!, { target: { value: "x".repeat(2010) } });
    expect(screen.getByText(/10 characters over the limit of 2,000/)).toBeInTheDocument();
    expect(document.getElementById("contributor-bio")).toHaveAttribute("aria-invalid", "true");
  });

  it("offers no add form to a contributor", async () => {
    render(ContributorDirectory, { user: author, onopen: () => {} });
    await screen.findByRole("listbox", { name: "Contributors" });
    expect(screen.queryByRole("button", { name: "New contributor" })).not.toBeInTheDocument();
  });
});
