import { describe, expect, it, vi } from "vitest";
import { listenedOnce } from "./listenedOnce";

describe("listenedOnce", () => {
  it("asks nothing until someone follows, then once however many follow", () => {
    const listen = vi.fn(() => Promise.resolve());
    const follow = listenedOnce<number>(listen);
    expect(listen).not.toHaveBeenCalled();
    for (let n = 0; n < 5; n++) follow(vi.fn())();
    follow(vi.fn());
    expect(listen).toHaveBeenCalledOnce();
  });

  it("asks again for the next follower when there was nothing to listen to here", () => {
    const listen = vi.fn((): Promise<unknown> | null => null);
    const follow = listenedOnce<number>(listen);
    follow(vi.fn());
    follow(vi.fn());
    expect(listen).toHaveBeenCalledTimes(2);
  });

  it("asks again after a listening that threw, and hands on payloads once heard", () => {
    let deliver: ((n: number) => void) | undefined;
    const listen = vi
      .fn()
      .mockImplementationOnce(() => {
        throw new Error("no window");
      })
      .mockImplementation((d: (n: number) => void) => {
        deliver = d;
        return Promise.resolve();
      });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const follow = listenedOnce<number>(listen);
    const first = vi.fn();
    follow(first);
    const second = vi.fn();
    follow(second);
    expect(listen).toHaveBeenCalledTimes(2);
    deliver?.(7);
    expect(first).toHaveBeenCalledWith(7);
    expect(second).toHaveBeenCalledWith(7);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
