import { describe, expect, it } from "vitest";
import { dateFormat, figure } from "./intl";

describe("formatters made once", () => {
  it("hands back the same formatter for the same locale, zone and style", () => {
    const first = dateFormat("en-GB", { timeZone: "Europe/London", timeStyle: "short" });
    expect(dateFormat("en-GB", { timeZone: "Europe/London", timeStyle: "short" })).toBe(first);
  });

  it("makes another for another zone, locale or style, each formatting as asked", () => {
    const at = new Date("2026-12-07T08:05:00Z");
    const london = dateFormat("en-GB", { timeZone: "Europe/London", timeStyle: "short" });
    const zagreb = dateFormat("en-GB", { timeZone: "Europe/Zagreb", timeStyle: "short" });
    const us = dateFormat("en-US", { timeZone: "Europe/London", timeStyle: "short" });
    const dated = dateFormat("en-GB", { timeZone: "Europe/London", dateStyle: "medium" });
    expect(new Set([london, zagreb, us, dated]).size).toBe(4);
    expect(london.format(at)).toBe("08:05");
    expect(zagreb.format(at)).toBe("09:05");
    expect(us.format(at)).toMatch(/^8:05\sAM$/);
    expect(dated.format(at)).toBe("7 Dec 2026");
  });

  it("writes counts with thousands grouped", () => {
    expect(figure(0)).toBe("0");
    expect(figure(1200)).toBe("1,200");
    expect(figure(1234567)).toBe("1,234,567");
  });
});
