// Shapes as the core hands them over, for component tests: only what a test cares about is given.
import type { Access, Article, ArticleSummary, BylineName, JobOutcome, MoveOption, PublishingDone, State } from "../lib/bindings";

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

/** An article as the core hands one over: "Why ports matter", in review, version 4, one byline. */
export function article(over: Partial<Article> = {}): Article {
  return {
    id: "a1",
    slug: "why-ports-matter",
    headline: "Why ports matter",
    standfirst: "Trade runs through them.",
    body: "First paragraph.\n\nSecond paragraph.",
    section: "Opinion",
    tags: ["trade"],
    byline: [{ contributor_id: "c1", name: "Ana Ruiz", printed_bio: "Ana Ruiz writes on trade.", bio_is_own: false }],
    related: [],
    state: "in_review",
    version: 4,
    word_count: 4,
    reading_minutes: 1,
    assigned_editor: "Maya Editor",
    approved_by: null,
    embargo_until: null,
    scheduled_at: null,
    published_at: null,
    created_by: "Ana Ruiz",
    created_at: "2026-03-10T09:00:00Z",
    updated_at: "2026-03-10T09:00:00Z",
    state_changed_at: "2026-03-10T09:00:00Z",
    publish_problem: null,
    access: access(),
    ...over,
  };
}

/** One line of a queue. */
export function summary(id: string, headline: string, state: State = "submitted", over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    headline,
    state,
    section: "Opinion",
    byline: [{ contributor_id: "c1", name: "Ana Ruiz" }],
    word_count: 700,
    assigned_editor: null,
    version: 1,
    updated_at: "2026-03-10T09:00:00Z",
    state_changed_at: "2026-03-10T09:00:00Z",
    scheduled_at: null,
    publish_problem: null,
    ...over,
  };
}
