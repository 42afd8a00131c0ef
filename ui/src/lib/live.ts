// Live refresh: the shell announces every change to the desk file (from this window, another
// window or the CLI); screens reload what they show.
import { events, type PublishingDone, type ServerReach } from "./bindings";

/** Calls `reload` after each change to the desk; returns the function that stops listening. */
export function onDeskChanged(reload: () => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void events.deskChanged
    .listen(() => reload())
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** Calls `show` each time this app's publisher published or failed something; returns the
 * function that stops listening. */
export function onPublishingDone(show: (done: PublishingDone) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void events.publishingDone
    .listen((event) => show(event.payload))
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** Calls `told` each time the team desk's server goes away or comes back; returns the function
 * that stops listening. */
export function onServerReach(told: (reach: ServerReach) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void events.serverReach
    .listen((event) => told(event.payload))
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
  return () => {
    stopped = true;
    stop?.();
  };
}
