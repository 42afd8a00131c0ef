// Signing in to a team desk: name and passphrase typed, the server's refusal next to the fields.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import TeamSignIn from "./TeamSignIn.svelte";

const api = vi.hoisted(() => ({
  signIn: vi.fn(),
  signInChoices: vi.fn(),
  knownDesks: vi.fn(),
  joinTeamDesk: vi.fn(),
  useDesk: vi.fn(),
  forgetDesk: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const server = "https://desk.harbourpost.org";
const place = { kind: "team", server } as const;
const maya = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: true, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };

function show(onsignedin = vi.fn()) {
  render(TeamSignIn, { server, place, onsignedin });
  return onsignedin;
}

async function typeIn(name: string, passphrase: string) {
  await userEvent.type(screen.getByLabelText("Your name"), name);
  await userEvent.type(screen.getByLabelText("Passphrase"), passphrase);
}

describe("TeamSignIn", () => {
  beforeEach(() => {
    for (const call of Object.values(api)) call.mockReset();
    api.knownDesks.mockResolvedValue([]);
    api.useDesk.mockResolvedValue(null);
  });

  it("names the server, asks for a name and a passphrase, and lists no one", () => {
    show();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Sign in to the team desk at https://desk.harbourpost.org");
    expect(screen.getByLabelText("Your name")).toHaveFocus();
    expect(screen.getByLabelText("Passphrase")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Sign in" })).toHaveAccessibleDescription("Type your name and passphrase to sign in");
    expect(api.signInChoices).not.toHaveBeenCalled();
  });

  it("sends the name and passphrase typed, and hands on who signed in", async () => {
    api.signIn.mockResolvedValue(maya);
    const onsignedin = show();
    await typeIn("Maya Editor ", "harbour lights");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(api.signIn).toHaveBeenCalledWith("Maya Editor", "harbour lights");
    expect(onsignedin).toHaveBeenCalledWith(maya);
  });

  it("shows the server's refusal next to the fields, and the passphrase is typed again", async () => {
    api.signIn.mockRejectedValue(new DeskError("unauthenticated", "that name and passphrase do not match an account on this desk"));
    const onsignedin = show();
    await typeIn("Maya Editor", "wrong");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const refusal = await screen.findByRole("alert");
    expect(refusal).toHaveTextContent("that name and passphrase do not match an account on this desk");
    expect(refusal.closest("form")).toBe(screen.getByLabelText("Passphrase").closest("form"));
    expect(screen.getByLabelText("Passphrase")).toHaveFocus();
    expect(screen.getByLabelText("Passphrase")).toHaveAccessibleDescription(
      "that name and passphrase do not match an account on this desk",
    );
    expect(screen.getByLabelText("Your name")).toHaveValue("Maya Editor");
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it("says when sign-ins are slowed down", async () => {
    api.signIn.mockRejectedValue(new DeskError("rate_limited", "too many tries: wait a minute before signing in again"));
    show();
    await typeIn("Maya Editor", "again");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("too many tries: wait a minute");
  });

  it("puts a refusal about one field under that field", async () => {
    api.signIn.mockRejectedValue(new DeskError("invalid_input", "a team desk needs your passphrase", { field: "passphrase" }));
    show();
    await typeIn("Maya Editor", " ");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("alert");
    expect(screen.getByLabelText("Passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Passphrase")).toHaveAccessibleDescription("a team desk needs your passphrase");
    expect(screen.getByLabelText("Your name")).toHaveAttribute("aria-invalid", "false");
  });

  it("offers another desk: the desks used before and another team desk", async () => {
    api.knownDesks.mockResolvedValue([
      { place, name: "The Harbour Post", used_at: "2026-03-01T09:00:00Z" },
      { place: { kind: "file", path: "/data/desk.db" }, name: "Trial desk", used_at: "2026-02-01T09:00:00Z" },
    ]);
    show();
    const wayOut = screen.getByRole("button", { name: "Use another desk…" });
    expect(wayOut).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(wayOut);
    expect(wayOut).toHaveAttribute("aria-expanded", "true");
    await userEvent.click(await screen.findByRole("button", { name: "Open Trial desk" }));
    expect(api.useDesk).toHaveBeenCalledWith({ kind: "file", path: "/data/desk.db" });
    expect(screen.queryByRole("button", { name: "Open The Harbour Post" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Join" })).toBeInTheDocument();
  });
});
