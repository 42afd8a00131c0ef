import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import PublishProblemNote from "./PublishProblemNote.svelte";

const api = vi.hoisted(() => ({ retryJob: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));

const problem = { job_id: "job-7", error: "the publish folder /srv/site cannot be written", attempts: 3, retry_at: "2026-12-09T07:05:00Z" };

describe("PublishProblemNote", () => {
  it("says the piece is not out, why, and when it is tried again, in the desk's zone", () => {
    render(PublishProblemNote, { problem, timezone: "Europe/Paris" });
    const note = screen.getByRole("note");
    expect(note).toHaveTextContent("Failed — not published. The publish folder /srv/site cannot be written.");
    expect(note).toHaveTextContent("Tried 3 times; tried again by itself at Wed 9 Dec, 08:05.");
  });

  it("puts the system's own words under Details, not in the sentence", async () => {
    const recorded = { ...problem, error: "the site cannot be written at /srv/site: a file stands where a folder is needed\nFile exists (os error 17)" };
    render(PublishProblemNote, { problem: recorded, timezone: "UTC" });
    const note = screen.getByRole("note");
    expect(note.querySelector(".fault-words")).toHaveTextContent(
      /^Failed — not published\. The site cannot be written at \/srv\/site: a file stands where a folder is needed\.$/,
    );
    const details = note.querySelector("details")!;
    expect(details).not.toHaveAttribute("open");
    expect(details.querySelector("summary")).toHaveTextContent("Details");
    expect(details).toHaveTextContent("File exists (os error 17)");
  });

  it("retries now on asking, and says so in words either way", async () => {
    api.retryJob.mockResolvedValueOnce({}).mockRejectedValueOnce(new DeskError("forbidden", "only editors and the chief can retry a publication"));
    render(PublishProblemNote, { problem, timezone: "UTC" });
    await fireEvent.click(screen.getByRole("button", { name: "Retry now" }));
    expect(api.retryJob).toHaveBeenCalledWith({ id: "job-7" });
    expect(await screen.findByText("Trying again now…")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Retry now" }));
    expect(await screen.findByText("Not retried: only editors and the chief can retry a publication")).toBeInTheDocument();
  });
});
