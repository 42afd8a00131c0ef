import { describe, expect, it } from "vitest";
import type { Action, Check } from "./bindings";
import { fieldName, isDestructive, primaryMove, splitChecks } from "./moves";

const offered = (...actions: Action[]) => actions.map((action) => ({ action }));

describe("the move that stands out", () => {
  it("is the forward move of each state", () => {
    expect(primaryMove(offered("submit"), "draft")).toBe("submit");
    expect(primaryMove(offered("claim", "reject"), "submitted")).toBe("claim");
    expect(primaryMove(offered("approve", "request-changes", "reject"), "in_review")).toBe("approve");
    expect(primaryMove(offered("request-changes", "reject", "approve"), "in_review")).toBe("approve");
    expect(primaryMove(offered("resubmit"), "changes_requested")).toBe("resubmit");
    expect(primaryMove(offered("schedule", "publish-now"), "approved")).toBe("schedule");
  });

  it("is none when only turning back, publishing now or ending the piece is offered", () => {
    expect(primaryMove(offered("request-changes", "reject"), "in_review")).toBeNull();
    expect(primaryMove(offered("reopen"), "rejected")).toBeNull();
    expect(primaryMove(offered("republish", "withdraw"), "published")).toBeNull();
    expect(primaryMove(offered("publish-now"), "approved")).toBeNull();
    expect(primaryMove([], "draft")).toBeNull();
  });

  it("is not rescheduling: a scheduled piece waits for the publisher", () => {
    expect(primaryMove(offered("schedule", "unschedule", "publish-now"), "scheduled")).toBeNull();
  });

  it("is never a destructive move", () => {
    expect(isDestructive("reject")).toBe(true);
    expect(isDestructive("withdraw")).toBe(true);
    expect(isDestructive("approve")).toBe(false);
    expect(isDestructive("request-changes")).toBe(false);
  });
});

describe("what a move still needs", () => {
  const checks: Check[] = [
    { label: "a headline", met: true, field: "headline" },
    { label: "no standfirst", met: false, field: "standfirst" },
    { label: "a body", met: true, field: "body" },
    { label: "the article is draft; approve applies to in review", met: false, field: null },
  ];

  it("puts the unmet checks first, each part in the core's order", () => {
    const { unmet, met } = splitChecks(checks);
    expect(unmet.map((c) => c.label)).toEqual(["no standfirst", "the article is draft; approve applies to in review"]);
    expect(met.map((c) => c.label)).toEqual(["a headline", "a body"]);
  });

  it("names the fields as a sentence does", () => {
    expect(fieldName("standfirst")).toBe("the standfirst");
    expect(fieldName("embargo_until")).toBe("the embargo");
    expect(fieldName("tags")).toBe("the tags");
  });
});
