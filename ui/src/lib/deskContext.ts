// The desk's settings for components deep inside a screen (the workflow panel inside the article
// editor) without passing them through every component between.
import { getContext, setContext } from "svelte";
import type { DeskSettings } from "./bindings";

const KEY = Symbol("desk settings");

/** Called by the workspace: `get` reads the settings as they are now (they change live). */
export function provideDesk(get: () => DeskSettings): void {
  setContext(KEY, get);
}

/** Called while a component initialises: a function reading the desk's settings as the
 * workspace holds them (null outside a workspace), to call inside a reactive expression. */
export function useDesk(): () => DeskSettings | null {
  const get = getContext<(() => DeskSettings) | undefined>(KEY);
  return () => (get ? get() : null);
}
