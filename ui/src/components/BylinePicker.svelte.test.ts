import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { AddContributor, Contributor } from "../lib/bindings";
import type { BylineEntry } from "../lib/draft";
import BylinePicker from "./BylinePicker.svelte";

const api = vi.hoisted(() => ({ findContributors: vi.fn(), addContributor: vi.fn(), getContributor: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

function contributor(id: string, display_name: string, bio: string, kind: Contributor["kind"] = "guest"): Contributor {
  return {
    id,
    display_name,
    sort_name: display_name,
    email: null,
    affiliation: "Institute for Sahel Studies",
    kind,
    bio,
    links: [],
    private_notes: "",
    created_at: "2026-03-10T09:00:00Z",
    updated_at: "2026-03-10T09:00:00Z",
    article_count: 0,
  };
}

const ana: BylineEntry = { contributor_id: "c1", name: "Ana Ruiz", contributorBio: "Ana Ruiz writes on trade.", own: false, ownBio: "" };

describe("BylinePicker", () => {
  beforeEach(() => {
    api.findContributors.mockReset().mockResolvedValue([]);
    api.addContributor.mockReset();
    api.getContributor.mockReset();
  });

  it("creates a guest contributor inline, with email and bio, and puts them on the byline", async () => {
    const props = $state({ entries: [ana], canAddContributors: true });
    api.addContributor.mockImplementation(async ({ contributor: c }: AddContributor) => contributor("c9", c.display_name, c.bio ?? ""));
    render(BylinePicker, props);
    await userEvent.type(screen.getByRole("combobox", { name: "Add to the byline" }), "Jane Roe");
    const option = await screen.findByRole("option", { name: "New guest contributor “Jane Roe”…" });
    await userEvent.click(option);
    const form = screen.getByRole("form", { name: "New guest contributor" });
    expect(within(form).getByLabelText("Name")).toHaveValue("Jane Roe");
    await userEvent.type(within(form).getByLabelText(/^Email/), "jane@example.org");
    await userEvent.type(within(form).getByLabelText(/^Bio/), "Jane Roe is a senior fellow.");
    await userEvent.click(within(form).getByRole("button", { name: "Add to the byline" }));
    expect(api.addContributor).toHaveBeenCalledWith({
      contributor: {
        display_name: "Jane Roe",
        email: "jane@example.org",
        affiliation: "",
        kind: "guest",
        bio: "Jane Roe is a senior fellow.",
      },
    });
    expect(props.entries.map((e) => e.name)).toEqual(["Ana Ruiz", "Jane Roe"]);
    expect(await screen.findByText("Jane Roe is a senior fellow.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "New guest contributor" })).not.toBeInTheDocument();
  });

  it("keeps the form and says why when the core refuses the new contributor", async () => {
    const props = $state({ entries: [] as BylineEntry[], canAddContributors: true });
    api.addContributor.mockRejectedValue(new DeskError("invalid_input", "jane@example.org already belongs to Jane Roe (c2)"));
    render(BylinePicker, props);
    await userEvent.type(screen.getByRole("combobox", { name: "Add to the byline" }), "Jane");
    await userEvent.click(await screen.findByRole("option", { name: /New guest contributor/ }));
    await userEvent.type(screen.getByLabelText(/^Email/), "jane@example.org");
    await userEvent.click(screen.getByRole("button", { name: "Add to the byline" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("jane@example.org already belongs to Jane Roe (c2)");
    expect(screen.getByLabelText(/^Email/)).toHaveValue("jane@example.org");
    expect(props.entries).toEqual([]);
  });

  it("finds contributors as you type and adds the one picked with the keyboard", async () => {
    const props = $state({ entries: [ana], canAddContributors: false });
    api.findContributors.mockResolvedValue([contributor("c1", "Ana Ruiz", "x"), contributor("c3", "Anaïs Faure", "Anaïs writes.", "staff")]);
    render(BylinePicker, props);
    const box = screen.getByRole("combobox", { name: "Add to the byline" });
    await userEvent.type(box, "ana");
    const options = await screen.findAllByRole("option");
    // Already on the byline: not offered; no guest creation for a contributor-role user.
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining("Anaïs Faure")]);
    await userEvent.keyboard("{Enter}");
    expect(api.findContributors).toHaveBeenLastCalledWith({ query: "ana" });
    expect(props.entries.map((e) => e.name)).toEqual(["Ana Ruiz", "Anaïs Faure"]);
  });

  it("prints the contributor's bio or the article's own text", async () => {
    const props = $state({ entries: [ana], canAddContributors: true });
    render(BylinePicker, props);
    expect(screen.getByText("Ana Ruiz writes on trade.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "Text for this article" }));
    const text = screen.getByLabelText("Bio of Ana Ruiz for this article");
    expect(text).toHaveValue("Ana Ruiz writes on trade."); // starts from their bio
    await userEvent.clear(text);
    await userEvent.type(text, "Ana Ruiz reported from Dakar.");
    expect(props.entries[0]).toMatchObject({ own: true, ownBio: "Ana Ruiz reported from Dakar." });
    await userEvent.click(screen.getByRole("radio", { name: "Follow Ana Ruiz's bio" }));
    expect(props.entries[0].own).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Remove Ana Ruiz from the byline" }));
    expect(props.entries).toEqual([]);
  });

  describe("after a Remove", () => {
    const li: BylineEntry = { contributor_id: "c2", name: "Li Wei", contributorBio: "Li Wei writes on ports.", own: false, ownBio: "" };
    const jo: BylineEntry = { contributor_id: "c3", name: "Jo Silva", contributorBio: "Jo Silva covers defence.", own: false, ownBio: "" };
    const remove = (name: string) => userEvent.click(screen.getByRole("button", { name: `Remove ${name} from the byline` }));

    it("puts the focus on the next writer's Remove, or the one before for the last", async () => {
      const props = $state({ entries: [ana, li, jo], canAddContributors: true });
      render(BylinePicker, props);
      await remove("Li Wei");
      expect(screen.getByRole("button", { name: "Remove Jo Silva from the byline" })).toHaveFocus();
      await remove("Jo Silva");
      expect(screen.getByRole("button", { name: "Remove Ana Ruiz from the byline" })).toHaveFocus();
    });

    it("puts the focus on the field that adds a writer when nobody is left", async () => {
      const props = $state({ entries: [ana], canAddContributors: true });
      render(BylinePicker, props);
      await remove("Ana Ruiz");
      expect(screen.getByRole("combobox", { name: "Add to the byline" })).toHaveFocus();
      expect(document.body).not.toHaveFocus();
    });

    it("passes over a writer who cannot be taken off", async () => {
      const props = $state({ entries: [li, ana, jo], canAddContributors: false, fixed: "c1" });
      render(BylinePicker, props);
      await remove("Jo Silva");
      expect(screen.getByRole("button", { name: "Remove Li Wei from the byline" })).toHaveFocus();
    });
  });
});
