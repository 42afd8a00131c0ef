// A contributor as the core hands one over, for component tests: a guest with no contact or bio
// unless `extra` says otherwise.
import type { Contributor } from "../lib/bindings";

export function person(id: string, name: string, extra: Partial<Contributor> = {}): Contributor {
  return {
    id,
    display_name: name,
    sort_name: name,
    email: null,
    affiliation: "",
    kind: "guest",
    bio: "",
    links: [],
    private_notes: "",
    created_at: "2026-03-01T09:00:00Z",
    updated_at: "2026-03-01T09:00:00Z",
    article_count: 0,
    ...extra,
  };
}
