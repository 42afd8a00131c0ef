// How the publishing jobs read on screen: their state in words, in the desk's zone.
import type { JobKind, JobState, PublishJob, PublishingDone } from "./bindings";
import { deskTime } from "./format";
import { toldRecord } from "./fault";
import { dateFormat } from "./intl";

export const JOB_STATES: { state: JobState; label: string }[] = [
  { state: "pending", label: "Pending" },
  { state: "running", label: "Publishing now" },
  { state: "done", label: "Done" },
  { state: "failed", label: "Failed" },
  { state: "cancelled", label: "Cancelled" },
];

/** Whether a job carried out `lateMs` after its time counts as late: under a minute is on time. */
export function isLate(lateMs: number | null): boolean {
  return lateMs !== null && lateMs >= 60_000;
}

/** A delay in the largest units that matter: "45 s", "12 min", "2 h 5 min", "1 d 3 h". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** "publish": a scheduled piece going out; "render": its page written again (publish now,
 * a withdrawal). */
export function jobKindLabel(kind: JobKind): string {
  return kind === "render" ? "Page update" : "Publication";
}

/** The job's state in one line: "Pending — due 1 Dec 2026, 08:00", "Published 1 Dec 2026, 08:02
 * (late by 2 min)", "Failed — disk full". */
export function jobStatus(job: PublishJob, zone: string): string {
  switch (job.state) {
    case "pending":
      return `Pending — due ${deskTime(job.due_at, zone)}`;
    case "running":
      return `Publishing now — due ${deskTime(job.due_at, zone)}`;
    case "done": {
      const what = job.kind === "render" ? "Page written" : "Published";
      const when = job.finished_at ? ` ${deskTime(job.finished_at, zone)}` : "";
      const late = isLate(job.late_ms) ? ` (late by ${duration((job.late_ms ?? 0) / 1000)})` : "";
      return `${what}${when}${late}`;
    }
    case "failed":
      return `Failed — ${job.error ? toldRecord(job.error).words : "no reason given"}`;
    case "cancelled":
      return job.finished_at ? `Cancelled ${deskTime(job.finished_at, zone)}` : "Cancelled";
  }
}

/** For a failed job: which attempt failed and when the publisher tries again by itself. */
export function retryNote(job: PublishJob, zone: string): string {
  return `Attempt ${job.attempts}, next try ${deskTime(job.next_try_at, zone)}`;
}


/** What the publisher just did, for the banner: "Published: A; B", "Published late: C (by 2 h)",
 * "Publishing failed: D (disk full)". */
export function doneLines(report: PublishingDone): { published: string | null; late: string | null; failed: string | null } {
  const title = (h: string) => `“${h || "Untitled"}”`;
  const onTime = report.done.filter((j) => !isLate(j.late_ms));
  const late = report.done.filter((j) => isLate(j.late_ms));
  return {
    published: onTime.length > 0 ? `Published: ${onTime.map((j) => title(j.headline)).join("; ")}` : null,
    late:
      late.length > 0
        ? `Published late: ${late.map((j) => `${title(j.headline)} (by ${duration(j.late_ms / 1000)})`).join("; ")}`
        : null,
    failed:
      report.failed.length > 0
        ? `Publishing failed: ${report.failed.map((j) => `${title(j.headline)} (${j.error ? toldRecord(j.error).words : "no reason given"})`).join("; ")}`
        : null,
  };
}

/** The failures of `report` not told before (by job and words), which it marks as told: a job
 * failing again on each retry is said once, not every time. */
export function untold(report: PublishingDone, told: Set<string>): PublishingDone {
  const failed = report.failed.filter((f) => {
    const key = `${f.job_id}\u0000${f.error ?? ""}`;
    if (told.has(key)) return false;
    told.add(key);
    return true;
  });
  return { done: report.done, failed };
}

/** A report added to the one shown: what went out is added, and a job failing again with the
 * same words is said once. */
export function addReport(shown: PublishingDone | null, report: PublishingDone): PublishingDone {
  const was = shown ?? { done: [], failed: [] };
  const failed = [...was.failed];
  for (const f of report.failed) {
    if (!failed.some((g) => g.job_id === f.job_id && g.error === f.error)) failed.push(f);
  }
  return { done: [...was.done, ...report.done], failed };
}

/** A publication time with its weekday, in the desk's zone: "Tue 1 Dec 2026, 08:00" (or without
 * the year: "Tue 1 Dec, 08:00"). */
export function slotTime(iso: string, zone: string, year = true): string {
  const parts = dateFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const p: Record<string, string> = {};
  for (const part of parts) p[part.type] = part.value;
  const day = year ? `${p.weekday} ${p.day} ${p.month} ${p.year}` : `${p.weekday} ${p.day} ${p.month}`;
  return `${day}, ${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A section's slots as the core lists them, one per slot ("Mon 08:00"), written back the way
 * the desk writes them: days that share their times on one line ("Mon-Fri 08:00 12:00",
 * "Sat,Sun 10:30", "Daily 07:00"). The core reads either form. Lines it cannot read stay. */
export function compactSlots(slots: string[]): string[] {
  const byDay = new Map<number, Set<string>>();
  const other: string[] = [];
  for (const line of slots) {
    const m = /^(\w{3})\s+(\d{2}:\d{2})$/.exec(line.trim());
    const day = m ? DAYS.indexOf(m[1].charAt(0).toUpperCase() + m[1].slice(1, 3).toLowerCase()) : -1;
    if (!m || day === -1) {
      other.push(line);
      continue;
    }
    byDay.set(day, (byDay.get(day) ?? new Set()).add(m[2]));
  }
  // Days with the same times, in week order.
  const groups = new Map<string, number[]>();
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const times = [...(byDay.get(day) ?? [])].sort().join(" ");
    groups.set(times, [...(groups.get(times) ?? []), day]);
  }
  const lines = [...groups.entries()].map(([times, days]) => `${dayList(days)} ${times}`);
  return [...lines, ...other];
}

/** Days in week order as the desk writes them: "Mon-Fri", "Sat,Sun", "Mon,Wed,Fri", "Daily". */
function dayList(days: number[]): string {
  if (days.length === 7) return "Daily";
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${DAYS[run[0]]}-${DAYS[run[run.length - 1]]}` : run.map((d) => DAYS[d]).join(",")))
    .join(",");
}
