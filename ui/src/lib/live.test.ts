import { beforeEach, describe, expect, it, vi } from "vitest";
import { shell } from "../test-stubs/pageEvents";

// The shell's events as src/lib/pageEvents hands them: the test tells one of a kind.
vi.mock("./pageEvents", async () => ({ follow: (await import("../test-stubs/pageEvents")).shell.follow }));
const win = vi.hoisted(() => ({ destroy: vi.fn(async () => {}) }));
vi.mock("@tauri-apps/api/window", () => ({ getCurrentWindow: () => win }));

import { onCloseRequested, onDeskChanged, onOpenArticle, onPublishingDone, onServerReach } from "./live";

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  shell.followers.clear();
  win.destroy.mockClear();
});

describe("live", () => {
  it("hands each screen the events it follows, with what they carry", () => {
    const reload = vi.fn();
    const shown = vi.fn();
    const told = vi.fn();
    const open = vi.fn();
    onDeskChanged(reload);
    onPublishingDone(shown);
    onServerReach(told);
    onOpenArticle(open);
    shell.tell("deskChanged");
    shell.tell("publishingDone", { done: [], failed: [] });
    shell.tell("serverReach", { online: false, problem: "away" });
    shell.tell("openArticle", { id: "a7" });
    expect(reload).toHaveBeenCalledOnce();
    expect(shown).toHaveBeenCalledWith({ done: [], failed: [] });
    expect(told).toHaveBeenCalledWith({ online: false, problem: "away" });
    expect(open).toHaveBeenCalledWith("a7");
  });

  it("stops only the follower that stops", () => {
    const told = vi.fn();
    const other = vi.fn();
    const stop = onServerReach(told);
    onServerReach(other);
    shell.tell("serverReach", { online: false, problem: "away" });
    stop();
    shell.tell("serverReach", { online: true, problem: null });
    expect(told).toHaveBeenCalledOnce();
    expect(other).toHaveBeenCalledTimes(2);
  });
});

describe("onCloseRequested", () => {
  it("closes the window when nothing keeps it open", async () => {
    onCloseRequested(async () => {});
    shell.tell("closeRequested");
    await settle();
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it("keeps the window open when asked to, for the page to close later", async () => {
    onCloseRequested((request) => request.preventDefault());
    shell.tell("closeRequested");
    await settle();
    expect(win.destroy).not.toHaveBeenCalled();
  });

  it("closes the window when the asking itself fails: nothing may trap the editor", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    onCloseRequested(async (request) => {
      request.preventDefault();
      throw new Error("the check failed");
    });
    shell.tell("closeRequested");
    await settle();
    expect(win.destroy).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
