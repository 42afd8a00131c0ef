// Where submissions come from: the native file dialog (Import…) and files dropped on the window.
// Both hand over paths; the shell reads the files (off the UI thread) when the sheet previews them.
import { open } from "@tauri-apps/plugin-dialog";
import { SUBMISSION_EXTENSIONS } from "./import";
import { follow } from "./pageEvents";

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

/** Listens for files dragged onto the window (the shell tells the page, src/lib/pageEvents.ts);
 * returns the function that stops listening. Outside the app (the component tests) nothing is
 * ever dragged, and nothing happens. */
export function onFilesDropped(handlers: DropHandlers): () => void {
  const stops = [
    follow("filesOver", ({ paths }) => handlers.hovering(paths.length > 0)),
    follow("filesLeft", () => handlers.hovering(false)),
    follow("filesDropped", ({ paths }) => {
      handlers.hovering(false);
      if (paths.length > 0) handlers.dropped(paths);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

declare global {
  interface Window {
    /** The end-to-end tests' way in (they cannot drive the native dialog): reviews `paths` as a
     * pick or a drop would. Set by the Desk while it shows, for editors and the chief. */
    copydeskReviewImport?: (paths: string[]) => void;
  }
}
