import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { DeskSettings, JobState, ListJobs, PublishJob, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import PublishingScreen from "./PublishingScreen.svelte";

const api = vi.hoisted(() => ({ listJobs: vi.fn(), retryJob: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
const live = vi.hoisted(() => ({ changed: new Set<() => void>(), done: new Set<() => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.changed.add(reload);
    return () => live.changed.delete(reload);
  },
  onPublishingDone: (show: () => void) => {
    live.done.add(show);
    return () => live.done.delete(show);
  },
}));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

function job(id: string, state: JobState, extra: Partial<PublishJob> = {}): PublishJob {
  return {
    id,
    article_id: `art-${id}`,
    headline: `Piece ${id}`,
    kind: "publish",
    due_at: "2026-12-01T07:00:00Z",
    state,
    attempts: 0,
    next_try_at: "2026-12-01T07:00:00Z",
    finished_at: null,
    late_ms: null,
    error: null,
    ...extra,
  };
}

const jobs = [
  job("j1", "pending"),
  job("j2", "done", { attempts: 1, finished_at: "2026-11-30T09:05:00Z", late_ms: 7_500_000 }),
  job("j3", "done", { attempts: 1, finished_at: "2026-11-30T07:00:20Z", late_ms: 20_000 }),
  job("j4", "failed", {
    attempts: 3,
    error: "cannot write /srv/site: permission denied",
    next_try_at: "2026-11-30T10:10:00Z",
  }),
  job("j5", "cancelled", { finished_at: "2026-11-29T12:00:00Z" }),
  job("j6", "done", { kind: "render", attempts: 1, finished_at: "2026-11-29T13:00:00Z", late_ms: 0 }),
];

function row(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`.job[data-job-id="${id}"]`);
  if (!el) throw new Error(`no row for ${id}`);
  return el;
}

describe("PublishingScreen", () => {
  beforeEach(() => {
    nav.reset();
    nav.screen = "publishing";
    live.changed.clear();
    live.done.clear();
    api.listJobs.mockReset().mockImplementation(async ({ state = null, after = null }: ListJobs) => {
      const items = jobs.filter((j) => state === null || j.state === state);
      if (state === null && after === null) return { items: items.slice(0, 4), next: "c4" };
      if (state === null && after === "c4") return { items: items.slice(4), next: null };
      return { items, next: null };
    });
    api.retryJob.mockReset();
  });

  it("says each job's state in words, in the desk's zone", async () => {
    render(PublishingScreen, { user: editor, settings });
    await screen.findByText("Piece j1");
    expect(api.listJobs).toHaveBeenCalledWith({ state: null, after: null, limit: 50 });
    expect(row("j1")).toHaveAttribute("data-state", "pending");
    expect(row("j1")).toHaveAttribute("data-article-id", "art-j1");
    expect(row("j1")).toHaveTextContent("Pending — due 1 Dec 2026, 08:00");
    expect(row("j2")).toHaveTextContent("Published 30 Nov 2026, 10:05 (late by 2 h 5 min)");
    // Under a minute is on time.
    expect(row("j3")).toHaveTextContent("Published 30 Nov 2026, 08:00");
    expect(row("j3")).not.toHaveTextContent("late");
    // A late publication is not shown as a plain success.
    expect(row("j2").querySelector(".job-status")).toHaveClass("late");
    expect(row("j3").querySelector(".job-status")).not.toHaveClass("late");
    expect(row("j4")).toHaveTextContent("Failed — cannot write /srv/site: permission denied");
    expect(row("j4")).toHaveTextContent("Attempt 3, next try 30 Nov 2026, 11:10");
    expect(within(row("j1")).queryByRole("button", { name: "Retry now" })).toBeNull();
    expect(screen.getByText(/Times in Europe\/Paris/)).toBeInTheDocument();
  });

  it("pages on, and narrows to one state", async () => {
    render(PublishingScreen, { user: editor, settings });
    await userEvent.click(await screen.findByRole("button", { name: "Load more" }));
    expect(await screen.findByText("Piece j6")).toBeInTheDocument();
    expect(row("j5")).toHaveTextContent("Cancelled 29 Nov 2026, 13:00");
    expect(row("j6")).toHaveTextContent("Page written 29 Nov 2026, 14:00");
    expect(screen.getByText("That is every job.")).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText("Show"), "failed");
    await waitFor(() => expect(api.listJobs).toHaveBeenLastCalledWith({ state: "failed", after: null, limit: 50 }));
    await waitFor(() => expect(document.querySelectorAll(".job")).toHaveLength(1));
    expect(row("j4")).toHaveAttribute("data-state", "failed");
  });

  it("retries a failed job now, and says so", async () => {
    api.retryJob.mockResolvedValue({ ...jobs[3], state: "pending", next_try_at: "2026-11-30T10:00:00Z" });
    render(PublishingScreen, { user: editor, settings });
    await screen.findByText("Piece j4");
    await userEvent.click(within(row("j4")).getByRole("button", { name: "Retry now" }));
    expect(api.retryJob).toHaveBeenCalledWith({ id: "j4" });
    await waitFor(() => expect(row("j4")).toHaveAttribute("data-state", "pending"));
    expect(screen.getByRole("status")).toHaveTextContent("“Piece j4” will be tried again now.");
  });

  it("shows a refused retry next to the job", async () => {
    api.retryJob.mockRejectedValue(new DeskError("invalid_input", "the job is done, not failed: only a failed job is retried"));
    render(PublishingScreen, { user: editor, settings });
    await screen.findByText("Piece j4");
    await userEvent.click(within(row("j4")).getByRole("button", { name: "Retry now" }));
    expect(await within(row("j4")).findByRole("alert")).toHaveTextContent("The job is done, not failed");
  });

  it("reads the jobs again when the desk changes and when the publisher reports", async () => {
    render(PublishingScreen, { user: editor, settings });
    await screen.findByText("Piece j1");
    for (const reload of live.changed) reload();
    await waitFor(() => expect(api.listJobs).toHaveBeenCalledTimes(2));
    for (const show of live.done) show();
    await waitFor(() => expect(api.listJobs).toHaveBeenCalledTimes(3));
    // The pages already shown are read again in one go.
    expect(api.listJobs).toHaveBeenLastCalledWith({ state: null, after: null, limit: 50 });
  });

  it("opens a job's article", async () => {
    render(PublishingScreen, { user: editor, settings });
    await userEvent.click(await screen.findByRole("button", { name: "Piece j2" }));
    expect(nav.article).toBe("art-j2");
  });
});
