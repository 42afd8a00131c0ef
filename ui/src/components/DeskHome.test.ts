import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import { summary } from "../test-stubs/desk";
import type { ArticleFilter, ArticleSummary, DeskSettings, ListArticles, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import { forgetOwnMoves, noteOwnMove } from "../lib/ownMoves";
import { layOut } from "../test-stubs/layout";
import listsCss from "../desk-lists.css?raw";
import DeskHome from "./DeskHome.svelte";

const api = vi.hoisted(() => ({ listArticles: vi.fn(), journalList: vi.fn(), findContributors: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
// Every queue listens for changes; the test says when the desk changed.
const live = vi.hoisted(() => ({ listeners: new Set<() => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.listeners.add(reload);
    return () => live.listeners.delete(reload);
  },
}));
const deskChanged = () => live.listeners.forEach((reload) => reload());

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = {
  name: "The Meridian",
  timezone: "Europe/Paris",
  sections: [
    { name: "Opinion", min_words: 600, max_words: 1200 },
    { name: "World", min_words: null, max_words: null },
  ],
};

/** What the queues were asked for, as [section, contributor], once each. */
const askedFilters = () =>
  [...new Set(api.listArticles.mock.calls.map(([input]) => (input as ListArticles).filter as ArticleFilter).map((q) => `${q.section}|${q.contributor}`))];


/** The Submitted queue as the core has it now; the other queues are empty. */
let submitted: ArticleSummary[] = [];

describe("DeskHome", () => {
  beforeEach(() => {
    nav.reset();
    live.listeners.clear();
    localStorage.clear();
    api.findContributors.mockReset().mockResolvedValue([]);
    submitted = [summary("a", "Why ports matter")];
    api.journalList.mockReset().mockResolvedValue([]);
    api.listArticles.mockReset().mockImplementation(async ({ filter: query = {}, after = null, limit }: ListArticles) => {
      if (query.contributor && query.contributor !== "Ana Ruiz") {
        throw new DeskError("not_found", `no contributor matches “${query.contributor}”`);
      }
      if (query.state === "submitted") {
        const start = after === null ? 0 : Number(after);
        const items = submitted.slice(start, start + limit);
        return { items, next: start + limit < submitted.length ? String(start + limit) : null };
      }
      if (query.state === "in_review" && query.assigned_editor === "u1") {
        return { items: [{ ...summary("m", "Mine to review", "in_review"), assigned_editor: "Maya Editor" }], next: null };
      }
      return { items: [], next: null };
    });
  });

  it("lists text kept on this computer that the desk never got, each a way back to its article", async () => {
    api.journalList.mockResolvedValue([
      { article_id: "k1", base_version: 3, edit: { headline: "Harbour dues" }, written_at: "2026-03-10T09:42:00Z" },
      { article_id: "k2", base_version: 1, edit: { headline: "  " }, written_at: "2026-03-10T10:05:00Z" },
    ]);
    render(DeskHome, { user: editor, settings });
    const kept = await screen.findByRole("region", { name: "Unsaved text kept on this computer" });
    expect(within(kept).getByText("typed 10 Mar 2026, 10:42")).toBeInTheDocument();
    await userEvent.click(within(kept).getByRole("button", { name: "Untitled article" }));
    expect(nav.article).toBe("k2");
  });

  it("shows no kept-text notice when there is none", async () => {
    render(DeskHome, { user: editor, settings });
    await screen.findByRole("listbox", { name: "Submitted" });
    expect(screen.queryByRole("region", { name: "Unsaved text kept on this computer" })).not.toBeInTheDocument();
  });

  it("shows an editor's queues, In review split into theirs and everyone's", async () => {
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    expect(within(list).getByText("Why ports matter")).toBeInTheDocument();
    const mine = await screen.findByRole("listbox", { name: "In review: mine" });
    expect(within(mine).getByText("Mine to review")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /In review: everyone's/ })).toBeInTheDocument();
    expect(screen.getByText("Nobody on the desk is reviewing anything.")).toBeInTheDocument();
    const asked = api.listArticles.mock.calls.map(([input]) => (input as ListArticles).filter as ArticleFilter);
    expect(asked.map((q) => q.state)).toEqual([
      "submitted",
      "in_review",
      "in_review",
      "changes_requested",
      "approved",
      "scheduled",
      "published",
    ]);
    expect(asked[1].assigned_editor).toBe("u1");
    expect(asked[2].assigned_editor).toBeNull();
  });

  it("gives each row's time in full in the desk's own zone", async () => {
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    expect(within(list).getByText(/^Submitted /)).toHaveAttribute("title", expect.stringMatching(/10 March 2026 at 10:00 \(Europe\/Paris\)$/));
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

  it("opens the highlighted article with Enter, over the Desk", async () => {
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await userEvent.keyboard("{Enter}");
    expect(nav.article).toBe("a");
  });

  it("marks and announces new arrivals, keeping the reader's place and focus", async () => {
    submitted = [summary("a", "Why ports matter"), summary("c", "Cities and heat")];
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    list.focus();
    await fireEvent.keyDown(list, { key: "j" });
    expect(list).toHaveAttribute("aria-activedescendant", "submitted-article-c");

    submitted = [summary("b", "A new treaty"), summary("z", "Rates again"), ...submitted];
    deskChanged();

    expect(await screen.findByRole("button", { name: "Show the 2 new in Submitted" })).toHaveTextContent("↑ 2 new");
    expect(within(list).getAllByRole("option")).toHaveLength(4);
    expect(list).toHaveAttribute("aria-activedescendant", "submitted-article-c");
    expect(list).toHaveFocus();
    expect(document.getElementById("submitted-article-b")).toHaveClass("fresh");
    expect(document.getElementById("submitted-article-a")).not.toHaveClass("fresh");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("2 new in Submitted"));
  });

  it("does not mark as new what this window moved itself", async () => {
    forgetOwnMoves();
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });

    // This window submitted "mine"; someone else submitted "theirs" meanwhile.
    noteOwnMove("mine");
    submitted = [summary("theirs", "Rates again"), summary("mine", "My own piece"), ...submitted];
    deskChanged();

    expect(await screen.findByRole("button", { name: "Show the 1 new in Submitted" })).toHaveTextContent("↑ 1 new");
    expect(within(list).getAllByRole("option")).toHaveLength(3);
    expect(document.getElementById("submitted-article-theirs")).toHaveClass("fresh");
    expect(document.getElementById("submitted-article-mine")).not.toHaveClass("fresh");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("1 new in Submitted"));
    forgetOwnMoves();
  });

  it("reloads as many articles as were shown, and those the arrivals pushed down", async () => {
    submitted = Array.from({ length: 14 }, (_, i) => summary(`s${i}`, `Piece ${i}`));
    render(DeskHome, { user: editor, settings });
    const list = await screen.findByRole("listbox", { name: "Submitted" });
    expect(within(list).getAllByRole("option")).toHaveLength(10);
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(14));

    submitted = [summary("new", "Fresh in"), ...submitted];
    api.listArticles.mockClear();
    deskChanged();
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(15));
    const limits = api.listArticles.mock.calls
      .map(([input]) => input as ListArticles)
      .filter((input) => input.filter?.state === "submitted")
      .map((input) => [input.after, input.limit]);
    expect(limits).toEqual([
      [null, 14],
      [null, 15],
    ]);
    expect(screen.getByText("Piece 13")).toBeInTheDocument();
  });

  describe("filters", () => {
    it("follow the contributor as it is typed, asking once typing pauses", async () => {
      render(DeskHome, { user: editor, settings, desk: "/desks/meridian.db" });
      await screen.findByRole("listbox", { name: "Submitted" });
      api.listArticles.mockClear();
      await userEvent.type(screen.getByLabelText("Contributor"), "Ana Ruiz");
      await waitFor(() => expect(askedFilters()).toContain("null|Ana Ruiz"));
      // One question for the name typed, none for each letter on the way.
      expect(askedFilters().filter((f) => f !== "null|Ana Ruiz" && !f.startsWith("null|null"))).toEqual([]);
      expect(await screen.findByRole("listbox", { name: "Submitted" })).toBeInTheDocument();
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    });

    it("never rewrite what is being typed when an earlier answer comes in", async () => {
      let release = () => {};
      const answered = new Promise<void>((resolve) => (release = resolve));
      const usual = api.listArticles.getMockImplementation()!;
      api.listArticles.mockImplementation(async (input: ListArticles) => {
        if (input.filter?.contributor === "Ana Ruiz" && input.limit === 1) await answered;
        return usual(input);
      });
      render(DeskHome, { user: editor, settings });
      await screen.findByRole("listbox", { name: "Submitted" });
      const field = screen.getByLabelText("Contributor");
      await userEvent.type(field, "Ana Ruiz");
      await waitFor(() => expect(askedFilters()).toContain("null|Ana Ruiz"));
      await userEvent.type(field, " (");
      release();
      await waitFor(() => expect(api.listArticles.mock.calls.filter(([i]) => (i as ListArticles).filter?.contributor === "Ana Ruiz")).not.toHaveLength(1));
      expect(field).toHaveValue("Ana Ruiz (");
    });

    it("offer the names that begin as typed, and one click filters by it", async () => {
      api.findContributors.mockResolvedValue([
        { id: "c1", display_name: "Ana Ruiz" },
        { id: "c2", display_name: "Ana Soto" },
      ]);
      render(DeskHome, { user: editor, settings });
      await screen.findByRole("listbox", { name: "Submitted" });
      await userEvent.type(screen.getByLabelText("Contributor"), "Ana");
      const ruiz = await screen.findByRole("button", { name: "Ana Ruiz" });
      expect(screen.getByText(/Nobody is called that yet: keep typing, or choose/)).toBeInTheDocument();
      expect(screen.getByLabelText("Contributor")).toHaveAttribute("aria-invalid", "false");
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
      await userEvent.click(ruiz);
      await waitFor(() => expect(askedFilters()).toContain("null|Ana Ruiz"));
      expect(screen.getByLabelText("Contributor")).toHaveValue("Ana Ruiz");
      expect(screen.getByLabelText("Contributor")).toHaveFocus();
      expect(screen.queryByRole("button", { name: "Ana Soto" })).not.toBeInTheDocument();
    });

    it("are kept across restarts, for this desk and this person only", async () => {
      const first = render(DeskHome, { user: editor, settings, desk: "/desks/meridian.db" });
      await screen.findByRole("listbox", { name: "Submitted" });
      await userEvent.selectOptions(screen.getByLabelText("Section"), "Opinion");
      await userEvent.type(screen.getByLabelText("Contributor"), "Ana Ruiz{Enter}");
      await waitFor(() => expect(askedFilters()).toContain("Opinion|Ana Ruiz"));
      first.unmount();

      api.listArticles.mockClear();
      const again = render(DeskHome, { user: editor, settings, desk: "/desks/meridian.db" });
      await screen.findByRole("listbox", { name: "Submitted" });
      expect(screen.getByLabelText("Section")).toHaveValue("Opinion");
      expect(screen.getByLabelText("Contributor")).toHaveValue("Ana Ruiz");
      expect(askedFilters()).toEqual(["Opinion|Ana Ruiz"]);
      again.unmount();

      api.listArticles.mockClear();
      render(DeskHome, { user: editor, settings, desk: "/desks/courier.db" });
      await screen.findByRole("listbox", { name: "Submitted" });
      expect(screen.getByLabelText("Section")).toHaveValue("");
      expect(screen.getByLabelText("Contributor")).toHaveValue("");
      expect(askedFilters()).toEqual(["null|null"]);
    });

    it("drop quietly a kept section the desk no longer has, and a contributor it no longer knows", async () => {
      const kept = `copydesk.desk-filter:${JSON.stringify(["/desks/meridian.db", "u1"])}`;
      localStorage.setItem(kept, JSON.stringify({ section: "Sport", contributor: "Nobody" }));
      render(DeskHome, { user: editor, settings, desk: "/desks/meridian.db" });
      const list = await screen.findByRole("listbox", { name: "Submitted" });
      expect(within(list).getByText("Why ports matter")).toBeInTheDocument();
      expect(screen.getByLabelText("Section")).toHaveValue("");
      expect(screen.getByLabelText("Contributor")).toHaveValue("");
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
      expect(askedFilters().filter((f) => f !== "null|Nobody")).toEqual(["null|null"]);
      expect(localStorage.getItem(kept)).toBeNull();
    });
  });

  describe("arrivals, on a laid-out page", () => {
    let layout: ReturnType<typeof layOut>;
    beforeEach(() => (layout = layOut()));
    afterEach(() => layout.restore());
    const row = (id: string) => document.getElementById(`submitted-article-${id}`)!;

    it("never move the row being read, and the cue takes the reader up to them", async () => {
      submitted = Array.from({ length: 10 }, (_, i) => summary(`s${i}`, `Piece ${i}`));
      render(DeskHome, { user: editor, settings });
      const list = await screen.findByRole("listbox", { name: "Submitted" });
      // The reader is down the queue, reading Piece 6 at the top of the window.
      layout.scroll.set(layout.pageTop(row("s6")));
      expect(layout.top(row("s6"))).toBe(0);

      submitted = [summary("n1", "A new treaty"), summary("n2", "Rates again"), ...submitted];
      deskChanged();
      const cue = await screen.findByRole("button", { name: "Show the 2 new in Submitted" });
      expect(within(list).getAllByRole("option")).toHaveLength(12);
      expect(layout.top(row("s6"))).toBe(0);

      // The cue floats (it takes no room) and stays at the top of the view down the queue.
      const sheet = document.createElement("style");
      sheet.textContent = listsCss;
      document.head.append(sheet);
      expect(getComputedStyle(cue.parentElement!)).toMatchObject({ position: "sticky", height: "0px" });
      sheet.remove();

      await userEvent.click(cue);
      expect(list).toHaveFocus();
      expect(list).toHaveAttribute("aria-activedescendant", "submitted-article-n1");
      expect(screen.queryByRole("button", { name: /Show the .* new/ })).not.toBeInTheDocument();
    });

    it("never move a lower queue being read when a queue above it grows", async () => {
      submitted = Array.from({ length: 3 }, (_, i) => summary(`s${i}`, `Piece ${i}`));
      render(DeskHome, { user: editor, settings });
      await screen.findByRole("listbox", { name: "In review: mine" });
      const mine = document.getElementById("in_review_mine-article-m")!;
      layout.scroll.set(layout.pageTop(mine) - 10);
      submitted = [summary("n1", "A new treaty"), ...submitted];
      deskChanged();
      await screen.findByRole("button", { name: "Show the 1 new in Submitted" });
      expect(layout.top(mine)).toBe(10);
    });
  });
});
