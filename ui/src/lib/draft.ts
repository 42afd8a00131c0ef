// The editor's draft: what it holds of an article, what it sends to the core, and how two drafts
// compare when the article changed elsewhere. No desk rules here: the core checks every save, and
// says with each article what the reader may do with it (`article.access`).
import type { Article, BylineEntry as BylineInput, RelatedArticle } from "./bindings";

/** The article's text as the editor holds and saves it: an `ArticleEdit` that gives every field
 * the editor edits (the core writes only what changed, and nothing when nothing did). The embargo
 * is not one of them, so a save leaves it as it is. */
export type ArticleDraft = {
  headline: string;
  standfirst: string;
  /** Markdown. */
  body: string;
  section: string | null;
  tags: string[];
  /** In order: each contributor by id, with the article's own bio text or null to print theirs. */
  byline: BylineInput[];
  /** Ids of related articles, in order. */
  related: string[];
};

/** A byline contributor as the editor holds them: the bio printed is either the contributor's own
 * (followed as it changes) or text of this article's own. */
export type BylineEntry = {
  contributor_id: string;
  name: string;
  /** The contributor's bio as it stands, when known (it is not while the article prints its own). */
  contributorBio: string | null;
  own: boolean;
  ownBio: string;
};

export function bylineEntries(article: Article): BylineEntry[] {
  return article.byline.map((b) => ({
    contributor_id: b.contributor_id,
    name: b.name,
    contributorBio: b.bio_is_own ? null : b.printed_bio,
    own: b.bio_is_own,
    ownBio: b.bio_is_own ? b.printed_bio : "",
  }));
}

export function relatedEntries(article: Article): RelatedArticle[] {
  return article.related.map((r) => ({ ...r }));
}

/** Tags as typed: comma-separated. */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

export function tagsText(tags: string[]): string {
  return tags.join(", ");
}

export function draftOf(article: Article): ArticleDraft {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    section: article.section,
    tags: [...article.tags],
    byline: bylineInput(bylineEntries(article)),
    related: article.related.map((r) => r.id),
  };
}

/** The byline as a save sends it: each contributor by id, with this article's own bio or none. */
export function bylineInput(entries: BylineEntry[]): BylineInput[] {
  return entries.map((b) => ({ contributor: b.contributor_id, printed_bio: b.own ? b.ownBio : null }));
}

/** The fields of the article the editor shows, as the core names them in `ApiError.field`. */
export type DraftField = "headline" | "standfirst" | "body" | "section" | "tags" | "byline" | "related";

/** A run of words in one draft compared with the other: in both, or only in this one. */
export type WordPart = { kind: "same" | "changed"; text: string };

/** Words with the spaces after them, so that joining them gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

function push(parts: WordPart[], kind: WordPart["kind"], text: string) {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Compares two texts word by word: each side's words, marked where the other side lacks them. */
export function compareWords(mine: string, theirs: string): { mine: WordPart[]; theirs: WordPart[] } {
  const a = tokens(mine);
  const b = tokens(theirs);
  const key = (t: string) => t.trimEnd();
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]) === key(b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]) === key(b[endB - 1])) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  // Longest common subsequence of the middle; a middle too large to compare reads as all changed.
  if (n > 0 && m > 0 && n * m <= 4_000_000) {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          key(a[start + i]) === key(b[start + j])
            ? table[(i + 1) * width + j + 1] + 1
            : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (key(a[start + i]) === key(b[start + j])) {
        inA[i] = true;
        inB[j] = true;
        i++;
        j++;
      } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
      else j++;
    }
  }
  const side = (words: string[], end: number, common: boolean[]): WordPart[] => {
    const parts: WordPart[] = [];
    push(parts, "same", words.slice(0, start).join(""));
    for (let k = start; k < end; k++) push(parts, common[k - start] ? "same" : "changed", words[k]);
    push(parts, "same", words.slice(end).join(""));
    return parts;
  };
  return { mine: side(a, endA, inA), theirs: side(b, endB, inB) };
}

/** One version of an article as the conflict view shows it: every field as readable text. */
export type Side = {
  headline: string;
  standfirst: string;
  body: string;
  section: string;
  tags: string;
  byline: string;
  bios: string;
  related: string;
};

export const SIDE_FIELDS: [keyof Side, string][] = [
  ["headline", "Headline"],
  ["standfirst", "Standfirst"],
  ["body", "Body"],
  ["section", "Section"],
  ["tags", "Tags"],
  ["byline", "Byline"],
  ["bios", "Bios as printed"],
  ["related", "Related articles"],
];

function bioLine(name: string, own: boolean, text: string): string {
  return own ? `${name}: ${text}` : `${name}: follows the contributor's bio`;
}

export function sideOfArticle(article: Article): Side {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    section: article.section ?? "",
    tags: tagsText(article.tags),
    byline: article.byline.map((b) => b.name).join(", "),
    bios: article.byline.map((b) => bioLine(b.name, b.bio_is_own, b.printed_bio)).join("\n"),
    related: article.related.map((r) => r.headline).join("\n"),
  };
}

export function sideOfDraft(draft: ArticleDraft, byline: BylineEntry[], related: RelatedArticle[]): Side {
  return {
    headline: draft.headline,
    standfirst: draft.standfirst,
    body: draft.body,
    section: draft.section ?? "",
    tags: tagsText(draft.tags),
    byline: byline.map((b) => b.name).join(", "),
    bios: byline.map((b) => bioLine(b.name, b.own, b.ownBio)).join("\n"),
    related: related.map((r) => r.headline).join("\n"),
  };
}

/** The draft as plain text, for the clipboard: headline, standfirst, then the Markdown body. */
export function draftAsText(draft: ArticleDraft): string {
  return [draft.headline, draft.standfirst, draft.body].filter((s) => s.trim() !== "").join("\n\n");
}
