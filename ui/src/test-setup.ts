import "@testing-library/jest-dom/vitest";

// jsdom lays nothing out, so it has no scrollIntoView; the lists call it when the highlight moves.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
