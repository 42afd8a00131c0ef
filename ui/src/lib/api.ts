// The UI's one door to the desk: typed calls over the generated bindings. A failed call throws a
// DeskError carrying the core's code and words; callers show `message` next to what failed.
import {
  commands,
  type Action,
  type AppError,
  type Article,
  type ArticleDraft,
  type AuditPage,
  type BioVersion,
  type CalendarView,
  type Contributor,
  type ContributorChanges,
  type ContributorHit,
  type ContributorPage,
  type NewContributor,
  type NewUser,
  type SearchPage,
  type ArticlePage,
  type ArticleQuery,
  type DeskSettings,
  type DeskStatus,
  type JobPage,
  type JobState,
  type MoveOption,
  type NewDesk,
  type RevisionDiff,
  type RevisionPage,
  type Note,
  type PublishJob,
  type PublishingSettings,
  type SampleReport,
  type SectionSettings,
  type SignInChoice,
  type User,
} from "./bindings";

export class DeskError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "DeskError";
    this.code = code;
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const outcome = await call;
  if (outcome.status === "ok") return outcome.data;
  const error: unknown = outcome.error;
  // Tauri itself (an unknown command, a refused permission) rejects with a bare string.
  if (typeof error === "string") throw new DeskError("internal", error);
  throw new DeskError(outcome.error.code, outcome.error.message);
}

export const api = {
  deskStatus: (): Promise<DeskStatus> => unwrap(commands.deskStatus()),
  initDesk: (desk: NewDesk): Promise<User> => unwrap(commands.initDesk(desk)),
  fillSampleDesk: (): Promise<SampleReport> => unwrap(commands.fillSampleDesk()),
  signInChoices: (): Promise<SignInChoice[]> => unwrap(commands.signInChoices()),
  signIn: (name: string, passphrase: string | null): Promise<User> =>
    unwrap(commands.signIn(name, passphrase)),
  signOut: (): Promise<null> => unwrap(commands.signOut()),
  listUsers: (): Promise<User[]> => unwrap(commands.listUsers()),
  addUser: (user: NewUser): Promise<User> => unwrap(commands.addUser(user)),
  getArticle: (id: string): Promise<Article> => unwrap(commands.getArticle(id)),
  articleMoves: (id: string, note: string | null): Promise<MoveOption[]> =>
    unwrap(commands.articleMoves(id, note)),
  moveArticle: (id: string, action: Action, note: string | null): Promise<Article> =>
    unwrap(commands.moveArticle(id, action, note)),
  listNotes: (articleId: string): Promise<Note[]> => unwrap(commands.listNotes(articleId)),
  addNote: (articleId: string, body: string, replyTo: string | null): Promise<Note> =>
    unwrap(commands.addNote(articleId, body, replyTo)),
  resolveNote: (noteId: string): Promise<Note> => unwrap(commands.resolveNote(noteId)),
  articleHistory: (id: string, after: string | null, limit: number): Promise<RevisionPage> =>
    unwrap(commands.articleHistory(id, after, limit)),
  revisionDiff: (id: string, from: number, to: number): Promise<RevisionDiff> =>
    unwrap(commands.revisionDiff(id, from, to)),
  restoreRevision: (id: string, number: number, baseVersion: number): Promise<Article> =>
    unwrap(commands.restoreRevision(id, number, baseVersion)),
  createArticle: (draft: ArticleDraft): Promise<Article> => unwrap(commands.createArticle(draft)),
  saveArticle: (id: string, baseVersion: number, draft: ArticleDraft, autosave: boolean): Promise<Article> =>
    unwrap(commands.saveArticle(id, baseVersion, draft, autosave)),
  listContributors: (after: string | null, limit: number): Promise<ContributorPage> =>
    unwrap(commands.listContributors(after, limit)),
  findContributors: (query: string): Promise<Contributor[]> => unwrap(commands.findContributors(query)),
  getContributor: (id: string): Promise<Contributor> => unwrap(commands.getContributor(id)),
  addContributor: (contributor: NewContributor): Promise<Contributor> =>
    unwrap(commands.addContributor(contributor)),
  editContributor: (id: string, changes: ContributorChanges): Promise<Contributor> =>
    unwrap(commands.editContributor(id, changes)),
  contributorBioHistory: (id: string): Promise<BioVersion[]> => unwrap(commands.contributorBioHistory(id)),
  mergeContributors: (from: string, into: string): Promise<Contributor> =>
    unwrap(commands.mergeContributors(from, into)),
  searchArticles: (text: string, after: string | null, limit: number): Promise<SearchPage> =>
    unwrap(commands.searchArticles(text, after, limit)),
  searchContributors: (text: string, limit: number): Promise<ContributorHit[]> =>
    unwrap(commands.searchContributors(text, limit)),
  auditLog: (article: string | null, user: string | null, after: string | null, limit: number): Promise<AuditPage> =>
    unwrap(commands.auditLog(article, user, after, limit)),
  listArticles: (query: ArticleQuery, after: string | null, limit: number): Promise<ArticlePage> =>
    unwrap(commands.listArticles(query, after, limit)),
  /** `at` as typed in the desk's zone ("2026-12-01 08:00", or with an offset); null: the
   * section's next free slot. */
  scheduleArticle: (id: string, at: string | null, note: string | null): Promise<Article> =>
    unwrap(commands.scheduleArticle(id, at, note)),
  nextFreeSlots: (section: string, count: number): Promise<string[]> => unwrap(commands.nextFreeSlots(section, count)),
  calendar: (from: string, to: string): Promise<CalendarView> => unwrap(commands.calendar(from, to)),
  listJobs: (state: JobState | null, after: string | null, limit: number): Promise<JobPage> =>
    unwrap(commands.listJobs(state, after, limit)),
  retryJob: (id: string): Promise<PublishJob> => unwrap(commands.retryJob(id)),
  publishingSettings: (): Promise<PublishingSettings> => unwrap(commands.publishingSettings()),
  putSection: (section: SectionSettings): Promise<DeskSettings> => unwrap(commands.putSection(section)),
  setTimezone: (zone: string): Promise<DeskSettings> => unwrap(commands.setTimezone(zone)),
  setPublishFolder: (folder: string): Promise<string> => unwrap(commands.setPublishFolder(folder)),
};

/** The words to show for anything a call threw. */
export function errorWords(e: unknown): string {
  if (e instanceof DeskError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
