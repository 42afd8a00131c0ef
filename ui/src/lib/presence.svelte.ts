// Presence on a team desk: who has an article open, and who is typing in it.
//
// An open editor says so (`Heartbeat`): when it opens, every 10 s after, and as its person types
// (at most once every 3 s); it leaves when it closes. The Desk asks who is where (`DeskPresence`)
// every 5 s while it shows, and after each change to the desk. The desk counts a mark for 30 s
// and typing for 6 s, so a window that closes or loses its connection drops out by itself.
//
// None of this runs on a desk file, and nothing is asked while the team desk's server is away:
// what was heard before it went away is not shown (it may no longer be true).
import type { Presence } from "./bindings";
import { deskClock, deskDay, deskMoment } from "./format";

/** How often an open editor says it is still there. */
export const MARK_EVERY_MS = 10_000;
/** At most one "typing" mark in this long. */
export const TYPING_EVERY_MS = 3_000;
/** How often the Desk asks who has what open. */
export const POLL_EVERY_MS = 5_000;

/** Everyone but `me`, once each (their earliest `since`, typing if any of their windows types),
 * in the order they came; only those on `articleId` when given. */
export function others(list: readonly Presence[], me: string | null, articleId?: string): Presence[] {
  const people = new Map<string, Presence>();
  for (const p of list) {
    if (p.user_id === me) continue;
    if (articleId !== undefined && p.article_id !== articleId) continue;
    const seen = people.get(p.user_id);
    if (!seen) people.set(p.user_id, { ...p });
    else {
      seen.typing ||= p.typing;
      if (Date.parse(p.since) < Date.parse(seen.since)) seen.since = p.since;
    }
  }
  return [...people.values()].sort((a, b) => Date.parse(a.since) - Date.parse(b.since) || a.user_name.localeCompare(b.user_name));
}

/** The desk's presence by article, without `me`: only articles someone else has open. */
export function byArticle(list: readonly Presence[], me: string | null): Map<string, Presence[]> {
  const ids = new Set(list.map((p) => p.article_id));
  const found = new Map<string, Presence[]>();
  for (const id of ids) {
    const people = others(list, me, id);
    if (people.length > 0) found.set(id, people);
  }
  return found;
}

/** "Maya Editor", "Maya Editor and Tom Chief", "Maya Editor, Tom Chief and Ana Ruiz". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A Desk line's chip: "Open by Maya Editor", "Open by Maya Editor · typing", "Open by Maya
 * Editor and Tom Chief · Tom Chief typing"; empty when nobody else has it open. */
export function chipWords(people: readonly Presence[]): string {
  const { open, typing } = chipParts(people);
  return typing ? `${open} · ${typing}` : open;
}

/** The chip's two parts: who has it open ("Open by Maya Editor and Tom Chief"), which changes
 * seldom, and who is typing ("typing", "Tom Chief typing", or empty), which changes on every
 * poll. A line's accessible name keeps only the first, so a focused line is not re-announced
 * each time someone starts or stops typing. */
export function chipParts(people: readonly Presence[]): { open: string; typing: string } {
  if (people.length === 0) return { open: "", typing: "" };
  const open = `Open by ${nameList(people.map((p) => p.user_name))}`;
  const typists = people.filter((p) => p.typing);
  if (typists.length === 0) return { open, typing: "" };
  if (people.length === 1) return { open, typing: "typing" };
  return { open, typing: `${nameList(typists.map((p) => p.user_name))} typing` };
}

/** When someone opened it, in the desk's zone: "10:02" today, "Tue 9 Dec, 08:00" before. */
export function sinceWords(iso: string, zone: string, now: Date = new Date()): string {
  return deskDay(iso, zone) === deskDay(now.toISOString(), zone) ? deskClock(iso, zone) : deskMoment(iso, zone);
}

/** The editor's line: "Open by Maya Editor since 10:02", "Open by Maya Editor since 10:02 —
 * typing", "Open by Maya Editor since 10:02 and Tom Chief since 10:05"; empty when nobody else. */
export function editorWords(people: readonly Presence[], zone: string, now: Date = new Date()): string {
  if (people.length === 0) return "";
  const each = people.map((p) => `${p.user_name} since ${sinceWords(p.since, zone, now)}${p.typing ? " — typing" : ""}`);
  return `Open by ${nameList(each)}`;
}

export type HeartbeatCalls = {
  /** Says the article is open here (typing, if `typing`); answers everyone on it now. */
  mark: (typing: boolean) => Promise<Presence[]>;
  /** Says it is closed here (best effort). */
  leave: () => Promise<unknown>;
  /** Whether the server may be asked now (false while a team desk's server is away). */
  online: () => boolean;
  /** Calls `again` each time the server comes back; returns the function that stops. */
  whenBack?: (again: () => void) => () => void;
  /** Told each answer: everyone on the article now, this person included. */
  onanswer?: (present: Presence[]) => void;
  every?: number;
  typingEvery?: number;
};

/** An open editor's presence on its article: `start` when it opens, `typed` as its person types,
 * `stop` when it closes. */
export class Heartbeat {
  #present = $state<Presence[]>([]);
  #calls: HeartbeatCalls;
  #timer: ReturnType<typeof setInterval> | undefined;
  #unback: (() => void) | null = null;
  #running = false;
  #asked = 0;
  #lastTyping = -Infinity;
  #lastMark = -Infinity;
  #inflight: Promise<unknown> = Promise.resolve();

  constructor(calls: HeartbeatCalls) {
    this.#calls = calls;
  }

  /** Everyone on the article as the desk last answered (this person included); nothing while
   * the server is away. */
  get present(): Presence[] {
    // Both read, so whatever reads this is told when either changes.
    const present = this.#present;
    return this.#calls.online() ? present : [];
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#mark(false);
    this.#timer = setInterval(() => this.#mark(false), this.#calls.every ?? MARK_EVERY_MS);
    this.#unback =
      this.#calls.whenBack?.(() => {
        // What was heard before the server went away is not shown again: it is asked afresh.
        this.#present = [];
        this.#mark(false);
      }) ?? null;
  }

  /** Its person typed: "typing", said at most once every few seconds. */
  typed() {
    if (!this.#running || !this.#calls.online()) return;
    const now = Date.now();
    if (now - this.#lastTyping < (this.#calls.typingEvery ?? TYPING_EVERY_MS)) return;
    this.#lastTyping = now;
    this.#mark(true);
  }

  /** Asks again who is there (after a change to the desk), unless it was asked a moment ago. */
  refresh() {
    if (!this.#running) return;
    if (Date.now() - this.#lastMark < (this.#calls.typingEvery ?? TYPING_EVERY_MS)) return;
    this.#mark(false);
  }

  /** Closed: the timers stop, and the desk is told (after any mark still on its way, so the
   * leave is the last word); errors are ignored. */
  stop() {
    if (!this.#running) return;
    this.#running = false;
    clearInterval(this.#timer);
    this.#unback?.();
    this.#unback = null;
    this.#asked += 1;
    this.#present = [];
    if (!this.#calls.online()) return;
    const leave = this.#calls.leave;
    void this.#inflight.then(() => leave()).catch(() => {});
  }

  /** The window is closing: the desk is told at once (waiting at most `within` ms for it),
   * without stopping the beat, which says it is open again should the window stay. */
  async leaveNow(within = 1000): Promise<void> {
    if (!this.#running || !this.#calls.online()) return;
    const leave = this.#calls.leave;
    const told = this.#inflight.then(() => leave()).catch(() => {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([told, new Promise<void>((done) => (timer = setTimeout(done, within)))]);
    clearTimeout(timer);
  }

  #mark(typing: boolean) {
    if (!this.#running) return;
    if (!this.#calls.online()) {
      this.#present = [];
      return;
    }
    const asked = ++this.#asked;
    this.#lastMark = Date.now();
    // Called at once (a throw is a failed answer like any other).
    const call = (async () => this.#calls.mark(typing))().then(
        (present) => {
          // Only the latest answer counts; none once closed.
          if (asked !== this.#asked || !this.#running || !Array.isArray(present)) return;
          this.#present = present;
          this.#calls.onanswer?.(present);
        },
        () => {
          // Not heard: the next beat tries again.
        },
      );
    this.#inflight = call;
  }
}

export type DeskPresenceCalls = {
  /** Everyone with an article open on the desk (`api.listPresence`). */
  list: () => Promise<Presence[]>;
  online: () => boolean;
  /** Calls `again` after each change to the desk; returns the function that stops. */
  changed?: (again: () => void) => () => void;
  whenBack?: (again: () => void) => () => void;
  every?: number;
};

/** Who has what open on the desk, asked while the Desk shows. */
export class DeskPresence {
  #all = $state<Presence[]>([]);
  #online: () => boolean = () => false;
  #run = 0;

  /** Everyone present, as last answered; nothing while the server is away or before `start`. */
  get all(): Presence[] {
    const all = this.#all;
    return this.#online() ? all : [];
  }

  /** Asks now, every few seconds and after each change to the desk; returns `stop`. */
  start(calls: DeskPresenceCalls): () => void {
    const run = ++this.#run;
    this.#online = calls.online;
    let busy = false;
    let again = false;
    const ask = async () => {
      if (run !== this.#run) return;
      if (!calls.online()) {
        this.#all = [];
        return;
      }
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const all = await calls.list();
        if (run === this.#run && calls.online() && Array.isArray(all)) this.#all = all;
      } catch {
        // Not heard: the next poll asks again.
      } finally {
        busy = false;
      }
      if (again) {
        again = false;
        void ask();
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), calls.every ?? POLL_EVERY_MS);
    const unchanged = calls.changed?.(() => void ask());
    const unback = calls.whenBack?.(() => {
      this.#all = [];
      void ask();
    });
    return () => {
      if (run !== this.#run) return;
      this.#run += 1;
      clearInterval(timer);
      unchanged?.();
      unback?.();
      this.#all = [];
    };
  }
}
