import { describe, expect, it, vi } from "vitest";
import type { PageEvent, PageEvents } from "./bindings";
import { pageEventsFrom } from "./pageEvents";

/** The shell as `page_events` answers: at once with what is newer than `seen`, else when the next
 * event is told. Counts the calls. */
function fakeShell() {
  const told: PageEvent[] = [];
  let waiting: { resolve: () => void; reject: (err: Error) => void } | null = null;
  const answer = (seen: number): PageEvents => ({ seen: told.length, events: told.slice(seen), missed: false });
  const shell = {
    calls: 0,
    ask: vi.fn((seen: number | null): Promise<PageEvents> => {
      shell.calls++;
      if (seen === null) return Promise.resolve({ seen: told.length, events: [], missed: false });
      if (told.length > seen) return Promise.resolve(answer(seen));
      return new Promise((resolve, reject) => (waiting = { resolve: () => resolve(answer(seen)), reject }));
    }),
    tell(...events: PageEvent[]) {
      told.push(...events);
      const w = waiting;
      waiting = null;
      w?.resolve();
    },
    /** The waiting call fails (the page's request was dropped). */
    failWaiting() {
      const w = waiting;
      waiting = null;
      w?.reject(new Error("the call failed"));
    },
  };
  return shell;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("pageEventsFrom", () => {
  it("asks nothing until someone follows, then keeps one call waiting however many follow", async () => {
    const shell = fakeShell();
    const follow = pageEventsFrom(shell.ask);
    await settle();
    expect(shell.calls).toBe(0);
    for (let shown = 0; shown < 20; shown++) follow("deskChanged", vi.fn())();
    follow("deskChanged", vi.fn());
    follow("openArticle", vi.fn());
    await settle();
    // One to learn where to start, one waiting.
    expect(shell.ask.mock.calls).toEqual([[null], [0]]);
  });

  it("hands each event to the followers of its kind, in order, and asks again after each answer", async () => {
    const shell = fakeShell();
    const follow = pageEventsFrom(shell.ask);
    const seen: string[] = [];
    follow("deskChanged", (detail) => seen.push(`desk ${String(detail)}`));
    follow("openArticle", ({ id }) => seen.push(`open ${id}`));
    follow("serverReach", ({ online }) => seen.push(`reach ${online}`));
    await settle();
    shell.tell({ kind: "openArticle", detail: { id: "a1" } }, { kind: "deskChanged" });
    await settle();
    shell.tell({ kind: "serverReach", detail: { online: false, problem: "away" } });
    await settle();
    expect(seen).toEqual(["open a1", "desk null", "reach false"]);
    expect(shell.ask.mock.calls.map(([s]) => s)).toEqual([null, 0, 2, 3]);
  });

  it("stops only the follower that stops", async () => {
    const shell = fakeShell();
    const follow = pageEventsFrom(shell.ask);
    const gone = vi.fn();
    const kept = vi.fn();
    const stop = follow("deskChanged", gone);
    follow("deskChanged", kept);
    await settle();
    stop();
    shell.tell({ kind: "deskChanged" });
    await settle();
    expect(gone).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
  });

  it("calls every follower even when one before it throws", async () => {
    const shell = fakeShell();
    const follow = pageEventsFrom(shell.ask);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    follow("deskChanged", () => {
      throw new Error("one screen's fault");
    });
    const other = vi.fn();
    follow("deskChanged", other);
    await settle();
    shell.tell({ kind: "deskChanged" });
    await settle();
    expect(other).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it("reloads what is shown when the shell says events were missed", async () => {
    const follow = pageEventsFrom((seen) =>
      seen === null ? Promise.resolve({ seen: 4, events: [], missed: false }) : seen === 4 ? Promise.resolve({ seen: 300, events: [], missed: true }) : new Promise(() => {}),
    );
    const reload = vi.fn();
    follow("deskChanged", reload);
    await settle();
    expect(reload).toHaveBeenCalledOnce();
  });

  it("asks nothing outside the app, and asks as soon as a follower comes where there is a shell", async () => {
    let inApp = false;
    const shell = fakeShell();
    const follow = pageEventsFrom((seen) => (inApp ? shell.ask(seen) : null));
    follow("deskChanged", vi.fn());
    await settle();
    expect(shell.calls).toBe(0);
    inApp = true;
    follow("deskChanged", vi.fn());
    await settle();
    expect(shell.calls).toBe(2);
  });

  it("after a failed call, asks again later from the newest event, has screens read again, and replays nothing stale", async () => {
    const shell = fakeShell();
    const retries: (() => void)[] = [];
    const follow = pageEventsFrom(shell.ask, (again) => retries.push(again));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const reload = vi.fn();
    const dropped = vi.fn();
    follow("deskChanged", reload);
    follow("filesDropped", dropped);
    await settle();
    shell.tell({ kind: "deskChanged" });
    await settle();
    expect(reload).toHaveBeenCalledOnce();
    // The waiting call fails; while the retry waits, nothing is asked, not even for a new follower.
    shell.failWaiting();
    await settle();
    expect(retries).toHaveLength(1);
    const calls = shell.calls;
    shell.tell({ kind: "filesDropped", detail: { paths: ["/tmp/old.docx"] } });
    follow("deskChanged", vi.fn());
    await settle();
    expect(shell.calls).toBe(calls);
    retries[0]();
    await settle();
    expect(shell.ask).toHaveBeenCalledWith(null);
    expect(reload).toHaveBeenCalledTimes(2);
    expect(dropped).not.toHaveBeenCalled();
    // And it follows on from there.
    shell.tell({ kind: "filesDropped", detail: { paths: ["/tmp/new.docx"] } });
    await settle();
    expect(dropped).toHaveBeenCalledExactlyOnceWith({ paths: ["/tmp/new.docx"] });
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
