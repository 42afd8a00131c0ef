// Display helpers: how values read on screen. No desk rules here.
import type { Action, BylineName, ContributorKind, Role, SaveReason, State } from "./bindings";
import { dateFormat, figure } from "./intl";

const STATE_LABELS: Record<State, string> = {
  draft: "Draft",
  submitted: "Submitted",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  published: "Published",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

const ROLE_LABELS: Record<Role, string> = {
  contributor: "Contributor",
  editor: "Editor",
  chief: "Chief editor",
};

export function stateLabel(state: State): string {
  return STATE_LABELS[state];
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** How long ago `iso` was, in the short form a queue shows: "just now", "5 min ago", "3 h ago". */
export function age(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** A byline as printed: "A", "A and B", "A, B and C" (from names, or the core's byline lines). */
export function bylineText(byline: readonly (string | BylineName)[]): string {
  const names = byline.map((b) => (typeof b === "string" ? b : b.name));
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function words(n: number): string {
  return n === 1 ? "1 word" : `${figure(n)} words`;
}

/** An instant as the desk reads it: in the desk's own time zone, e.g. "10 Mar 2026, 15:05". */
export function deskTime(iso: string, zone: string): string {
  return dateFormat("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

/** A Markdown body's paragraphs, for reading (the editor works on the Markdown itself). */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function readingTime(minutes: number): string {
  return minutes <= 1 ? "1 min read" : `${minutes} min read`;
}

const ACTION_LABELS: Record<Action, string> = {
  submit: "Submit",
  claim: "Claim for review",
  "request-changes": "Request changes",
  resubmit: "Resubmit",
  approve: "Approve",
  reject: "Reject",
  reopen: "Reopen as a draft",
  schedule: "Schedule",
  unschedule: "Unschedule",
  publish: "Publish",
  "publish-now": "Publish now",
  republish: "Republish with an update note",
  withdraw: "Withdraw",
};

export function actionLabel(action: Action): string {
  return ACTION_LABELS[action];
}

const REASON_LABELS: Record<SaveReason, string> = {
  autosave: "Autosave",
  save: "Saved",
  transition: "Workflow move",
  restore: "Restored",
};

export function reasonLabel(reason: SaveReason): string {
  return REASON_LABELS[reason];
}

// What happened, as the activity log says it: "Maya claimed “Why ports matter”".
const DONE_LABELS: Record<Action, string> = {
  submit: "submitted",
  claim: "claimed",
  "request-changes": "requested changes on",
  resubmit: "resubmitted",
  approve: "approved",
  reject: "rejected",
  reopen: "reopened",
  schedule: "scheduled",
  unschedule: "unscheduled",
  publish: "published",
  "publish-now": "published at once",
  republish: "republished",
  withdraw: "withdrew",
};

export function doneLabel(action: Action): string {
  return DONE_LABELS[action];
}

export function kindLabel(kind: ContributorKind): string {
  return kind === "staff" ? "Staff" : "Guest";
}

/** "1 article", "3 articles", "20+ articles". */
export function plural(n: number, noun: string, more = false): string {
  return `${figure(n)}${more ? "+" : ""} ${n === 1 && !more ? noun : `${noun}s`}`;
}

/** The core's words as a sentence on their own: "type at least one word" → "Type at least one word". */
export function sentence(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The calendar day of an instant in the desk's zone, e.g. "Tuesday 10 March 2026". */
export function deskDay(iso: string, zone: string): string {
  return dateFormat("en-GB", {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}

/** A moment in the desk's zone as a newsroom names it, e.g. "Tue 9 Dec, 08:00". */
export function deskMoment(iso: string, zone: string): string {
  const parts = dateFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}, ${part("hour")}:${part("minute")}`;
}

/** The clock time of an instant in the desk's zone, e.g. "15:05". */
export function deskClock(iso: string, zone: string): string {
  return dateFormat("en-GB", { timeZone: zone, timeStyle: "short" }).format(new Date(iso));
}
