import { beforeEach, describe, expect, it } from "vitest";
import type { Section } from "./bindings";
import { loadFilter, saveFilter } from "./savedFilter";

const sections: Section[] = [
  { name: "Opinion", min_words: 500, max_words: 1500 },
  { name: "World", min_words: null, max_words: null },
];

describe("the kept Desk filter", () => {
  beforeEach(() => localStorage.clear());

  it("comes back for the same desk and person", () => {
    saveFilter("/desks/meridian.db", "u1", { section: "Opinion", contributor: "Ana Ruiz" });
    expect(loadFilter("/desks/meridian.db", "u1", sections, true)).toEqual({ section: "Opinion", contributor: "Ana Ruiz" });
  });

  it("never narrows another desk's lists, nor another person's", () => {
    saveFilter("/desks/meridian.db", "u1", { section: "Opinion", contributor: "Ana Ruiz" });
    expect(loadFilter("/desks/courier.db", "u1", sections, true)).toEqual({ section: null, contributor: null });
    expect(loadFilter("/desks/meridian.db", "u2", sections, true)).toEqual({ section: null, contributor: null });
  });

  it("drops a section the desk no longer has, keeping the rest", () => {
    saveFilter("d", "u1", { section: "Sport", contributor: "Ana Ruiz" });
    expect(loadFilter("d", "u1", sections, true)).toEqual({ section: null, contributor: "Ana Ruiz" });
  });

  it("leaves out the contributor filter for those who are not offered it", () => {
    saveFilter("d", "u1", { section: "World", contributor: "Ana Ruiz" });
    expect(loadFilter("d", "u1", sections, false)).toEqual({ section: "World", contributor: null });
  });

  it("forgets a cleared filter, and reads what it cannot make sense of as no filter", () => {
    saveFilter("d", "u1", { section: "World", contributor: null });
    saveFilter("d", "u1", { section: null, contributor: null });
    expect(localStorage.length).toBe(0);
    localStorage.setItem(`copydesk.desk-filter:${JSON.stringify(["d", "u1"])}`, "{not json");
    expect(loadFilter("d", "u1", sections, true)).toEqual({ section: null, contributor: null });
    localStorage.setItem(`copydesk.desk-filter:${JSON.stringify(["d", "u1"])}`, JSON.stringify({ section: 3, contributor: ["x"] }));
    expect(loadFilter("d", "u1", sections, true)).toEqual({ section: null, contributor: null });
  });
});
