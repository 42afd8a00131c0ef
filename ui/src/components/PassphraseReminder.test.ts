import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { User } from "../lib/bindings";
import PassphraseReminder from "./PassphraseReminder.svelte";

const api = vi.hoisted(() => ({ setPassphrase: vi.fn() }));
vi.mock("../lib/api", async (original) => ({ ...(await original<typeof import("../lib/api")>()), api }));

const chief: User = { id: "u1", name: "Claire", role: "chief", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };

describe("PassphraseReminder", () => {
  beforeEach(() => api.setPassphrase.mockReset());

  it("reminds a chief without a passphrase, and nobody else", () => {
    const { unmount } = render(PassphraseReminder, { user: { ...chief, has_passphrase: true } });
    expect(screen.queryByRole("region")).toBeNull();
    unmount();
    const editor = render(PassphraseReminder, { user: { ...chief, role: "editor" } });
    expect(screen.queryByRole("region")).toBeNull();
    editor.unmount();
    render(PassphraseReminder, { user: chief });
    expect(screen.getByRole("region", { name: "You have no passphrase" })).toHaveTextContent("Anyone who opens this desk can sign in as you");
  });

  it("sets one there and then, asking for it twice, and says the core's refusal in its words", async () => {
    api.setPassphrase.mockRejectedValueOnce(new DeskError("invalid_input", "a passphrase needs at least 8 characters", { field: "passphrase" }));
    api.setPassphrase.mockResolvedValueOnce({ ...chief, has_passphrase: true });
    render(PassphraseReminder, { user: chief });
    await userEvent.click(screen.getByRole("button", { name: "Set a passphrase" }));
    expect(screen.getByLabelText("New passphrase")).toHaveFocus();
    expect(screen.getByRole("button", { name: "Set passphrase" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Set passphrase" })).toHaveAccessibleDescription("Type a passphrase to set it");
    await userEvent.type(screen.getByLabelText("New passphrase"), "short");
    expect(screen.queryByText("Type a passphrase to set it")).toBeNull();
    await userEvent.type(screen.getByLabelText("The same again"), "shorter");
    await userEvent.click(screen.getByRole("button", { name: "Set passphrase" }));
    expect(screen.getByRole("alert")).toHaveTextContent("The two passphrases differ");
    expect(api.setPassphrase).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText("The same again"));
    await userEvent.type(screen.getByLabelText("The same again"), "short");
    await userEvent.click(screen.getByRole("button", { name: "Set passphrase" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("a passphrase needs at least 8 characters");
    await userEvent.clear(screen.getByLabelText("New passphrase"));
    await userEvent.type(screen.getByLabelText("New passphrase"), "salt and ink");
    await userEvent.clear(screen.getByLabelText("The same again"));
    await userEvent.type(screen.getByLabelText("The same again"), "salt and ink");
    await userEvent.click(screen.getByRole("button", { name: "Set passphrase" }));
    expect(api.setPassphrase).toHaveBeenLastCalledWith({ user: "u1", passphrase: "salt and ink" });
    expect(await screen.findByRole("status")).toHaveTextContent("Your passphrase is set");
  });
});
