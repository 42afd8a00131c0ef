// Live refresh: the shell announces every change to the desk (from this window, another window,
// the CLI, or a team desk's server), what its publisher did, whether a team desk's server
// answers, and a click on a desktop notification about an article; screens follow what they show.
import { events, type PublishingDone, type ServerReach } from "./bindings";
import { listenedOnce } from "./listenedOnce";

type Listened<T> = { listen: (cb: (event: { payload: T }) => void) => Promise<() => void> };

const payloads = <T>(event: Listened<T>) => listenedOnce<T>((deliver) => event.listen((e) => deliver(e.payload)));
const deskChanged = payloads(events.deskChanged);
const publishingDone = payloads(events.publishingDone);
const serverReach = payloads(events.serverReach);
const openArticle = payloads(events.openArticle);

/** Calls `reload` after each change to the desk. */
export function onDeskChanged(reload: () => void): () => void {
  return deskChanged(() => reload());
}

/** Calls `show` each time this app's publisher published or failed something. */
export function onPublishingDone(show: (done: PublishingDone) => void): () => void {
  return publishingDone(show);
}

/** Calls `told` each time the team desk's server goes away or comes back. */
export function onServerReach(told: (reach: ServerReach) => void): () => void {
  return serverReach(told);
}

/** Calls `open` with the article's id each time a desktop notification about it is clicked (the
 * shell has raised the window already). */
export function onOpenArticle(open: (id: string) => void): () => void {
  return openArticle((article) => open(article.id));
}
