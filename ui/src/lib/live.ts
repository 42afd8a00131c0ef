// Live refresh: the shell announces every change to the desk (from this window, another window,
// the CLI, or a team desk's server), what its publisher did, whether a team desk's server
// answers, a click on a desktop notification about an article, and a request to close the
// window; screens follow what they show.
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { PublishingDone, ServerReach } from "./bindings";
import { follow } from "./pageEvents";

/** Calls `reload` after each change to the desk. */
export function onDeskChanged(reload: () => void): () => void {
  return follow("deskChanged", () => reload());
}

/** Calls `show` each time this app's publisher published or failed something. */
export function onPublishingDone(show: (done: PublishingDone) => void): () => void {
  return follow("publishingDone", show);
}

/** Calls `told` each time the team desk's server goes away or comes back. */
export function onServerReach(told: (reach: ServerReach) => void): () => void {
  return follow("serverReach", told);
}

/** Calls `open` with the article's id each time a desktop notification about it is clicked (the
 * shell has raised the window already). */
export function onOpenArticle(open: (id: string) => void): () => void {
  return follow("openArticle", (article) => open(article.id));
}

/** A request to close the window, held open by the shell until the page answers. */
export type CloseRequest = { preventDefault: () => void };

/** Calls `asked` each time the window is asked to close (one follower: the app's frame). Unless
 * it calls `preventDefault`, the window then closes; if it does, the page closes the window
 * itself once it may. A fault in `asked` closes it too: it must never keep the editor from
 * quitting, and what is typed is in the journal, offered back at the next start. */
export function onCloseRequested(asked: (request: CloseRequest) => Promise<void> | void): () => void {
  return follow("closeRequested", () => {
    void (async () => {
      let kept = false;
      try {
        await asked({ preventDefault: () => (kept = true) });
      } catch (err) {
        console.error(err);
        kept = false;
      }
      if (!kept) await getCurrentWindow().destroy().catch(console.error);
    })();
  });
}
