import { beforeEach, describe, expect, it, vi } from "vitest";
import { shell } from "../test-stubs/pageEvents";

// Files dragged over the window, as src/lib/pageEvents hands the shell's events on.
vi.mock("./pageEvents", async () => ({ follow: (await import("../test-stubs/pageEvents")).shell.follow }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn() }));

import { onFilesDropped } from "./importFiles";

beforeEach(() => shell.followers.clear());

describe("onFilesDropped", () => {
  it("stops following every drag event when the Desk goes, however often it was shown", () => {
    for (let shown = 0; shown < 20; shown++) onFilesDropped({ hovering: vi.fn(), dropped: vi.fn() })();
    expect(shell.count()).toBe(0);
    onFilesDropped({ hovering: vi.fn(), dropped: vi.fn() });
    expect(shell.count()).toBe(3);
  });

  it("hands a drop to the Desk showing now, not to one that went", () => {
    const gone = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(gone)();
    const shown = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(shown);
    shell.tell("filesOver", { paths: ["/tmp/letter.docx"] });
    expect(shown.hovering).toHaveBeenLastCalledWith(true);
    shell.tell("filesDropped", { paths: ["/tmp/letter.docx"] });
    expect(shown.hovering).toHaveBeenLastCalledWith(false);
    expect(shown.dropped).toHaveBeenCalledExactlyOnceWith(["/tmp/letter.docx"]);
    expect(gone.hovering).not.toHaveBeenCalled();
    expect(gone.dropped).not.toHaveBeenCalled();
  });

  it("takes a drop of nothing (text, not files) as no files, and files taken away as no drop", () => {
    const desk = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(desk);
    shell.tell("filesOver", { paths: [] });
    expect(desk.hovering).toHaveBeenLastCalledWith(false);
    shell.tell("filesDropped", { paths: [] });
    expect(desk.dropped).not.toHaveBeenCalled();
    shell.tell("filesOver", { paths: ["/tmp/a.md"] });
    shell.tell("filesLeft");
    expect(desk.hovering).toHaveBeenLastCalledWith(false);
    expect(desk.dropped).not.toHaveBeenCalled();
  });
});
