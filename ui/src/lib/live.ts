// Live refresh: the shell announces every change to the desk file (from this window, another
// window or the CLI); screens reload what they show.
import { events } from "./bindings";

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
