import { describe, expect, it } from "vitest";
import { report } from "../test-stubs/desk";
import type { PublishJob } from "./bindings";
import { addReport, compactSlots, doneLines, duration, jobStatus, slotTime, untold } from "./publishing";

describe("duration", () => {
  it("reads in the units that matter", () => {
    expect(duration(45)).toBe("45 s");
    expect(duration(720)).toBe("12 min");
    expect(duration(7500)).toBe("2 h 5 min");
    expect(duration(7200)).toBe("2 h");
    expect(duration(97_200)).toBe("1 d 3 h");
    expect(duration(172_800)).toBe("2 d");
  });
});

describe("the publisher's report", () => {
  it("names what went out and, apart, what failed and why", () => {
    expect(doneLines(report(["Salt", "Ports"], [["Debt", "disk full"]]))).toEqual({
      published: "Published: “Salt”; “Ports”",
      late: null,
      failed: "Publishing failed: “Debt” (disk full)",
    });
    expect(doneLines(report(["Salt"])).failed).toBeNull();
  });

  it("adds a report to the one shown, saying a job that fails again once", () => {
    const shown = addReport(null, report(["Salt"], [["Debt", "disk full"]]));
    const both = addReport(shown, report(["Ports"], [["Debt", "disk full"]]));
    expect(doneLines(both)).toEqual({
      published: "Published: “Salt”; “Ports”",
      late: null,
      failed: "Publishing failed: “Debt” (disk full)",
    });
  });

  it("says late publications apart from those on time, with how late", () => {
    const r = report(["Salt", "Ports"]);
    r.done[1].late_ms = 20 * 86_400_000;
    expect(doneLines(r)).toEqual({ published: "Published: “Salt”", late: "Published late: “Ports” (by 20 d)", failed: null });
  });

  it("tells a failure once per session, however often its retries fail the same way", () => {
    const told = new Set<string>();
    expect(untold(report([], [["Debt", "disk full"]]), told).failed).toHaveLength(1);
    expect(untold(report(["Salt"], [["Debt", "disk full"]]), told).failed).toHaveLength(0);
    expect(untold(report([], [["Debt", "the folder is gone"]]), told).failed).toHaveLength(1);
  });
});

describe("jobStatus", () => {
  const job: PublishJob = {
    id: "j1",
    article_id: "a1",
    headline: "Ports",
    kind: "publish",
    due_at: "2026-12-01T07:00:00Z",
    state: "done",
    attempts: 1,
    next_try_at: "2026-12-01T07:00:00Z",
    finished_at: "2026-12-01T07:02:00Z",
    late_ms: 125_000,
    error: null,
  };
  it("says how late a job went out, from the core's milliseconds", () => {
    expect(jobStatus(job, "Europe/Paris")).toBe("Published 1 Dec 2026, 08:02 (late by 2 min)");
    expect(jobStatus({ ...job, late_ms: 59_000 }, "Europe/Paris")).toBe("Published 1 Dec 2026, 08:02");
    expect(jobStatus({ ...job, kind: "render", late_ms: null }, "Europe/Paris")).toBe("Page written 1 Dec 2026, 08:02");
  });
});

describe("slotTime", () => {
  it("gives the weekday, in the desk's zone", () => {
    expect(slotTime("2026-12-01T07:00:00Z", "Europe/Paris")).toBe("Tue 1 Dec 2026, 08:00");
    expect(slotTime("2026-12-01T23:30:00Z", "Europe/Paris")).toBe("Wed 2 Dec 2026, 00:30");
  });
});

describe("compactSlots", () => {
  it("writes the core's one-slot lines the way the desk writes them", () => {
    const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"].flatMap((d) => [`${d} 08:00`, `${d} 12:00`]);
    expect(compactSlots([...weekdays, "Sat 10:30", "Sun 10:30"])).toEqual(["Mon-Fri 08:00 12:00", "Sat,Sun 10:30"]);
    expect(compactSlots(["Mon 07:00", "Wed 07:00", "Fri 07:00"])).toEqual(["Mon,Wed,Fri 07:00"]);
    expect(compactSlots(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => `${d} 06:00`))).toEqual(["Daily 06:00"]);
    expect(compactSlots(["Mon 07:00", "Tue 07:00", "Thu 07:00", "Fri 07:00", "Sat 07:00"])).toEqual(["Mon,Tue,Thu-Sat 07:00"]);
    expect(compactSlots([])).toEqual([]);
  });
});
