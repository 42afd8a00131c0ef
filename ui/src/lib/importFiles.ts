// Where submissions come from: the native file dialog (Import…) and files dropped on the window.
// Both hand over paths; the shell reads the files (off the UI thread) when the sheet previews them.
import type { DragDropEvent } from "@tauri-apps/api/webview";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import { SUBMISSION_EXTENSIONS } from "./import";
import { listenedOnce } from "./listenedOnce";

/** The files the editor picked in the native dialog; none when they cancelled. */
export async function pickSubmissions(): Promise<string[]> {
  const picked = await open({
    title: "Import submissions",
    multiple: true,
    directory: false,
    filters: [{ name: "Submissions (.txt, .md, .docx, .html)", extensions: SUBMISSION_EXTENSIONS }],
  });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

export type DropHandlers = {
  /** Files are held over the window (true) or went away without dropping (false). */
  hovering: (over: boolean) => void;
  dropped: (paths: string[]) => void;
};

/** The window's drag-and-drop events, listened to once for the life of the page (each listening
 * makes the shell run a script in the page for each of its four events, which the Desk did every
 * time it was shown again), handed to whoever hears drops now (the Desk, while it shows). */
const dragDrop = listenedOnce<DragDropEvent>((deliver) => {
  let webview;
  try {
    webview = getCurrentWebview();
  } catch {
    return null; // Outside the app (the component tests): no window to listen to.
  }
  return webview.onDragDropEvent((event) => deliver(event.payload));
});

function hand(p: DragDropEvent, handlers: DropHandlers) {
  if (p.type === "enter") handlers.hovering(p.paths.length > 0);
  else if (p.type === "leave") handlers.hovering(false);
  else if (p.type === "drop") {
    handlers.hovering(false);
    if (p.paths.length > 0) handlers.dropped(p.paths);
  }
}

/** Listens for files dragged onto the window; returns the function that stops listening. Outside
 * the app (the component tests) there is no window to listen to, and nothing happens. */
export function onFilesDropped(handlers: DropHandlers): () => void {
  return dragDrop((event) => hand(event, handlers));
}

declare global {
  interface Window {
    /** The end-to-end tests' way in (they cannot drive the native dialog): reviews `paths` as a
     * pick or a drop would. Set by the Desk while it shows, for editors and the chief. */
    copydeskReviewImport?: (paths: string[]) => void;
  }
}
