// Where the signed-in window is: one of the masthead's screens, perhaps an article opened over it, and the
// search palette. No router: one window, a handful of places, and the way back to each.
import { tick } from "svelte";

export type Screen = "desk" | "contributors" | "activity" | "calendar" | "publishing" | "settings";

/** A screen as the way back to it reads: "← Back to the Calendar". */
export const screenNames: Record<Screen, string> = {
  desk: "the Desk",
  contributors: "Contributors",
  activity: "Activity",
  calendar: "the Calendar",
  publishing: "Publishing",
  settings: "Settings",
};

/** An article as a filter or a link names it: its id, and the headline to show for it. */
export type ArticleRef = { id: string; headline: string };

function focused(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;
}

class Nav {
  screen = $state<Screen>("desk");
  /** On the Contributors screen: the profile shown, or null for the directory. */
  contributor = $state<string | null>(null);
  /** A word for the profile just opened ("A. Faure was merged into this profile."), shown once. */
  notice = $state<string | null>(null);
  /** The Activity screen's filters. */
  activityArticle = $state<ArticleRef | null>(null);
  activityUser = $state<string | null>(null);
  /** The article opened over the present screen, which stays as it was underneath. */
  article = $state<string | null>(null);
  searching = $state(false);

  // Where focus was when the article opened: closing it returns there.
  #articleReturn: HTMLElement | null = null;
  // A screen holding unsaved text: asked before the window goes elsewhere (see `guard`).
  #guard: ((proceed: () => void) => boolean) | null = null;

  /** While `ask` is set, going to another screen or profile first asks it: it returns true to let
   * the move happen, or false to hold it and call `proceed` later (after "leave without saving").
   * Returns the function that takes the guard away. */
  guard(ask: (proceed: () => void) => boolean): () => void {
    this.#guard = ask;
    return () => {
      if (this.#guard === ask) this.#guard = null;
    };
  }

  #leave(move: () => void) {
    if (this.#guard && !this.#guard(move)) return;
    move();
  }

  /** Goes to a screen, closing any article opened over the one before. */
  go(screen: Screen) {
    this.#leave(() => {
      this.article = null;
      this.#articleReturn = null;
      this.screen = screen;
      if (screen === "contributors") {
        this.contributor = null;
        this.notice = null;
      }
    });
  }

  openArticle(id: string) {
    if (id === this.article) return;
    const from = focused();
    this.#leave(() => {
      this.#articleReturn = from;
      this.article = id;
    });
  }

  async closeArticle() {
    this.article = null;
    await tick();
    const back = this.#articleReturn;
    this.#articleReturn = null;
    if (back?.isConnected) back.focus();
  }

  openContributor(id: string, notice: string | null = null) {
    this.#leave(() => {
      this.article = null;
      this.#articleReturn = null;
      this.screen = "contributors";
      this.contributor = id;
      this.notice = notice;
    });
  }

  /** The Activity screen, narrowed to one article or not at all. */
  showActivity(article: ArticleRef | null = null) {
    this.#leave(() => {
      this.article = null;
      this.#articleReturn = null;
      this.screen = "activity";
      this.activityArticle = article;
      this.activityUser = null;
    });
  }

  /** Back to the first screen with nothing open: after sign-in, and between tests. */
  reset() {
    this.screen = "desk";
    this.contributor = null;
    this.notice = null;
    this.activityArticle = null;
    this.activityUser = null;
    this.article = null;
    this.searching = false;
    this.#articleReturn = null;
    this.#guard = null;
  }
}

export const nav = new Nav();
