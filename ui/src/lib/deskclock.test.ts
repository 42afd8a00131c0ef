import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  addMinutes,
  offsetMinutes,
  offsetText,
  shiftWall,
  typedDeskTime,
  typedTime,
  wallClock,
  widgetZone,
  windowFor,
  within,
} from "./deskclock";

// The machine runs on New York time; the desk is in Paris. Nothing below may depend on the
// machine's zone.
beforeAll(() => {
  vi.stubEnv("TZ", "America/New_York");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const day = { years: 0, months: 0, days: 1, seconds: 0 };

describe("wallClock", () => {
  it("reads an instant on the desk's clock, not the machine's", () => {
    const instant = "2026-12-01T07:00:00Z";
    expect(new Date(instant).getHours()).toBe(2); // the machine's clock
    expect(wallClock(instant, "Europe/Paris")).toBe("2026-12-01T08:00:00");
    expect(wallClock(instant, "Asia/Kolkata")).toBe("2026-12-01T12:30:00");
    expect(wallClock(instant, "UTC")).toBe("2026-12-01T07:00:00");
    expect(typedDeskTime(instant, "Europe/Paris")).toBe("2026-12-01 08:00");
  });

  it("follows the desk's daylight-saving change, hour by hour", () => {
    // Paris springs forward on 29 March 2026: 02:00 becomes 03:00.
    expect(wallClock("2026-03-29T00:30:00Z", "Europe/Paris")).toBe("2026-03-29T01:30:00");
    expect(wallClock("2026-03-29T01:30:00Z", "Europe/Paris")).toBe("2026-03-29T03:30:00");
    expect(offsetMinutes("2026-03-29T00:30:00Z", "Europe/Paris")).toBe(60);
    expect(offsetMinutes("2026-03-29T01:30:00Z", "Europe/Paris")).toBe(120);
    // And falls back on 25 October 2026: 02:30 happens twice.
    expect(wallClock("2026-10-25T00:30:00Z", "Europe/Paris")).toBe("2026-10-25T02:30:00");
    expect(wallClock("2026-10-25T01:30:00Z", "Europe/Paris")).toBe("2026-10-25T02:30:00");
  });

  it("writes midnight as 00", () => {
    expect(wallClock("2026-12-01T23:00:00Z", "Europe/Paris")).toBe("2026-12-02T00:00:00");
  });
});

describe("the widget's zone", () => {
  it("is the desk's offset at the moment", () => {
    expect(widgetZone("Europe/Paris", new Date("2026-01-15T12:00:00Z"))).toBe("+01:00");
    expect(widgetZone("Europe/Paris", new Date("2026-07-15T12:00:00Z"))).toBe("+02:00");
    expect(widgetZone("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe("-05:00");
    expect(widgetZone("Asia/Kolkata", new Date("2026-01-15T12:00:00Z"))).toBe("+05:30");
    expect(offsetText(0)).toBe("+00:00");
  });
});

describe("shiftWall", () => {
  it("moves on the wall clock, whatever the zones' changes", () => {
    // A piece at 08:00 dragged over Paris's spring change stays at 08:00.
    expect(shiftWall("2026-03-28T08:00:00", day)).toBe("2026-03-29T08:00:00");
    // 02:30 on 8 March does not exist on the machine's clock (New York springs forward then)
    // but does on the desk's: the wall-clock value is kept as it is.
    expect(shiftWall("2026-03-07T02:30:00", day)).toBe("2026-03-08T02:30:00");
    expect(shiftWall("2026-12-01T08:00:00", { years: 0, months: 0, days: 2, seconds: 5400 })).toBe("2026-12-03T09:30:00");
    expect(shiftWall("2026-12-01T08:00:00", { years: 0, months: 0, days: -3, seconds: -3600 })).toBe("2026-11-28T07:00:00");
    expect(shiftWall("2026-01-31T08:00:00", { years: 0, months: 1, days: 0, seconds: 0 })).toBe("2026-02-28T08:00:00");
    expect(addMinutes("2026-12-31T23:45:00", 30)).toBe("2027-01-01T00:15:00");
  });

  it("gives the core the dropped time as the desk types it", () => {
    expect(typedTime(shiftWall("2026-10-24T02:30:00", day))).toBe("2026-10-25 02:30");
  });
});

describe("the window read for a view", () => {
  it("covers the view's days in any zone", () => {
    expect(windowFor("2026-11-30T00:00:00", "2027-01-11T00:00:00")).toEqual({
      from: "2026-11-29T10:00:00.000Z",
      to: "2027-01-11T14:00:00.000Z",
    });
    expect(within("2026-12-01T08:00:00", "2026-11-30T00:00:00", "2026-12-07T00:00:00")).toBe(true);
    expect(within("2026-12-07T00:00:00", "2026-11-30T00:00:00", "2026-12-07T00:00:00")).toBe(false);
  });
});
