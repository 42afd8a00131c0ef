import { describe, expect, it } from "vitest";
import type { KnownDesk } from "./bindings";
import { deskTitle, otherDesks, placeLabel, placeShort, sameDesk, serverHost } from "./desks";

const file = (path: string) => ({ kind: "file", path }) as const;
const team = (server: string) => ({ kind: "team", server }) as const;

describe("desk places in words", () => {
  it("names a desk file by its path and a team desk by its server's host", () => {
    expect(placeLabel(file("/home/ines/desk.db"))).toBe("On this computer: /home/ines/desk.db");
    expect(placeLabel(team("https://desk.example.org"))).toBe("Team desk at desk.example.org");
    expect(placeLabel(team("https://desk.example.org:8443/"))).toBe("Team desk at desk.example.org:8443");
    expect(placeShort(file("/home/ines/desk.db"))).toBe("On this computer");
    expect(placeShort(team("https://Desk.Example.org/"))).toBe("desk.example.org");
  });

  it("keeps a server's path and shows an address that is no URL as typed, without scheme or slash", () => {
    expect(serverHost("https://example.org/harbour/")).toBe("example.org/harbour");
    expect(serverHost(" desk.example.org/ ")).toBe("desk.example.org");
  });

  it("lists a desk by its name when known, else by where it is", () => {
    const used = "2026-03-01T09:00:00Z";
    expect(deskTitle({ place: team("https://desk.example.org"), name: "The Harbour Post", used_at: used })).toBe("The Harbour Post");
    expect(deskTitle({ place: file("/d/desk.db"), name: null, used_at: used })).toBe("On this computer: /d/desk.db");
  });
});

describe("sameDesk", () => {
  it("takes a server however its address was typed: trailing slash, host's case, spaces", () => {
    expect(sameDesk(team("https://desk.example.org/"), team("https://DESK.example.org"))).toBe(true);
    expect(sameDesk(team(" https://desk.example.org// "), team("https://desk.example.org"))).toBe(true);
    expect(sameDesk(team("https://desk.example.org"), team("https://other.example.org"))).toBe(false);
    expect(sameDesk(team("https://example.org/Harbour"), team("https://EXAMPLE.org/harbour"))).toBe(false);
  });

  it("compares desk files by path, never a file with a server, and nothing with no place", () => {
    expect(sameDesk(file("/d/desk.db"), file("/d/desk.db"))).toBe(true);
    expect(sameDesk(file("/d/desk.db"), file("/d/other.db"))).toBe(false);
    expect(sameDesk(file("desk.example.org"), team("desk.example.org"))).toBe(false);
    expect(sameDesk(null, file("/d/desk.db"))).toBe(false);
  });

  it("leaves the desk this window is on out of the desks used before", () => {
    const used = "2026-03-01T09:00:00Z";
    const known: KnownDesk[] = [
      { place: team("https://desk.example.org/"), name: "The Harbour Post", used_at: used },
      { place: file("/d/desk.db"), name: "Trial desk", used_at: used },
    ];
    expect(otherDesks(known, team("https://DESK.example.org")).map((d) => d.name)).toEqual(["Trial desk"]);
    expect(otherDesks(known, null)).toHaveLength(2);
  });
});
