// A small modal dialog's keys: Esc closes it (and goes no further: the screen under it keeps its
// own Esc), Tab and Shift+Tab go round its controls without leaving it.

/** Handles `event` on the dialog `box`; `close` is what Esc does. */
export function dialogKeys(box: HTMLElement | undefined, event: KeyboardEvent, close: () => void): void {
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    close();
  } else if (event.key === "Tab") {
    const focusable = Array.from(box?.querySelectorAll<HTMLElement>("input, select, textarea, button:not(:disabled)") ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === box)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }
}
