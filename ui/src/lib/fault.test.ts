import { describe, expect, it } from "vitest";
import { DeskError } from "./api";
import { told, toldRecord } from "./fault";

describe("told: a failure as words and detail", () => {
  it("keeps the core's sentence apart from its technical words", () => {
    const busy = new DeskError("busy", "the desk file is in use by another program and was not freed in time", {
      details: { kind: "technical", detail: "database is locked" },
    });
    expect(told(busy)).toEqual({ words: "the desk file is in use by another program and was not freed in time", detail: "database is locked" });
  });

  it("has no detail for a refusal that carries other details, or for a plain error", () => {
    const notReady = new DeskError("not_ready", "cannot approve: no standfirst", {
      details: { kind: "not_ready", action: "approve", unmet: [{ label: "no standfirst", met: false, field: "standfirst" }] },
    });
    expect(told(notReady).detail).toBeNull();
    expect(told(new Error("boom"))).toEqual({ words: "boom", detail: null });
    expect(told(new DeskError("io", "x", { details: { kind: "technical", detail: "  " } })).detail).toBeNull();
  });

  it("reads a recorded failure's first line as the sentence and the rest as detail", () => {
    expect(toldRecord("the site cannot be written at /srv/site: the disk is full\nNo space left on device (os error 28)")).toEqual({
      words: "the site cannot be written at /srv/site: the disk is full",
      detail: "No space left on device (os error 28)",
    });
    expect(toldRecord("an old record with no detail")).toEqual({ words: "an old record with no detail", detail: null });
    expect(toldRecord("words\n\n")).toEqual({ words: "words", detail: null });
  });
});
