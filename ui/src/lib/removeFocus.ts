// After a list item is taken away with its own Remove button, the focus would fall to the page
// (<body>) with the button. It goes instead to the Remove button of the item that took its place,
// or of the one before when it was the last, or, when none is left, to the field that adds one.
import { tick } from "svelte";

/** The attribute that marks an item's Remove button (`data-remove` on the button). */
export const REMOVE_BUTTON = "data-remove";

/**
 * Once the list has re-rendered without the item that stood at `index` in `list` (its direct
 * children are the items): the focus goes to the nearest Remove button from there on, else the
 * nearest before, else to `fallback` (the list's add field).
 */
export async function focusAfterRemoval(
  list: HTMLElement | null | undefined,
  index: number,
  fallback: () => HTMLElement | null | undefined,
): Promise<void> {
  await tick();
  const items = list ? Array.from(list.children) : [];
  const button = (i: number) => items[i]?.querySelector<HTMLElement>(`[${REMOVE_BUTTON}]:not(:disabled)`) ?? null;
  for (let i = Math.max(0, index); i < items.length; i++) {
    const found = button(i);
    if (found) return found.focus();
  }
  for (let i = Math.min(index, items.length) - 1; i >= 0; i--) {
    const found = button(i);
    if (found) return found.focus();
  }
  fallback()?.focus();
}
