// Moving several Desk rows at once: which of the bulk moves every selected article allows (the
// core's answer for each, `articleMoves`), running one over them one article at a time, in order,
// and saying in words what went through and what did not, and why.
import { api, DeskError, errorWords } from "./api";
import type { Action, Article, ArticleSummary, MoveOption } from "./bindings";
import { deskTime } from "./format";

export type BulkAction = "claim" | "schedule" | "unschedule";

export const BULK_MOVES: { action: BulkAction; label: string; done: string }[] = [
  { action: "claim", label: "Claim", done: "claimed" },
  { action: "schedule", label: "Schedule into the next free slots", done: "scheduled" },
  { action: "unschedule", label: "Unschedule", done: "unscheduled" },
];

/** Whether the core's moves for `article` allow `action` as a bulk move does it: a move that
 * takes the article on to another state, every check met, but the publication time, which the
 * next free slot gives. */
export function allows(moves: readonly MoveOption[], article: ArticleSummary, action: Action): boolean {
  const move = moves.find((m) => m.action === action);
  if (!move || move.to === article.state) return false;
  return move.checks.every((check) => check.met || (move.needs_time && check.field === "at"));
}

export type Outcome = { article: ArticleSummary; moved: Article } | { article: ArticleSummary; why: string };

/** Why the core refused, in its words: the checks a move did not meet, else its sentence. */
async function whyNot(e: unknown, article: ArticleSummary, action: BulkAction): Promise<string> {
  if (e instanceof DeskError && e.code === "not_ready") {
    // A claim that came too late: who has it now.
    if (action === "claim") {
      const now = await api.getArticle({ id: article.id }).catch(() => null);
      if (now?.state === "in_review" && now.assigned_editor) return `it is already claimed by ${now.assigned_editor}`;
    }
    if (e.details?.kind === "not_ready" && e.details.unmet.length > 0) return e.details.unmet.map((c) => c.label).join("; ");
  }
  return errorWords(e);
}

/** Makes `action` on each article, one call to the core each, in order. */
export async function runBulk(articles: readonly ArticleSummary[], action: BulkAction): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const article of articles) {
    try {
      const moved =
        action === "schedule"
          ? await api.scheduleArticle({ id: article.id, when: "next_slot", note: null })
          : await api.moveArticle({ id: article.id, action });
      outcomes.push({ article, moved });
    } catch (e) {
      outcomes.push({ article, why: await whyNot(e, article, action) });
    }
  }
  return outcomes;
}

const title = (a: ArticleSummary) => `“${a.headline.trim() || "Untitled article"}”`;

/** "2 claimed; “Rates again” was not: it is already claimed by Maya." */
export function reportWords(action: BulkAction, outcomes: readonly Outcome[], timezone: string): string {
  const done = BULK_MOVES.find((b) => b.action === action)!.done;
  const went = outcomes.flatMap((o) => ("moved" in o ? [o] : []));
  const refused = outcomes.flatMap((o) => ("why" in o ? [o] : []));
  const parts: string[] = [];
  if (went.length > 0) {
    let said = `${went.length} ${done}`;
    if (action === "schedule") {
      said += `: ${went
        .map((o) => `${title(o.article)} for ${o.moved.scheduled_at ? deskTime(o.moved.scheduled_at, timezone) : "its slot"}`)
        .join(", ")} (${timezone})`;
    }
    parts.push(said);
  }
  for (const o of refused) parts.push(`${title(o.article)} was not${went.length === 0 ? ` ${done}` : ""}: ${o.why}`);
  return `${parts.join("; ")}.`;
}
