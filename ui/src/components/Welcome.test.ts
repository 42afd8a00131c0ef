import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import { machineZone } from "../lib/zones";
import Welcome from "./Welcome.svelte";

const api = vi.hoisted(() => ({ initDesk: vi.fn(), fillSampleDesk: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

async function fillIn() {
  await userEvent.type(screen.getByLabelText("Desk name"), "The Harbour Post");
  await userEvent.type(screen.getByLabelText("Chief editor's name"), "Ines Okafor");
}

describe("Welcome", () => {
  beforeEach(() => {
    api.initDesk.mockReset().mockResolvedValue({});
    api.fillSampleDesk.mockReset().mockResolvedValue({ users: [], contributors: 12, articles: 60 });
  });

  it("preselects the machine's time zone among the IANA zones", () => {
    render(Welcome, { dbPath: "/data/desk.db", oncreated: () => {} });
    const zone = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect(zone.value).toBe(machineZone());
    expect(zone.options.length).toBeGreaterThan(100);
    expect(screen.getByText("The desk is kept in /data/desk.db")).toBeInTheDocument();
  });

  it("creates the desk, without the sample unless asked", async () => {
    const oncreated = vi.fn();
    render(Welcome, { dbPath: null, oncreated });
    await fillIn();
    await userEvent.click(screen.getByRole("button", { name: "Create the desk" }));
    expect(api.initDesk).toHaveBeenCalledWith({
      name: "The Harbour Post",
      timezone: machineZone(),
      chief_name: "Ines Okafor",
      chief_passphrase: null,
    });
    expect(api.fillSampleDesk).not.toHaveBeenCalled();
    expect(oncreated).toHaveBeenCalled();
  });

  it("fills the new desk with the sample when asked", async () => {
    render(Welcome, { dbPath: null, oncreated: () => {} });
    await fillIn();
    await userEvent.click(screen.getByRole("checkbox"));
    await userEvent.click(screen.getByRole("button", { name: "Create the desk" }));
    expect(api.fillSampleDesk).toHaveBeenCalledWith({ articles: 60 });
  });

  it("shows the core's words and keeps what was typed when creating fails", async () => {
    api.initDesk.mockRejectedValue(new DeskError("invalid_input", "the desk needs a name"));
    const oncreated = vi.fn();
    render(Welcome, { dbPath: null, oncreated });
    await fillIn();
    await userEvent.click(screen.getByRole("button", { name: "Create the desk" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the desk needs a name");
    expect(screen.getByLabelText("Chief editor's name")).toHaveValue("Ines Okafor");
    expect(oncreated).not.toHaveBeenCalled();
  });
});
