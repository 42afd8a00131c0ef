// The core's text rules, mirrored so the editor can count while the writer types
// (core/src/text.rs: `word_count`, `count_words`, `count_token`, `is_address`, `is_ideograph`,
// `reading_minutes`). The core's own count is the one stored; both are tested against the same
// table of cases, tests/fixtures/word-count.json.

// Rust's `char::is_alphanumeric`: Alphabetic, or a number (Nd, Nl, No).
const ALNUM = /^[\p{Alphabetic}\p{N}]$/u;
// Rust's `char::is_whitespace` (White_Space), which `split_whitespace` and `trim_start` use.
const SPACES = /[\p{White_Space}]+/u;
const LEADING_SPACE = /^[\p{White_Space}]+/u;
const JOINERS = new Set(["'", "’", "-", ".", ","]);
// What may open an address: "(https://…", "“www.…".
const OPENERS = /^[("'“‘<]+/;

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && ALNUM.test(c);
}

/** Chinese characters and Japanese kana, which are written without spaces between words. */
function isIdeograph(c: string): boolean {
  const p = c.codePointAt(0) ?? 0;
  return (
    (p >= 0x3040 && p <= 0x30ff) || // hiragana, katakana
    (p >= 0x31f0 && p <= 0x31ff) || // katakana extensions
    (p >= 0x3400 && p <= 0x4dbf) || // CJK extension A
    (p >= 0x4e00 && p <= 0x9fff) || // CJK unified ideographs
    (p >= 0xf900 && p <= 0xfaff) || // compatibility ideographs
    (p >= 0xff66 && p <= 0xff9f) || // half-width katakana
    (p >= 0x20000 && p <= 0x2a6df)
  );
}

/** A web address (`https://…`, `www.…`) or an e-mail address, read as one word. */
function isAddress(token: string): boolean {
  const rest = token.replace(OPENERS, "");
  if (rest.includes("://")) return true;
  if (/^[wW]{3}\./.test(rest)) return true;
  const at = rest.indexOf("@");
  if (at === -1) return false;
  const local = Array.from(rest.slice(0, at));
  const domain = rest.slice(at + 1);
  return isAlnum(local[local.length - 1]) && domain.includes(".") && isAlnum(Array.from(domain)[0]);
}

/** The words of one run of text between spaces: a web or e-mail address is one word; elsewhere
 * letters and digits make words, joined across ' ’ - . , between two of them, and each Chinese
 * character or Japanese kana is a word of its own. */
function countToken(token: string): number {
  const chars = Array.from(token);
  if (isAddress(token)) return chars.some(isAlnum) ? 1 : 0;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isIdeograph(c)) {
      count += 1;
      inWord = false;
      continue;
    }
    const next = chars[i + 1];
    const joins = JOINERS.has(c) && inWord && isAlnum(chars[i - 1]) && isAlnum(next) && !isIdeograph(next);
    if (isAlnum(c) || joins) {
      if (!inWord) {
        count += 1;
        inWord = true;
      }
    } else {
      inWord = false;
    }
  }
  return count;
}

/** Words in a run of text: its space-separated tokens' words. */
function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(SPACES)) if (token !== "") count += countToken(token);
  return count;
}

/** A line without its block markers: quote and heading marks, bullets, list numbers. */
function stripBlockMarker(line: string): string {
  let rest = line;
  for (;;) {
    const before = rest;
    rest = rest.replace(/^[>#]+/, "").replace(LEADING_SPACE, "");
    for (const bullet of ["- ", "* ", "+ "]) {
      if (rest.startsWith(bullet)) {
        rest = rest.slice(bullet.length);
        break;
      }
    }
    const number = /^(\d{1,9})([.)] )/.exec(rest);
    if (number) rest = rest.slice(number[0].length);
    if (rest === before) return rest;
  }
}

/** Drops link targets `](…)`, autolinks and HTML tags, keeping the text readers see. */
function stripInline(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "]" && line[i + 1] === "(") {
      // The bracket goes whether or not the target closes, as in the core.
      const close = line.indexOf(")", i + 1);
      out += " ";
      i = close === -1 ? i + 1 : close + 1;
      continue;
    } else if (c === "<") {
      const close = line.indexOf(">", i);
      if (close !== -1) {
        out += " ";
        i = close + 1;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

/** Words a reader reads in a Markdown body, counted as the core counts them. */
export function wordCount(markdown: string): number {
  let count = 0;
  let inFence = false;
  // Rust's `lines()`: split at \n, a \r before it dropped.
  for (const raw of markdown.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const trimmed = line.replace(LEADING_SPACE, "");
    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      count += countWords(line);
      continue;
    }
    const bare = stripBlockMarker(trimmed);
    count += countWords(/[\]<]/.test(bare) ? stripInline(bare) : bare);
  }
  return count;
}

/** Minutes an average reader (230 words a minute) needs; at least one for any text at all. */
export function readingMinutes(words: number): number {
  return Math.ceil(words / 230);
}
