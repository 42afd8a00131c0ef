import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CommitImport, ImportDraft, Imported, ImportOutcome, ImportPreview, Section } from "../lib/bindings";
import { nav } from "../lib/nav.svelte";
import ImportSheet from "./ImportSheet.svelte";

const api = vi.hoisted(() => ({ findContributors: vi.fn(), previewImportFiles: vi.fn(), commitImport: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const sections: Section[] = [
  { name: "Opinion", min_words: null, max_words: null },
  { name: "World", min_words: null, max_words: null },
];

const MARTA_FOUND = "Marta Lindqvist is a senior fellow at the Nordic Institute for Development Studies.";

/** What previewing the three files answers, in the order of their paths. */
function previews(): ImportOutcome<ImportPreview>[] {
  return [
    {
      file: "sahel-water.txt",
      error: null,
      result: {
        file: "sahel-water.txt",
        format: "text",
        headline: "Why the Sahel's water deals keep failing",
        standfirst: "Brussels has spent a decade funding dams, writes Marta Lindqvist.",
        body: "When the European Union announced its package.\n\nWhat changed was the politics.",
        section: "Opinion",
        tags: ["water", "Sahel"],
        byline: [
          {
            name: "Marta Lindqvist",
            email: null,
            affiliation: null,
            bio: MARTA_FOUND,
            existing: {
              id: "c-marta",
              display_name: "Marta Lindqvist",
              matched_by: "name",
              bio: "Marta Lindqvist writes on water.",
              bio_differs: true,
              bio_change: [
                { kind: "same", text: "Marta Lindqvist " },
                { kind: "removed", text: "writes on water" },
                { kind: "added", text: "is a senior fellow at the Nordic Institute for Development Studies" },
                { kind: "same", text: "." },
              ],
            },
          },
        ],
        dropped: ["Read more: Dams and dust"],
        warnings: [],
      },
    },
    {
      file: "empty.txt",
      result: null,
      error: { code: "bad_file", message: "empty.txt is empty" },
    },
    {
      file: "nato-two-authors.txt",
      error: null,
      result: {
        file: "nato-two-authors.txt",
        format: "text",
        headline: "NATO at the crossroads: a view from Lisbon",
        standfirst: "",
        body: "As the alliance prepares for its summit.",
        section: null,
        tags: [],
        byline: [
          { name: "Ana Pereira", email: null, affiliation: null, bio: "Ana Pereira is a researcher.", existing: null },
          { name: "Tomasz Wójcik", email: "tw@example.org", affiliation: null, bio: null, existing: null },
        ],
        dropped: [],
        warnings: ["the text was converted from Windows-1252"],
      },
    },
  ];
}

function imported(draft: ImportDraft, id: string): ImportOutcome<Imported> {
  return {
    file: draft.file,
    result: { file: draft.file, article_id: id, headline: draft.headline, contributors: [] },
    error: null,
  };
}

function card(file: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`.import-card[data-file="${file}"]`);
  if (!el) throw new Error(`no card for ${file}`);
  return el;
}

/** The drafts the last commit sent. */
function sent(): ImportDraft[] {
  return (api.commitImport.mock.lastCall?.[0] as CommitImport).drafts;
}

async function open(onclose = vi.fn()) {
  render(ImportSheet, { paths: ["/in/sahel-water.txt", "/in/empty.txt", "/in/nato-two-authors.txt"], sections, onclose });
  await screen.findByText("nato-two-authors.txt");
  return onclose;
}

describe("ImportSheet", () => {
  beforeEach(() => {
    nav.reset();
    api.previewImportFiles.mockReset().mockResolvedValue(previews());
    api.commitImport
      .mockReset()
      .mockImplementation(async ({ drafts }: CommitImport) => drafts.map((d, i) => imported(d, `art-${i}`)));
    api.findContributors.mockReset().mockResolvedValue([]);
  });

  it("reads the files, shows what was recognised, and a refused file in the core's words", async () => {
    await open();
    expect(api.previewImportFiles).toHaveBeenCalledWith(["/in/sahel-water.txt", "/in/empty.txt", "/in/nato-two-authors.txt"]);
    expect(within(card("sahel-water.txt")).getByLabelText("Headline")).toHaveValue("Why the Sahel's water deals keep failing");
    expect(within(card("sahel-water.txt")).getByLabelText("Section")).toHaveValue("Opinion");
    expect(within(card("sahel-water.txt")).getByLabelText(/^Tags/)).toHaveValue("water, Sahel");
    expect(card("sahel-water.txt")).toHaveTextContent("On file: Marta Lindqvist (matched by name)");
    expect(card("sahel-water.txt")).toHaveTextContent("Marta Lindqvist writes on water.");
    expect(card("sahel-water.txt")).toHaveTextContent("Read more: Dams and dust");
    expect(within(card("empty.txt")).getByRole("alert")).toHaveTextContent("empty.txt is empty");
    expect(within(card("empty.txt")).queryByLabelText("Import this file")).toBeNull();
    expect(card("nato-two-authors.txt")).toHaveTextContent("New guest contributor");
    expect(card("nato-two-authors.txt")).toHaveTextContent("the text was converted from Windows-1252");
    expect(screen.getByRole("button", { name: "Import 2 files" })).toBeEnabled();
  });

  it("counts the body's words as it is corrected", async () => {
    await open();
    const nato = within(card("nato-two-authors.txt"));
    expect(nato.getByText("7 words")).toBeInTheDocument();
    await userEvent.type(nato.getByLabelText(/^Body/), " Both flanks agree.");
    expect(nato.getByText("10 words")).toBeInTheDocument();
  });

  it("shows the change a differing bio would make to the profile, until the bio is edited", async () => {
    await open();
    const sahel = within(card("sahel-water.txt"));
    const change = sahel.getByTestId("bio-change");
    expect(change.querySelector("del")).toHaveTextContent("writes on water");
    expect(change.querySelector("ins")).toHaveTextContent("is a senior fellow at the Nordic Institute");
    await userEvent.type(sahel.getByLabelText(/printed under this piece/), " She lives in Uppsala.");
    expect(sahel.queryByTestId("bio-change")).toBeNull();
  });

  it("commits the corrections: the headline, the profile bio accepted, and never the refused file", async () => {
    await open();
    const sahel = within(card("sahel-water.txt"));
    const headline = sahel.getByLabelText("Headline");
    await userEvent.clear(headline);
    await userEvent.type(headline, "Water deals fail for want of committees");
    const update = sahel.getByLabelText("Also make this the profile's bio");
    expect(update).not.toBeChecked();
    await userEvent.click(update);
    await userEvent.click(screen.getByRole("button", { name: "Import 2 files" }));

    expect(api.commitImport).toHaveBeenCalledTimes(1);
    const drafts = sent();
    expect(drafts.map((d) => d.file)).toEqual(["sahel-water.txt", "nato-two-authors.txt"]);
    expect(drafts[0].headline).toBe("Water deals fail for want of committees");
    expect(drafts[0].tags).toEqual(["water", "Sahel"]);
    expect(drafts[0].byline).toEqual([
      {
        contributor_id: "c-marta",
        name: "Marta Lindqvist",
        email: null,
        affiliation: null,
        bio: MARTA_FOUND,
        update_profile_bio: true,
      },
    ]);
    expect(drafts[1].byline.map((b) => [b.contributor_id, b.name, b.email])).toEqual([
      [null, "Ana Pereira", null],
      [null, "Tomasz Wójcik", "tw@example.org"],
    ]);

    // Each card says what its file became, with a way to open the article.
    await userEvent.click(await within(card("sahel-water.txt")).findByRole("button", { name: "Water deals fail for want of committees" }));
    expect(nav.article).toBe("art-0");
    expect(card("nato-two-authors.txt")).toHaveTextContent("Imported as a submitted article");
    expect(screen.getByRole("button", { name: "Import 0 files" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Import 0 files" })).toHaveAccessibleDescription("Every file that could be read is imported.");
  });

  it("makes an author a new guest instead of the contributor on file", async () => {
    await open();
    const sahel = within(card("sahel-water.txt"));
    await userEvent.click(sahel.getByLabelText("Create a new guest instead"));
    // A guest's fields are the file's, open to correction.
    const name = sahel.getByLabelText("Name");
    expect(name).toHaveValue("Marta Lindqvist");
    await userEvent.type(sahel.getByLabelText("Email"), "marta@example.org");
    await userEvent.click(screen.getByRole("button", { name: "Import 2 files" }));
    expect(sent()[0].byline).toEqual([
      {
        contributor_id: null,
        name: "Marta Lindqvist",
        email: "marta@example.org",
        affiliation: null,
        bio: MARTA_FOUND,
        update_profile_bio: false,
      },
    ]);
  });

  it("keeps the focus on the byline as its authors are removed", async () => {
    await open();
    const nato = within(card("nato-two-authors.txt"));
    await userEvent.click(nato.getByRole("button", { name: "Remove Ana Pereira from the byline" }));
    expect(nato.getByRole("button", { name: "Remove Tomasz Wójcik from the byline" })).toHaveFocus();
    await userEvent.click(nato.getByRole("button", { name: "Remove Tomasz Wójcik from the byline" }));
    expect(nato.getByRole("combobox", { name: "Add an author" })).toHaveFocus();
  });

  it("adds and removes byline authors", async () => {
    await open();
    const nato = within(card("nato-two-authors.txt"));
    await userEvent.click(nato.getByRole("button", { name: "Remove Tomasz Wójcik from the byline" }));
    // The focus stays on the byline, on the author left (Tomasz was the last), never on the page.
    expect(nato.getByRole("button", { name: "Remove Ana Pereira from the byline" })).toHaveFocus();
    api.findContributors.mockResolvedValue([
      {
        id: "c-jo",
        display_name: "Jo Silva",
        sort_name: "Silva, Jo",
        email: null,
        affiliation: "Lisbon",
        kind: "staff",
        bio: "Jo Silva covers defence.",
        links: [],
        private_notes: "",
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      },
    ]);
    await userEvent.type(nato.getByRole("combobox", { name: "Add an author" }), "Jo");
    await userEvent.click(await nato.findByRole("option", { name: /Jo Silva/ }));
    expect(card("nato-two-authors.txt")).toHaveTextContent("On file: Jo Silva (picked here)");
    await userEvent.type(nato.getByRole("combobox", { name: "Add an author" }), "Rui Costa");
    await userEvent.click(await nato.findByRole("option", { name: "New guest contributor “Rui Costa”" }));
    await userEvent.click(screen.getByRole("button", { name: "Import 2 files" }));
    expect(sent()[1].byline.map((b) => [b.contributor_id, b.name, b.bio])).toEqual([
      [null, "Ana Pereira", "Ana Pereira is a researcher."],
      ["c-jo", "Jo Silva", null],
      [null, "Rui Costa", null],
    ]);
  });

  it("keeps a refused file and its edits in the sheet, to correct and retry", async () => {
    api.commitImport.mockImplementationOnce(async ({ drafts }: CommitImport) => [
      imported(drafts[0], "art-sahel"),
      { file: drafts[1].file, result: null, error: { code: "bad_file", message: "nato-two-authors.txt cannot be imported: a name is needed" } },
    ]);
    await open();
    const nato = within(card("nato-two-authors.txt"));
    const headline = nato.getByLabelText("Headline");
    await userEvent.clear(headline);
    await userEvent.type(headline, "NATO's two flanks");
    await userEvent.click(screen.getByRole("button", { name: "Import 2 files" }));

    expect(await nato.findByRole("alert")).toHaveTextContent("Not imported: nato-two-authors.txt cannot be imported: a name is needed");
    expect(nato.getByLabelText("Headline")).toHaveValue("NATO's two flanks");
    expect(card("sahel-water.txt")).toHaveTextContent("Imported as a submitted article");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("1 file imported; 1 file not imported"));

    // The retry sends only the file still to import.
    await userEvent.click(screen.getByRole("button", { name: "Import 1 file" }));
    expect(sent().map((d) => [d.file, d.headline])).toEqual([["nato-two-authors.txt", "NATO's two flanks"]]);
    expect(await nato.findByText(/Imported as a submitted article/)).toBeInTheDocument();
  });

  it("skips the files unticked", async () => {
    await open();
    await userEvent.click(within(card("sahel-water.txt")).getByLabelText("Import this file"));
    const button = screen.getByRole("button", { name: "Import 1 file" });
    await userEvent.click(within(card("nato-two-authors.txt")).getByLabelText("Import this file"));
    expect(screen.getByRole("button", { name: "Import 0 files" })).toHaveAccessibleDescription(
      "Tick “Import this file” on the files to import.",
    );
    await userEvent.click(within(card("nato-two-authors.txt")).getByLabelText("Import this file"));
    expect(button).not.toHaveAttribute("aria-describedby");
    await userEvent.click(button);
    expect(sent().map((d) => d.file)).toEqual(["nato-two-authors.txt"]);
  });

  it("says why when the whole call is refused", async () => {
    api.commitImport.mockRejectedValueOnce(new (await import("../lib/api")).DeskError("forbidden", "only editors and the chief may import submissions"));
    await open();
    await userEvent.click(screen.getByRole("button", { name: "Import 2 files" }));
    expect(await screen.findByText("Only editors and the chief may import submissions")).toBeInTheDocument();
    expect(within(card("sahel-water.txt")).getByLabelText("Headline")).toBeEnabled();
  });

  it("closes on Esc at once when nothing was corrected, and asks first when something was", async () => {
    const onclose = await open();
    await userEvent.keyboard("{Escape}");
    expect(onclose).toHaveBeenCalledTimes(1);

    onclose.mockClear();
    await userEvent.type(within(card("nato-two-authors.txt")).getByLabelText("Standfirst"), "Two flanks.");
    await userEvent.keyboard("{Escape}");
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByRole("alertdialog")).toHaveTextContent("Your corrections to the files not imported yet will be lost");
    expect(screen.getByRole("button", { name: "Keep reviewing" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await userEvent.keyboard("{Escape}");
    await userEvent.click(screen.getByRole("button", { name: "Close and lose them" }));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("says it is reading, and when there is nothing to review", async () => {
    let answer: (p: ImportOutcome<ImportPreview>[]) => void = () => {};
    api.previewImportFiles.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(ImportSheet, { paths: ["/in/a.txt", "/in/b.txt"], sections, onclose: vi.fn() });
    expect(await screen.findByText("Reading 2 files…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import 0 files" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Import 0 files" })).toHaveAccessibleDescription("Waiting for the files being read.");
    answer([]);
    expect(await screen.findByText(/No files to review/)).toBeInTheDocument();
  });
});
