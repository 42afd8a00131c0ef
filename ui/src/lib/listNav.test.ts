import { describe, expect, it } from "vitest";
import { extendKey, extended, moveIndex, span, toggled } from "./listNav";

describe("moveIndex", () => {
  it("moves with arrows and j/k, stopping at the ends", () => {
    expect(moveIndex(0, "j", 3)).toBe(1);
    expect(moveIndex(2, "ArrowDown", 3)).toBe(2);
    expect(moveIndex(1, "k", 3)).toBe(0);
    expect(moveIndex(0, "ArrowUp", 3)).toBe(0);
    expect(moveIndex(1, "Home", 3)).toBe(0);
    expect(moveIndex(0, "End", 3)).toBe(2);
  });
  it("ignores other keys and empty lists", () => {
    expect(moveIndex(0, "x", 3)).toBeNull();
    expect(moveIndex(0, "j", 0)).toBeNull();
  });
});

describe("selecting several rows", () => {
  const ids = ["a", "b", "c", "d"];
  it("spans rows in either direction", () => {
    expect(span(ids, 1, 3)).toEqual(["b", "c", "d"]);
    expect(span(ids, 2, 0)).toEqual(["a", "b", "c"]);
  });
  it("toggles one row", () => {
    expect(toggled(["a"], "b")).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "a")).toEqual(["b"]);
  });
  it("extends from the anchor, keeping what was selected before, and shrinks back", () => {
    expect(extended(["d"], ids, 0, 1)).toEqual(["d", "a", "b"]);
    expect(extended(["d"], ids, 0, 0)).toEqual(["d", "a"]);
  });
  it("reads Shift+j/k and Shift+arrows as extending", () => {
    const key = (k: string, more: KeyboardEventInit = {}) => extendKey(new KeyboardEvent("keydown", { key: k, shiftKey: true, ...more }));
    expect(key("J")).toBe("j");
    expect(key("K")).toBe("k");
    expect(key("ArrowDown")).toBe("ArrowDown");
    expect(key("X")).toBeNull();
    expect(key("J", { ctrlKey: true })).toBeNull();
    expect(extendKey(new KeyboardEvent("keydown", { key: "j" }))).toBeNull();
  });
});
