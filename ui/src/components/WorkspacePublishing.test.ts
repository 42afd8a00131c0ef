import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { tick } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskSettings, PublishingDone, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import SignedIn from "../test-stubs/SignedIn.svelte";
import { report as publisherReport } from "../test-stubs/desk";

const api = vi.hoisted(() => ({
  listArticles: vi.fn(async () => ({ items: [], next: null })),
  listJobs: vi.fn(async () => ({ items: [], next: null })),
  calendar: vi.fn(async () => ({ entries: [], free_slots: [] })),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
const live = vi.hoisted(() => ({ done: new Set<(d: PublishingDone) => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: () => () => {},
  onOpenArticle: () => () => {},
  onPublishingDone: (show: (d: PublishingDone) => void) => {
    live.done.add(show);
    return () => live.done.delete(show);
  },
}));

const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const author: User = { id: "u9", name: "jane", role: "contributor", has_passphrase: false, contributor_id: "c3", created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

async function report(done: PublishingDone) {
  for (const show of live.done) show(done);
  await tick();
}

describe("scheduling and publishing in the workspace", () => {
  beforeEach(() => {
    nav.reset();
    live.done.clear();
  });

  it("gives editors the Calendar, Publishing and Settings screens", async () => {
    render(SignedIn, { user: editor, settings });
    const screens = screen.getByRole("navigation", { name: "Screens" });
    for (const name of ["Calendar", "Publishing", "Settings"]) {
      expect(within(screens).getByRole("button", { name })).toBeInTheDocument();
    }
    await userEvent.click(within(screens).getByRole("button", { name: "Publishing" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Publishing" })).toHaveFocus();
    await userEvent.click(within(screens).getByRole("button", { name: "Calendar" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Calendar" })).toHaveFocus();
  });

  it("does not show contributors the desk's calendar, jobs or settings", () => {
    render(SignedIn, { user: author, settings });
    const screens = screen.getByRole("navigation", { name: "Screens" });
    for (const name of ["Calendar", "Publishing", "Settings"]) {
      expect(within(screens).queryByRole("button", { name })).toBeNull();
    }
  });

  it("says what the publisher did, over any screen, failures loudly", async () => {
    render(SignedIn, { user: editor, settings });
    await report(publisherReport(["Salt"], [["Debt", "cannot write /srv/site: disk full"]]));
    expect(screen.getByRole("alert")).toHaveTextContent("Publishing failed: “Debt” (cannot write /srv/site: disk full)");
    expect(screen.getByText(/^Published: “Salt”/)).toBeInTheDocument();
    // The same job failing again, and another piece going out, add to what is shown.
    await report(publisherReport(["Ports"], [["Debt", "cannot write /srv/site: disk full"]]));
    expect(screen.getByText(/^Published: “Salt”; “Ports”/)).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(/^✗Publishing failed: “Debt” \(cannot write \/srv\/site: disk full\)$/);
    await userEvent.click(screen.getByRole("button", { name: "See Publishing" }));
    expect(nav.screen).toBe("publishing");
    expect(screen.queryByText(/Published: “Salt”/)).toBeNull();
  });

  it("tells a failure once: dismissed, its retries failing the same way stay quiet", async () => {
    render(SignedIn, { user: editor, settings });
    await report(publisherReport([], [["Debt", "disk full"]]));
    expect(screen.getByRole("alert")).toHaveTextContent("Publishing failed: “Debt” (disk full)");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await report(publisherReport([], [["Debt", "disk full"]]));
    expect(screen.queryByRole("alert")).toBeNull();
    // A new reason is news.
    await report(publisherReport([], [["Debt", "the folder is gone"]]));
    expect(screen.getByRole("alert")).toHaveTextContent("Publishing failed: “Debt” (the folder is gone)");
  });

  it("does not show a late publication as a plain success", async () => {
    render(SignedIn, { user: editor, settings });
    const late = publisherReport(["Harbour dues"]);
    late.done[0].late_ms = 3 * 3_600_000;
    await report(late);
    expect(screen.getByText(/^Published late: “Harbour dues” \(by 3 h\)/)).toBeInTheDocument();
    expect(screen.queryByText(/^Published: /)).toBeNull();
  });

  it("tells contributors nothing of the desk's other pieces", async () => {
    render(SignedIn, { user: author, settings });
    await report(publisherReport(["Salt"]));
    expect(screen.queryByText(/Published:/)).toBeNull();
  });
});
