import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetOwnMoves, isOwnMove, noteAnswer, noteOwnMove, OWN_FOR_MS } from "./ownMoves";

const bindings = vi.hoisted(() => ({
  commands: {
    moveArticle: vi.fn(),
    getArticle: vi.fn(),
    commitImport: vi.fn(),
  },
}));
vi.mock("./bindings", () => bindings);

describe("own moves", () => {
  beforeEach(() => forgetOwnMoves());

  it("holds a moved article for a few seconds, then lets it go", () => {
    noteOwnMove("a", 1_000);
    expect(isOwnMove("a", 1_000 + OWN_FOR_MS)).toBe(true);
    expect(isOwnMove("b", 1_000)).toBe(false);
    expect(isOwnMove("a", 1_001 + OWN_FOR_MS)).toBe(false);
    // Once let go it stays gone, even if asked about an earlier instant.
    expect(isOwnMove("a", 1_000)).toBe(false);
  });

  it("reads the moved articles from the answers of the commands that move them, and only those", () => {
    noteAnswer("moveArticle", { id: "moved" }, 0);
    noteAnswer("createArticle", { id: "created" }, 0);
    noteAnswer("scheduleArticle", { id: "scheduled" }, 0);
    noteAnswer("getArticle", { id: "read" }, 0);
    noteAnswer("saveArticle", { id: "saved" }, 0);
    noteAnswer(
      "commitImport",
      [
        { file: "a.txt", result: { file: "a.txt", article_id: "imported", headline: "A", contributors: [] }, error: null },
        { file: "b.txt", result: null, error: { code: "invalid_input", message: "not text" } },
      ],
      0,
    );
    const own = ["moved", "created", "scheduled", "read", "saved", "imported"].filter((id) => isOwnMove(id, 0));
    expect(own).toEqual(["moved", "created", "scheduled", "imported"]);
    // An answer of another shape notes nothing and throws nothing.
    expect(() => noteAnswer("commitImport", { not: "a list" }, 0)).not.toThrow();
  });

  it("is told by the door every window calls the desk through", async () => {
    const { api } = await import("./api");
    bindings.commands.moveArticle.mockResolvedValue({ status: "ok", data: { id: "m1" } });
    bindings.commands.getArticle.mockResolvedValue({ status: "ok", data: { id: "g1" } });
    await api.moveArticle({ id: "m1", action: "submit", args: { note: null, at: null } });
    await api.getArticle({ id: "g1" });
    expect(isOwnMove("m1")).toBe(true);
    expect(isOwnMove("g1")).toBe(false);
    // A refused move moved nothing.
    bindings.commands.moveArticle.mockResolvedValue({ status: "error", error: { code: "forbidden", message: "no" } });
    await expect(api.moveArticle({ id: "m2", action: "submit", args: { note: null, at: null } })).rejects.toThrow("no");
    expect(isOwnMove("m2")).toBe(false);
  });

  it("holds the article from the moment the move is asked for, before the desk answers", async () => {
    const { api } = await import("./api");
    let answer: (v: unknown) => void = () => {};
    bindings.commands.moveArticle.mockReturnValue(new Promise((r) => (answer = r)));
    const moving = api.moveArticle({ id: "m3", action: "submit", args: { note: null, at: null } });
    // The server's change stream may refresh the queues now, before the answer is in.
    expect(isOwnMove("m3")).toBe(true);
    answer({ status: "ok", data: { id: "m3" } });
    await moving;
    expect(isOwnMove("m3")).toBe(true);
  });
});
