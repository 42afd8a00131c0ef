// Where a desk is, in words: a desk file on this computer or a team desk through its server.
// Pure helpers for the desk chooser (the welcome, the team sign-in, the masthead's switcher).
import type { DeskPlace, KnownDesk } from "./bindings";

/** A server's address as a person reads it: its host (and port), without the scheme or a
 * trailing slash (`https://desk.example.org/` → `desk.example.org`). */
export function serverHost(server: string): string {
  const typed = server.trim();
  try {
    const url = new URL(typed);
    if (url.host) {
      const path = url.pathname.replace(/\/+$/, "");
      return `${url.host}${path}`;
    }
  } catch {
    // Not a URL: shown as typed, without the scheme or the trailing slash.
  }
  return typed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/** The desk's place in a sentence: "On this computer: /path/desk.db", "Team desk at desk.example.org". */
export function placeLabel(place: DeskPlace): string {
  return place.kind === "file" ? `On this computer: ${place.path}` : `Team desk at ${serverHost(place.server)}`;
}

/** The desk's place in a word or two, for the masthead: "On this computer" or the server's host. */
export function placeShort(place: DeskPlace): string {
  return place.kind === "file" ? "On this computer" : serverHost(place.server);
}

/** A server's address compared: spaces and trailing slashes dropped, the scheme and host in any case. */
function plainServer(server: string): string {
  const typed = server.trim().replace(/\/+$/, "");
  const start = typed.indexOf("://");
  const hostEnd = typed.indexOf("/", start === -1 ? 0 : start + 3);
  const [origin, rest] = hostEnd === -1 ? [typed, ""] : [typed.slice(0, hostEnd), typed.slice(hostEnd)];
  return origin.toLowerCase() + rest;
}

/** The same desk, however its address was typed (a trailing slash, the host's case). */
export function sameDesk(a: DeskPlace | null | undefined, b: DeskPlace | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind === "file" && b.kind === "file") return a.path === b.path;
  if (a.kind === "team" && b.kind === "team") return plainServer(a.server) === plainServer(b.server);
  return false;
}

/** The desks used before, without the one this window is on. */
export function otherDesks(known: KnownDesk[], here: DeskPlace | null | undefined): KnownDesk[] {
  return known.filter((desk) => !sameDesk(desk.place, here));
}

/** A desk as a list shows it: its name when known, else where it is. */
export function deskTitle(desk: KnownDesk): string {
  return desk.name ?? placeLabel(desk.place);
}
