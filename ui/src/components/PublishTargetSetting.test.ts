import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import type { PublishingSettings, PublishTarget, TargetCheck } from "../lib/bindings";
import PublishTargetSetting from "./PublishTargetSetting.svelte";

const api = vi.hoisted(() => ({
  setPublishTarget: vi.fn(),
  testPublishTarget: vi.fn(),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const folder: PublishTarget = { kind: "folder" };
const wordpress: PublishTarget = {
  kind: "wordpress",
  url: "https://news.example.org/",
  user: "desk-bot",
  password_saved: true,
  password_kept: { kind: "keyring" },
};
const publishing = (target: PublishTarget): PublishingSettings => ({
  publish_folder: "/srv/meridian",
  site_url: null,
  target,
  sections: [],
});

describe("PublishTargetSetting", () => {
  beforeEach(() => {
    api.setPublishTarget.mockReset();
    api.testPublishTarget.mockReset();
  });

  it("lets the chief switch to WordPress, and sends the address, the user and the password as typed", async () => {
    // No keyring on this computer: the password went to a file, and the panel says which.
    const saved: PublishTarget = {
      kind: "wordpress",
      url: "https://news.example.org/",
      user: "desk-bot",
      password_saved: true,
      password_kept: { kind: "file", path: "/home/claire/desk.db.wordpress-password" },
    };
    api.setPublishTarget.mockResolvedValue(publishing(saved));
    const onsaved = vi.fn();
    render(PublishTargetSetting, { props: { chief: true, target: folder, onsaved } });
    expect(screen.getByText(/^Now:/)).toHaveTextContent("Now: The publish folder (a static site).");
    expect(screen.getByLabelText("The publish folder (a static site)")).toBeChecked();
    expect(screen.queryByLabelText("The site's address")).toBeNull();
    const save = screen.getByRole("button", { name: "Save where pieces go" });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription("No change to save");

    await userEvent.click(screen.getByLabelText("A WordPress site"));
    await userEvent.type(screen.getByLabelText("The site's address"), "https://news.example.org/");
    await userEvent.type(screen.getByLabelText("The WordPress user"), "desk-bot");
    const password = screen.getByLabelText("Application password");
    expect(password).toHaveAttribute("type", "password");
    expect(password).toHaveValue("");
    expect(password).toHaveAccessibleDescription(/Users → Profile → Application Passwords.*never shown again/);
    await userEvent.type(password, "abcd EFGH 1234");
    await userEvent.click(save);

    expect(api.setPublishTarget).toHaveBeenCalledTimes(1);
    expect(api.setPublishTarget.mock.calls[0][0]).toStrictEqual({
      target: { kind: "wordpress", url: "https://news.example.org/", user: "desk-bot", password: "abcd EFGH 1234" },
    });
    expect(await screen.findByText("Pieces now go to WordPress at https://news.example.org/ as desk-bot.")).toHaveAttribute("role", "status");
    expect(screen.getByText(/^Now:/)).toHaveTextContent(
      "Now: WordPress at https://news.example.org/ as desk-bot. An application password is saved, kept in /home/claire/desk.db.wordpress-password (readable only by its owner).",
    );
    // The password went in; it is not kept in the form, and a saved one is said to be kept.
    expect(password).toHaveValue("");
    expect(password).toHaveAttribute("placeholder", "Saved: leave empty to keep it");
    expect(onsaved).toHaveBeenCalledWith(publishing(saved));
  });

  it("keeps the saved password when the field is left empty", async () => {
    api.setPublishTarget.mockResolvedValue(publishing({ ...wordpress, user: "night-desk" } as PublishTarget));
    render(PublishTargetSetting, { props: { chief: true, target: wordpress } });
    expect(screen.getByText(/^Now:/)).toHaveTextContent("An application password is saved, kept in the system keyring.");
    const password = screen.getByLabelText("Application password");
    expect(password).toHaveValue("");
    expect(password).toHaveAttribute("placeholder", "Saved: leave empty to keep it");
    const user = screen.getByLabelText("The WordPress user");
    expect(user).toHaveValue("desk-bot");
    await userEvent.clear(user);
    await userEvent.type(user, "night-desk");
    await userEvent.click(screen.getByRole("button", { name: "Save where pieces go" }));
    expect(api.setPublishTarget).toHaveBeenCalledTimes(1);
    const sent = api.setPublishTarget.mock.calls[0][0].target;
    expect(sent).toMatchObject({ kind: "wordpress", url: "https://news.example.org/", user: "night-desk" });
    expect(sent.password ?? null).toBeNull();
    expect(await screen.findByText("Pieces now go to WordPress at https://news.example.org/ as night-desk.")).toBeInTheDocument();
  });

  it("shows a refused password next to the password field, keeping the address typed", async () => {
    api.setPublishTarget.mockRejectedValue(
      new DeskError("invalid_input", "give the application password made for the desk on the user's profile page in WordPress", {
        field: "password",
      }),
    );
    render(PublishTargetSetting, { props: { chief: true, target: folder } });
    await userEvent.click(screen.getByLabelText("A WordPress site"));
    const address = screen.getByLabelText("The site's address");
    await userEvent.type(address, "https://news.example.org/");
    await userEvent.type(screen.getByLabelText("The WordPress user"), "desk-bot");
    await userEvent.click(screen.getByRole("button", { name: "Save where pieces go" }));

    const problem = await screen.findByRole("alert");
    expect(problem).toHaveTextContent("Give the application password made for the desk on the user's profile page in WordPress");
    const password = screen.getByLabelText("Application password");
    expect(password.getAttribute("aria-describedby")?.split(" ")).toContain(problem.id);
    expect(password).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(password).toHaveFocus());
    expect(address).toHaveAttribute("aria-invalid", "false");
    expect(address).toHaveValue("https://news.example.org/");
    expect(screen.getByLabelText("The WordPress user")).toHaveValue("desk-bot");
    expect(screen.getByLabelText("A WordPress site")).toBeChecked();
    expect(screen.getByText(/^Now:/)).toHaveTextContent("Now: The publish folder (a static site).");
  });

  it("shows a refused address next to the address, and a refusal naming no field under the section", async () => {
    api.setPublishTarget.mockRejectedValueOnce(
      new DeskError("invalid_input", "“news example” is not a web address: write it like https://news.example.org/", { field: "url" }),
    );
    api.setPublishTarget.mockRejectedValueOnce(new DeskError("forbidden", "only the chief editor may change where the desk publishes"));
    render(PublishTargetSetting, { props: { chief: true, target: wordpress } });
    const address = screen.getByLabelText("The site's address");
    await userEvent.clear(address);
    await userEvent.type(address, "news example");
    await userEvent.click(screen.getByRole("button", { name: "Save where pieces go" }));
    const problem = await screen.findByRole("alert");
    expect(problem).toHaveTextContent("“news example” is not a web address");
    expect(problem.id).toBe(address.getAttribute("aria-describedby"));
    expect(address).toHaveAttribute("aria-invalid", "true");
    expect(address).toHaveValue("news example");

    await userEvent.click(screen.getByRole("button", { name: "Save where pieces go" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Only the chief editor may change where the desk publishes"));
    expect(address).toHaveAttribute("aria-invalid", "false");
  });

  it("tests the connection, says what it found, and marks the password the test did not get through with", async () => {
    let answer!: (check: TargetCheck) => void;
    api.testPublishTarget.mockReturnValue(new Promise<TargetCheck>((resolve) => (answer = resolve)));
    render(PublishTargetSetting, { props: { chief: true, target: wordpress } });
    const result = document.getElementById("target-check")!;
    expect(result).toHaveAttribute("role", "status");
    await userEvent.click(screen.getByRole("button", { name: "Test the connection" }));
    expect(api.testPublishTarget).toHaveBeenCalledWith({});
    const busy = screen.getByRole("button", { name: "Testing…" });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute("aria-busy", "true");

    answer({
      ok: false,
      problem: "wrong_password",
      message: "WordPress does not accept desk-bot with this application password: make a new one and save it here.",
    });
    await waitFor(() => expect(result).toHaveTextContent("WordPress does not accept desk-bot with this application password"));
    expect(result).toHaveTextContent(/^The test found a problem\./);
    const password = screen.getByLabelText("Application password");
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password.getAttribute("aria-describedby")?.split(" ")).toContain("target-check");
    expect(screen.getByLabelText("The site's address")).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByRole("button", { name: "Test the connection" })).toBeEnabled();

    api.testPublishTarget.mockResolvedValue({
      ok: true,
      problem: null,
      message: "Connected to The Meridian (https://news.example.org/) as desk-bot, who can publish posts.",
    });
    await userEvent.click(screen.getByRole("button", { name: "Test the connection" }));
    await waitFor(() => expect(result).toHaveTextContent("The test passed. Connected to The Meridian"));
    expect(password).toHaveAttribute("aria-invalid", "false");
  });

  it("points an editor's test at the address when nothing answers there", async () => {
    api.testPublishTarget.mockResolvedValue({
      ok: false,
      problem: "no_answer",
      message: "Nothing answers at https://news.example.org/: check the address, and that the site is up.",
    });
    render(PublishTargetSetting, { props: { chief: false, target: wordpress } });
    await userEvent.click(screen.getByRole("button", { name: "Test the connection" }));
    const address = screen.getByLabelText("The site's address");
    await waitFor(() => expect(address).toHaveAttribute("aria-invalid", "true"));
    expect(address).toHaveAccessibleDescription(/^The test found a problem\. Nothing answers at/);
  });

  it("asks the chief to save a change before testing it", async () => {
    render(PublishTargetSetting, { props: { chief: true, target: wordpress } });
    await userEvent.type(screen.getByLabelText("Application password"), "new one");
    const test = screen.getByRole("button", { name: "Test the connection" });
    expect(test).toBeDisabled();
    expect(test).toHaveAccessibleDescription("Save first: the test tries what is saved");
  });

  it("shows an editor where pieces go, without a way to change it", async () => {
    render(PublishTargetSetting, { props: { chief: false, target: wordpress } });
    const panel = screen.getByRole("region", { name: "Where pieces are published" });
    expect(within(panel).getByText(/^Now:/)).toHaveTextContent(
      "Now: WordPress at https://news.example.org/ as desk-bot. An application password is saved, kept in the system keyring.",
    );
    expect(within(panel).queryByRole("button", { name: "Save where pieces go" })).toBeNull();
    expect(within(panel).queryByRole("button", { name: /^Save/ })).toBeNull();
    expect(within(panel).getByLabelText("A WordPress site")).toBeDisabled();
    expect(within(panel).getByLabelText("A WordPress site")).toBeChecked();
    expect(within(panel).getByLabelText("The publish folder (a static site)")).toBeDisabled();
    expect(within(panel).getByLabelText("The site's address")).toHaveAttribute("readonly");
    expect(within(panel).getByLabelText("The WordPress user")).toHaveAttribute("readonly");
    expect(within(panel).queryByLabelText("Application password")).toBeNull();
    expect(within(panel).getByRole("group", { name: "Published pieces go to" })).toHaveAccessibleDescription(
      "Only the chief editor changes where pieces are published",
    );
    expect(within(panel).getByRole("button", { name: "Test the connection" })).toBeEnabled();
  });
});
