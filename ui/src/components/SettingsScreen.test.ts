import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { DeskSettings, PublishingSettings, User } from "../lib/bindings";
import SettingsScreen from "./SettingsScreen.svelte";

const api = vi.hoisted(() => ({
  publishingSettings: vi.fn(),
  putSection: vi.fn(),
  setTimezone: vi.fn(),
  setPublishFolder: vi.fn(),
  setPublishTarget: vi.fn(),
  testPublishTarget: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

const chief: User = { id: "u0", name: "Claire", role: "chief", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const editor: User = { id: "u1", name: "Maya Editor", role: "editor", has_passphrase: false, contributor_id: null, created_at: "2026-03-01T09:00:00Z" };
const settings: DeskSettings = {
  name: "The Meridian",
  timezone: "Europe/Paris",
  sections: [{ name: "Opinion", min_words: 600, max_words: 1200 }],
};
const publishing: PublishingSettings = {
  publish_folder: "/srv/meridian",
  site_url: null,
  target: { kind: "folder" },
  sections: [
    {
      name: "Opinion",
      min_words: 600,
      max_words: 1200,
      // As the core lists them: one per slot.
      slots: ["Mon", "Tue", "Wed", "Thu", "Fri"].flatMap((d) => [`${d} 08:00`, `${d} 12:00`]).concat(["Sat 10:30"]),
    },
    { name: "News", min_words: null, max_words: null, slots: [] },
  ],
};

describe("SettingsScreen", () => {
  beforeEach(() => {
    api.publishingSettings.mockReset().mockResolvedValue(publishing);
    api.putSection.mockReset();
    api.setTimezone.mockReset();
    api.setPublishFolder.mockReset();
    api.setPublishTarget.mockReset();
    api.testPublishTarget.mockReset();
  });

  it("shows the zone, each section's limits and slots as the desk writes them, and the folder", async () => {
    render(SettingsScreen, { user: chief, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    expect(within(opinion).getByLabelText(/^Fewest words/)).toHaveValue(600);
    expect(within(opinion).getByLabelText(/^Most words/)).toHaveValue(1200);
    expect(within(opinion).getByLabelText(/^Publication slots/)).toHaveValue("Mon-Fri 08:00 12:00\nSat 10:30");
    // Nothing typed yet: nothing to save.
    expect(within(opinion).getByRole("button", { name: "Save Opinion" })).toBeDisabled();
    expect(screen.getByLabelText(/^The zone every time/)).toHaveValue("Europe/Paris");
    expect(screen.getByLabelText(/^The folder the site/)).toHaveValue("/srv/meridian");
    expect(screen.getByText(/Changing the zone keeps every instant/)).toBeInTheDocument();
  });

  it("saves a section's slot lines and shows the core's parse error next to them, text kept", async () => {
    api.putSection.mockRejectedValue(
      new DeskError("invalid_input", "“Mon-Fry 08:00” is not a slot: unknown day “Fry” (write it like \"Mon-Fri 08:00\" or \"Sat,Sun 10:30 16:00\")", {
        field: "slots",
      }),
    );
    render(SettingsScreen, { user: chief, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    const slots = within(opinion).getByLabelText(/^Publication slots/);
    await userEvent.clear(slots);
    await userEvent.type(slots, "Mon-Fry 08:00");
    await userEvent.click(within(opinion).getByRole("button", { name: "Save Opinion" }));
    expect(api.putSection).toHaveBeenCalledWith({ section: { name: "Opinion", min_words: 600, max_words: 1200, slots: ["Mon-Fry 08:00"] } });
    const problem = await within(opinion).findByRole("alert");
    expect(problem).toHaveTextContent("“Mon-Fry 08:00” is not a slot: unknown day “Fry”");
    expect(problem.id).toBe(slots.getAttribute("aria-describedby"));
    expect(slots).toHaveValue("Mon-Fry 08:00");
    expect(slots).toHaveAttribute("aria-invalid", "true");
  });

  it("shows a refused word limit next to the limits, as the core's field says", async () => {
    api.putSection.mockRejectedValue(
      new DeskError("invalid_input", "the minimum (900 words) is above the maximum (800 words)", { field: "min_words" }),
    );
    render(SettingsScreen, { user: chief, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    const min = within(opinion).getByLabelText(/^Fewest words/);
    await userEvent.clear(min);
    await userEvent.type(min, "900");
    const max = within(opinion).getByLabelText(/^Most words/);
    await userEvent.clear(max);
    await userEvent.type(max, "800");
    await userEvent.click(within(opinion).getByRole("button", { name: "Save Opinion" }));
    expect(await within(opinion).findByRole("alert")).toHaveTextContent("The minimum (900 words) is above the maximum (800 words)");
    expect(min).toHaveAttribute("aria-invalid", "true");
    expect(min).toHaveValue(900);
  });

  it("puts a refusal that names no field under the section's button", async () => {
    api.putSection.mockRejectedValue(new DeskError("storage", "the desk's data could not be read or written: nothing was changed"));
    render(SettingsScreen, { user: chief, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    const slots = within(opinion).getByLabelText(/^Publication slots/);
    await userEvent.type(slots, "{Enter}Sun 09:00");
    await userEvent.click(within(opinion).getByRole("button", { name: "Save Opinion" }));
    expect(await within(opinion).findByRole("alert")).toHaveTextContent("The desk's data could not be read or written: nothing was changed");
    expect(slots).toHaveAttribute("aria-invalid", "false");
  });

  it("saves a section, and reads the settings again", async () => {
    api.putSection.mockImplementation(async ({ section }) => section);
    render(SettingsScreen, { user: chief, settings });
    const news = await screen.findByRole("form", { name: "Section News" });
    await userEvent.type(within(news).getByLabelText(/^Publication slots/), "Mon-Fri 07:00{Enter}Sat 09:30");
    const saved = ["Mon", "Tue", "Wed", "Thu", "Fri"].map((d) => `${d} 07:00`).concat(["Sat 09:30"]);
    api.publishingSettings.mockResolvedValue({
      ...publishing,
      sections: [publishing.sections[0], { ...publishing.sections[1], slots: saved }],
    });
    await userEvent.click(within(news).getByRole("button", { name: "Save News" }));
    expect(api.putSection).toHaveBeenCalledWith({ section: { name: "News", min_words: null, max_words: null, slots: ["Mon-Fri 07:00", "Sat 09:30"] } });
    await waitFor(() => expect(api.publishingSettings).toHaveBeenCalledTimes(2));
    const again = screen.getByRole("form", { name: "Section News" });
    expect(await within(again).findByText("News saved.")).toBeInTheDocument();
    expect(within(again).getByLabelText(/^Publication slots/)).toHaveValue("Mon-Fri 07:00\nSat 09:30");
  });

  it("saves the publish folder as the core answers it", async () => {
    api.setPublishFolder.mockResolvedValue({ ...publishing, publish_folder: "/srv/site" });
    render(SettingsScreen, { user: chief, settings });
    const folder = await screen.findByLabelText(/^The folder the site/);
    await waitFor(() => expect(folder).toHaveValue("/srv/meridian"));
    await userEvent.clear(folder);
    await userEvent.type(folder, "/srv/site/ ");
    await userEvent.click(screen.getByRole("button", { name: "Save the folder" }));
    expect(api.setPublishFolder).toHaveBeenCalledWith({ folder: "/srv/site/" });
    expect(await screen.findByText("The site is written to /srv/site.")).toBeInTheDocument();
    expect(folder).toHaveValue("/srv/site");
  });

  it("refuses a publish folder that cannot be created, next to the field", async () => {
    api.setPublishFolder.mockRejectedValue(
      new DeskError("invalid_input", "the publish folder /proc/site cannot be created: permission denied"),
    );
    render(SettingsScreen, { user: chief, settings });
    const folder = await screen.findByLabelText(/^The folder the site/);
    await waitFor(() => expect(folder).toHaveValue("/srv/meridian"));
    await userEvent.clear(folder);
    await userEvent.type(folder, "/proc/site");
    await userEvent.click(screen.getByRole("button", { name: "Save the folder" }));
    expect(api.setPublishFolder).toHaveBeenCalledWith({ folder: "/proc/site" });
    expect(await screen.findByRole("alert")).toHaveTextContent("The publish folder /proc/site cannot be created: permission denied");
    expect(folder).toHaveValue("/proc/site");
  });

  it("changes the zone and says every instant stays", async () => {
    api.setTimezone.mockResolvedValue({ ...settings, timezone: "America/New_York" });
    render(SettingsScreen, { user: chief, settings });
    await userEvent.selectOptions(await screen.findByLabelText(/^The zone every time/), "America/New_York");
    await userEvent.click(screen.getByRole("button", { name: "Change the zone" }));
    expect(api.setTimezone).toHaveBeenCalledWith({ zone: "America/New_York" });
    expect(await screen.findByText(/The desk's zone is now America\/New_York \(it was Europe\/Paris\)/)).toHaveTextContent(
      "Every scheduled and published time is the same instant as before",
    );
  });

  it("shows where pieces are published, as the desk reads it, and keeps it after the chief saves it", async () => {
    const wordpress = {
      kind: "wordpress",
      url: "https://news.example.org/",
      user: "desk-bot",
      password_saved: true,
      password_kept: { kind: "keyring" },
    } as const;
    api.setPublishTarget.mockResolvedValue({ ...publishing, target: wordpress });
    render(SettingsScreen, { user: chief, settings });
    const panel = await screen.findByRole("region", { name: "Where pieces are published" });
    expect(within(panel).getByText(/^Now:/)).toHaveTextContent("Now: The publish folder (a static site).");
    await userEvent.click(within(panel).getByLabelText("A WordPress site"));
    await userEvent.type(within(panel).getByLabelText("The site's address"), "https://news.example.org/");
    await userEvent.type(within(panel).getByLabelText("The WordPress user"), "desk-bot");
    await userEvent.type(within(panel).getByLabelText("Application password"), "abcd efgh");
    await userEvent.click(within(panel).getByRole("button", { name: "Save where pieces go" }));
    expect(await within(panel).findByText("Pieces now go to WordPress at https://news.example.org/ as desk-bot.")).toBeInTheDocument();
    expect(within(panel).getByText(/^Now:/)).toHaveTextContent(
      "Now: WordPress at https://news.example.org/ as desk-bot. An application password is saved, kept in the system keyring.",
    );
    expect(within(panel).getByLabelText("Application password")).toHaveValue("");
  });

  it("shows an editor the settings without a way to change them", async () => {
    api.publishingSettings.mockResolvedValue({
      ...publishing,
      target: { kind: "wordpress", url: "https://news.example.org/", user: "desk-bot", password_saved: false, password_kept: null },
    });
    render(SettingsScreen, { user: editor, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    const target = screen.getByRole("region", { name: "Where pieces are published" });
    expect(within(target).getByText(/^Now:/)).toHaveTextContent(
      "Now: WordPress at https://news.example.org/ as desk-bot. No application password is saved.",
    );
    expect(within(target).getByLabelText("The site's address")).toHaveAttribute("readonly");
    expect(within(target).getByRole("button", { name: "Test the connection" })).toBeEnabled();
    expect(within(opinion).getByLabelText(/^Publication slots/)).toHaveAttribute("readonly");
    expect(screen.queryByRole("button", { name: /^Save/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Change the zone" })).toBeNull();
    expect(screen.getByLabelText(/^The zone every time/)).toBeDisabled();
    expect(screen.getByText(/Only the chief editor changes these/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^The zone every time/)).toHaveAccessibleDescription(/^Only the chief editor changes the zone/);
  });

  it("says beside each button the chief cannot press yet why it waits", async () => {
    render(SettingsScreen, { user: chief, settings });
    const opinion = await screen.findByRole("form", { name: "Section Opinion" });
    const save = within(opinion).getByRole("button", { name: "Save Opinion" });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription("No changes to save");
    await userEvent.clear(within(opinion).getByLabelText(/^Most words/));
    await userEvent.type(within(opinion).getByLabelText(/^Most words/), "1500");
    expect(save).toBeEnabled();
    expect(within(opinion).queryByText("No changes to save")).toBeNull();

    const zone = screen.getByRole("button", { name: "Change the zone" });
    expect(zone).toBeDisabled();
    expect(zone).toHaveAccessibleDescription("Choose another zone to change to");
    await userEvent.selectOptions(screen.getByLabelText(/^The zone every time/), "America/New_York");
    expect(zone).toBeEnabled();
    expect(screen.queryByText("Choose another zone to change to")).toBeNull();

    const folder = screen.getByRole("button", { name: "Save the folder" });
    await waitFor(() => expect(folder).toHaveAccessibleDescription("No change to save"));
    expect(folder).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^The folder the site/), "/2027");
    expect(folder).toBeEnabled();
    expect(folder).not.toHaveAttribute("aria-describedby");

    await userEvent.click(screen.getByRole("button", { name: "Add a section" }));
    const adding = screen.getByRole("form", { name: "New section" });
    const add = within(adding).getByRole("button", { name: "Add the section" });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription("Name the section to add it");
    await userEvent.type(within(adding).getByLabelText("Name"), "Culture");
    expect(add).toBeEnabled();
  });

  it("asks for a folder when none is set yet", async () => {
    api.publishingSettings.mockResolvedValue({ ...publishing, publish_folder: null });
    render(SettingsScreen, { user: chief, settings });
    const folder = await screen.findByRole("button", { name: "Save the folder" });
    await waitFor(() => expect(folder).toHaveAccessibleDescription("Type a folder to save it"));
  });
});
