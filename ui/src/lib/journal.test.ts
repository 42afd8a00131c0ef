import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, JournalEntry } from "./bindings";
import { JournalWriter, offerFor, sideOfKept } from "./journal";

type Draft = { body: string };

function writer(overrides: Partial<{ keep: (b: number, d: Draft) => Promise<void> }> = {}) {
  const log: string[] = [];
  const states: [boolean, string | null][] = [];
  const j = new JournalWriter<Draft>({
    keep: overrides.keep ?? (async (base, d) => void log.push(`keep ${base} ${d.body}`)),
    settle: async (d) => void log.push(`settle ${d.body}`),
    discard: async () => void log.push("discard"),
    onchange: (kept, problem) => states.push([kept, problem]),
  });
  return { j, log, states };
}

describe("JournalWriter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps the latest text once typing pauses, and says it is kept only then", async () => {
    const { j, log, states } = writer();
    j.edit(3, { body: "T" }, true);
    j.edit(3, { body: "Th" }, true);
    j.edit(3, { body: "The" }, true);
    expect(j.kept).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(log).toEqual(["keep 3 The"]);
    expect(j.kept).toBe(true);
    expect(states.at(-1)).toEqual([true, null]);
  });

  it("keeps text typed without a pause at most 250 ms after it was typed", async () => {
    const { j, log } = writer();
    // A keystroke every 100 ms for 2 s: never a pause as long as the delay.
    let body = "";
    for (let n = 0; n < 20; n++) {
      body += "x";
      j.edit(5, { body }, true);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(log.length).toBeGreaterThanOrEqual(6);
    expect(log[0]).toBe("keep 5 xxx");
    expect(log.at(-1)).toBe(`keep 5 ${"x".repeat(18)}`);
    await vi.advanceTimersByTimeAsync(250);
    expect(log.at(-1)).toBe(`keep 5 ${"x".repeat(20)}`);
  });

  it("forgets an older kept text when the desk saves newer text before it was kept", async () => {
    const { j, log } = writer();
    j.edit(2, { body: "a" }, true);
    await vi.advanceTimersByTimeAsync(250);
    j.edit(2, { body: "ab" }, true);
    j.saved({ body: "ab" });
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(["keep 2 a", "discard"]);
    expect(j.kept).toBe(true);
  });

  it("on a slow disk writes the newest text next, never a queue of older ones", async () => {
    const kept: string[] = [];
    const { j } = writer({
      keep: (_b, d) => new Promise<void>((resolve) => setTimeout(() => (kept.push(d.body), resolve()), 1000)),
    });
    let body = "";
    for (let n = 0; n < 30; n++) {
      body += "x";
      j.edit(1, { body }, true);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(5000);
    // Three seconds of typing with each write taking one: about four writes, the last the newest.
    expect(kept.length).toBeLessThanOrEqual(5);
    expect(kept.at(-1)).toBe("x".repeat(30));
    expect(j.kept).toBe(true);
  });

  it("settles a saved text only after keeping it, whatever order the calls came in", async () => {
    let release: () => void = () => {};
    const log: string[] = [];
    const j = new JournalWriter<Draft>({
      keep: (_b, d) =>
        new Promise<void>((resolve) => {
          release = () => {
            log.push(`keep ${d.body}`);
            resolve();
          };
        }),
      settle: async (d) => void log.push(`settle ${d.body}`),
      discard: async () => void log.push("discard"),
      onchange: () => {},
    });
    j.edit(1, { body: "draft" }, true);
    const flushed = j.flush();
    j.saved({ body: "draft" });
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual([]);
    release();
    await flushed;
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(["keep draft", "settle draft"]);
  });

  it("writes no keep for text saved before the keep was due", async () => {
    const { j, log } = writer();
    j.edit(1, { body: "typed" }, true);
    j.saved({ body: "typed" });
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(["settle typed"]);
    expect(j.kept).toBe(true);
    // Newer text than what was saved is still kept.
    j.edit(2, { body: "typed on" }, true);
    j.saved({ body: "typed" });
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(["settle typed", "settle typed", "keep 2 typed on"]);
  });

  it("forgets what it kept when the text is back to the desk's, and nothing it never kept", async () => {
    const { j, log } = writer();
    j.edit(2, { body: "same" }, false);
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual([]);
    j.edit(2, { body: "typo" }, true);
    await vi.advanceTimersByTimeAsync(300);
    j.edit(2, { body: "same" }, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(["keep 2 typo", "discard"]);
    expect(j.kept).toBe(true);
  });

  it("says why the text could not be kept, and that it is not", async () => {
    const { j, states } = writer({
      keep: async () => {
        throw new Error("the journal file is read-only");
      },
    });
    j.edit(1, { body: "x" }, true);
    await vi.advanceTimersByTimeAsync(300);
    expect(j.kept).toBe(false);
    expect(states.at(-1)).toEqual([false, "the journal file is read-only"]);
  });
});

function article(over: Partial<Article> = {}): Article {
  return {
    id: "a1",
    slug: "tides",
    headline: "Tides",
    standfirst: "",
    body: "Old body.",
    section: null,
    tags: [],
    byline: [{ contributor_id: "c1", name: "Ana Ruiz", printed_bio: "Ana writes.", bio_is_own: false }],
    related: [],
    state: "draft",
    version: 4,
    word_count: 2,
    reading_minutes: 1,
    assigned_editor: null,
    approved_by: null,
    embargo_until: null,
    scheduled_at: null,
    published_at: null,
    created_by: "Ana Ruiz",
    created_at: "2026-12-05T09:00:00Z",
    updated_at: "2026-12-05T09:00:00Z",
    state_changed_at: "2026-12-05T09:00:00Z",
    publish_problem: null,
    access: { can_edit_text: true, edit_refusal: null, moves: [] },
    ...over,
  };
}

function entry(base: number, body: string): JournalEntry {
  return {
    article_id: "a1",
    base_version: base,
    edit: { headline: "Tides", standfirst: "", body, section: null, tags: [], byline: [{ contributor: "c1", printed_bio: null }], related: [] },
    written_at: "2026-12-05T09:42:00Z",
  };
}

describe("offerFor", () => {
  it("offers nothing for text the desk already has, a restore on the same version, a comparison on a newer one", () => {
    expect(offerFor(undefined, article())).toBe("none");
    expect(offerFor(entry(4, "Old body."), article())).toBe("none");
    expect(offerFor(entry(4, "New body."), article())).toBe("restore");
    expect(offerFor(entry(3, "New body."), article())).toBe("conflict");
  });

  it("shows the kept text with the names the article knows", () => {
    const side = sideOfKept(entry(4, "New body.").edit, article());
    expect(side.body).toBe("New body.");
    expect(side.byline).toBe("Ana Ruiz");
    expect(side.bios).toBe("Ana Ruiz: follows the contributor's bio");
  });
});
