import { describe, expect, it } from "vitest";
import { compareWords, fieldOf, mayEdit, parseTags } from "./draft";

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

  it("reads which field a refusal speaks of", () => {
    expect(fieldOf("the headline is empty: an article needs one")).toBe("headline");
    expect(fieldOf("the standfirst has 1600 characters; keep it under 1500")).toBe("standfirst");
    expect(fieldOf("21 tags is too many: at most 20")).toBe("tags");
    expect(fieldOf("there is no section “Sport”: the desk has Opinion")).toBe("section");
    expect(fieldOf("byline: Ana Ruiz is named twice")).toBe("byline");
    expect(fieldOf("an article cannot be related to itself")).toBe("related");
    expect(fieldOf("database error")).toBeNull();
  });

  it("takes tags as typed, comma-separated", () => {
    expect(parseTags(" trade, ports ,, Sahel ")).toEqual(["trade", "ports", "Sahel"]);
  });

  it("opens read-only where the core would refuse a save", () => {
    expect(mayEdit("contributor", "draft")).toBe(true);
    expect(mayEdit("contributor", "submitted")).toBe(false);
    expect(mayEdit("editor", "in_review")).toBe(true);
    expect(mayEdit("chief", "published")).toBe(true);
    expect(mayEdit("contributor", "published")).toBe(false);
    expect(mayEdit("editor", "withdrawn")).toBe(false);
  });
});
