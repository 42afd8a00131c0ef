import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { AuditLog, DeskSettings, TransitionRecord, User } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import ActivityScreen from "./ActivityScreen.svelte";

const api = vi.hoisted(() => ({ auditLog: vi.fn(), listUsers: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
const live = vi.hoisted(() => ({ listeners: new Set<() => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.listeners.add(reload);
    return () => live.listeners.delete(reload);
  },
}));

const chief: User = { id: "u0", name: "Claire", role: "chief", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const maya: User = { id: "u1", name: "Maya", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const author: User = { id: "u9", name: "jane", role: "contributor", has_passphrase: false, contributor_id: "c3", created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

function entry(id: string, extra: Partial<TransitionRecord> = {}): TransitionRecord {
  return {
    id,
    article_id: "a1",
    headline: "Why ports matter",
    action: "claim",
    from: "submitted",
    to: "in_review",
    actor: "Maya",
    at: "2026-03-10T14:05:00Z",
    note: null,
    ...extra,
  };
}

const log = [
  entry("t4", {
    action: "request-changes",
    from: "in_review",
    to: "changes_requested",
    note: "Add a standfirst.",
    at: "2026-03-10T15:30:00Z",
  }),
  entry("t3"),
  entry("t2", { article_id: "a2", headline: "Salt", action: "publish", from: "scheduled", to: "published", actor: null, at: "2026-03-09T22:30:00Z" }),
];

describe("ActivityScreen", () => {
  beforeEach(() => {
    nav.reset();
    nav.screen = "activity";
    live.listeners.clear();
    api.auditLog.mockReset().mockImplementation(async ({ article = null, user = null, after = null }: AuditLog) => {
      let items = log.filter((e) => (article === null || e.article_id === article) && (user === null || user === "u1"));
      if (user === "u1") items = items.filter((e) => e.actor === "Maya");
      if (after === null && article === null && user === null) return { items: items.slice(0, 2), next: "c2" };
      if (after === "c2") return { items: items.slice(2), next: null };
      return { items, next: null };
    });
    api.listUsers.mockReset().mockResolvedValue([chief, maya]);
  });

  it("reads the log newest first, by day and time in the desk's zone, in words", async () => {
    render(ActivityScreen, { user: chief, settings });
    const day = await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    const lines = within(day).getAllByRole("listitem");
    expect(lines[0]).toHaveTextContent("16:30");
    expect(lines[0]).toHaveTextContent("Maya requested changes on Why ports matter");
    expect(lines[0]).toHaveTextContent("In review → Changes requested");
    expect(lines[0]).toHaveTextContent("Add a standfirst.");
    expect(lines[1]).toHaveTextContent("15:05");
    expect(lines[1]).toHaveTextContent("Maya claimed Why ports matter");
    expect(screen.getByText(/Times in Europe\/Paris/)).toBeInTheDocument();
    expect(api.auditLog).toHaveBeenCalledWith({ article: null, user: null, after: null, limit: 50 });
  });

  it("pages with Load more; the scheduler is named as such", async () => {
    render(ActivityScreen, { user: chief, settings });
    await userEvent.click(await screen.findByRole("button", { name: "Load more" }));
    const day = await screen.findByRole("region", { name: /Monday,? 9 March 2026/ });
    expect(within(day).getByRole("listitem")).toHaveTextContent(/23:30\s*The scheduler published Salt/);
    expect(api.auditLog).toHaveBeenLastCalledWith({ article: null, user: null, after: "c2", limit: 50 });
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
    expect(screen.getByText("That is the whole log.")).toBeInTheDocument();
  });

  it("narrows to one person", async () => {
    render(ActivityScreen, { user: chief, settings });
    await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    const by = screen.getByLabelText("By");
    await waitFor(() => expect(by).toBeEnabled());
    await userEvent.selectOptions(by, "u1");
    await waitFor(() => expect(api.auditLog).toHaveBeenLastCalledWith({ article: null, user: "u1", after: null, limit: 50 }));
    expect(await screen.findAllByText(/^Maya$/)).toHaveLength(2);
    expect(screen.queryByText("The scheduler")).not.toBeInTheDocument();
  });

  it("narrows to one article from an entry, shown as a chip that removes the filter", async () => {
    render(ActivityScreen, { user: chief, settings });
    await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    await userEvent.click(screen.getAllByRole("button", { name: "Only this article" })[0]);
    await waitFor(() => expect(api.auditLog).toHaveBeenLastCalledWith({ article: "a1", user: null, after: null, limit: 50 }));
    expect(screen.getByText("Article:")).toHaveTextContent("Article: Why ports matter");
    expect(screen.queryByRole("button", { name: "Only this article" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /Remove the article filter/ }));
    await waitFor(() => expect(api.auditLog).toHaveBeenLastCalledWith({ article: null, user: null, after: null, limit: 50 }));
    expect(screen.queryByText("Article:")).not.toBeInTheDocument();
  });

  it("opens an article from its headline", async () => {
    render(ActivityScreen, { user: chief, settings });
    await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    await userEvent.click(screen.getAllByRole("button", { name: "Why ports matter" })[0]);
    expect(nav.article).toBe("a1");
  });

  it("hides the person filter from whoever may not list the desk's people", async () => {
    api.listUsers.mockRejectedValue(new DeskError("forbidden", "jane may not list users"));
    render(ActivityScreen, { user: author, settings });
    await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    await waitFor(() => expect(screen.queryByLabelText("By")).not.toBeInTheDocument());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByText(/The moves on your articles/)).toBeInTheDocument();
  });

  it("says when nothing matches a filter", async () => {
    api.auditLog.mockResolvedValue({ items: [], next: null });
    nav.activityArticle = { id: "a9", headline: "Quiet piece" };
    render(ActivityScreen, { user: chief, settings });
    expect(await screen.findByText("No move matches on this article.")).toBeInTheDocument();
  });

  it("offers moves made since, at the top, instead of pushing them in", async () => {
    render(ActivityScreen, { user: chief, settings });
    await screen.findByRole("region", { name: /Tuesday,? 10 March 2026/ });
    const newer = entry("t5", { action: "approve", from: "in_review", to: "approved", at: "2026-03-10T16:00:00Z" });
    api.auditLog.mockResolvedValue({ items: [newer, ...log], next: null });
    live.listeners.forEach((l) => l());
    const offer = await screen.findByRole("button", { name: /1 new move since you opened this list/ });
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("1 new move in the activity log"));
    await userEvent.click(offer);
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(4));
    expect(screen.getAllByRole("listitem")[0]).toHaveTextContent("Maya approved Why ports matter");
    expect(screen.queryByRole("button", { name: /new move/ })).not.toBeInTheDocument();
    expect(api.auditLog).toHaveBeenLastCalledWith({ article: null, user: null, after: null, limit: 50 });
  });
});
