// The Desk's list of text kept on this computer follows what a team desk's server took.
import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JournalEntry } from "../lib/bindings";
import { reach } from "../lib/reach.svelte";
import KeptTextList from "./KeptTextList.svelte";

const api = vi.hoisted(() => ({ journalList: vi.fn(), journalSend: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));

const kept = (id: string, headline: string): JournalEntry => ({ article_id: id, base_version: 1, edit: { headline }, written_at: "2026-03-01T09:00:00Z" });

describe("KeptTextList", () => {
  afterEach(() => reach.stop());

  it("reads the kept text again once it was sent to the server", async () => {
    let entries = [kept("a1", "Why ports matter")];
    api.journalList.mockImplementation(async () => entries);
    render(KeptTextList, { timezone: "Europe/London" });
    expect(await screen.findByRole("button", { name: "Why ports matter" })).toBeInTheDocument();
    api.journalSend.mockImplementation(async () => {
      entries = [];
      return { sent: ["a1"], conflicts: [], refused: [], waiting: [] };
    });
    reach.start({
      now: async () => ({ online: true, problem: null }),
      listen: () => () => {},
      list: () => api.journalList(),
      send: (except) => api.journalSend(except),
      open: () => null,
    });
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Why ports matter" })).not.toBeInTheDocument());
    expect(api.journalSend).toHaveBeenCalledWith([]);
  });
});
