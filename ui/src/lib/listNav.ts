// Keyboard movement in a one-tab-stop list: arrows or j/k move, Home/End jump.
// Returns the new active index, or null when the key is not a movement key.
export function moveIndex(current: number, key: string, length: number): number | null {
  if (length === 0) return null;
  const last = length - 1;
  switch (key) {
    case "ArrowDown":
    case "j":
      return Math.min(current + 1, last);
    case "ArrowUp":
    case "k":
      return Math.max(current - 1, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

// Selecting several rows: x (or Space) toggles the highlighted row, Shift with a movement key
// extends from where the extending started, Esc clears; Ctrl/Cmd+click toggles, Shift+click
// extends. Selections are lists of ids, in no particular order.

/** The ids from index `a` to index `b` of `ids`, both included, in either direction. */
export function span(ids: readonly string[], a: number, b: number): string[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return ids.slice(Math.max(0, from), to + 1);
}

/** `selected` with `id` added, or taken out if it was in. */
export function toggled(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/** What was selected before an extension began, and every row from its anchor to `to`. */
export function extended(base: readonly string[], ids: readonly string[], anchor: number, to: number): string[] {
  return [...new Set([...base, ...span(ids, anchor, to)])];
}

/** The movement key a Shift+key extends with ("J" is Shift+j), or null. */
export function extendKey(event: KeyboardEvent): string | null {
  if (!event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return ["j", "k", "ArrowDown", "ArrowUp"].includes(key) ? key : null;
}
