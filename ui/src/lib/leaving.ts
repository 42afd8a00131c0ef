/**
 * Work that must be finished before the user leaves the desk (signs out): an open editor saves
 * what is typed first, because once signed out its save would be refused.
 */
export type LeaveGuard = () => Promise<boolean>;

const guards = new Set<LeaveGuard>();

/** Registers a guard; returns the function that removes it. */
export function guardLeaving(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** Runs every guard; true when all of them say it is safe to go. A guard that throws says no. */
export async function readyToLeave(): Promise<boolean> {
  const answers = await Promise.all([...guards].map((guard) => guard().catch(() => false)));
  return answers.every(Boolean);
}
