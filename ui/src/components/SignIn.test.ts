import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import SignIn from "./SignIn.svelte";

const api = vi.hoisted(() => ({
  signInChoices: vi.fn(),
  signIn: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const maya = { name: "Maya Editor", role: "editor", needs_passphrase: false } as const;
const chief = { name: "Ruth Chief", role: "chief", needs_passphrase: true } as const;

describe("SignIn", () => {
  beforeEach(() => {
    api.signInChoices.mockResolvedValue([chief, maya]);
    api.signIn.mockReset();
  });

  it("lists the desk's people with their roles", async () => {
    render(SignIn, { onsignedin: () => {} });
    expect(await screen.findByText("Maya Editor")).toBeInTheDocument();
    expect(screen.getByText("Chief editor")).toBeInTheDocument();
  });

  it("signs in at once a user who has no passphrase", async () => {
    const user = { id: "u1", name: maya.name, role: maya.role, has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
    api.signIn.mockResolvedValue(user);
    const onsignedin = vi.fn();
    render(SignIn, { onsignedin });
    await userEvent.click(await screen.findByText("Maya Editor"));
    expect(api.signIn).toHaveBeenCalledWith("Maya Editor", null);
    expect(onsignedin).toHaveBeenCalledWith(user);
  });

  it("asks for the passphrase and shows the core's words when it is wrong", async () => {
    api.signIn.mockRejectedValue(new DeskError("unauthenticated", "wrong passphrase for Ruth Chief"));
    render(SignIn, { onsignedin: () => {} });
    await userEvent.click(await screen.findByText("Ruth Chief"));
    expect(api.signIn).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Sign in" })).toHaveAccessibleDescription("Type the passphrase to sign in");
    await userEvent.type(screen.getByLabelText("Passphrase for Ruth Chief"), "nope");
    expect(screen.queryByText("Type the passphrase to sign in")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(api.signIn).toHaveBeenCalledWith("Ruth Chief", "nope");
    expect(await screen.findByRole("alert")).toHaveTextContent("wrong passphrase for Ruth Chief");
  });
});
