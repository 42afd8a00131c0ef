// Live refresh: the shell announces every change to the desk (from this window, another window,
// the CLI, or a team desk's server), what its publisher did, whether a team desk's server
// answers, and a click on a desktop notification about an article; screens follow what they show.
import { events, type PublishingDone, type ServerReach } from "./bindings";

type Listened<T> = { listen: (cb: (event: { payload: T }) => void) => Promise<() => void> };

/** The screens following each event. The shell is asked to listen once per event, for the life of
 * the page: every `listen` makes the shell run a script in the page (and read its answer back in
 * its own JavaScript context), so listening per screen shown cost two script runs and an IPC
 * round trip each time an article or the Desk opened, and memory in both processes. */
const followers = new Map<Listened<unknown>, Set<(payload: unknown) => void>>();

/** Calls `handle` with each payload of `event`; returns the function that stops it. */
function follow<T>(event: Listened<T>, handle: (payload: T) => void): () => void {
  const key = event as Listened<unknown>;
  let those = followers.get(key);
  if (!those) {
    const created = new Set<(payload: unknown) => void>();
    those = created;
    followers.set(key, created);
    // Each follower is called even if one before it throws: one screen's fault is its own.
    event
      .listen((e) => {
        for (const h of [...created]) {
          try {
            h(e.payload);
          } catch (err) {
            console.error(err);
          }
        }
      })
      .catch((err: unknown) => {
        // Not heard: the next screen to follow asks again.
        if (followers.get(key) === created) followers.delete(key);
        console.error(err);
      });
  }
  const mine = (payload: unknown) => handle(payload as T);
  those.add(mine);
  return () => {
    those.delete(mine);
  };
}

/** Calls `reload` after each change to the desk. */
export function onDeskChanged(reload: () => void): () => void {
  return follow(events.deskChanged, () => reload());
}

/** Calls `show` each time this app's publisher published or failed something. */
export function onPublishingDone(show: (done: PublishingDone) => void): () => void {
  return follow(events.publishingDone, show);
}

/** Calls `told` each time the team desk's server goes away or comes back. */
export function onServerReach(told: (reach: ServerReach) => void): () => void {
  return follow(events.serverReach, told);
}

/** Calls `open` with the article's id each time a desktop notification about it is clicked (the
 * shell has raised the window already). */
export function onOpenArticle(open: (id: string) => void): () => void {
  return follow(events.openArticle, (article) => open(article.id));
}
