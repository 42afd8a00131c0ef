// Ask-as-you-type: the question is sent a moment after the typing stops, and an answer that
// arrives after a newer question was asked is dropped, so the screen never shows results for
// words that are no longer in the field.

export const TYPING_PAUSE_MS = 150;

export type Typeahead<Q> = {
  /** Asks `query` after the pause; a newer call replaces it. */
  ask(query: Q): void;
  /** Asks at once (Enter, a retry). */
  now(query: Q): void;
  /** Forgets whatever is pending or under way. */
  cancel(): void;
};

export function typeahead<Q, A>(
  fetch: (query: Q) => Promise<A>,
  handlers: { onanswer: (answer: A, query: Q) => void; onfailure: (error: unknown, query: Q) => void },
  pauseMs: number = TYPING_PAUSE_MS,
): Typeahead<Q> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  function run(query: Q) {
    const mine = ++asked;
    fetch(query).then(
      (answer) => {
        if (mine === asked) handlers.onanswer(answer, query);
      },
      (error: unknown) => {
        if (mine === asked) handlers.onfailure(error, query);
      },
    );
  }

  return {
    ask(query) {
      clearTimeout(timer);
      asked++; // whatever is under way is already stale
      timer = setTimeout(() => run(query), pauseMs);
    },
    now(query) {
      clearTimeout(timer);
      run(query);
    },
    cancel() {
      clearTimeout(timer);
      asked++;
    },
  };
}
