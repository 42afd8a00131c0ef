import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Side } from "../lib/draft";
import ConflictView from "./ConflictView.svelte";

const base: Side = {
  headline: "Why ports matter",
  standfirst: "Trade runs through them.",
  body: "Ports carry most of the trade.",
  section: "Opinion",
  tags: "trade",
  byline: "Ana Ruiz",
  bios: "Ana Ruiz: follows the contributor's bio",
  related: "",
};

function setup(extra: Record<string, unknown> = {}) {
  const handlers = { onkeepmine: vi.fn(), ontaketheirs: vi.fn(), oncopy: vi.fn() };
  render(ConflictView, {
    mine: { ...base, body: "Ports carry most of the trade, and all of the risk." },
    theirs: { ...base, headline: "Why ports still matter", body: "Ports carry nearly all the trade." },
    baseVersion: 4,
    theirVersion: 5,
    changedAt: "10 Mar 2026, 15:05 (Europe/Paris)",
    ...handlers,
    ...extra,
  });
  return handlers;
}

describe("ConflictView", () => {
  it("shows both versions side by side, with each side's own words marked", () => {
    setup();
    expect(screen.getByRole("heading", { name: "This article was changed elsewhere" })).toBeInTheDocument();
    expect(screen.getByText(/based on version 4; it is now at version 5, saved 10 Mar 2026, 15:05/)).toBeInTheDocument();
    expect(screen.getByLabelText("Body, yours")).toHaveTextContent("Ports carry most of the trade, and all of the risk.");
    expect(screen.getByLabelText("Body, theirs")).toHaveTextContent("Ports carry nearly all the trade.");
    const mine = Array.from(screen.getByLabelText("Body, yours").querySelectorAll("mark")).map((m) => m.textContent);
    expect(mine.join("|")).toContain("most of");
    const theirs = Array.from(screen.getByLabelText("Body, theirs").querySelectorAll("mark")).map((m) => m.textContent);
    expect(theirs).toContain("nearly ");
    expect(screen.getByLabelText("Headline, theirs")).toHaveTextContent("Why ports still matter");
    expect(screen.queryByLabelText("Standfirst, yours")).not.toBeInTheDocument();
    expect(screen.getByText(/The same in both: standfirst, section, tags/)).toBeInTheDocument();
  });

  it("hands each choice to the editor", async () => {
    const handlers = setup();
    await userEvent.click(screen.getByRole("button", { name: "Keep mine" }));
    expect(handlers.onkeepmine).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Take theirs" }));
    expect(handlers.ontaketheirs).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Copy my text" }));
    expect(handlers.oncopy).toHaveBeenCalledTimes(1);
  });

  it("offers only the two choices the core settles in one go, and none while one is under way", () => {
    setup({ busy: true, problem: "It changed again meanwhile: here is the newest version." });
    expect(screen.getByRole("button", { name: "Keep mine" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Take theirs" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: /dropping mine/ })).not.toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("It changed again meanwhile");
    expect(screen.getByText(/Your text goes into the history first, then theirs comes back on top/)).toBeInTheDocument();
  });

  it("waits for their version before offering to choose, but lets the writer copy theirs meanwhile", () => {
    setup({ theirs: null, theirVersion: null, changedAt: null });
    expect(screen.getByText("Fetching the version now stored…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Keep mine" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Copy my text" })).toBeEnabled();
  });
});
