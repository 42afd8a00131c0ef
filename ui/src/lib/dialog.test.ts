import { describe, expect, it, vi } from "vitest";
import { dialogKeys } from "./dialog";

function box(): HTMLElement {
  const el = document.createElement("div");
  el.innerHTML = `<input name="first" /><button name="off" disabled>Off</button><button name="last">Last</button>`;
  document.body.append(el);
  return el;
}

const key = (k: string, shiftKey = false) => new KeyboardEvent("keydown", { key: k, shiftKey, cancelable: true });

describe("dialogKeys", () => {
  it("closes on Esc and keeps the key from the screen below", () => {
    const close = vi.fn();
    const event = key("Escape");
    const stop = vi.spyOn(event, "stopPropagation");
    dialogKeys(box(), event, close);
    expect(close).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
    expect(stop).toHaveBeenCalled();
  });

  it("takes Tab from the last control to the first and Shift+Tab back, skipping disabled ones", () => {
    const el = box();
    el.querySelector<HTMLElement>("[name=last]")!.focus();
    const forward = key("Tab");
    dialogKeys(el, forward, () => {});
    expect(document.activeElement?.getAttribute("name")).toBe("first");
    expect(forward.defaultPrevented).toBe(true);
    const back = key("Tab", true);
    dialogKeys(el, back, () => {});
    expect(document.activeElement?.getAttribute("name")).toBe("last");
    // In the middle, Tab is the browser's own.
    const middle = key("Tab", true);
    dialogKeys(el, middle, () => {});
    expect(middle.defaultPrevented).toBe(false);
  });
});
