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

/** Forgets every own move (tests start from none). */
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

/** The commands that move an article already there, named by `id` in their input. */
const MOVING = new Set(["moveArticle", "scheduleArticle"]);

function movedId(command: string, input: unknown): string | null {
  if (!MOVING.has(command) || typeof input !== "object" || input === null) return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

/** Notes the article a moving command is about to move, before the desk answers. */
export function noteAsked(command: string, input: unknown, now: number = Date.now()): void {
  const id = movedId(command, input);
  if (id !== null) noteOwnMove(id, now);
}

/** The desk refused the move: the article did not move, so others' moves of it are news. */
export function noteRefused(command: string, input: unknown): void {
  const id = movedId(command, input);
  if (id !== null) movedAt.delete(id);
}

/** Notes the articles a command's answer moved, if the command is one that moves them. An answer
 * of an unexpected shape notes nothing: the move itself went through. */
export function noteAnswer(command: string, out: unknown, now: number = Date.now()): void {
  let ids: string[] = [];
  try {
    ids = MOVERS[command]?.(out) ?? [];
  } catch {
    ids = [];
  }
  for (const id of ids) if (typeof id === "string") noteOwnMove(id, now);
}
