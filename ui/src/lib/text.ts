// The core's text rules, mirrored so the editor can count while the writer types
// (core/src/text.rs: `word_count`, `reading_minutes`). The core's own count is the one stored.

const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const JOINERS = new Set(["'", "’", "-", ".", ","]);

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && ALNUM.test(c);
}

/** Words in `text`: runs of letters and digits, joined across ' ’ - . , between two of them. */
function countWords(text: string): number {
  const chars = Array.from(text);
  let count = 0;
  let inWord = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const joins = JOINERS.has(c) && inWord && isAlnum(chars[i - 1]) && isAlnum(chars[i + 1]);
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

/** A line without its block markers: quote and heading marks, bullets, list numbers. */
function stripBlockMarker(line: string): string {
  let rest = line;
  for (;;) {
    const before = rest;
    rest = rest.replace(/^[>#]+/, "").trimStart();
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
      const close = line.indexOf(")", i + 1);
      if (close !== -1) {
        out += " ";
        i = close + 1;
        continue;
      }
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
  for (const line of markdown.split(/\r\n|\n|\r/)) {
    const trimmed = line.trimStart();
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
