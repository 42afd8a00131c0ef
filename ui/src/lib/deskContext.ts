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

const TEAM = Symbol("team desk");

/** Called by the workspace: whether the desk is a team desk's server (presence shows there), as
 * it is now. */
export function provideTeam(get: () => boolean): void {
  setContext(TEAM, get);
}

/** Called while a component initialises: a function answering whether the desk is a team desk
 * (false outside a workspace, and on a desk file). */
export function useTeam(): () => boolean {
  const get = getContext<(() => boolean) | undefined>(TEAM);
  return () => (get ? get() : false);
}

/** For a component rendered on its own (tests): the context that puts it on a team desk. */
export function teamContext(team = true): Map<symbol, unknown> {
  return new Map<symbol, unknown>([[TEAM, () => team]]);
}
