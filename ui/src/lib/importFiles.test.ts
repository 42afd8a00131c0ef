import { beforeEach, describe, expect, it, vi } from "vitest";

type DragDrop = { payload: { type: "enter" | "over" | "drop" | "leave"; paths: string[] } };

// The window's drag-and-drop events as the shell gives them: each listening is counted.
const webview = vi.hoisted(() => {
  const handlers = new Set<(e: DragDrop) => void>();
  return {
    handlers,
    onDragDropEvent: vi.fn((h: (e: DragDrop) => void) => {
      handlers.add(h);
      return Promise.resolve(() => handlers.delete(h));
    }),
    send: (payload: DragDrop["payload"]) => handlers.forEach((h) => h({ payload })),
  };
});
vi.mock("@tauri-apps/api/webview", () => ({ getCurrentWebview: () => webview }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn() }));

let onFilesDropped: typeof import("./importFiles").onFilesDropped;

beforeEach(async () => {
  webview.handlers.clear();
  webview.onDragDropEvent.mockClear();
  vi.resetModules();
  ({ onFilesDropped } = await import("./importFiles"));
});

describe("onFilesDropped", () => {
  it("listens to the window once however often the Desk is shown again", () => {
    for (let shown = 0; shown < 20; shown++) onFilesDropped({ hovering: vi.fn(), dropped: vi.fn() })();
    onFilesDropped({ hovering: vi.fn(), dropped: vi.fn() });
    expect(webview.onDragDropEvent).toHaveBeenCalledOnce();
  });

  it("hands a drop to the Desk showing now, not to one that went", () => {
    const gone = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(gone)();
    const shown = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(shown);
    webview.send({ type: "enter", paths: ["/tmp/letter.docx"] });
    expect(shown.hovering).toHaveBeenLastCalledWith(true);
    webview.send({ type: "drop", paths: ["/tmp/letter.docx"] });
    expect(shown.hovering).toHaveBeenLastCalledWith(false);
    expect(shown.dropped).toHaveBeenCalledExactlyOnceWith(["/tmp/letter.docx"]);
    expect(gone.hovering).not.toHaveBeenCalled();
    expect(gone.dropped).not.toHaveBeenCalled();
  });

  it("takes a drop of nothing (text, not files) as no files", () => {
    const desk = { hovering: vi.fn(), dropped: vi.fn() };
    onFilesDropped(desk);
    webview.send({ type: "enter", paths: [] });
    webview.send({ type: "drop", paths: [] });
    expect(desk.hovering).toHaveBeenCalledWith(false);
    expect(desk.dropped).not.toHaveBeenCalled();
  });
});
