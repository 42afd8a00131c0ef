// Presence on the Desk (a team desk): a chip on the line of each article someone else has open,
// asked every 5 s and after each change while the Desk shows; nothing on a desk file, nothing
// while the server is away.
import { render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeskSettings, ListArticles, Presence, User } from "../lib/bindings";
import { teamContext } from "../lib/deskContext";
import { nav } from "../lib/nav.svelte";
import { reach } from "../lib/reach.svelte";
import { summary } from "../test-stubs/desk";
import DeskHome from "./DeskHome.svelte";

const api = vi.hoisted(() => ({ listArticles: vi.fn(), journalList: vi.fn(), findContributors: vi.fn(), listPresence: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));
const live = vi.hoisted(() => ({ listeners: new Set<() => void>() }));
vi.mock("../lib/live", () => ({
  onDeskChanged: (reload: () => void) => {
    live.listeners.add(reload);
    return () => live.listeners.delete(reload);
  },
}));
const deskChanged = () => live.listeners.forEach((reload) => reload());

const me: User = { id: "u1", name: "Tom Chief", role: "editor", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = { name: "The Meridian", timezone: "Europe/Paris", sections: [] };

function here(over: Partial<Presence> = {}): Presence {
  return { article_id: "a", user_id: "u2", user_name: "Maya Editor", since: "2026-03-10T10:02:00Z", typing: false, ...over };
}

function show({ team = true } = {}) {
  return render(DeskHome, { props: { user: me, settings }, ...(team ? { context: teamContext() } : {}) });
}

const line = (headline: string) => screen.getByRole("option", { name: new RegExp(headline) });

describe("DeskHome presence", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    nav.reset();
    live.listeners.clear();
    localStorage.clear();
    api.journalList.mockReset().mockResolvedValue([]);
    api.findContributors.mockReset().mockResolvedValue([]);
    api.listArticles.mockReset().mockImplementation(async ({ filter = {} }: ListArticles) =>
      filter.state === "submitted" ? { items: [summary("a", "Why ports matter"), summary("b", "Harbour dues")], next: null } : { items: [], next: null },
    );
    api.listPresence.mockReset().mockResolvedValue([]);
  });
  afterEach(() => {
    reach.stop();
    vi.useRealTimers();
  });

  it("marks the line of an article someone else has open, leaving me out, and keeps the order", async () => {
    // I have "Harbour dues" open myself: no chip for me.
    api.listPresence.mockResolvedValue([here(), here({ article_id: "b", user_id: "u1", user_name: "Tom Chief" })]);
    show();
    await screen.findByText("Why ports matter");

    await vi.waitFor(() => expect(line("Why ports matter")).toHaveAccessibleName(/Open by Maya Editor/));
    expect(api.listPresence).toHaveBeenCalledWith({});
    const chip = within(line("Why ports matter")).getByText("Open by Maya Editor");
    expect(chip).toHaveClass("presence-chip");
    expect(within(line("Harbour dues")).queryByText(/Open by/)).not.toBeInTheDocument();
    expect(screen.getAllByRole("option").map((o) => o.id).filter((id) => id.startsWith("submitted"))).toEqual(["submitted-article-a", "submitted-article-b"]);
  });

  it("asks again every 5 s and after each change: typing, several people, and gone", async () => {
    show();
    await screen.findByText("Why ports matter");
    await vi.advanceTimersByTimeAsync(0);
    expect(api.listPresence).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Open by/)).not.toBeInTheDocument();

    api.listPresence.mockResolvedValue([here({ typing: true })]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(api.listPresence).toHaveBeenCalledTimes(2);
    expect(line("Why ports matter").querySelector(".presence-chip")).toHaveTextContent("Open by Maya Editor · typing");
    expect(line("Why ports matter")).toHaveAccessibleDescription("typing");

    api.listPresence.mockResolvedValue([here(), here({ user_id: "u3", user_name: "Ana Ruiz", since: "2026-03-10T10:05:00Z" })]);
    deskChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(within(line("Why ports matter")).getByText("Open by Maya Editor and Ana Ruiz")).toBeInTheDocument();

    api.listPresence.mockResolvedValue([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.queryByText(/Open by/)).not.toBeInTheDocument();
  });

  it("stops asking while an article is open over the Desk, and asks at once when it closes", async () => {
    show();
    await screen.findByText("Why ports matter");
    await vi.advanceTimersByTimeAsync(0);
    nav.openArticle("a");
    await vi.advanceTimersByTimeAsync(0);
    const asked = api.listPresence.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(api.listPresence).toHaveBeenCalledTimes(asked);
    await nav.closeArticle();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.listPresence).toHaveBeenCalledTimes(asked + 1);
  });

  it("asks nothing on a desk file", async () => {
    show({ team: false });
    await screen.findByText("Why ports matter");
    await vi.advanceTimersByTimeAsync(20_000);
    deskChanged();
    expect(api.listPresence).not.toHaveBeenCalled();
  });

  it("asks nothing while the server is away, and hides what it heard before", async () => {
    api.listPresence.mockResolvedValue([here()]);
    reach.team = true;
    show();
    await screen.findByText("Open by Maya Editor");
    reach.online = false;
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.queryByText(/Open by/)).not.toBeInTheDocument();
    const asked = api.listPresence.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    deskChanged();
    expect(api.listPresence).toHaveBeenCalledTimes(asked);
  });
});
