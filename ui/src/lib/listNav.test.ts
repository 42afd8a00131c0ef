import { describe, expect, it } from "vitest";
import { moveIndex } from "./listNav";

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
