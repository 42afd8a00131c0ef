import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import { machineZone } from "../lib/zones";
import Welcome from "./Welcome.svelte";

const api = vi.hoisted(() => ({
  initDesk: vi.fn(),
  fillSampleDesk: vi.fn(),
  knownDesks: vi.fn(),
  joinTeamDesk: vi.fn(),
  useDesk: vi.fn(),
  forgetDesk: vi.fn(),
}));
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
    api.knownDesks.mockReset().mockResolvedValue([]);
    api.joinTeamDesk.mockReset();
    api.useDesk.mockReset().mockResolvedValue(null);
    api.forgetDesk.mockReset();
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

const here = { kind: "file", path: "/data/desk.db" } as const;
const harbour = { kind: "team", server: "https://desk.harbourpost.org" } as const;
const used = "2026-03-01T09:00:00Z";

describe("Welcome: a team desk", () => {
  beforeEach(() => {
    api.initDesk.mockReset();
    api.knownDesks.mockReset().mockResolvedValue([]);
    api.joinTeamDesk.mockReset();
    api.useDesk.mockReset().mockResolvedValue(null);
    api.forgetDesk.mockReset();
  });

  it("offers both ways in: a desk on this computer and a team desk", () => {
    render(Welcome, { dbPath: "/data/desk.db", place: here, oncreated: () => {} });
    expect(screen.getByRole("heading", { name: "A desk on this computer" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Join a team desk" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Join" })).toBeInTheDocument();
  });

  it("joins the server typed, saying it checks it, then that the app opens the team desk", async () => {
    let answer!: (value: null) => void;
    api.joinTeamDesk.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(Welcome, { dbPath: null, place: here, oncreated: () => {} });
    await userEvent.type(screen.getByLabelText(/team desk's address/), "https://desk.harbourpost.org/");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(api.joinTeamDesk).toHaveBeenCalledWith("https://desk.harbourpost.org/");
    expect(await screen.findByText("Checking the server…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Join" })).toBeDisabled();
    answer(null);
    expect(await screen.findByText("Joining desk.harbourpost.org — Copydesk opens the team desk.")).toBeInTheDocument();
    expect(screen.queryByText("Checking the server…")).not.toBeInTheDocument();
    expect(api.initDesk).not.toHaveBeenCalled();
  });

  it("says next to the address what is wrong with it, and puts the focus there", async () => {
    api.joinTeamDesk.mockRejectedValue(
      new DeskError("usage", "“harbour” is not a server address: type it as https://desk.example.org", { field: "server" }),
    );
    render(Welcome, { dbPath: null, place: here, oncreated: () => {} });
    const address = screen.getByLabelText(/team desk's address/);
    await userEvent.type(address, "harbour");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("“harbour” is not a server address");
    expect(address).toHaveFocus();
    expect(address).toHaveAttribute("aria-invalid", "true");
    expect(address).toHaveAccessibleDescription("“harbour” is not a server address: type it as https://desk.example.org");
    expect(screen.queryByText(/Joining/)).not.toBeInTheDocument();
  });

  it("says so when the server does not answer, and a second try clears it", async () => {
    api.joinTeamDesk.mockRejectedValueOnce(
      new DeskError("unavailable", "the server at https://desk.harbourpost.org did not answer: check the address, or try again later"),
    );
    render(Welcome, { dbPath: null, place: here, oncreated: () => {} });
    const address = screen.getByLabelText(/team desk's address/);
    await userEvent.type(address, "https://desk.harbourpost.org");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("did not answer");
    expect(address).toHaveFocus();
    api.joinTeamDesk.mockResolvedValueOnce(null);
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByText(/Copydesk opens the team desk/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(address).toHaveAttribute("aria-invalid", "false");
  });

  it("asks for an address rather than joining nothing", async () => {
    render(Welcome, { dbPath: null, place: here, oncreated: () => {} });
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Type the team desk's address");
    expect(screen.getByLabelText(/team desk's address/)).toHaveFocus();
    expect(api.joinTeamDesk).not.toHaveBeenCalled();
  });

  it("lists the desks used before, without this one, and opens one", async () => {
    api.knownDesks.mockResolvedValue([
      { place: harbour, name: "The Harbour Post", used_at: used },
      { place: here, name: null, used_at: used },
      { place: { kind: "file", path: "/data/trial.db" }, name: "Trial desk", used_at: used },
    ]);
    render(Welcome, { dbPath: "/data/desk.db", place: here, oncreated: () => {} });
    const list = await screen.findByRole("heading", { name: "Desks used before" });
    const section = list.closest("section")!;
    expect(section).toHaveTextContent("The Harbour Post");
    expect(section).toHaveTextContent("Team desk at desk.harbourpost.org");
    expect(section).toHaveTextContent("Trial desk");
    expect(section).not.toHaveTextContent("/data/desk.db");
    expect(screen.queryByRole("button", { name: "Forget Trial desk" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Open The Harbour Post" }));
    expect(api.useDesk).toHaveBeenCalledWith(harbour);
    expect(await screen.findByText("Opening The Harbour Post…")).toBeInTheDocument();
  });

  it("forgets a team desk whose server is gone", async () => {
    api.knownDesks.mockResolvedValue([
      { place: harbour, name: "The Harbour Post", used_at: used },
      { place: { kind: "file", path: "/data/trial.db" }, name: "Trial desk", used_at: used },
    ]);
    api.forgetDesk.mockResolvedValue([{ place: { kind: "file", path: "/data/trial.db" }, name: "Trial desk", used_at: used }]);
    render(Welcome, { dbPath: "/data/desk.db", place: here, oncreated: () => {} });
    await userEvent.click(await screen.findByRole("button", { name: "Forget The Harbour Post" }));
    expect(api.forgetDesk).toHaveBeenCalledWith(harbour);
    await vi.waitFor(() => expect(screen.queryByText("The Harbour Post")).not.toBeInTheDocument());
    expect(screen.getByText("Trial desk")).toBeInTheDocument();
    expect(api.useDesk).not.toHaveBeenCalled();
  });

  it("shows no list when this is the only desk used", async () => {
    api.knownDesks.mockResolvedValue([{ place: here, name: null, used_at: used }]);
    render(Welcome, { dbPath: "/data/desk.db", place: here, oncreated: () => {} });
    await vi.waitFor(() => expect(api.knownDesks).toHaveBeenCalled());
    await Promise.resolve();
    expect(screen.queryByRole("heading", { name: "Desks used before" })).not.toBeInTheDocument();
  });
});
