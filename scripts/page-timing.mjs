// Timing in the page, for the measuring scripts (scripts/measure-app.mjs, measure-team.mjs).
//
// Each figure taken in the page is a pair of performance.now() readings: when the triggering
// event reached the document (capture listener), and when a MutationObserver first saw the
// condition hold; `painted` is two animation frames later (the frame showing it has been drawn).

/** Starts watching for `condition` (a JS expression) under `key`; `triggers` are event types. */
export function armScript(condition, triggers) {
  return `
    const key = arguments[0];
    const test = () => Boolean(${condition});
    window.__measure = window.__measure || {};
    const m = { trigger: null, seen: null, painted: null };
    window.__measure[key] = m;
    const onTrigger = () => { if (m.trigger === null) m.trigger = performance.now(); };
    for (const type of ${JSON.stringify(triggers)}) document.addEventListener(type, onTrigger, { capture: true, once: true });
    const check = () => {
      if (m.seen !== null || !test()) return;
      m.seen = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { m.painted = performance.now(); }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    check();`;
}

/** Resolves with what `key` recorded, once it has been painted. */
export const WAIT_ARMED = `
  const [key, done] = arguments;
  const tick = () => { const m = window.__measure && window.__measure[key]; if (m && m.painted !== null) done(m); else setTimeout(tick, 2); };
  tick();`;

/** The Desk is up: its queues are there, none still loading, and their first articles listed. */
export const DESK_READY = `document.querySelector(".desk-home .queue") !== null
  && document.querySelector(".desk-home .queue [aria-busy='true']") === null
  && document.querySelector(".desk-home .queue-list [role=option]") !== null
  && !document.querySelector(".screen")?.hidden`;
/** The first queue section is on screen (its heading; items may still be loading). */
export const QUEUES_SHOWN = `document.querySelector(".desk-home .queue") !== null`;
/** An article is open in the editor, its body laid out. */
export const ARTICLE_OPEN = `document.querySelector(".editor-screen .ProseMirror") !== null && document.querySelector("#headline") !== null`;
/** Back on the Desk. */
export const ARTICLE_CLOSED = `document.querySelector(".editor-screen") === null && !document.querySelector(".screen")?.hidden`;

