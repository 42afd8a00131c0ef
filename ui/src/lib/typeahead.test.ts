import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { typeahead } from "./typeahead";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("typeahead", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once the typing pauses, with the last words typed", async () => {
    const fetch = vi.fn(async (q: string) => q.toUpperCase());
    const onanswer = vi.fn();
    const t = typeahead(fetch, { onanswer, onfailure: vi.fn() }, 150);
    t.ask("s");
    t.ask("sa");
    t.ask("sah");
    await vi.advanceTimersByTimeAsync(149);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("sah");
    expect(onanswer).toHaveBeenCalledWith("SAH", "sah");
  });

  it("drops an answer that comes back after a newer question was asked", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const fetch = vi.fn((q: string) => (q === "old" ? slow.promise : fast.promise));
    const onanswer = vi.fn();
    const t = typeahead(fetch, { onanswer, onfailure: vi.fn() }, 150);
    t.now("old");
    t.now("new");
    fast.resolve("new answer");
    await vi.advanceTimersByTimeAsync(0);
    slow.resolve("old answer");
    await vi.advanceTimersByTimeAsync(0);
    expect(onanswer).toHaveBeenCalledTimes(1);
    expect(onanswer).toHaveBeenCalledWith("new answer", "new");
  });

  it("drops the answer under way as soon as the field changes, and after a cancel", async () => {
    const slow = deferred<string>();
    const onanswer = vi.fn();
    const onfailure = vi.fn();
    const t = typeahead(() => slow.promise, { onanswer, onfailure }, 150);
    t.now("a");
    t.ask("ab");
    t.cancel();
    slow.resolve("late");
    await vi.advanceTimersByTimeAsync(500);
    expect(onanswer).not.toHaveBeenCalled();
    expect(onfailure).not.toHaveBeenCalled();
  });

  it("reports a failure only for the latest question", async () => {
    const onfailure = vi.fn();
    const t = typeahead(async () => Promise.reject(new Error("refused")), { onanswer: vi.fn(), onfailure }, 150);
    t.now("x");
    await vi.advanceTimersByTimeAsync(0);
    expect(onfailure).toHaveBeenCalledWith(new Error("refused"), "x");
  });
});
