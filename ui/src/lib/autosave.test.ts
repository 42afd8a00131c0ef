import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "./api";
import { Autosave, type SaveStatus } from "./autosave";

type Draft = { text: string };
type Stored = { version: number; text: string };

/** A save the test settles by hand, one call at a time. */
function manualSave() {
  const calls: { base: number; draft: Draft; autosave: boolean; resolve: (v: Stored) => void; reject: (e: unknown) => void }[] = [];
  const save = vi.fn(
    (base: number, draft: Draft, autosave: boolean) =>
      new Promise<Stored>((resolve, reject) => calls.push({ base, draft, autosave, resolve, reject })),
  );
  return { save, calls };
}

function setup(save: (base: number, draft: Draft, autosave: boolean) => Promise<Stored>) {
  const statuses: SaveStatus[] = [];
  const onconflict = vi.fn();
  const onsaved = vi.fn();
  const autosave = new Autosave<Draft, Stored>(3, { text: "" }, {
    save,
    versionOf: (a) => a.version,
    onstatus: (s) => statuses.push(s),
    onsaved,
    onconflict,
    delay: 1000,
    backoff: [2000, 4000, 8000],
  });
  return { autosave, statuses, onconflict, onsaved, last: () => statuses[statuses.length - 1] };
}

describe("Autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves one second after the last keystroke, once for a burst of typing", async () => {
    const save = vi.fn(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "W" });
    expect(last()).toEqual({ state: "dirty" });
    await vi.advanceTimersByTimeAsync(600);
    autosave.edit({ text: "Wa" });
    await vi.advanceTimersByTimeAsync(600);
    autosave.edit({ text: "Wat" });
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(3, { text: "Wat" }, true);
    expect(last()).toEqual({ state: "saved" });
    expect(autosave.baseVersion).toBe(4);
  });

  it("saves nothing when the text comes back to what is stored", async () => {
    const save = vi.fn(async (base: number) => ({ version: base + 1, text: "" }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "x" });
    autosave.edit({ text: "" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(last()).toEqual({ state: "saved" });
  });

  it("keeps text typed during a save and saves it next, on the version the first save returned", async () => {
    const { save, calls } = manualSave();
    const { autosave, last, onsaved } = setup(save);
    autosave.edit({ text: "First" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toEqual({ state: "saving" });
    autosave.edit({ text: "First draft" });
    autosave.edit({ text: "First draft, more" });
    calls[0].resolve({ version: 4, text: "First" });
    await vi.advanceTimersByTimeAsync(0);
    expect(onsaved).toHaveBeenCalledWith({ version: 4, text: "First" }, { text: "First" });
    expect(last()).toEqual({ state: "dirty" });
    expect(autosave.unsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(calls[1].base).toBe(4);
    expect(calls[1].draft).toEqual({ text: "First draft, more" });
    calls[1].resolve({ version: 5, text: "First draft, more" });
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ state: "saved" });
    expect(autosave.unsaved).toBe(false);
  });

  it("retries a failed save with growing waits, keeping the text, until it goes through", async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new DeskError("busy", "the desk file is busy"))
      .mockRejectedValueOnce(new DeskError("storage", "disk full"))
      .mockImplementation(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "Kept" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toEqual({ state: "failed", code: "busy", message: "the desk file is busy", field: null, retryIn: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(last()).toEqual({ state: "failed", code: "storage", message: "disk full", field: null, retryIn: 4000 });
    await vi.advanceTimersByTimeAsync(4000);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenLastCalledWith(3, { text: "Kept" }, true);
    expect(last()).toEqual({ state: "saved" });
  });

  it("does not send refused text again until it changes", async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new DeskError("invalid_input", "the headline is empty: an article needs one"))
      .mockImplementation(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "" + " " });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toMatchObject({ state: "failed", code: "invalid_input", retryIn: null });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await autosave.flush()).toBe(false);
    autosave.edit({ text: " Fixed" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(last()).toEqual({ state: "saved" });
  });

  it("stops at a conflict and sends nothing until the editor rebases on what the core settled", async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new DeskError("conflict", "the article was changed elsewhere"))
      .mockImplementation(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last, onconflict } = setup(save);
    autosave.edit({ text: "Mine" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toEqual({ state: "conflict", message: "the article was changed elsewhere" });
    expect(onconflict).toHaveBeenCalledTimes(1);
    autosave.edit({ text: "Mine, still typing" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(last().state).toBe("conflict");
    expect(await autosave.flush()).toBe(false);
    // Settled by the core in one call (keep mine: version 8 holds "Mine, still typing").
    autosave.rebase(8, { text: "Mine, still typing" });
    expect(last()).toEqual({ state: "saved" });
    expect(autosave.unsaved).toBe(false);
    autosave.edit({ text: "Mine, and more" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenLastCalledWith(8, { text: "Mine, and more" }, true);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it("says which field the core refused", async () => {
    const save = vi.fn().mockRejectedValueOnce(new DeskError("invalid_input", "the headline is empty", { field: "headline" }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: " " });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toEqual({ state: "failed", code: "invalid_input", message: "the headline is empty", field: "headline", retryIn: null });
  });

  it("saves at once when asked (Ctrl+S), as a save rather than an autosave", async () => {
    const save = vi.fn(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "Now" });
    expect(await autosave.flush()).toBe(true);
    expect(save).toHaveBeenCalledWith(3, { text: "Now" }, false);
    expect(last()).toEqual({ state: "saved" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("waits for a save on its way before saving what was typed after it", async () => {
    const { save, calls } = manualSave();
    const { autosave } = setup(save);
    autosave.edit({ text: "One" });
    await vi.advanceTimersByTimeAsync(1000);
    autosave.edit({ text: "One two" });
    const flushed = autosave.flush();
    calls[0].resolve({ version: 4, text: "One" });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ base: 4, draft: { text: "One two" }, autosave: false });
    calls[1].resolve({ version: 5, text: "One two" });
    expect(await flushed).toBe(true);
  });

  it("on leaving tries once: a save on its way that fails is that try, and its retry stays planned", async () => {
    const { save, calls } = manualSave();
    const { autosave, last } = setup(save);
    autosave.edit({ text: "Kept" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    let answer: boolean | null = null;
    void autosave.flush(true, { once: true }).then((saved) => (answer = saved));
    calls[0].reject(new DeskError("busy", "the desk file is busy"));
    await vi.advanceTimersByTimeAsync(0);
    expect(answer).toBe(false);
    expect(calls).toHaveLength(1);
    expect(last()).toMatchObject({ state: "failed", code: "busy", retryIn: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    expect(calls[1].draft).toEqual({ text: "Kept" });
  });

  it("on leaving does not wait for a retry's turn: it tries at once, and answers with the desk", async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new DeskError("busy", "the desk file is busy"))
      .mockRejectedValueOnce(new DeskError("busy", "the desk file is busy"))
      .mockImplementation(async (base: number, draft: Draft) => ({ version: base + 1, text: draft.text }));
    const { autosave, last } = setup(save);
    autosave.edit({ text: "Kept" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toMatchObject({ state: "failed", retryIn: 2000 });
    // No timer moves: the answers come without any wait.
    expect(await autosave.flush(true, { once: true })).toBe(false);
    expect(save).toHaveBeenCalledTimes(2);
    expect(await autosave.flush(true, { once: true })).toBe(true);
    expect(save).toHaveBeenCalledTimes(3);
    expect(last()).toEqual({ state: "saved" });
  });
});
