// The shell's events, asked for: one `page_events` call kept waiting for the life of the page,
// answered as soon as something happens, each event handed to every follower of its kind. Not
// Tauri's events: every listening and every event made the shell run a script in the page and
// read its answer back in a JavaScriptCore of the app's own process, about 6 MB kept for the
// app's life (src-tauri/src/page_events.rs); a command's answer needs no script.
import { isTauri } from "@tauri-apps/api/core";
import { unwrap } from "./api";
import { commands, type PageEvent, type PageEvents } from "./bindings";

export type Kind = PageEvent["kind"];
/** What an event of this kind carries (`null` for those that carry nothing). */
export type Detail<K extends Kind> = Extract<PageEvent, { kind: K }> extends { detail: infer D } ? D : null;
/** Asks the shell for the events after `seen` (none yet: `null`); `null` when there is no shell
 * to ask here (outside the app: the component tests). */
export type Ask = (seen: number | null) => Promise<PageEvents> | null;
/** Adds a follower of one kind of event; returns the function that stops it. */
export type Follow = <K extends Kind>(kind: K, handle: (detail: Detail<K>) => void) => () => void;

/** Schedules `again` after a failed call. */
export type Retry = (again: () => void) => void;
const inASecond: Retry = (again) => void setTimeout(again, 1000);

/** The page's followers of the events `ask` answers with. Asking starts with the first follower
 * and goes on for the life of the page. A failed call (the request dropped) is made again after
 * `retry`, from the newest event rather than the last handed on: a close request or a drop told
 * meanwhile is stale by then, and screens read again what they show, as after a change. Where
 * there is no shell to ask, nothing is asked until the next follower. */
export function pageEventsFrom(ask: Ask, retry: Retry = inASecond): Follow {
  const followers = new Map<Kind, Set<(detail: unknown) => void>>();
  let asking = false;
  let seen: number | null = null;
  let reread = false;

  // Each follower is called even if one before it throws: one screen's fault is its own.
  const hand = (event: PageEvent) => {
    const detail = "detail" in event ? event.detail : null;
    for (const handle of [...(followers.get(event.kind) ?? [])]) {
      try {
        handle(detail);
      } catch (err) {
        console.error(err);
      }
    }
  };

  const keepAsking = async () => {
    asking = true;
    for (;;) {
      const answer = ask(seen);
      if (answer === null) break;
      let told: PageEvents;
      try {
        told = await answer;
      } catch (err) {
        console.error(err);
        seen = null;
        reread = true;
        // Still asking: no follower starts a second round meanwhile.
        retry(() => void keepAsking());
        return;
      }
      seen = told.seen;
      // Events came and went while the page was not asking: everything shown is read again.
      if (told.missed || reread) hand({ kind: "deskChanged" });
      reread = false;
      for (const event of told.events) hand(event);
    }
    asking = false;
  };

  return (kind, handle) => {
    const mine = (detail: unknown) => handle(detail as never);
    let ofKind = followers.get(kind);
    if (!ofKind) followers.set(kind, (ofKind = new Set()));
    ofKind.add(mine);
    if (!asking) void keepAsking();
    return () => {
      ofKind.delete(mine);
    };
  };
}

/** The shell's events, for this page. */
export const follow: Follow = pageEventsFrom((seen) => (isTauri() ? unwrap(commands.pageEvents(seen)) : null));
