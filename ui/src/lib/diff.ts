// Condensing a word diff for reading: long unchanged runs keep a few words of context either side
// of each change, and the rest is shown as a gap.
import type { DiffPart } from "./bindings";

export type Shown = { kind: "same" | "added" | "removed" | "gap"; text: string };

/** `text` split into words with the spaces that follow them, so joining gives `text` back. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export function condense(parts: DiffPart[], context = 12): Shown[] {
  const out: Shown[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== "same") {
      out.push(part);
      return;
    }
    const words = tokens(part.text);
    const keepBefore = i > 0 ? context : 0; // context after the previous change
    const keepAfter = i < parts.length - 1 ? context : 0; // context before the next change
    if (words.length <= keepBefore + keepAfter + 4) {
      out.push(part);
      return;
    }
    if (keepBefore > 0) out.push({ kind: "same", text: words.slice(0, keepBefore).join("") });
    out.push({ kind: "gap", text: "…" });
    if (keepAfter > 0) out.push({ kind: "same", text: words.slice(words.length - keepAfter).join("") });
  });
  return out;
}
