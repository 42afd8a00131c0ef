import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ArticleSummary, DeskSettings, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import ContributorProfile from "./ContributorProfile.svelte";
import { person } from "../test-stubs/people";

const api = vi.hoisted(() => ({
  getContributor: vi.fn(),
  contributorBioHistory: vi.fn(),
  listArticles: vi.fn(),
  listUsers: vi.fn(),
  editContributor: vi.fn(),
  addUser: vi.fn(),
  findContributors: vi.fn(),
  searchContributors: vi.fn(),
  mergeContributors: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const chief: User = { id: "u0", name: "Claire", role: "chief", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const otherAuthor: User = { id: "u9", name: "bo", role: "contributor", has_passphrase: false, contributor_id: "c5", created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };


const faure = person("c1", "A. Faure", {
  email: "a.faure@example.org",
  affiliation: "Sciences Po",
  bio: "A. Faure teaches at Sciences Po.",
  private_notes: "Prefers calls.",
});
const amelie = person("c2", "Amélie Faure", { affiliation: "Sciences Po, Paris" });

function piece(id: string, headline: string): ArticleSummary {
  return {
    id,
    headline,
    state: "published",
    section: "Opinion",
    byline: [{ contributor_id: "c1", name: "A. Faure" }],
    word_count: 800,
    assigned_editor: null,
    version: 4,
    updated_at: "2026-03-10T09:00:00Z",
    state_changed_at: "2026-03-10T09:00:00Z",
    scheduled_at: null,
    publish_problem: null,
  };
}

const props = (user: User, id = "c1") => ({ id, user, settings, onback: vi.fn() });

describe("ContributorProfile", () => {
  beforeEach(() => {
    nav.reset();
    api.getContributor.mockReset().mockResolvedValue(faure);
    api.contributorBioHistory.mockReset().mockResolvedValue([
      { bio: "A. Faure is a researcher.", replaced_at: "2026-03-10T09:00:00Z", replaced_by: "Claire" },
      { bio: "", replaced_at: "2026-03-02T14:30:00Z", replaced_by: null },
    ]);
    api.listArticles
      .mockReset()
      .mockResolvedValue({ items: [piece("a1", "Paris and the Sahel"), piece("a2", "Rivers"), piece("a3", "Salt")], next: null });
    api.listUsers.mockReset().mockResolvedValue([chief, editor]);
    api.editContributor.mockReset();
    api.addUser.mockReset();
    api.findContributors.mockReset().mockResolvedValue([faure, amelie]);
    api.searchContributors.mockReset().mockResolvedValue([]);
    api.mergeContributors.mockReset().mockResolvedValue(amelie);
  });

  it("shows the profile to edit, with the earlier bios below, newest first, in the desk's zone", async () => {
    render(ContributorProfile, props(editor));
    expect(await screen.findByRole("heading", { level: 1, name: /A\. Faure/ })).toHaveFocus();
    expect(screen.getByLabelText(/^Bio/)).toHaveValue("A. Faure teaches at Sciences Po.");
    expect(screen.getByLabelText(/^Private notes/)).toHaveValue("Prefers calls.");
    const history = screen.getByRole("region", { name: /Earlier bios/ });
    expect(history).toHaveTextContent("times in Europe/Paris");
    expect(within(history).getAllByRole("listitem")).toHaveLength(1);
    await userEvent.click(within(history).getByRole("button", { name: "Show all 2 earlier bios" }));
    const versions = within(history).getAllByRole("listitem");
    expect(versions[0]).toHaveTextContent("A. Faure is a researcher.");
    expect(versions[0]).toHaveTextContent("Replaced 10 Mar 2026, 10:00 by Claire");
    expect(versions[1]).toHaveTextContent("(no bio)");
    expect(versions[1]).toHaveTextContent("Replaced 2 Mar 2026, 15:30");
  });

  it("says when the bio was never changed", async () => {
    api.contributorBioHistory.mockResolvedValue([]);
    render(ContributorProfile, props(editor));
    expect(await screen.findByText("The bio has not been changed since the profile was made.")).toBeInTheDocument();
  });

  it("saves the profile, and shows a refusal next to its field with the text kept", async () => {
    api.editContributor.mockRejectedValueOnce(
      new DeskError("invalid_input", "a bio is printed under every piece: keep it under 2000 characters", { field: "bio" }),
    );
    render(ContributorProfile, props(editor));
    const bio = await screen.findByLabelText(/^Bio/);
    const save = screen.getByRole("button", { name: "Save profile" });
    expect(save).toBeDisabled();
    await userEvent.clear(bio);
    await userEvent.type(bio, "Amélie Faure teaches at Sciences Po.");
    await userEvent.click(save);
    expect(await screen.findByText(/keep it under 2000 characters/)).toBeInTheDocument();
    expect(bio).toHaveValue("Amélie Faure teaches at Sciences Po.");
    expect(bio).toHaveFocus();

    const savedFaure = { ...faure, bio: "Amélie Faure teaches at Sciences Po." };
    api.editContributor.mockResolvedValueOnce(savedFaure);
    await userEvent.click(save);
    expect(api.editContributor).toHaveBeenLastCalledWith({
      key: "c1",
      edit: {
        display_name: "A. Faure",
        sort_name: "A. Faure",
        email: "a.faure@example.org",
        affiliation: "Sciences Po",
        kind: "guest",
        bio: "Amélie Faure teaches at Sciences Po.",
        links: [],
        private_notes: "Prefers calls.",
      },
    });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(api.contributorBioHistory).toHaveBeenCalledTimes(2);
  });

  it("focuses the field the core names as at fault, whatever its words say", async () => {
    api.editContributor.mockRejectedValueOnce(
      new DeskError("invalid_input", "a.faure@sciencespo.fr already belongs to Amélie Faure", { field: "email" }),
    );
    render(ContributorProfile, props(editor));
    const email = await screen.findByLabelText(/^Email/);
    await userEvent.clear(email);
    await userEvent.type(email, "a.faure@sciencespo.fr");
    await userEvent.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent("A.faure@sciencespo.fr already belongs to Amélie Faure");

    // Words that speak of a bio, with no field named: under the button, next to no field.
    api.editContributor.mockRejectedValueOnce(new DeskError("storage", "the bio history could not be written: nothing was changed"));
    await userEvent.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("The bio history could not be written"));
    expect(screen.getByLabelText(/^Bio/)).not.toHaveAttribute("aria-invalid", "true");
    expect(email).not.toHaveAttribute("aria-invalid", "true");
  });

  it("lists their articles; Enter opens one", async () => {
    render(ContributorProfile, props(editor));
    const list = await screen.findByRole("listbox", { name: "Articles by A. Faure" });
    expect(within(list).getAllByRole("option")).toHaveLength(3);
    expect(api.listArticles).toHaveBeenCalledWith({ filter: { contributor: "c1" }, after: null, limit: 20 });
    list.focus();
    await userEvent.keyboard("j{Enter}");
    expect(nav.article).toBe("a2");
  });

  it("merges into another contributor, saying first what will happen, then opens the survivor", async () => {
    render(ContributorProfile, props(editor));
    await screen.findByRole("listbox", { name: "Articles by A. Faure" });
    await userEvent.click(screen.getByRole("button", { name: "Merge into…" }));
    const field = screen.getByLabelText("Merge A. Faure into");
    expect(field).toHaveFocus();
    await userEvent.type(field, "faure");
    // Itself is not offered.
    const choices = await screen.findByRole("list", { name: "Contributors to merge into" });
    expect(within(choices).getAllByRole("button")).toHaveLength(1);
    await userEvent.click(within(choices).getByRole("button", { name: /Amélie Faure/ }));
    const plan = await screen.findByRole("group", { name: /Bylines of/ });
    expect(plan).toHaveTextContent(
      "Bylines of A. Faure (3 articles) move to Amélie Faure; A. Faure is removed from the directory.",
    );
    expect(api.mergeContributors).not.toHaveBeenCalled();
    const confirm = within(plan).getByRole("button", { name: "Merge into Amélie Faure" });
    await waitFor(() => expect(confirm).toHaveFocus());
    await userEvent.click(confirm);
    expect(api.mergeContributors).toHaveBeenCalledWith({ from: "c1", into: "c2" });
    await waitFor(() => expect(nav.contributor).toBe("c2"));
    expect(nav.screen).toBe("contributors");
    expect(nav.notice).toMatch(/^A\. Faure was merged into this profile/);
  });

  it("finds whom to merge into by surname too", async () => {
    api.findContributors.mockResolvedValue([]);
    api.searchContributors.mockResolvedValue([
      { id: "c1", display_name: "A. Faure", affiliation: "Sciences Po", snippet: [] },
      { id: "c2", display_name: "Amélie Faure", affiliation: "Sciences Po, Paris", snippet: [] },
    ]);
    render(ContributorProfile, props(editor));
    await screen.findByRole("listbox", { name: "Articles by A. Faure" });
    await userEvent.click(screen.getByRole("button", { name: "Merge into…" }));
    await userEvent.type(screen.getByLabelText("Merge A. Faure into"), "faure");
    const choices = await screen.findByRole("list", { name: "Contributors to merge into" });
    expect(within(choices).getAllByRole("button").map((b) => b.textContent)).toEqual([
      expect.stringContaining("Amélie Faure"),
    ]);
    expect(api.searchContributors).toHaveBeenCalledWith({ text: "faure", limit: 10 });
  });

  it("says what the core refused about a merge, and stays", async () => {
    api.mergeContributors.mockRejectedValue(new DeskError("forbidden", "bo is a contributor and may not merge contributors"));
    render(ContributorProfile, props(editor));
    await screen.findByRole("listbox", { name: "Articles by A. Faure" });
    await userEvent.click(screen.getByRole("button", { name: "Merge into…" }));
    await userEvent.type(screen.getByLabelText("Merge A. Faure into"), "am");
    await userEvent.click(await screen.findByRole("button", { name: /Amélie Faure/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Merge into Amélie Faure" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Bo is a contributor and may not merge contributors");
    expect(nav.contributor).toBeNull();
  });

  it("lets the chief give a contributor a sign-in", async () => {
    api.addUser.mockResolvedValue({ id: "u5", name: "afaure", role: "contributor", has_passphrase: true, contributor_id: "c1", created_at: "2026-03-01T09:00:00Z" });
    render(ContributorProfile, props(chief));
    const form = await screen.findByRole("form", { name: "Give A. Faure a sign-in" });
    const name = document.getElementById("account-name")!;
    expect(name).toHaveValue("A. Faure");
    await userEvent.clear(name);
    await userEvent.type(name, "afaure");
    await userEvent.type(document.getElementById("account-passphrase")!, "correct horse");
    api.listUsers.mockResolvedValue([chief, { id: "u5", name: "afaure", role: "contributor", has_passphrase: true, contributor_id: "c1", created_at: "2026-03-01T09:00:00Z" }]);
    await userEvent.click(within(form).getByRole("button", { name: "Create sign-in" }));
    expect(api.addUser).toHaveBeenCalledWith({
      user: { name: "afaure", role: "contributor", contributor: "c1", passphrase: "correct horse" },
    });
    expect(await screen.findByText(/can now sign in as “afaure”/)).toBeInTheDocument();
    expect(screen.getByText("afaure")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Give A. Faure a sign-in" })).not.toBeInTheDocument();
  });

  it("shows a refused sign-in next to the field the core names", async () => {
    api.addUser.mockRejectedValueOnce(new DeskError("invalid_input", "a passphrase needs at least 8 characters", { field: "passphrase" }));
    render(ContributorProfile, props(chief));
    const form = await screen.findByRole("form", { name: "Give A. Faure a sign-in" });
    await userEvent.type(document.getElementById("account-passphrase")!, "short");
    await userEvent.click(within(form).getByRole("button", { name: "Create sign-in" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("A passphrase needs at least 8 characters");
    expect(document.getElementById("account-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById("account-name")).toHaveAttribute("aria-invalid", "false");
  });

  it("shows the linked account, and no sign-in form to an editor", async () => {
    api.listUsers.mockResolvedValue([{ id: "u5", name: "afaure", role: "contributor", has_passphrase: false, contributor_id: "c1", created_at: "2026-03-01T09:00:00Z" }]);
    render(ContributorProfile, props(editor));
    expect(await screen.findByText("afaure")).toBeInTheDocument();
    expect(screen.getByText(/Signs in as/)).toHaveTextContent("Signs in as afaure (Contributor, no passphrase)");
    api.listUsers.mockResolvedValue([]);
  });

  it("shows another contributor's profile to a contributor, read-only and without private fields", async () => {
    api.getContributor.mockResolvedValue({ ...faure, email: null, private_notes: "" });
    render(ContributorProfile, props(otherAuthor));
    await screen.findByRole("heading", { level: 1, name: /A\. Faure/ });
    expect(screen.queryByRole("button", { name: "Save profile" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Private notes/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Merge into…" })).not.toBeInTheDocument();
    expect(screen.getByText("A. Faure teaches at Sciences Po.")).toBeInTheDocument();
  });

  it("asks before going back with unsaved changes", async () => {
    const p = props(editor);
    render(ContributorProfile, p);
    const affiliation = await screen.findByLabelText("Affiliation");
    await userEvent.type(affiliation, ", Paris");
    await userEvent.click(screen.getByRole("button", { name: /All contributors/ }));
    expect(p.onback).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Leave without saving" }));
    expect(p.onback).toHaveBeenCalled();
  });

  it("asks before the masthead takes the reader elsewhere with unsaved changes", async () => {
    nav.screen = "contributors";
    nav.contributor = "c1";
    render(ContributorProfile, props(editor));
    await userEvent.type(await screen.findByLabelText("Affiliation"), ", Paris");
    nav.go("activity");
    expect(nav.screen).toBe("contributors");
    expect(await screen.findByText("You have changed this profile without saving.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Save and leave" })).toHaveFocus());
    await userEvent.click(screen.getByRole("button", { name: "Stay" }));
    expect(nav.screen).toBe("contributors");
    nav.go("activity");
    await userEvent.click(await screen.findByRole("button", { name: "Leave without saving" }));
    expect(nav.screen).toBe("activity");
  });
});
