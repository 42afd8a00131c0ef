// How the workflow panel lays out the moves the core offers: which one stands out as the next
// sensible step, which are destructive, and what a blocked move still needs, in short. The
// core decides what is allowed; nothing here does.
import type { Action, Check, MoveOption, State } from "./bindings";

/** The moves that carry a piece forward, in the order the workflow takes them. Each belongs to
 * one state, so at most one is ever offered. */
const FORWARD: readonly Action[] = ["submit", "resubmit", "claim", "approve", "schedule"];

/** Moves that end a piece's course: never the one that stands out. */
const DESTRUCTIVE: readonly Action[] = ["reject", "withdraw"];

/** The move that stands out as the next sensible step among `moves`, offered on an article in
 * `state`; null when none does. Forward moves win over turning back (request changes,
 * unschedule, reopen) and over the shortcut of publishing now. Rescheduling a scheduled piece is
 * not a next step: the publisher's is. A forward move that is not allowed yet still stands out
 * (disabled, with what it needs). */
export function primaryMove(moves: readonly Pick<MoveOption, "action">[], state: State): Action | null {
  for (const action of FORWARD) {
    if (action === "schedule" && state === "scheduled") continue;
    if (moves.some((m) => m.action === action)) return action;
  }
  return null;
}

export function isDestructive(action: Action): boolean {
  return DESTRUCTIVE.includes(action);
}

/** A move's checks split: what is still missing, then what is met, each in the core's order. */
export function splitChecks(checks: readonly Check[]): { unmet: Check[]; met: Check[] } {
  return { unmet: checks.filter((c) => !c.met), met: checks.filter((c) => c.met) };
}

const FIELD_NAMES: Record<string, string> = {
  headline: "the headline",
  standfirst: "the standfirst",
  body: "the body",
  byline: "the byline",
  section: "the section",
  note: "the note",
  at: "the publication time",
  embargo_until: "the embargo",
};

/** The field a check is about, as a sentence names it: "the standfirst". */
export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? `the ${field.replace(/_/g, " ")}`;
}
