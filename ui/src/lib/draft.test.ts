import { describe, expect, it } from "vitest";
import type { Article } from "./bindings";
import { compareWords, draftOf, parseTags } from "./draft";

describe("the editor's draft", () => {
  it("marks the words each side has that the other lacks", () => {
    const { mine, theirs } = compareWords("Ports carry most of the trade", "Ports carry nearly all the trade");
    expect(mine).toEqual([
      { kind: "same", text: "Ports carry " },
      { kind: "changed", text: "most of " },
      { kind: "same", text: "the trade" },
    ]);
    expect(theirs).toEqual([
      { kind: "same", text: "Ports carry " },
      { kind: "changed", text: "nearly all " },
      { kind: "same", text: "the trade" },
    ]);
    expect(compareWords("same", "same")).toEqual({ mine: [{ kind: "same", text: "same" }], theirs: [{ kind: "same", text: "same" }] });
    expect(compareWords("", "new words").theirs).toEqual([{ kind: "changed", text: "new words" }]);
  });

  it("takes tags as typed, comma-separated", () => {
    expect(parseTags(" trade, ports ,, Sahel ")).toEqual(["trade", "ports", "Sahel"]);
  });

  it("sends every field it edits, the byline by contributor id with the article's own bios, and not the embargo", () => {
    const article = {
      headline: "Ports",
      standfirst: "Trade.",
      body: "Text.",
      section: null,
      tags: ["trade"],
      byline: [
        { contributor_id: "c1", name: "Ana Ruiz", printed_bio: "Ana Ruiz writes on trade.", bio_is_own: false },
        { contributor_id: "c2", name: "Bo Lind", printed_bio: "Bo Lind, for this piece.", bio_is_own: true },
      ],
      related: [{ id: "a9", headline: "Salt", state: "published" }],
      embargo_until: "2026-12-01T07:00:00Z",
    } as Article;
    expect(draftOf(article)).toEqual({
      headline: "Ports",
      standfirst: "Trade.",
      body: "Text.",
      section: null,
      tags: ["trade"],
      byline: [
        { contributor: "c1", printed_bio: null },
        { contributor: "c2", printed_bio: "Bo Lind, for this piece." },
      ],
      related: ["a9"],
    });
  });
});
