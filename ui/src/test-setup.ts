import "@testing-library/jest-dom/vitest";

// jsdom lays nothing out, so it has no scrollIntoView; the lists call it when the highlight moves.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// ProseMirror measures text ranges to keep the cursor in view; jsdom lays nothing out, so it
// measures nothing.
Range.prototype.getClientRects ??= function getClientRects() {
  return [] as unknown as DOMRectList;
};
Range.prototype.getBoundingClientRect ??= function getBoundingClientRect() {
  return new DOMRect();
};

// jsdom lays nothing out, so nothing ever resizes; the calendar watches its size all the same.
globalThis.ResizeObserver ??= class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
};
