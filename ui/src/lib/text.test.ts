import { describe, expect, it } from "vitest";
import { readingMinutes, wordCount } from "./text";

// The same cases as core/src/text.rs: the editor's live count matches the count the core stores.
describe("wordCount", () => {
  it("counts what a reader reads, as the core does", () => {
    expect(wordCount("# A headline here")).toBe(3);
    expect(wordCount("Some **bold** and _italic_ text.")).toBe(5);
    expect(wordCount("A [link text](https://example.com/a-b-c) here")).toBe(4);
    expect(wordCount("1. first\n2. second\n- third")).toBe(3);
    expect(wordCount("> quoted words <em>here</em>")).toBe(3);
    expect(wordCount("don't stop — it's well-known, 3.5 per cent")).toBe(7);
    expect(wordCount("")).toBe(0);
    expect(wordCount("Señor Boussoís écrit.")).toBe(3);
    expect(wordCount("```\nlet x = 1;\n```\nafter")).toBe(4);
  });

  it("gives reading minutes at 230 words a minute", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
  });
});
