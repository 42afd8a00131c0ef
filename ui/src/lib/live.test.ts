import { describe, expect, it, vi } from "vitest";

// Each event as the bindings give it: `listen` registers a handler and answers, later, the
// function that removes it.
const registry = vi.hoisted(() => {
  const make = () => {
    const handlers = new Set<(e: { payload: unknown }) => void>();
    let answer: (() => void) | null = null;
    const unlisten = vi.fn();
    return {
      handlers,
      unlisten,
      /** The shell's answer to `listen` arrives. */
      answer: () => answer?.(),
      emit: (payload: unknown) => handlers.forEach((h) => h({ payload })),
      listen: (h: (e: { payload: unknown }) => void) =>
        new Promise<() => void>((resolve) => {
          handlers.add(h);
          answer = () =>
            resolve(() => {
              unlisten();
              handlers.delete(h);
            });
        }),
    };
  };
  return { deskChanged: make(), publishingDone: make(), serverReach: make(), openArticle: make() };
});
vi.mock("./bindings", () => ({ events: registry }));

import { onDeskChanged, onOpenArticle, onServerReach } from "./live";

describe("live", () => {
  it("hands each payload on, and stops listening when told", async () => {
    const told = vi.fn();
    const stop = onServerReach(told);
    registry.serverReach.answer();
    await Promise.resolve();
    registry.serverReach.emit({ online: false, problem: "away" });
    expect(told).toHaveBeenCalledWith({ online: false, problem: "away" });
    stop();
    expect(registry.serverReach.unlisten).toHaveBeenCalledOnce();
  });

  it("stops a listening that had not started yet once it starts", async () => {
    const reload = vi.fn();
    const stop = onDeskChanged(reload);
    stop();
    expect(registry.deskChanged.unlisten).not.toHaveBeenCalled();
    registry.deskChanged.answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(registry.deskChanged.unlisten).toHaveBeenCalledOnce();
    registry.deskChanged.emit(null);
    expect(reload).not.toHaveBeenCalled();
  });

  it("hands on the id of the article a clicked notification was about", async () => {
    const open = vi.fn();
    const stop = onOpenArticle(open);
    registry.openArticle.answer();
    await Promise.resolve();
    registry.openArticle.emit({ id: "art-ferry" });
    expect(open).toHaveBeenCalledExactlyOnceWith("art-ferry");
    stop();
    registry.openArticle.emit({ id: "art-harbour" });
    expect(open).toHaveBeenCalledOnce();
  });
});
