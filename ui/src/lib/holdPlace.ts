// Keeping the reader's place while a list changes above what they are reading. The app's window
// (WebKit) does no scroll anchoring of its own: a row arriving above the reader pushes everything
// they read down by its height. Measured before the change and set right after it, what they were
// looking at stays where it was on the screen.

/** The element that scrolls `element`: the nearest scrolling box around it, else the page. */
export function scroller(element: Element): HTMLElement {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY === "auto" || overflowY === "scroll") && box.scrollHeight > box.clientHeight) return box;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** The part of the screen `box` shows, top and bottom, as getBoundingClientRect counts. */
function view(box: HTMLElement): { top: number; bottom: number } {
  if (box === document.scrollingElement || box === document.documentElement) return { top: 0, bottom: window.innerHeight };
  const r = box.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom };
}

/**
 * Notes where the reader is before `region` (a queue) changes; the function it returns, called
 * once the change is on screen, scrolls by as far as what they were reading moved. Read is the
 * first row of `rows` in view (rows that are gone by then leave it to the next one in view);
 * when the whole region is above the view, its bottom edge, which everything below follows.
 */
export function holdPlace(region: HTMLElement, rows: readonly HTMLElement[]): () => void {
  const box = scroller(region);
  const seen = view(box);
  const whole = region.getBoundingClientRect();
  if (whole.top >= seen.bottom) return () => {}; // below the view: nothing read moves
  let marks: { at: () => number; was: number }[];
  if (whole.bottom <= seen.top) {
    marks = [{ at: () => region.getBoundingClientRect().bottom, was: whole.bottom }];
  } else {
    marks = rows
      .map((row) => ({ row, rect: row.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom > seen.top && rect.top < seen.bottom)
      .map(({ row, rect }) => ({ at: () => (row.isConnected ? row.getBoundingClientRect().top : NaN), was: rect.top }));
  }
  return () => {
    for (const mark of marks) {
      const now = mark.at();
      if (Number.isNaN(now)) continue;
      const moved = now - mark.was;
      if (moved !== 0) box.scrollTop += moved;
      return;
    }
  };
}
