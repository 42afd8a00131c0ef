// The import review sheet's model: each file as recognised, the form the editor corrects, and the
// draft sent to the core. No desk rules here: the core reads, matches and checks every file.
// The two operations (api.previewImportFiles, api.commitImport) answer file by file, in order: a
// refused file never fails the batch; only a user who may not import at all (or a desk that is
// gone) makes the call throw.
import type {
  DiffPart,
  Format,
  ImportDraft,
  Imported,
  ImportOutcome,
  ImportPreview,
  MatchedBy,
} from "./bindings";
import { parseTags, tagsText } from "./draft";

/** What the file dialog offers: the formats import reads. */
export const SUBMISSION_EXTENSIONS = ["txt", "md", "docx", "html", "htm", "markdown", "text"];

/** A contributor on file an author is: matched by the core, or picked in the sheet. */
export type OnFile = {
  id: string;
  display_name: string;
  bio: string;
  matched_by: MatchedBy | null;
  /** The file's bio and what it changes in the profile's, word by word: the update offered. */
  offered: { bio: string; parts: DiffPart[] } | null;
};

/** One byline author as the sheet edits them. */
export type AuthorForm = {
  key: number;
  onFile: OnFile | null;
  /** Use the contributor on file; false: create a new guest from the fields. */
  useOnFile: boolean;
  name: string;
  email: string;
  affiliation: string;
  /** The bio printed under this piece (for a new guest, their profile's too). */
  bio: string;
  /** Also make `bio` the profile's bio (offered only where it differs). */
  updateProfileBio: boolean;
};

export type FileForm = {
  headline: string;
  standfirst: string;
  body: string;
  section: string | null;
  /** As typed: comma-separated. */
  tags: string;
  authors: AuthorForm[];
};

/** One file in the sheet, from its preview to what committing it did. */
export type ImportCard = {
  key: number;
  path: string;
  file: string;
  format: Format | null;
  /** Why the file cannot be imported, in the core's words (naming the file); null for a readable one. */
  refused: string | null;
  form: FileForm | null;
  /** The form as recognised, to tell whether anything was corrected. */
  original: string;
  dropped: string[];
  warnings: string[];
  /** Import this file with the batch. */
  include: boolean;
  imported: Imported | null;
  /** Why the last commit wrote nothing of this file. */
  failure: string | null;
};

let nextKey = 1;

function newKey(): number {
  return nextKey++;
}

export function authorOf(m: ImportPreview["byline"][number]): AuthorForm {
  const e = m.existing;
  return {
    key: newKey(),
    onFile: e
      ? {
          id: e.id,
          display_name: e.display_name,
          bio: e.bio,
          matched_by: e.matched_by,
          offered: e.bio_differs && m.bio ? { bio: m.bio, parts: e.bio_change } : null,
        }
      : null,
    useOnFile: e !== null,
    name: m.name,
    email: m.email ?? "",
    affiliation: m.affiliation ?? "",
    bio: m.bio ?? "",
    updateProfileBio: false,
  };
}

/** A guest to be created, named as typed. */
export function newGuest(name = ""): AuthorForm {
  return { key: newKey(), onFile: null, useOnFile: false, name, email: "", affiliation: "", bio: "", updateProfileBio: false };
}

/** A contributor on file picked in the sheet: their profile's bio is printed unless one is typed. */
export function contributorAuthor(c: { id: string; display_name: string; bio: string }): AuthorForm {
  return {
    key: newKey(),
    onFile: { id: c.id, display_name: c.display_name, bio: c.bio, matched_by: null, offered: null },
    useOnFile: true,
    name: c.display_name,
    email: "",
    affiliation: "",
    bio: "",
    updateProfileBio: false,
  };
}

export function formOf(p: ImportPreview): FileForm {
  return {
    headline: p.headline,
    standfirst: p.standfirst,
    body: p.body,
    section: p.section,
    tags: tagsText(p.tags),
    authors: p.byline.map(authorOf),
  };
}

/** What the form holds that the editor may correct, without the keys that only tell authors apart. */
function comparable(form: FileForm | null): string {
  if (!form) return "";
  return JSON.stringify({ ...form, authors: form.authors.map(({ key: _key, ...rest }) => rest) });
}

/** A card for the file at `path`, from what previewing it answered. */
export function cardOf(outcome: ImportOutcome<ImportPreview>, path: string): ImportCard {
  const preview = outcome.result;
  const form = preview ? formOf(preview) : null;
  return {
    key: newKey(),
    path,
    file: outcome.file,
    format: preview?.format ?? null,
    refused: preview ? null : (outcome.error?.message ?? `${outcome.file} cannot be imported`),
    form,
    original: comparable(form),
    dropped: preview?.dropped ?? [],
    warnings: preview?.warnings ?? [],
    include: preview !== null,
    imported: null,
    failure: null,
  };
}

/** Anything corrected in the sheet and not imported yet. */
export function edited(card: ImportCard): boolean {
  return card.imported === null && card.form !== null && comparable(card.form) !== card.original;
}

const oneLine = (s: string) => s.split(/\s+/).filter((w) => w !== "").join(" ");

/** The bio typed for an author on file is not the profile's (white space aside): it is printed
 * under this piece, and may also become the profile's. */
export function bioDiffers(a: AuthorForm): boolean {
  return a.useOnFile && a.onFile !== null && a.bio.trim() !== "" && oneLine(a.bio) !== oneLine(a.onFile.bio);
}

const blankIsNull = (s: string): string | null => (s.trim() === "" ? null : s.trim());

/** The draft the core commits for a card's form. */
export function draftOf(card: ImportCard & { form: FileForm }): ImportDraft {
  const f = card.form;
  return {
    file: card.file,
    headline: f.headline,
    standfirst: f.standfirst,
    body: f.body,
    section: f.section === null || f.section.trim() === "" ? null : f.section,
    tags: parseTags(f.tags),
    byline: f.authors.map((a) => {
      const onFile = a.useOnFile ? a.onFile : null;
      return {
        contributor_id: onFile?.id ?? null,
        name: onFile ? onFile.display_name : a.name.trim(),
        email: blankIsNull(a.email),
        affiliation: blankIsNull(a.affiliation),
        bio: blankIsNull(a.bio),
        update_profile_bio: onFile !== null && a.updateProfileBio && bioDiffers(a),
      };
    }),
  };
}

/** The cards the next commit sends: readable, ticked and not imported yet. */
export function toCommit(cards: ImportCard[]): (ImportCard & { form: FileForm })[] {
  return cards.filter((c): c is ImportCard & { form: FileForm } => c.include && c.form !== null && c.imported === null);
}

const FORMAT_LABELS: Record<Format, string> = {
  text: "Plain text",
  markdown: "Markdown",
  docx: "Word",
  html: "Web page",
};

export function formatLabel(format: Format): string {
  return FORMAT_LABELS[format];
}

/** "Import 1 file", "Import 3 files". */
export function commitLabel(n: number): string {
  return n === 1 ? "Import 1 file" : `Import ${n} files`;
}
