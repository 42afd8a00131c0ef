// A failure as a person reads it: the core's sentence first, and the technical words behind it
// (the store's or the system's own) kept apart, for the "Details" a person may open or copy to
// whoever looks after the machine. The core hands the detail over in two ways: in an error's
// `details` (kind "technical"), and in a publish job's recorded error, on the lines after the
// sentence.
import { DeskError, errorWords } from "./api";

export type Told = { words: string; detail: string | null };

/** What a call threw, as words and detail. */
export function told(e: unknown): Told {
  const detail = e instanceof DeskError && e.details?.kind === "technical" ? e.details.detail : null;
  return { words: errorWords(e), detail: detail && detail.trim() !== "" ? detail : null };
}

/** A recorded failure (a publish job's `error`): its first line is the sentence, the rest detail. */
export function toldRecord(text: string): Told {
  const cut = text.indexOf("\n");
  if (cut < 0) return { words: text.trim(), detail: null };
  const detail = text.slice(cut + 1).trim();
  return { words: text.slice(0, cut).trim(), detail: detail === "" ? null : detail };
}
