// The journal of unsaved text: every edit is kept on this computer (the core's journal, a file in
// the app's data folder written through to the disk) before the editor says anything but
// "Unsaved", and stays there until the desk confirms a save of exactly that text. Text the desk
// never got (the desk file locked, the app killed) is offered back when the article is opened.
import type { Article, ArticleEdit, JournalEntry } from "./bindings";
import { draftOf, sideOfArticle, type ArticleDraft, type Side } from "./draft";

export type JournalCalls<D> = {
  keep: (baseVersion: number, draft: D) => Promise<void>;
  /** The desk confirmed a save of `draft`. */
  settle: (draft: D) => Promise<void>;
  discard: () => Promise<void>;
  /** Whether the latest text is kept; `problem` says why not when keeping it failed. */
  onchange: (kept: boolean, problem: string | null) => void;
  /** Most milliseconds a change waits before it is written (edits coalesce meanwhile). */
  delay?: number;
};

/** Writes one article's text to the journal, in the order things happened: a settle never
 * overtakes the keep of the text it settles. */
export class JournalWriter<D> {
  private pending: { base: number; draft: D } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** Something this writer kept is (or may be) in the journal. */
  private wrote = false;
  /** A keep is on its way: the next waits for it and takes the newest text then, so a slow
   * disk never has a queue of older texts to write first. */
  private writing = false;
  private latestKept = true;
  private readonly delay: number;

  constructor(private readonly calls: JournalCalls<D>) {
    this.delay = calls.delay ?? 250;
  }

  get kept(): boolean {
    return this.latestKept;
  }

  /** The editor holds `draft`, typed on `base`; `unsaved` when the desk does not have it. The
   * text is written at most `delay` after the first change not yet written, however steadily
   * typing goes on: waiting for a pause would keep nothing while someone types without one. */
  edit(base: number, draft: D, unsaved: boolean) {
    if (!unsaved) {
      clearTimeout(this.timer);
      this.timer = undefined;
      // Back to the desk's text: whatever this editor kept is no longer needed.
      this.pending = null;
      this.setKept(true, null);
      if (this.wrote) this.then(() => this.calls.discard(), () => (this.wrote = false));
      return;
    }
    this.pending = { base, draft };
    this.setKept(false, null);
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.writing) void this.write();
      }, this.delay);
    }
  }

  /** Writes what is pending now (before leaving, before quitting). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.write();
  }

  /** A save of `draft` went through. */
  saved(draft: D) {
    // Saved before its keep was written (Ctrl+S right after typing): the desk has it already.
    if (this.pending !== null && JSON.stringify(this.pending.draft) === JSON.stringify(draft)) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.pending = null;
      this.setKept(true, null);
      // What this editor kept before is older than what the desk now has: settling would leave
      // it (the journal settles only its exact text), to be offered back later as unsaved.
      if (this.wrote) {
        this.then(() => this.calls.discard(), () => (this.wrote = false));
        return;
      }
    }
    this.then(
      () => this.calls.settle(draft),
      () => {},
    );
  }

  dispose() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private write(): Promise<void> {
    const next = this.pending;
    if (next === null) return this.chain;
    this.pending = null;
    this.wrote = true;
    this.writing = true;
    return this.then(
      () => this.calls.keep(next.base, next.draft),
      () => {
        this.writing = false;
        if (this.pending === null) this.setKept(true, null);
        // Typed while this keep was on its way, and its time has come: the newest text now.
        else if (this.timer === undefined) void this.write();
      },
      (problem) => {
        this.writing = false;
        this.setKept(false, problem);
      },
    );
  }

  private then(work: () => Promise<void>, done: () => void, failed?: (problem: string) => void): Promise<void> {
    this.chain = this.chain.then(work).then(done, (e: unknown) => {
      failed?.(e instanceof Error ? e.message : String(e));
    });
    return this.chain;
  }

  private setKept(kept: boolean, problem: string | null) {
    this.latestKept = kept;
    this.calls.onchange(kept, problem);
  }
}

/** The fields the editor saves, compared the way the core would store them. */
function editKey(edit: ArticleEdit | ArticleDraft): string {
  return JSON.stringify([
    edit.headline ?? null,
    edit.standfirst ?? null,
    edit.body ?? null,
    edit.section ?? null,
    edit.tags ?? null,
    (edit.byline ?? null)?.map((b) => [b.contributor, b.printed_bio ?? null]) ?? null,
    edit.related ?? null,
  ]);
}

/** What to do with kept text when its article is opened: nothing when the desk already has it,
 * restore it on the version it was typed on, or settle it against a newer version. */
export function offerFor(entry: JournalEntry | undefined, article: Article): "none" | "restore" | "conflict" {
  if (!entry) return "none";
  const differs = editKey({ ...draftOf(article), ...entry.edit }) !== editKey(draftOf(article));
  if (!differs) return "none";
  return entry.base_version === article.version ? "restore" : "conflict";
}

/** The kept text as the conflict view shows it: the article's fields where the edit leaves
 * them, byline names as the article knows them. */
export function sideOfKept(edit: ArticleEdit, article: Article): Side {
  const side = sideOfArticle(article);
  const names = new Map(article.byline.map((b) => [b.contributor_id, b.name]));
  const headlines = new Map(article.related.map((r) => [r.id, r.headline]));
  return {
    headline: edit.headline ?? side.headline,
    standfirst: edit.standfirst ?? side.standfirst,
    body: edit.body ?? side.body,
    section: edit.section === undefined ? side.section : (edit.section ?? ""),
    tags: edit.tags ? edit.tags.join(", ") : side.tags,
    byline: edit.byline ? edit.byline.map((b) => names.get(b.contributor) ?? "another contributor").join(", ") : side.byline,
    bios: edit.byline
      ? edit.byline
          .map((b) => {
            const name = names.get(b.contributor) ?? "another contributor";
            return b.printed_bio === null || b.printed_bio === undefined
              ? `${name}: follows the contributor's bio`
              : `${name}: ${b.printed_bio}`;
          })
          .join("\n")
      : side.bios,
    related: edit.related ? edit.related.map((id) => headlines.get(id) ?? "another article").join("\n") : side.related,
  };
}
