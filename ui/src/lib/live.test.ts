import { beforeEach, describe, expect, it, vi } from "vitest";

// Each event as the bindings give it: `listen` registers a handler with the shell (counted), and
// `emit` is the shell announcing the event.
const registry = vi.hoisted(() => {
  const make = () => {
    const handlers = new Set<(e: { payload: unknown }) => void>();
    const unlisten = vi.fn();
    const event = {
      handlers,
      unlisten,
      /** Whether the shell refuses the next listening. */
      refuse: false,
      emit: (payload: unknown) => handlers.forEach((h) => h({ payload })),
      listen: vi.fn((h: (e: { payload: unknown }) => void) => {
        if (event.refuse) return Promise.reject(new Error("no window"));
        handlers.add(h);
        return Promise.resolve(() => {
          unlisten();
          handlers.delete(h);
        });
      }),
    };
    return event;
  };
  return { deskChanged: make(), publishingDone: make(), serverReach: make(), openArticle: make() };
});
vi.mock("./bindings", () => ({ events: registry }));

type Live = typeof import("./live");
let live: Live;

beforeEach(async () => {
  for (const event of Object.values(registry)) {
    event.handlers.clear();
    event.listen.mockClear();
    event.unlisten.mockClear();
    event.refuse = false;
  }
  // The page's followers are module state: each test starts with a page just loaded.
  vi.resetModules();
  live = await import("./live");
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("live", () => {
  it("asks the shell once per event, however many screens follow it and come and go", async () => {
    const desk = vi.fn();
    const editor = vi.fn();
    for (let opened = 0; opened < 20; opened++) live.onDeskChanged(editor)();
    const stopDesk = live.onDeskChanged(desk);
    const stopEditor = live.onDeskChanged(editor);
    await settle();
    expect(registry.deskChanged.listen).toHaveBeenCalledOnce();
    registry.deskChanged.emit(null);
    expect(desk).toHaveBeenCalledOnce();
    expect(editor).toHaveBeenCalledOnce();
    stopEditor();
    stopDesk();
    expect(registry.deskChanged.unlisten).not.toHaveBeenCalled();
  });

  it("stops only the follower that stops, and hands payloads on to the rest", async () => {
    const told = vi.fn();
    const other = vi.fn();
    const stop = live.onServerReach(told);
    live.onServerReach(other);
    await settle();
    registry.serverReach.emit({ online: false, problem: "away" });
    expect(told).toHaveBeenCalledWith({ online: false, problem: "away" });
    stop();
    registry.serverReach.emit({ online: true, problem: null });
    expect(told).toHaveBeenCalledOnce();
    expect(other).toHaveBeenCalledTimes(2);
  });

  it("hears nothing for a follower stopped before the shell answered", async () => {
    const reload = vi.fn();
    const stop = live.onDeskChanged(reload);
    stop();
    await settle();
    registry.deskChanged.emit(null);
    expect(reload).not.toHaveBeenCalled();
  });

  it("calls every follower when one of them throws", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    live.onDeskChanged(() => {
      throw new Error("a screen's own fault");
    });
    live.onDeskChanged(after);
    await settle();
    registry.deskChanged.emit(null);
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("asks again for the next follower when the shell did not listen", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    registry.publishingDone.refuse = true;
    live.onPublishingDone(vi.fn());
    await settle();
    registry.publishingDone.refuse = false;
    const show = vi.fn();
    live.onPublishingDone(show);
    await settle();
    expect(registry.publishingDone.listen).toHaveBeenCalledTimes(2);
    registry.publishingDone.emit({ published: 1 });
    expect(show).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it("hands on the id of the article a clicked notification was about", async () => {
    const open = vi.fn();
    const stop = live.onOpenArticle(open);
    await settle();
    registry.openArticle.emit({ id: "art-ferry" });
    expect(open).toHaveBeenCalledExactlyOnceWith("art-ferry");
    stop();
    registry.openArticle.emit({ id: "art-harbour" });
    expect(open).toHaveBeenCalledOnce();
  });
});
