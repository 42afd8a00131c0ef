import { describe, expect, it } from "vitest";
import { queueQuery, queuesFor } from "./queues";

describe("queuesFor", () => {
  it("puts the Submitted queue first for editors and the chief, and splits In review", () => {
    expect(queuesFor("editor").map((q) => q.title)).toEqual([
      "Submitted",
      "In review: mine",
      "In review: everyone's",
      "Changes requested",
      "Approved",
      "Scheduled",
      "Published recently",
    ]);
    expect(queuesFor("chief")[0].state).toBe("submitted");
    expect(queuesFor("chief").map((q) => q.key)).toContain("in_review_mine");
  });
  it("shows a contributor their drafts and the changes asked of them first, and one In review", () => {
    expect(queuesFor("contributor").map((q) => q.state).slice(0, 2)).toEqual(["draft", "changes_requested"]);
    expect(queuesFor("contributor").filter((q) => q.state === "in_review").map((q) => q.title)).toEqual(["In review"]);
  });
  it("gives every queue its own key", () => {
    const keys = queuesFor("editor").map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("queueQuery", () => {
  const filter = { section: "Opinion", contributor: null };
  it("asks for the signed-in editor's articles in 'mine', everyone's otherwise", () => {
    const [, mine, all] = queuesFor("editor");
    expect(queueQuery(mine, filter, "u1")).toEqual({
      state: "in_review",
      section: "Opinion",
      contributor: null,
      assigned_editor: "u1",
    });
    expect(queueQuery(all, filter, "u1").assigned_editor).toBeNull();
  });
});
