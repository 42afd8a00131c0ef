// One listening per source of the shell's events, shared by every screen that follows it.

/** A source the shell is asked to listen to once, for the life of the page, each payload handed to
 * every follower: every `listen` makes the shell run a script in the page (and read its answer back
 * in its own JavaScript context), so listening per screen shown cost two script runs and an IPC
 * round trip each time an article or the Desk opened, and memory in both processes. When `listen`
 * fails, or answers `null` (nothing to listen to here: outside the app), the next follower asks
 * again. Returns the function that adds a follower, which returns the function that stops it. */
export function listenedOnce<T>(
  listen: (deliver: (payload: T) => void) => Promise<unknown> | null,
): (handle: (payload: T) => void) => () => void {
  const followers = new Set<(payload: T) => void>();
  let listening = false;
  // Each follower is called even if one before it throws: one screen's fault is its own.
  const deliver = (payload: T) => {
    for (const handle of [...followers]) {
      try {
        handle(payload);
      } catch (err) {
        console.error(err);
      }
    }
  };
  const notHeard = (err: unknown) => {
    listening = false;
    console.error(err);
  };
  return (handle) => {
    const mine = (payload: T) => handle(payload);
    followers.add(mine);
    if (!listening) {
      listening = true;
      try {
        const heard = listen(deliver);
        if (heard) heard.catch(notHeard);
        else listening = false;
      } catch (err) {
        notHeard(err);
      }
    }
    return () => {
      followers.delete(mine);
    };
  };
}
