import { describe, expect, it } from "vitest";
import { condense } from "./diff";

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(" ");

describe("condense", () => {
  it("keeps short unchanged runs whole", () => {
    const parts = [
      { kind: "same" as const, text: "a b " },
      { kind: "removed" as const, text: "c" },
      { kind: "added" as const, text: "d" },
      { kind: "same" as const, text: " e f" },
    ];
    expect(condense(parts, 3)).toEqual(parts);
  });

  it("cuts long unchanged runs down to context around each change", () => {
    const shown = condense(
      [
        { kind: "same", text: words(50) + " " },
        { kind: "added", text: "NEW" },
        { kind: "same", text: " " + words(50, 100) + " " },
        { kind: "removed", text: "OLD" },
        { kind: "same", text: " " + words(50, 200) },
      ],
      2,
    );
    expect(shown.map((s) => s.kind)).toEqual(["gap", "same", "added", "same", "gap", "same", "removed", "same", "gap"]);
    expect(shown[1].text).toBe("w48 w49 ");
    expect(shown[3].text).toBe(" w100 ");
    expect(shown[5].text).toBe("w148 w149 ");
    expect(shown[7].text).toBe(" w200 ");
  });
});
