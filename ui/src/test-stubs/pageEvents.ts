// The shell's events in a test: `follow` as src/lib/pageEvents gives it to the page, and `tell`,
// the shell telling one. Module state: a test file's mock of ./pageEvents and the test itself
// share it; clear `followers` between tests.
type Handle = (detail: unknown) => void;

const followers = new Map<string, Set<Handle>>();

export const shell = {
  followers,
  follow(kind: string, handle: Handle): () => void {
    if (!followers.has(kind)) followers.set(kind, new Set());
    followers.get(kind)!.add(handle);
    return () => followers.get(kind)!.delete(handle);
  },
  /** The shell tells the page an event of `kind`. */
  tell(kind: string, detail: unknown = null) {
    followers.get(kind)?.forEach((handle) => handle(detail));
  },
  /** How many followers the page has, of every kind. */
  count: () => [...followers.values()].reduce((n, handles) => n + handles.size, 0),
};
