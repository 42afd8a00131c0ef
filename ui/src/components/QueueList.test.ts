import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { ArticleSummary } from "../lib/bindings";
import QueueList from "./QueueList.svelte";

const api = vi.hoisted(() => ({ retryJob: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));

function article(id: string, headline: string): ArticleSummary {
  return {
    id,
    headline,
    state: "submitted",
    section: "Opinion",
    byline: [
      { contributor_id: "c1", name: "Ana Ruiz" },
      { contributor_id: "c2", name: "Li Wei" },
    ],
    word_count: 812,
    assigned_editor: null,
    version: 3,
    updated_at: "2026-03-10T09:00:00Z",
    state_changed_at: "2026-03-10T09:00:00Z",
    scheduled_at: null,
    publish_problem: null,
  };
}

const items = [article("a", "First"), article("b", "Second"), article("c", "Third")];
/** The highlighted row: the one the list's keys act on. */
const selected = () => document.getElementById(screen.getByRole("listbox").getAttribute("aria-activedescendant") ?? "")!;

describe("QueueList", () => {
  it("shows each article's headline, byline, section and length", () => {
    render(QueueList, { items, label: "Submitted", onopen: () => {} });
    expect(screen.getByRole("listbox", { name: "Submitted" })).toBeInTheDocument();
    expect(screen.getAllByRole("option")).toHaveLength(3);
    expect(screen.getAllByText("Ana Ruiz and Li Wei")).toHaveLength(3);
    expect(screen.getAllByText("812 words")).toHaveLength(3);
    expect(screen.getAllByText("No editor yet")).toHaveLength(3);
  });

  it("is one tab stop moved with j/k and the arrows", async () => {
    render(QueueList, { items, label: "Submitted", onopen: () => {} });
    const list = screen.getByRole("listbox");
    expect(list).toHaveAttribute("tabindex", "0");
    expect(selected()).toHaveTextContent("First");
    await fireEvent.keyDown(list, { key: "j" });
    await fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(selected()).toHaveTextContent("Third");
    expect(list).toHaveAttribute("aria-activedescendant", "article-c");
    await fireEvent.keyDown(list, { key: "j" });
    expect(selected()).toHaveTextContent("Third");
    await fireEvent.keyDown(list, { key: "k" });
    expect(selected()).toHaveTextContent("Second");
    await fireEvent.keyDown(list, { key: "k", ctrlKey: true });
    expect(selected()).toHaveTextContent("Second");
  });

  it("keeps the highlighted article when the list refreshes around it", async () => {
    const { rerender } = render(QueueList, { items, label: "Submitted", onopen: () => {} });
    await fireEvent.keyDown(screen.getByRole("listbox"), { key: "j" });
    await rerender({ items: [article("z", "Newer"), ...items], label: "Submitted", onopen: () => {} });
    expect(selected()).toHaveTextContent("Second");
  });

  it("keeps the highlight at the same place when the highlighted article leaves the list", async () => {
    const { rerender } = render(QueueList, { items, label: "Submitted", onopen: () => {} });
    await fireEvent.keyDown(screen.getByRole("listbox"), { key: "j" });
    await rerender({ items: [items[0], items[2]], label: "Submitted", onopen: () => {} });
    expect(selected()).toHaveTextContent("Third");
  });

  it("says on its line who else has an article open, as part of the option's name, and who types as its description", () => {
    const maya = { article_id: "b", user_id: "u2", user_name: "Maya Editor", since: "2026-03-10T10:02:00Z", typing: false };
    const tom = { ...maya, user_id: "u3", user_name: "Tom Chief", typing: true };
    render(QueueList, { items, label: "Submitted", onopen: () => {}, presence: new Map([["b", [maya, tom]], ["c", [{ ...maya, article_id: "c", typing: true }]]]) });
    const second = screen.getByRole("option", { name: /^Second, Open by Maya Editor and Tom Chief/ });
    expect(second).not.toHaveAccessibleName(/typing/);
    expect(second).toHaveAccessibleDescription("Tom Chief typing");
    const third = screen.getByRole("option", { name: /^Third, Open by Maya Editor/ });
    expect(third).toHaveAccessibleDescription("typing");
    const chip = third.querySelector(".presence-chip");
    expect(chip).toHaveTextContent("Open by Maya Editor · typing");
    expect(chip).toHaveClass("typing");
    expect(screen.getByRole("option", { name: /First/ })).not.toHaveAccessibleName(/Open by/);
    expect(document.querySelectorAll(".presence-chip")).toHaveLength(2);
  });

  it("keeps a line's accessible name when only who is typing changes, so a focused line is not read again", async () => {
    const maya = { article_id: "b", user_id: "u2", user_name: "Maya Editor", since: "2026-03-10T10:02:00Z", typing: false };
    const props = { items, label: "Submitted", onopen: () => {} };
    const { rerender } = render(QueueList, { ...props, presence: new Map([["b", [maya]]]) });
    // The whole name as the line gives it (headline, chip, byline, section…), read by the query.
    let name = "";
    const second = screen.getByRole("option", { name: (n) => n.startsWith("Second") && Boolean((name = n)) });
    expect(name).toMatch(/^Second, Open by Maya Editor/);
    expect(second).not.toHaveAttribute("aria-describedby");
    await rerender({ ...props, presence: new Map([["b", [{ ...maya, typing: true }]]]) });
    expect(second).toHaveTextContent("Open by Maya Editor · typing");
    expect(second).toHaveAccessibleName(name);
    expect(second).toHaveAccessibleDescription("typing");
    await rerender({ ...props, presence: new Map([["b", [maya]]]) });
    expect(second).toHaveAccessibleName(name);
    expect(second).toHaveAccessibleDescription("");
  });

  it("marks articles that just arrived", () => {
    render(QueueList, { items, label: "Submitted", onopen: () => {}, fresh: new Set(["b"]) });
    expect(screen.getByRole("option", { name: /Second/ })).toHaveClass("fresh");
    expect(screen.getByRole("option", { name: /First/ })).not.toHaveClass("fresh");
    expect(screen.getAllByText("New")).toHaveLength(1);
  });

  it("gives each row's time in full, in the desk's zone, on hovering it", () => {
    render(QueueList, { items: [items[0]], label: "Submitted", onopen: () => {}, timezone: "Europe/Paris" });
    // 09:00 UTC is 10:00 in Paris in March.
    expect(screen.getByText(/^Submitted (.* ago|just now)$/)).toHaveAttribute(
      "title",
      expect.stringMatching(/^Tuesday,? 10 March 2026 at 10:00 \(Europe\/Paris\)$/),
    );
  });

  describe("selecting several rows", () => {
    /** The headlines of the rows selected, in list order. */
    const chosen = () => screen.queryAllByRole("option", { selected: true }).map((o) => o.querySelector(".headline")!.textContent!.trim());

    function renderList() {
      render(QueueList, { items, label: "Submitted", onopen: () => {} });
      return { list: screen.getByRole("listbox") };
    }

    it("toggles the highlighted row with x (or Space), saying so to assistive technology", async () => {
      const { list } = renderList();
      expect(list).toHaveAttribute("aria-multiselectable", "true");
      expect(chosen()).toEqual([]);
      await fireEvent.keyDown(list, { key: "x" });
      await fireEvent.keyDown(list, { key: "j" });
      await fireEvent.keyDown(list, { key: "j" });
      await fireEvent.keyDown(list, { key: " " });
      expect(chosen()).toEqual(["First", "Third"]);
      await fireEvent.keyDown(list, { key: "x" });
      expect(chosen()).toEqual(["First"]);
      expect(selected()).toHaveTextContent("Third");
    });

    it("extends with Shift+j and Shift+k from where the extending began, and shrinks back", async () => {
      const { list } = renderList();
      await fireEvent.keyDown(list, { key: "J", shiftKey: true });
      expect(chosen()).toEqual(["First", "Second"]);
      await fireEvent.keyDown(list, { key: "J", shiftKey: true });
      expect(chosen()).toEqual(["First", "Second", "Third"]);
      expect(selected()).toHaveTextContent("Third");
      await fireEvent.keyDown(list, { key: "K", shiftKey: true });
      expect(chosen()).toEqual(["First", "Second"]);
      await fireEvent.keyDown(list, { key: "ArrowDown", shiftKey: true });
      expect(chosen()).toEqual(["First", "Second", "Third"]);
    });

    it("clears the selection on Esc, which goes no further than the list", async () => {
      const { list } = renderList();
      let left = false;
      const back = (e: KeyboardEvent) => (left = e.key === "Escape" && !e.defaultPrevented);
      window.addEventListener("keydown", back);
      await fireEvent.keyDown(list, { key: "J", shiftKey: true });
      expect(chosen()).toHaveLength(2);
      await fireEvent.keyDown(list, { key: "Escape" });
      window.removeEventListener("keydown", back);
      expect(chosen()).toEqual([]);
      expect(left).toBe(false);
      expect(list).toBeInTheDocument();
    });

    it("toggles with Ctrl+click (or Cmd+click) and extends with Shift+click; a plain click only highlights", async () => {
      const { list } = renderList();
      const row = (name: string) => screen.getByRole("option", { name: new RegExp(`^${name}`) });
      await fireEvent.click(row("Second"));
      expect(chosen()).toEqual([]);
      expect(selected()).toHaveTextContent("Second");
      await fireEvent.click(row("Third"), { ctrlKey: true });
      await fireEvent.click(row("First"), { metaKey: true });
      expect(chosen()).toEqual(["First", "Third"]);
      await fireEvent.click(row("Third"), { ctrlKey: true });
      expect(chosen()).toEqual(["First"]);
      await fireEvent.click(row("First"));
      await fireEvent.click(row("Third"), { shiftKey: true });
      expect(chosen()).toEqual(["First", "Second", "Third"]);
      expect(list).toHaveFocus();
    });

    it("selects every row shown with Ctrl+A", async () => {
      const { list } = renderList();
      await fireEvent.keyDown(list, { key: "a", ctrlKey: true });
      expect(chosen()).toEqual(["First", "Second", "Third"]);
    });
  });

  describe("ages", () => {
    afterEach(() => vi.useRealTimers());

    it("tick on every minute without asking the core again", async () => {
      vi.useFakeTimers({ now: new Date("2026-03-10T09:04:30Z") });
      render(QueueList, { items: [items[0]], label: "Submitted", onopen: () => {} });
      expect(screen.getByText("Submitted 4 min ago")).toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(screen.getByText("Submitted 5 min ago")).toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(56 * 60_000);
      expect(screen.getByText("Submitted 1 h ago")).toBeInTheDocument();
    });
  });

  describe("scheduled pieces", () => {
    const scheduled: ArticleSummary = { ...article("s", "Harbour dues"), state: "scheduled", scheduled_at: "2026-12-09T07:00:00Z" };
    const failed: ArticleSummary = {
      ...scheduled,
      id: "f",
      headline: "Tides",
      publish_problem: {
        job_id: "job-1",
        error: "the publish folder /srv/site cannot be written",
        attempts: 2,
        retry_at: "2026-12-09T07:05:00Z",
      },
    };

    it("say when they go out, in the desk's zone, not when they were scheduled", () => {
      render(QueueList, { items: [scheduled], label: "Scheduled", onopen: () => {}, timezone: "Europe/Paris" });
      expect(screen.getByText("Goes out Wed 9 Dec, 08:00")).toBeInTheDocument();
      expect(screen.queryByText(/Scheduled .* ago/)).not.toBeInTheDocument();
    });

    it("say when their publication failed and why, never a past time as if still to come, and retry on asking", async () => {
      api.retryJob.mockReset().mockResolvedValueOnce({}).mockRejectedValueOnce(new DeskError("not_found", "no job matches “job-1”"));
      render(QueueList, { items: [scheduled, failed], label: "Scheduled", onopen: () => {}, timezone: "Europe/Paris" });
      const line = screen.getByRole("option", { name: /Tides/ });
      expect(line).toHaveTextContent("Failed — not published: the publish folder /srv/site cannot be written");
      expect(line).not.toHaveTextContent("Goes out");
      await fireEvent.click(screen.getByRole("button", { name: /Retry/ }));
      expect(api.retryJob).toHaveBeenCalledWith({ id: "job-1" });
      expect(await screen.findByText("Trying again now…")).toBeInTheDocument();
      // From the keyboard: r on the highlighted line; a line without a failure ignores it.
      const list = screen.getByRole("listbox");
      await fireEvent.keyDown(list, { key: "r" });
      expect(api.retryJob).toHaveBeenCalledTimes(1);
      await fireEvent.keyDown(list, { key: "j" });
      await fireEvent.keyDown(list, { key: "r" });
      expect(api.retryJob).toHaveBeenCalledTimes(2);
      expect(await screen.findByText("Not retried: no job matches “job-1”")).toBeInTheDocument();
    });
  });
});
