// The team desk's server as this window last found it: online or not (and why not), how many
// texts kept on this computer wait for it, and whether they are being sent. On a desk file none
// of this applies: the store stays idle (`team` false) and nothing reads as offline.
//
// Started once someone is signed in to a team desk (`start`); the kept text is then sent at
// once, and again each time the server comes back, but for the article open in this window,
// whose editor sends its own (and is told to try again at once, `whenBack`).
import type { JournalEntry, SentKept, ServerReach } from "./bindings";

export type ReachCalls = {
  /** Whether the server answers now (`api.serverReach`). */
  now: () => Promise<ServerReach>;
  /** Calls `on` each time the server goes away or comes back; returns the function that stops. */
  listen: (on: (reach: ServerReach) => void) => () => void;
  /** The text kept on this computer for this desk and user (`api.journalList`). */
  list: () => Promise<JournalEntry[]>;
  /** Sends the kept text but for the articles in `except` (`api.journalSend`). */
  send: (except: string[]) => Promise<SentKept>;
  /** The article open in this window, whose editor sends its own text; null when none is. */
  open: () => string | null;
  /** Milliseconds the "Saved" after a send stays. */
  savedFor?: number;
  /** Milliseconds after text is kept before the waiting count is read again. */
  countDelay?: number;
};

/** Why moves and other operations that need the server are closed while it is away. */
export const OFFLINE_MOVES = "The team desk's server is not answering: moves wait until it is back.";

/** What the masthead says about the server: nothing when all is well. */
export type ReachLine = { kind: "offline" | "sending" | "saved"; text: string } | null;

export type ReachState = { team: boolean; online: boolean; waiting: number; sending: boolean; saved: boolean };

/** "Offline — 3 saves waiting", "Offline — 1 save waiting", or "Offline" when nothing waits. */
export function offlineWords(waiting: number): string {
  if (waiting <= 0) return "Offline";
  return `Offline — ${waiting} ${waiting === 1 ? "save" : "saves"} waiting`;
}

/** The quit prompt's first sentence: "3 saves are waiting for the server." */
export function waitingSentence(waiting: number): string {
  return waiting === 1 ? "1 save is waiting for the server." : `${waiting} saves are waiting for the server.`;
}

/** What the masthead says: offline first (with what waits), then a send on its way, then the
 * brief "Saved" after a send that emptied the queue; nothing on a desk file. */
export function reachLine(s: ReachState): ReachLine {
  if (!s.team) return null;
  if (!s.online) return { kind: "offline", text: offlineWords(s.waiting) };
  if (s.sending) return { kind: "sending", text: "Sending…" };
  if (s.saved) return { kind: "saved", text: "Saved" };
  return null;
}

/** Whether a send left nothing behind: something went, nothing met a newer version, was
 * refused, or was left waiting. */
export function emptied(sent: SentKept): boolean {
  return sent.sent.length > 0 && sent.conflicts.length === 0 && sent.refused.length === 0 && sent.waiting.length === 0;
}

export class Reach {
  /** A team desk is open and someone is signed in. */
  team = $state(false);
  online = $state(true);
  /** Why the server is away, in the client's words. */
  problem = $state<string | null>(null);
  /** Texts kept on this computer (one per article) that wait for the server, as last counted:
   * not those it answered already with a newer version or a refusal. */
  waiting = $state(0);
  sending = $state(false);
  /** A send just emptied the queue: "Saved", for a moment. */
  saved = $state(false);
  /** How many sends have finished: lists of kept text are read again after each. */
  sends = $state(0);

  // Kept texts the desk has already answered and will not take as they are (the article moved
  // on, or the text was refused): offered back when their article is opened, not waiting for the
  // server. By article, with when the text was kept: text typed since waits again.
  #answered = new Map<string, string>();
  #calls: ReachCalls | null = null;
  #run = 0;
  #unlisten: (() => void) | null = null;
  #heard = false;
  #again = false;
  /** The run whose send is on its way, or -1. */
  #busy = -1;
  #back = new Set<() => void>();
  #savedTimer: ReturnType<typeof setTimeout> | undefined;
  #countTimer: ReturnType<typeof setTimeout> | undefined;

  /** The team desk's server does not answer (never on a desk file). */
  get offline(): boolean {
    return this.team && !this.online;
  }

  get line(): ReachLine {
    return reachLine(this);
  }

  /** Starts following the server (a team desk, once signed in): reads where it stands, listens
   * for its comings and goings, and sends what is kept if it answers. Returns `stop`. */
  start(calls: ReachCalls): () => void {
    this.stop();
    this.#calls = calls;
    const run = ++this.#run;
    this.team = true;
    this.#heard = false;
    this.#unlisten = calls.listen((reach) => {
      if (run === this.#run) this.#reached(reach);
    });
    void this.#begin(calls, run);
    return () => {
      if (run === this.#run) this.stop();
    };
  }

  /** Back to idle (signed out, another desk): nothing reads as offline. */
  stop() {
    this.#run += 1;
    this.#unlisten?.();
    this.#unlisten = null;
    this.#calls = null;
    clearTimeout(this.#savedTimer);
    clearTimeout(this.#countTimer);
    this.#again = false;
    this.team = false;
    this.online = true;
    this.problem = null;
    this.waiting = 0;
    this.#answered.clear();
    this.sending = false;
    this.saved = false;
  }

  /** Calls `retry` each time the server comes back (the open editor saves at once); returns the
   * function that stops. */
  whenBack(retry: () => void): () => void {
    this.#back.add(retry);
    return () => {
      this.#back.delete(retry);
    };
  }

  /** Text was kept on (or left) this computer: while offline, the waiting count is read again. */
  touched() {
    if (!this.offline || !this.#calls) return;
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => void this.count(), this.#calls.countDelay ?? 300);
  }

  /** Reads the waiting count again; answers it. */
  async count(): Promise<number> {
    const calls = this.#calls;
    if (!calls) return 0;
    const run = this.#run;
    try {
      const entries = await calls.list();
      if (run === this.#run && Array.isArray(entries)) this.waiting = this.#waitingIn(entries);
    } catch {
      // No journal to read: the count stays as it was.
    }
    return this.waiting;
  }

  /** Sends the kept text, but the open article's; null when nothing was sent (nothing kept, a
   * send already on its way, the store idle). */
  async send(): Promise<SentKept | null> {
    const calls = this.#calls;
    if (!calls) return null;
    const run = this.#run;
    if (this.#busy === run) {
      // Asked again while sending (the server came back meanwhile): once more after this one.
      this.#again = true;
      return null;
    }
    this.#busy = run;
    try {
      return await this.#sendOnce(calls, run);
    } finally {
      if (this.#busy === run) this.#busy = -1;
      if (run === this.#run && this.#again) {
        this.#again = false;
        if (this.online) void this.send();
      }
    }
  }

  async #sendOnce(calls: ReachCalls, run: number): Promise<SentKept | null> {
    const open = calls.open();
    const except = open ? [open] : [];
    // Nothing kept but the open article's: nothing to send, and no "Sending…" for nothing.
    const entries = await Promise.resolve()
      .then(() => calls.list())
      .catch(() => null);
    if (run !== this.#run) return null;
    if (Array.isArray(entries)) {
      this.waiting = this.#waitingIn(entries);
      if (!entries.some((e) => !except.includes(e.article_id))) return null;
    }
    this.sending = true;
    this.saved = false;
    let sent: SentKept | null = null;
    try {
      sent = await calls.send(except);
    } catch {
      // The shell says what went wrong with the server through the reach event.
    }
    if (run !== this.#run) return null;
    if (sent && Array.isArray(entries)) this.#noteAnswered(entries, sent);
    await this.count();
    if (run !== this.#run) return null;
    this.sending = false;
    this.sends += 1;
    if (sent && emptied(sent)) this.#flashSaved(calls.savedFor ?? 4000);
    return sent;
  }

  async #begin(calls: ReachCalls, run: number) {
    try {
      const now = await calls.now();
      // An event that came meanwhile is newer than this answer.
      if (run === this.#run && !this.#heard && now) this.#set(now);
    } catch {
      // Not known yet: the first call to the server tells.
    }
    if (run !== this.#run) return;
    if (this.online) await this.send();
    else await this.count();
  }

  #reached(reach: ServerReach) {
    this.#heard = true;
    const wasOnline = this.online;
    this.#set(reach);
    if (reach.online && !wasOnline) {
      for (const retry of this.#back) retry();
      void this.send();
    } else if (!reach.online) {
      this.saved = false;
      void this.count();
    }
  }

  /** How many of `entries` wait for the server: all but those it already answered. */
  #waitingIn(entries: JournalEntry[]): number {
    return entries.filter((e) => this.#answered.get(e.article_id) !== e.written_at).length;
  }

  #noteAnswered(entries: JournalEntry[], sent: SentKept) {
    for (const id of [...sent.conflicts, ...sent.refused]) {
      const kept = entries.find((e) => e.article_id === id);
      if (kept) this.#answered.set(id, kept.written_at);
    }
    for (const id of sent.sent) this.#answered.delete(id);
  }

  #set(reach: ServerReach) {
    this.online = reach.online;
    this.problem = reach.online ? null : reach.problem;
  }

  #flashSaved(ms: number) {
    clearTimeout(this.#savedTimer);
    this.saved = true;
    this.#savedTimer = setTimeout(() => (this.saved = false), ms);
  }
}

/** The window's one view of the team desk's server. */
export const reach = new Reach();
