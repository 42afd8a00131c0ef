import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Presence } from "./bindings";
import {
  byArticle,
  chipWords,
  DeskPresence,
  editorWords,
  Heartbeat,
  nameList,
  others,
  sinceWords,
  type HeartbeatCalls,
} from "./presence.svelte";

function here(over: Partial<Presence> = {}): Presence {
  return { article_id: "a1", user_id: "u2", user_name: "Maya Editor", since: "2026-03-10T10:02:00Z", typing: false, ...over };
}

const me = here({ user_id: "u1", user_name: "Tom Chief", since: "2026-03-10T09:58:00Z" });
const maya = here();
const ana = here({ user_id: "u3", user_name: "Ana Ruiz", since: "2026-03-10T10:05:00Z" });

describe("presence words", () => {
  it("leaves me out, names each person once, earliest first", () => {
    const again = here({ since: "2026-03-10T10:00:00Z", typing: true });
    expect(others([ana, me, maya, again], "u1").map((p) => [p.user_name, p.since, p.typing])).toEqual([
      ["Maya Editor", "2026-03-10T10:00:00Z", true],
      ["Ana Ruiz", "2026-03-10T10:05:00Z", false],
    ]);
    expect(others([me], "u1")).toEqual([]);
    expect(others([maya, here({ article_id: "a2", user_id: "u3" })], "u1", "a2").map((p) => p.user_id)).toEqual(["u3"]);
  });

  it("groups the desk by article, with only the articles someone else has open", () => {
    const grouped = byArticle([me, maya, ana, here({ article_id: "a2", user_id: "u1" })], "u1");
    expect([...grouped.keys()]).toEqual(["a1"]);
    expect(grouped.get("a1")!.map((p) => p.user_name)).toEqual(["Maya Editor", "Ana Ruiz"]);
  });

  it("says who in words", () => {
    expect(nameList([])).toBe("");
    expect(nameList(["Maya Editor"])).toBe("Maya Editor");
    expect(nameList(["Maya Editor", "Tom Chief"])).toBe("Maya Editor and Tom Chief");
    expect(nameList(["A", "B", "C"])).toBe("A, B and C");
    expect(chipWords([])).toBe("");
    expect(chipWords([maya])).toBe("Open by Maya Editor");
    expect(chipWords([{ ...maya, typing: true }])).toBe("Open by Maya Editor · typing");
    expect(chipWords([maya, { ...ana, user_name: "Tom Chief" }])).toBe("Open by Maya Editor and Tom Chief");
    expect(chipWords([maya, { ...ana, typing: true }])).toBe("Open by Maya Editor and Ana Ruiz · Ana Ruiz typing");
  });

  it("says since when in the desk's zone: the clock today, the day before", () => {
    const now = new Date("2026-03-10T15:00:00Z");
    expect(sinceWords("2026-03-10T10:02:00Z", "Europe/London", now)).toBe("10:02");
    expect(sinceWords("2026-03-10T10:02:00Z", "Europe/Paris", now)).toBe("11:02");
    expect(sinceWords("2026-03-09T08:00:00Z", "Europe/London", now)).toBe("Mon 9 Mar, 08:00");
    expect(editorWords([maya], "Europe/London", now)).toBe("Open by Maya Editor since 10:02");
    expect(editorWords([{ ...maya, typing: true }], "Europe/London", now)).toBe("Open by Maya Editor since 10:02 — typing");
    expect(editorWords([maya, ana], "Europe/London", now)).toBe("Open by Maya Editor since 10:02 and Ana Ruiz since 10:05");
    expect(editorWords([], "Europe/London", now)).toBe("");
  });
});

describe("Heartbeat", () => {
  let online = true;
  let calls: HeartbeatCalls & { mark: ReturnType<typeof vi.fn>; leave: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    vi.useFakeTimers();
    online = true;
    calls = {
      mark: vi.fn(async () => [me, maya]),
      leave: vi.fn(async () => [maya]),
      online: () => online,
    };
  });
  afterEach(() => vi.useRealTimers());

  it("marks on open, then every 10 s, and says who is there", async () => {
    const beat = new Heartbeat(calls);
    beat.start();
    expect(calls.mark).toHaveBeenCalledTimes(1);
    expect(calls.mark).toHaveBeenLastCalledWith(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(beat.present).toEqual([me, maya]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls.mark).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.mark).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.mark).toHaveBeenCalledTimes(4);
    beat.stop();
  });

  it("says typing at most once every 3 s", async () => {
    const beat = new Heartbeat(calls);
    beat.start();
    calls.mark.mockClear();
    beat.typed();
    expect(calls.mark).toHaveBeenCalledTimes(1);
    expect(calls.mark).toHaveBeenLastCalledWith(true);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(500);
      beat.typed();
    }
    // 2.5 s on: still the one.
    expect(calls.mark).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    beat.typed();
    expect(calls.mark).toHaveBeenCalledTimes(2);
    expect(calls.mark.mock.calls.map((c) => c[0])).toEqual([true, true]);
    beat.stop();
  });

  it("leaves on close, after a mark still on its way, and stops its timers", async () => {
    let answer: (p: Presence[]) => void = () => {};
    calls.mark.mockImplementationOnce(() => new Promise<Presence[]>((done) => (answer = done)));
    const beat = new Heartbeat(calls);
    beat.start();
    beat.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.leave).not.toHaveBeenCalled();
    answer([me, maya]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.leave).toHaveBeenCalledTimes(1);
    expect(beat.present).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.mark).toHaveBeenCalledTimes(1);
    beat.typed();
    expect(calls.mark).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("leaves at once when the window closes, waiting a second at most, and goes on beating", async () => {
    const beat = new Heartbeat(calls);
    beat.start();
    await vi.advanceTimersByTimeAsync(0);
    await beat.leaveNow();
    expect(calls.leave).toHaveBeenCalledTimes(1);
    calls.leave.mockImplementation(() => new Promise(() => {}));
    const left = beat.leaveNow();
    let done = false;
    void left.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.mark).toHaveBeenCalledTimes(2);
    beat.stop();
  });

  it("ignores a failed leave", async () => {
    calls.leave.mockRejectedValue(new Error("gone"));
    const beat = new Heartbeat(calls);
    beat.start();
    beat.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.leave).toHaveBeenCalledTimes(1);
  });

  it("asks nothing while the server is away, hides what it heard before, and asks again when it is back", async () => {
    let back: () => void = () => {};
    calls.whenBack = (again) => {
      back = again;
      return () => (back = () => {});
    };
    const beat = new Heartbeat(calls);
    beat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(beat.present).toHaveLength(2);
    online = false;
    expect(beat.present).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    beat.typed();
    expect(calls.mark).toHaveBeenCalledTimes(1);
    calls.mark.mockResolvedValue([me]);
    online = true;
    // Before the new answer: nothing from before.
    expect(beat.present).toEqual([]);
    back();
    expect(calls.mark).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(beat.present).toEqual([me]);
    beat.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.leave).toHaveBeenCalledTimes(1);
  });

  it("does not leave while the server is away", async () => {
    const beat = new Heartbeat(calls);
    beat.start();
    online = false;
    beat.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.leave).not.toHaveBeenCalled();
  });
});

describe("DeskPresence", () => {
  let online = true;
  const list = vi.fn(async () => [me, maya]);

  beforeEach(() => {
    vi.useFakeTimers();
    online = true;
    list.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it("asks now, every 5 s and after each change to the desk, until stopped", async () => {
    let changed: () => void = () => {};
    const desk = new DeskPresence();
    const stop = desk.start({
      list,
      online: () => online,
      changed: (again) => {
        changed = again;
        return () => (changed = () => {});
      },
    });
    expect(list).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(desk.all).toEqual([me, maya]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(list).toHaveBeenCalledTimes(2);
    changed();
    expect(list).toHaveBeenCalledTimes(3);
    stop();
    expect(desk.all).toEqual([]);
    changed();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(list).toHaveBeenCalledTimes(3);
  });

  it("asks nothing while the server is away, and shows nothing from before", async () => {
    const desk = new DeskPresence();
    const stop = desk.start({ list, online: () => online });
    await vi.advanceTimersByTimeAsync(0);
    expect(desk.all).toHaveLength(2);
    online = false;
    expect(desk.all).toEqual([]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(list).toHaveBeenCalledTimes(1);
    stop();
  });
});
