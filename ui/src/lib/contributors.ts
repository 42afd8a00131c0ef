// The contributor forms' small helpers: where a refusal goes, and the bio's length as the core
// counts it. The rules themselves are the core's; this only places its words.
import { errorWords, faultField } from "./api";
import type { Contributor, ContributorKind } from "./bindings";

/** The core's limit on a bio, in characters; it refuses anything longer. */
export const BIO_LIMIT = 2000;

/** The fields of a contributor's profile, as the core names them in `ApiError.field`. */
export type ContributorField = "display_name" | "sort_name" | "email" | "affiliation" | "bio" | "links" | "private_notes";

/** A profile as the form holds and saves it: a `ContributorEdit` that gives every field (the core
 * keeps what did not change; an email given as null is removed). */
export type ProfileForm = {
  display_name: string;
  sort_name: string;
  email: string | null;
  affiliation: string;
  kind: ContributorKind;
  bio: string;
  links: string[];
  private_notes: string;
};

/** A refusal placed next to one of `shown` fields when the core names it as at fault, or under
 * the form's button otherwise (not allowed, a failure, a field the form does not show). */
export function placeError<F extends string>(e: unknown, shown: readonly F[]): { field: F | null; words: string } {
  const raw = errorWords(e);
  const words = raw.charAt(0).toUpperCase() + raw.slice(1);
  const field = faultField(e);
  return { field: shown.find((f) => f === field) ?? null, words };
}

/** A bio's length as the core counts it: characters, not counting spaces at either end. */
export function bioLength(bio: string): number {
  return [...bio.trim()].length;
}

/** Links as typed, one per line, without the empty lines. */
export function linksOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** What the profile form starts from. */
export function changesOf(c: Contributor): ProfileForm {
  return {
    display_name: c.display_name,
    sort_name: c.sort_name,
    email: c.email,
    affiliation: c.affiliation,
    kind: c.kind,
    bio: c.bio,
    links: c.links,
    private_notes: c.private_notes,
  };
}

/** Whether the form differs from the profile it started from. */
export function changed(a: ProfileForm, b: ProfileForm): boolean {
  return (
    a.display_name !== b.display_name ||
    a.sort_name !== b.sort_name ||
    (a.email ?? "") !== (b.email ?? "") ||
    a.affiliation !== b.affiliation ||
    a.kind !== b.kind ||
    a.bio !== b.bio ||
    a.private_notes !== b.private_notes ||
    a.links.join("\n") !== b.links.join("\n")
  );
}
