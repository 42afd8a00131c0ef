import { describe, expect, it } from "vitest";
// The table the core's count (core/src/text.rs) is tested against too: the editor's live count
// matches the count the core stores.
import table from "../../../tests/fixtures/word-count.json";
import { readingMinutes, wordCount } from "./text";

describe("wordCount", () => {
  it("reads a table of cases", () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(table.cases)("$why: $words", ({ text, words }) => {
    expect(wordCount(text)).toBe(words);
  });

  it("counts the same with Windows line ends and a lone carriage return as the core", () => {
    expect(wordCount("# A headline\r\n\r\n- one two\r\n```\r\nx = 1\r\n```")).toBe(6);
    // Not a line break for the core: the \r is a space inside one line.
    expect(wordCount("one\rtwo")).toBe(2);
    // So a list number after it is a word, as it is for the core.
    expect(wordCount("one\r1. two")).toBe(3);
  });

  it("takes a link target without its closing bracket out, as the core does", () => {
    // "[x](http://a b": the "]" goes, so "(http://a" is a token of its own, one word.
    expect(wordCount("[x](http://a b")).toBe(3);
  });
});

describe("readingMinutes", () => {
  it("gives reading minutes at 230 words a minute", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
  });
});
