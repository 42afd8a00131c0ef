import { describe, expect, it } from "vitest";
import { actionLabel, age, bylineText, deskMoment, deskTime, doneLabel, paragraphs, readingTime, roleLabel, stateLabel, words } from "./format";

describe("age", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("reads in the largest whole unit", () => {
    expect(age("2026-03-10T11:59:30Z", now)).toBe("just now");
    expect(age("2026-03-10T11:55:00Z", now)).toBe("5 min ago");
    expect(age("2026-03-10T09:00:00Z", now)).toBe("3 h ago");
    expect(age("2026-03-09T12:30:00Z", now)).toBe("23 h ago");
    expect(age("2026-03-09T10:00:00Z", now)).toBe("1 d ago");
    expect(age("2026-03-08T12:00:00Z", now)).toBe("2 d ago");
  });
  it("treats a time in the future as just now", () => {
    expect(age("2026-03-10T12:05:00Z", now)).toBe("just now");
  });
});

describe("labels", () => {
  it("names states and roles in words", () => {
    expect(stateLabel("changes_requested")).toBe("Changes requested");
    expect(roleLabel("chief")).toBe("Chief editor");
  });
  it("names the core's actions, spelled with hyphens", () => {
    expect(actionLabel("request-changes")).toBe("Request changes");
    expect(actionLabel("publish-now")).toBe("Publish now");
    expect(doneLabel("request-changes")).toBe("requested changes on");
    expect(doneLabel("publish-now")).toBe("published at once");
  });
  it("prints bylines and word counts as a reader would", () => {
    expect(bylineText([])).toBe("");
    expect(bylineText(["Ana Ruiz"])).toBe("Ana Ruiz");
    expect(bylineText(["A", "B", "C"])).toBe("A, B and C");
    // As lists, search and the calendar give them: contributors with their names.
    expect(
      bylineText([
        { contributor_id: "c1", name: "Ana Ruiz" },
        { contributor_id: "c2", name: "Li Wei" },
      ]),
    ).toBe("Ana Ruiz and Li Wei");
    expect(words(1)).toBe("1 word");
    expect(words(1200)).toBe("1,200 words");
  });
});

describe("deskTime", () => {
  it("shows an instant in the desk's zone, not the machine's", () => {
    expect(deskTime("2026-03-10T14:05:00Z", "Europe/Paris")).toBe("10 Mar 2026, 15:05");
    expect(deskTime("2026-03-10T14:05:00Z", "America/New_York")).toBe("10 Mar 2026, 10:05");
  });
});

describe("reading a body", () => {
  it("splits Markdown into paragraphs at blank lines", () => {
    expect(paragraphs("One.\n\nTwo\nlines.\n  \n\nThree.\n")).toEqual(["One.", "Two\nlines.", "Three."]);
    expect(paragraphs("")).toEqual([]);
  });
  it("gives the reading time", () => {
    expect(readingTime(0)).toBe("1 min read");
    expect(readingTime(4)).toBe("4 min read");
  });
});

describe("deskMoment", () => {
  it("names a moment in the desk's zone as a newsroom does", () => {
    expect(deskMoment("2026-12-09T07:00:00Z", "Europe/Paris")).toBe("Wed 9 Dec, 08:00");
    expect(deskMoment("2026-12-09T23:30:00Z", "America/New_York")).toBe("Wed 9 Dec, 18:30");
    expect(deskMoment("2026-12-09T23:30:00Z", "Asia/Tokyo")).toBe("Thu 10 Dec, 08:30");
  });
});
