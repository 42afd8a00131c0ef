// Which queues the Desk shows, in which order, for each role. What each user may see inside a
// queue is the core's decision; this only picks the headings.
import type { Role, State } from "./bindings";

export type Queue = { state: State; title: string; empty: string };

/** What the Desk's filter bar narrows every queue to; `null` is no filter. */
export type DeskFilter = { section: string | null; contributor: string | null };

const QUEUES: Record<string, Queue> = {
  draft: { state: "draft", title: "Drafts", empty: "No drafts." },
  submitted: { state: "submitted", title: "Submitted", empty: "No submitted articles are waiting." },
  in_review: { state: "in_review", title: "In review", empty: "Nothing is in review." },
  changes_requested: {
    state: "changes_requested",
    title: "Changes requested",
    empty: "No article is waiting for its author's changes.",
  },
  approved: { state: "approved", title: "Approved", empty: "No approved article is waiting to be scheduled." },
  scheduled: { state: "scheduled", title: "Scheduled", empty: "Nothing is scheduled." },
  published: { state: "published", title: "Published recently", empty: "Nothing has been published yet." },
};

const BY_ROLE: Record<Role, State[]> = {
  contributor: ["draft", "changes_requested", "submitted", "in_review", "published"],
  editor: ["submitted", "in_review", "changes_requested", "approved", "scheduled", "published"],
  chief: ["submitted", "in_review", "changes_requested", "approved", "scheduled", "published"],
};

export function queuesFor(role: Role): Queue[] {
  return BY_ROLE[role].map((state) => QUEUES[state]);
}
