// Where submissions come from: the native file dialog (Import…) and files dropped on the window.
// Both hand over paths; the shell reads the files (off the UI thread) when the sheet previews them.
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import { SUBMISSION_EXTENSIONS } from "./import";

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

/** Listens for files dragged onto the window; returns the function that stops listening. Outside
 * the app (the component tests) there is no window to listen to, and nothing happens. */
export function onFilesDropped(handlers: DropHandlers): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  try {
    void getCurrentWebview()
      .onDragDropEvent((event) => {
        const p = event.payload;
        if (p.type === "enter") handlers.hovering(p.paths.length > 0);
        else if (p.type === "leave") handlers.hovering(false);
        else if (p.type === "drop") {
          handlers.hovering(false);
          if (p.paths.length > 0) handlers.dropped(p.paths);
        }
      })
      .then(
        (unlisten) => {
          if (stopped) unlisten();
          else stop = unlisten;
        },
        () => {},
      );
  } catch {
    // Not in the app.
  }
  return () => {
    stopped = true;
    stop?.();
  };
}

declare global {
  interface Window {
    /** The end-to-end tests' way in (they cannot drive the native dialog): reviews `paths` as a
     * pick or a drop would. Set by the Desk while it shows, for editors and the chief. */
    copydeskReviewImport?: (paths: string[]) => void;
  }
}
