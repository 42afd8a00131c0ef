// jsdom lays nothing out. For the tests of what stays where on the screen: a page laid out as one
// column, every list row ROW px high, every other element without children LINE px, the rest as
// tall as their children, hidden elements and the floating "N new" cue taking no room; the page
// scrolled by `scrollTop` of the document.
import { vi } from "vitest";

export const ROW = 56;
export const LINE = 24;

function height(element: Element): number {
  if (element instanceof HTMLElement && (element.hidden || element.classList.contains("new-cue"))) return 0;
  if (element.tagName === "LI") return ROW;
  if (element.children.length === 0) return LINE;
  return Array.from(element.children).reduce((sum, child) => sum + height(child), 0);
}

function pageTop(element: Element): number {
  const parent = element.parentElement;
  if (!parent) return 0;
  let top = pageTop(parent);
  for (const sibling of Array.from(parent.children)) {
    if (sibling === element) break;
    top += height(sibling);
  }
  return top;
}

/** Lays the page out as above until the returned function is called; `scroll` reads and sets
 * how far the page is scrolled, and `top` says where an element is on the screen now. */
export function layOut() {
  let scrolled = 0;
  const root = document.documentElement;
  Object.defineProperty(root, "scrollTop", {
    configurable: true,
    get: () => scrolled,
    set: (value: number) => (scrolled = Math.max(0, value)),
  });
  const rect = vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const top = pageTop(this) - scrolled;
    return new DOMRect(0, top, 800, height(this));
  });
  return {
    scroll: { get: () => scrolled, set: (to: number) => (scrolled = to) },
    top: (element: Element) => element.getBoundingClientRect().top,
    pageTop,
    restore: () => {
      rect.mockRestore();
      delete (root as unknown as Record<string, unknown>).scrollTop;
    },
  };
}
