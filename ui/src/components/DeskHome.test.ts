import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ArticleQuery, DeskSettings, User } from "../lib/bindings";
import DeskHome from "./DeskHome.svelte";

const api = vi.hoisted(() => ({ listArticles: vi.fn(), getArticle: vi.fn(), articleMoves: vi.fn(async () => []),
  listNotes: vi.fn(async () => []),
  articleHistory: vi.fn(async () => ({ items: [], next: null })),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null };
const settings: DeskSettings = {
  name: "The Meridian",
  timezone: "Europe/Paris",
  sections: [{ name: "Opinion", min_words: 600, max_words: 1200 }],
};

function summary(id: string, headline: string, state: ArticleQuery["state"]) {
  return {
    id,
    headline,
    state,
    section: "Opinion",
    byline: ["Ana Ruiz"],
    word_count: 700,
    assigned_editor: null,
    version: 1,
    updated_at: "2026-03-10T09:00:00Z",
    state_changed_at: "2026-03-10T09:00:00Z",
  };
}

describe("DeskHome", () => {
  beforeEach(() => {
    api.listArticles.mockReset().mockImplementation(async (query: ArticleQuery) => {
      if (query.contributor === "Nobody") throw new DeskError("not_found", "no contributor matches “Nobody”");
      if (query.state === "submitted") return { items: [summary("a", "Why ports matter", "submitted")], next: null };
      return { items: [], next: null };
    });
  });

  it("shows an editor's queues, each asking the core for its own state", async () => {
    render(DeskHome, { user: editor, settings });
    const submitted = await screen.findByRole("listbox", { name: "Submitted" });
    expect(within(submitted).getByText("Why ports matter")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /In review/ })).toBeInTheDocument();
    const states = api.listArticles.mock.calls.map(([q]) => (q as ArticleQuery).state);
    expect(states).toEqual(["submitted", "in_review", "changes_requested", "approved", "scheduled", "published"]);
  });

  it("says once, next to the field, that a contributor filter matches nobody", async () => {
    render(DeskHome, { user: editor, settings });
    await screen.findByRole("listbox", { name: "Submitted" });
    await userEvent.type(screen.getByLabelText("Contributor"), "Nobody{Enter}");
    const alerts = await screen.findAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent("no contributor matches “Nobody”");
    expect(screen.getByLabelText("Contributor")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Why ports matter")).toBeInTheDocument();
  });

  it("opens the highlighted article with Enter and returns to the list with Esc", async () => {
    api.getArticle.mockResolvedValue({
      ...summary("a", "Why ports matter", "submitted"),
      slug: "why-ports-matter",
      standfirst: "Trade runs through them.",
      body: "First paragraph.\n\nSecond paragraph.",
      tags: [],
      byline: [{ contributor_id: "c1", name: "Ana Ruiz", printed_bio: "Ana Ruiz writes on trade.", bio_is_own: false }],
      related: [],
      reading_minutes: 3,
      approved_by: null,
      embargo_until: null,
      scheduled_at: null,
      published_at: null,
      created_by: "Ana Ruiz",
      created_at: "2026-03-10T09:00:00Z",
    });
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await userEvent.keyboard("{Enter}");
    expect(api.getArticle).toHaveBeenCalledWith("a");
    expect(await screen.findByRole("heading", { level: 1, name: "Why ports matter" })).toBeInTheDocument();
    expect(screen.getByText("Second paragraph.")).toBeInTheDocument();
    expect(screen.getByText("Ana Ruiz writes on trade.")).toBeInTheDocument();
    expect(screen.getByText("10 Mar 2026, 10:00")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
    expect(screen.getByRole("listbox", { name: "Submitted" })).toHaveFocus();
  });
});
