// Going to another desk: the app starts again on it, so what is typed is saved first; a window
// that could not save it stays where it is and says why.
import { api, errorWords } from "./api";
import type { DeskPlace } from "./bindings";
import { readyToLeave } from "./leaving";

export const NOT_SWITCHED =
  "Not switched: the article you are editing could not be saved. Your text is still in the editor; save it or copy it, then switch desks.";

/** Saves what is typed, then asks the app to start again on `place`: the refusal's words, or
 * null once asked (the window goes away shortly after). */
export async function switchDesk(place: DeskPlace): Promise<string | null> {
  if (!(await readyToLeave())) return NOT_SWITCHED;
  try {
    await api.useDesk(place);
    return null;
  } catch (e) {
    return errorWords(e);
  }
}
