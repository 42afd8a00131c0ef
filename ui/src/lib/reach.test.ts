// The team desk's server as the window follows it: offline with what waits, sending, saved.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JournalEntry, SentKept, ServerReach } from "./bindings";
import { emptied, offlineWords, Reach, reachLine, waitingSentence, type ReachCalls } from "./reach.svelte";

const entry = (id: string): JournalEntry => ({ article_id: id, base_version: 3, edit: { body: "kept" }, written_at: "2026-03-01T09:00:00Z" });
const none: SentKept = { sent: [], conflicts: [], refused: [], waiting: [] };
const away: ServerReach = { online: false, problem: "the desk's server at https://desk.example does not answer" };
const back: ServerReach = { online: true, problem: null };

function calls(over: Partial<ReachCalls> = {}) {
  const heard: { on: ((r: ServerReach) => void) | null } = { on: null };
  const c = {
    now: vi.fn(async (): Promise<ServerReach> => back),
    listen: vi.fn((on: (r: ServerReach) => void) => {
      heard.on = on;
      return () => (heard.on = null);
    }),
    list: vi.fn(async (): Promise<JournalEntry[]> => []),
    send: vi.fn(async (): Promise<SentKept> => none),
    open: vi.fn((): string | null => null),
    savedFor: 4000,
    countDelay: 10,
    ...over,
  };
  return { c, tell: (r: ServerReach) => heard.on?.(r), heard };
}

describe("reach: the words", () => {
  it("says offline with what waits, singular and plural", () => {
    expect(offlineWords(0)).toBe("Offline");
    expect(offlineWords(1)).toBe("Offline — 1 save waiting");
    expect(offlineWords(3)).toBe("Offline — 3 saves waiting");
    expect(waitingSentence(1)).toBe("1 save is waiting for the server.");
    expect(waitingSentence(2)).toBe("2 saves are waiting for the server.");
  });

  it("says nothing on a desk file or online with nothing going on; offline before sending", () => {
    const s = { team: true, online: true, waiting: 0, sending: false, saved: false };
    expect(reachLine({ ...s, team: false, online: false, waiting: 3 })).toBeNull();
    expect(reachLine(s)).toBeNull();
    expect(reachLine({ ...s, online: false, waiting: 3 })).toEqual({ kind: "offline", text: "Offline — 3 saves waiting" });
    expect(reachLine({ ...s, sending: true })).toEqual({ kind: "sending", text: "Sending…" });
    expect(reachLine({ ...s, online: false, sending: true, waiting: 2 })?.kind).toBe("offline");
    expect(reachLine({ ...s, saved: true })).toEqual({ kind: "saved", text: "Saved" });
  });

  it("calls a send emptied only when everything went", () => {
    expect(emptied({ ...none, sent: ["a"] })).toBe(true);
    expect(emptied(none)).toBe(false);
    expect(emptied({ ...none, sent: ["a"], conflicts: ["b"] })).toBe(false);
    expect(emptied({ ...none, sent: ["a"], waiting: ["b"] })).toBe(false);
  });
});

describe("reach: following the server", () => {
  let reach: Reach;
  beforeEach(() => {
    reach = new Reach();
  });
  afterEach(() => {
    reach.stop();
    vi.useRealTimers();
  });

  it("is idle, and never offline, until started", () => {
    expect(reach.team).toBe(false);
    expect(reach.offline).toBe(false);
    expect(reach.line).toBeNull();
  });

  it("sends the kept text on start when the server answers, but the open article's", async () => {
    const { c } = calls({ list: vi.fn(async () => [entry("a1"), entry("open")]), open: () => "open", send: vi.fn(async () => ({ ...none, sent: ["a1"] })) });
    reach.start(c);
    await vi.waitFor(() => expect(c.send).toHaveBeenCalledWith(["open"]));
    await vi.waitFor(() => expect(reach.sends).toBe(1));
    expect(reach.sending).toBe(false);
  });

  it("sends nothing, and says nothing, when only the open article's text is kept", async () => {
    const { c } = calls({ list: vi.fn(async () => [entry("open")]), open: () => "open" });
    reach.start(c);
    await vi.waitFor(() => expect(c.list).toHaveBeenCalled());
    await Promise.resolve();
    expect(c.send).not.toHaveBeenCalled();
    expect(reach.line).toBeNull();
  });

  it("starts offline with the count, then sends when the server comes back, and the editor retries", async () => {
    let kept = [entry("a1"), entry("a2"), entry("a3")];
    let release: (sent: SentKept) => void = () => {};
    const { c, tell } = calls({
      now: vi.fn(async () => away),
      list: vi.fn(async () => kept),
      send: vi.fn(() => new Promise<SentKept>((r) => (release = r))),
    });
    const retry = vi.fn();
    reach.whenBack(retry);
    reach.start(c);
    await vi.waitFor(() => expect(reach.waiting).toBe(3));
    expect(reach.offline).toBe(true);
    expect(reach.problem).toContain("does not answer");
    expect(reach.line).toEqual({ kind: "offline", text: "Offline — 3 saves waiting" });
    expect(c.send).not.toHaveBeenCalled();

    tell(back);
    expect(retry).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(reach.line).toEqual({ kind: "sending", text: "Sending…" }));
    expect(c.send).toHaveBeenCalledWith([]);
    kept = [];
    release({ ...none, sent: ["a1", "a2", "a3"] });
    await vi.waitFor(() => expect(reach.line).toEqual({ kind: "saved", text: "Saved" }));
    expect(reach.waiting).toBe(0);
    expect(reach.problem).toBeNull();
  });

  it("takes the Saved away by itself", async () => {
    vi.useFakeTimers();
    const { c } = calls({ list: vi.fn().mockResolvedValueOnce([entry("a1")]).mockResolvedValue([]), send: vi.fn(async () => ({ ...none, sent: ["a1"] })) });
    reach.start(c);
    await vi.waitFor(() => expect(reach.saved).toBe(true));
    vi.advanceTimersByTime(4001);
    expect(reach.saved).toBe(false);
    expect(reach.line).toBeNull();
  });

  it("says no Saved when a kept text met a newer version", async () => {
    const { c } = calls({ list: vi.fn(async () => [entry("a1")]), send: vi.fn(async () => ({ ...none, sent: ["a2"], conflicts: ["a1"] })) });
    reach.start(c);
    await vi.waitFor(() => expect(reach.sends).toBe(1));
    expect(reach.saved).toBe(false);
  });

  it("does not count as waiting a kept text the server already answered, until more is typed", async () => {
    let kept = [entry("a1"), entry("a2"), entry("a3")];
    const { c, tell } = calls({
      list: vi.fn(async () => kept),
      send: vi.fn(async () => ({ ...none, conflicts: ["a1"], refused: ["a2"], waiting: ["a3"] })),
    });
    reach.start(c);
    await vi.waitFor(() => expect(reach.sends).toBe(1));
    tell(away);
    // a1 waits for the person (the conflict view), a2 for the person too (refused); a3 for the server.
    await vi.waitFor(() => expect(reach.line).toEqual({ kind: "offline", text: "Offline — 1 save waiting" }));
    expect(await reach.count()).toBe(1);

    // Typing more into a1 keeps newer text, which will be tried again: it waits.
    kept = [{ ...entry("a1"), written_at: "2026-03-01T09:05:00Z" }, entry("a2"), entry("a3")];
    expect(await reach.count()).toBe(2);
    expect(reach.line?.text).toBe("Offline — 2 saves waiting");
  });

  it("counts again when text is kept offline, not online", async () => {
    vi.useFakeTimers();
    const list = vi.fn(async (): Promise<JournalEntry[]> => []);
    const { c, tell } = calls({ list });
    reach.start(c);
    await vi.waitFor(() => expect(c.list).toHaveBeenCalledTimes(1));
    reach.touched();
    // Well past the count's delay (10 ms here).
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.list).toHaveBeenCalledTimes(1);
    tell(away);
    await vi.waitFor(() => expect(c.list).toHaveBeenCalledTimes(2));
    list.mockResolvedValue([entry("a1")]);
    reach.touched();
    await vi.waitFor(() => expect(reach.line?.text).toBe("Offline — 1 save waiting"));
  });

  it("an event heard before the first answer wins over it", async () => {
    let answer: (r: ServerReach) => void = () => {};
    const { c, tell } = calls({ now: vi.fn(() => new Promise<ServerReach>((r) => (answer = r))) });
    reach.start(c);
    tell(away);
    answer(back);
    await Promise.resolve();
    await Promise.resolve();
    expect(reach.offline).toBe(true);
  });

  it("sends once more when the server comes back during a send", async () => {
    const releases: ((s: SentKept) => void)[] = [];
    const { c, tell } = calls({ list: vi.fn(async () => [entry("a1")]), send: vi.fn(() => new Promise<SentKept>((r) => releases.push(r))) });
    reach.start(c);
    await vi.waitFor(() => expect(c.send).toHaveBeenCalledTimes(1));
    tell(away);
    tell(back);
    releases[0]({ ...none, waiting: ["a1"] });
    await vi.waitFor(() => expect(c.send).toHaveBeenCalledTimes(2));
    releases[1]({ ...none, sent: ["a1"] });
  });

  it("stops listening and goes idle when stopped; a late answer changes nothing", async () => {
    let answer: (r: ServerReach) => void = () => {};
    const { c, heard } = calls({ now: vi.fn(() => new Promise<ServerReach>((r) => (answer = r))) });
    const stop = reach.start(c);
    stop();
    answer(away);
    await Promise.resolve();
    expect(heard.on).toBeNull();
    expect(reach.team).toBe(false);
    expect(reach.offline).toBe(false);
    expect(c.send).not.toHaveBeenCalled();
  });
});
