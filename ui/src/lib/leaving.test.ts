import { describe, expect, it } from "vitest";
import { guardLeaving, readyToLeave } from "./leaving";

describe("leaving the desk", () => {
  it("is safe with no guard, and waits for every guard", async () => {
    expect(await readyToLeave()).toBe(true);
    let saved = false;
    const stop = guardLeaving(async () => {
      await Promise.resolve();
      saved = true;
      return true;
    });
    expect(await readyToLeave()).toBe(true);
    expect(saved).toBe(true);
    stop();
  });

  it("is refused while any guard cannot finish, or throws, until it is removed", async () => {
    const stopNo = guardLeaving(async () => false);
    const stopYes = guardLeaving(async () => true);
    expect(await readyToLeave()).toBe(false);
    stopNo();
    const stopThrow = guardLeaving(async () => {
      throw new Error("offline");
    });
    expect(await readyToLeave()).toBe(false);
    stopThrow();
    expect(await readyToLeave()).toBe(true);
    stopYes();
  });
});
