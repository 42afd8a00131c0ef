// Autosave: the editor hands over the whole draft on every change; one second after the last
// change the draft is saved on the version it was based on. Nothing typed is dropped: text typed
// while a save is on its way is saved next, a failed save keeps the draft and tries again later,
// and a save refused because the article changed elsewhere stops here until the writer chooses
// (and the core settles it: the editor then rebases here on what it answered).
import { DeskError } from "./api";
import type { ErrorCode } from "./bindings";
import { told } from "./fault";

export type SaveStatus =
  /** Everything typed is stored. */
  | { state: "saved" }
  /** Changes not yet sent: a save follows a second after the last one. */
  | { state: "dirty" }
  | { state: "saving" }
  /** The last save failed. `retryIn` is when it is tried again (ms), or null when it waits for the
   * text to change (the core refused the text itself, or refused this user). `field`: the input
   * the core named as at fault, if any. */
  | {
      state: "failed";
      code: ErrorCode;
      message: string;
      /** The technical words behind the message, shown under "Details". */
      detail?: string | null;
      field: string | null;
      retryIn: number | null;
    }
  /** The article changed elsewhere since this draft's version: nothing more is saved until the
   * writer picks a version and the editor rebases on what the core made of it. */
  | { state: "conflict"; message: string };

export type AutosaveOptions<D, A> = {
  save: (baseVersion: number, draft: D, autosave: boolean) => Promise<A>;
  versionOf: (article: A) => number;
  onstatus: (status: SaveStatus) => void;
  /** A save went through: `draft` is what was stored, and the editor may hold more by now. */
  onsaved?: (article: A, draft: D) => void;
  onconflict?: (error: DeskError) => void;
  /** Milliseconds after the last change. */
  delay?: number;
  /** Milliseconds before each retry after a failure; the last figure repeats. */
  backoff?: number[];
};

/** Codes the same text would get again: not retried until the text changes. */
export const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["invalid_input", "forbidden", "not_found", "not_ready"]);

function same<D>(a: D, b: D): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Autosave<D, A> {
  private draft: D;
  private saved: D;
  private version: number;
  private status: SaveStatus = { state: "saved" };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  /** The draft the core refused (invalid input, forbidden): not sent again as it is. */
  private refused: D | null = null;
  private disposed = false;
  private readonly delay: number;
  private readonly backoff: number[];

  constructor(
    version: number,
    saved: D,
    private readonly options: AutosaveOptions<D, A>,
  ) {
    this.version = version;
    this.saved = saved;
    this.draft = saved;
    this.delay = options.delay ?? 1000;
    this.backoff = options.backoff ?? [2000, 5000, 10000, 30000];
  }

  /** The version the next save is based on. */
  get baseVersion(): number {
    return this.version;
  }

  get current(): SaveStatus {
    return this.status;
  }

  /** Whether the editor holds text the desk does not have. */
  get unsaved(): boolean {
    return !same(this.draft, this.saved);
  }

  /** The writer changed something: `draft` is the whole article as the editor now holds it. */
  edit(draft: D) {
    this.draft = draft;
    if (this.status.state === "conflict" || this.inFlight) return;
    if (!this.unsaved) {
      this.clearTimer();
      this.refused = null;
      this.failures = 0;
      this.setStatus({ state: "saved" });
      return;
    }
    if (this.refused !== null && same(draft, this.refused)) return;
    this.refused = null;
    this.schedule(this.delay);
    if (this.status.state !== "failed") this.setStatus({ state: "dirty" });
  }

  /** Saves what the editor holds now (Ctrl+S, leaving the article). True once it is all stored.
   * `once` (leaving): a failed save is not tried again, whether it was already on its way or
   * sent here, and no retry's wait is waited through: the answer comes as soon as the desk's. */
  async flush(autosave = false, { once = false }: { once?: boolean } = {}): Promise<boolean> {
    this.clearTimer();
    for (;;) {
      if (this.status.state === "conflict" || this.disposed) return false;
      if (this.inFlight) {
        await this.inFlight;
        // Its retry stays planned: the writer may stay and keep typing.
        if (once && this.status.state === "failed") return false;
        this.clearTimer();
        continue;
      }
      if (!this.unsaved) return true;
      if (this.refused !== null && same(this.draft, this.refused)) return false;
      await this.attempt(autosave);
      if (this.status.state === "failed") return false;
    }
  }

  /** The desk's version changed under a draft with nothing unsaved (a move, a restore, a newer
   * version adopted by the editor, a conflict settled): later saves build on `version`, whose
   * text is `saved`. */
  rebase(version: number, saved: D) {
    this.version = version;
    this.saved = saved;
    this.draft = saved;
    this.refused = null;
    this.failures = 0;
    this.clearTimer();
    this.setStatus({ state: "saved" });
  }

  dispose() {
    this.disposed = true;
    this.clearTimer();
  }

  private setStatus(status: SaveStatus) {
    this.status = status;
    if (!this.disposed) this.options.onstatus(status);
  }

  private clearTimer() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.attempt(true);
    }, ms);
  }

  private attempt(autosave: boolean): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.clearTimer();
    const sent = this.draft;
    const base = this.version;
    this.setStatus({ state: "saving" });
    this.inFlight = this.options
      .save(base, sent, autosave)
      .then(
        (article) => this.succeeded(article, sent),
        (e: unknown) => this.failed(e, sent),
      )
      .finally(() => {
        this.inFlight = null;
        this.afterSave();
      });
    return this.inFlight;
  }

  private succeeded(article: A, sent: D) {
    this.version = this.options.versionOf(article);
    this.saved = sent;
    this.failures = 0;
    this.refused = null;
    this.options.onsaved?.(article, sent);
  }

  private failed(e: unknown, sent: D) {
    const error = e instanceof DeskError ? e : new DeskError("internal", e instanceof Error ? e.message : String(e));
    if (error.code === "conflict") {
      this.clearTimer();
      this.setStatus({ state: "conflict", message: error.message });
      this.options.onconflict?.(error);
      return;
    }
    if (REFUSALS.has(error.code)) {
      this.refused = sent;
      this.setStatus({ state: "failed", code: error.code, message: error.message, ...detailOf(error), field: error.field, retryIn: null });
      return;
    }
    const wait = this.backoff[Math.min(this.failures, this.backoff.length - 1)];
    this.failures += 1;
    this.setStatus({ state: "failed", code: error.code, message: error.message, ...detailOf(error), field: error.field, retryIn: wait });
    this.schedule(wait);
  }

  /** What follows a save: more text typed meanwhile is saved a second after the last change. */
  private afterSave() {
    if (this.disposed || this.status.state === "conflict" || this.status.state === "failed") {
      // A refusal waits for a change; but a change made while the refused save was on its way
      // is already a change.
      if (this.status.state === "failed" && this.status.retryIn === null && this.refused !== null && !same(this.draft, this.refused)) {
        this.refused = null;
        this.schedule(this.delay);
      }
      return;
    }
    if (this.unsaved) {
      this.setStatus({ state: "dirty" });
      this.schedule(this.delay);
    } else {
      this.setStatus({ state: "saved" });
    }
  }
}

/** The technical words of a failure, when it has any: `{ detail }`, or nothing. */
function detailOf(error: DeskError): { detail?: string } {
  const detail = told(error).detail;
  return detail === null ? {} : { detail };
}
