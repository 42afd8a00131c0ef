// Which queues the Desk shows, in which order, for each role. What each user may see inside a
// queue is the core's decision; this only picks the headings and what each asks for.
import type { ArticleFilter, Role, State } from "./bindings";

/** One queue on the Desk. `mine`: only the articles assigned to the signed-in editor. */
export type Queue = { key: string; state: State; mine: boolean; title: string; empty: string };

/** What the Desk's filter bar narrows every queue to; `null` is no filter. */
export type DeskFilter = { section: string | null; contributor: string | null };

const QUEUES: Record<string, Queue> = {
  draft: { key: "draft", state: "draft", mine: false, title: "Drafts", empty: "No drafts." },
  submitted: {
    key: "submitted",
    state: "submitted",
    mine: false,
    title: "Submitted",
    empty: "No submitted articles are waiting.",
  },
  in_review: { key: "in_review", state: "in_review", mine: false, title: "In review", empty: "Nothing is in review." },
  in_review_mine: {
    key: "in_review_mine",
    state: "in_review",
    mine: true,
    title: "In review: mine",
    empty: "You are reviewing nothing. Claim a submitted article to start.",
  },
  in_review_all: {
    key: "in_review_all",
    state: "in_review",
    mine: false,
    title: "In review: everyone's",
    empty: "Nobody on the desk is reviewing anything.",
  },
  changes_requested: {
    key: "changes_requested",
    state: "changes_requested",
    mine: false,
    title: "Changes requested",
    empty: "No article is waiting for its author's changes.",
  },
  approved: {
    key: "approved",
    state: "approved",
    mine: false,
    title: "Approved",
    empty: "No approved article is waiting to be scheduled.",
  },
  scheduled: { key: "scheduled", state: "scheduled", mine: false, title: "Scheduled", empty: "Nothing is scheduled." },
  published: {
    key: "published",
    state: "published",
    mine: false,
    title: "Published recently",
    empty: "Nothing has been published yet.",
  },
};

const STAFF = ["submitted", "in_review_mine", "in_review_all", "changes_requested", "approved", "scheduled", "published"];

const BY_ROLE: Record<Role, string[]> = {
  contributor: ["draft", "changes_requested", "submitted", "in_review", "published"],
  editor: STAFF,
  chief: STAFF,
};

export function queuesFor(role: Role): Queue[] {
  return BY_ROLE[role].map((key) => QUEUES[key]);
}

/** What a queue asks the core for, for user `userId`, narrowed by the filter bar. */
export function queueQuery(queue: Queue, filter: DeskFilter, userId: string): ArticleFilter {
  return {
    state: queue.state,
    section: filter.section,
    contributor: filter.contributor,
    assigned_editor: queue.mine ? userId : null,
  };
}
