// Live refresh: the shell announces every change to the desk (from this window, another window,
// the CLI, or a team desk's server), what its publisher did, whether a team desk's server
// answers, and a click on a desktop notification about an article; screens follow what they show.
import { events, type PublishingDone, type ServerReach } from "./bindings";

type Listened<T> = { listen: (cb: (event: { payload: T }) => void) => Promise<() => void> };

/** Calls `handle` with each payload of `event`; returns the function that stops listening, which
 * also works when called before the listening has started. */
function follow<T>(event: Listened<T>, handle: (payload: T) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void event
    .listen((e) => handle(e.payload))
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
  return () => {
    stopped = true;
    stop?.();
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
