import { describe, expect, it } from "vitest";
import { age, bylineText, roleLabel, stateLabel, words } from "./format";

describe("age", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("reads in the largest whole unit", () => {
    expect(age("2026-03-10T11:59:30Z", now)).toBe("just now");
    expect(age("2026-03-10T11:55:00Z", now)).toBe("5 min ago");
    expect(age("2026-03-10T09:00:00Z", now)).toBe("3 h ago");
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
  it("prints bylines and word counts as a reader would", () => {
    expect(bylineText([])).toBe("");
    expect(bylineText(["Ana Ruiz"])).toBe("Ana Ruiz");
    expect(bylineText(["A", "B", "C"])).toBe("A, B and C");
    expect(words(1)).toBe("1 word");
    expect(words(1200)).toBe("1,200 words");
  });
});
