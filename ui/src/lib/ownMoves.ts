// The articles this window itself just put somewhere (created, imported, moved, scheduled): a
// queue they land in does not mark them "New", since the reader knows they came. Others' moves
// of the same article later still do, once the window has passed.
import type { Article, ImportOutcome, Imported } from "./bindings";

/** How long an own move keeps its article from counting as an arrival: longer than the live
 * refresh takes to show it, shorter than anyone else's next move is likely to be. */
export const OWN_FOR_MS = 10_000;

const movedAt = new Map<string, number>();

/** Notes that this window just moved the article `id` (at `now`, in ms). */
export function noteOwnMove(id: string, now: number = Date.now()): void {
  movedAt.set(id, now);
}

/** Whether the article `id` is one this window moved in the last moments. */
export function isOwnMove(id: string, now: number = Date.now()): boolean {
  const at = movedAt.get(id);
  if (at === undefined) return false;
  if (now - at <= OWN_FOR_MS) return true;
  movedAt.delete(id);
  return false;
}

/** Forgets every own move (for tests, and when the desk changes). */
export function forgetOwnMoves(): void {
  movedAt.clear();
}

/** The commands whose answer puts articles into queues, and where their ids are in it. */
const MOVERS: Record<string, (out: unknown) => string[]> = {
  createArticle: (out) => [(out as Article).id],
  moveArticle: (out) => [(out as Article).id],
  scheduleArticle: (out) => [(out as Article).id],
  commitImport: (out) =>
    (out as ImportOutcome<Imported>[]).flatMap((o) => (o.result ? [o.result.article_id] : [])),
};

/** Notes the articles a command's answer moved, if the command is one that moves them. */
export function noteAnswer(command: string, out: unknown, now: number = Date.now()): void {
  const ids = MOVERS[command]?.(out) ?? [];
  for (const id of ids) noteOwnMove(id, now);
}
