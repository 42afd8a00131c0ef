// Focus mode in the article editor: the side panels (workflow, byline, details, related) and the
// notes and history under the body are hidden, the text column staying where it is. Kept for the
// rest of the session, from one article to the next.

export const focusMode = $state({ on: false });

/** The shortcut, as the editor's bar shows it and its keydown reads it. */
export const FOCUS_KEYS = "Ctrl+Shift+F";

export function isFocusKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === "f";
}
