// Shapes as the core hands them over, for component tests: only what a test cares about is given.
import type { Access, BylineName, JobOutcome, MoveOption, PublishingDone } from "../lib/bindings";

/** What the reader may do with an article: edit its text, and make `moves`. */
export function access(moves: MoveOption[] = [], extra: Partial<Access> = {}): Access {
  return { can_edit_text: true, edit_refusal: null, moves, ...extra };
}

/** Byline lines as lists and the calendar give them. */
export function names(...people: string[]): BylineName[] {
  return people.map((name, i) => ({ contributor_id: `c${i + 1}`, name }));
}

/** What the publisher reports: the headlines it put out, and each failure with its words. */
export function report(done: string[], failed: [string, string][] = []): PublishingDone {
  const job = (headline: string, i: number, error: string | null): JobOutcome => ({
    job_id: `j-${headline}-${i}`,
    article_id: `a-${headline}`,
    headline,
    kind: "publish",
    due_at: "2026-12-01T07:00:00Z",
    late_ms: 0,
    page: error ? null : `articles/${headline.toLowerCase()}.html`,
    error,
  });
  return {
    done: done.map((h, i) => job(h, i, null)),
    // A failing job keeps its id: the same piece failing again is the same job.
    failed: failed.map(([h, why]) => job(h, 0, why)),
  };
}
