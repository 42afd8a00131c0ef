import { describe, expect, it } from "vitest";
import { queuesFor } from "./queues";

describe("queuesFor", () => {
  it("puts the Submitted queue first for editors and the chief", () => {
    expect(queuesFor("editor").map((q) => q.title)).toEqual([
      "Submitted",
      "In review",
      "Changes requested",
      "Approved",
      "Scheduled",
      "Published recently",
    ]);
    expect(queuesFor("chief")[0].state).toBe("submitted");
  });
  it("shows a contributor their drafts and the changes asked of them first", () => {
    expect(queuesFor("contributor").map((q) => q.state).slice(0, 2)).toEqual(["draft", "changes_requested"]);
  });
});
