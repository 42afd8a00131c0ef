import { dateFormat } from "./intl";

// The desk's wall clock. The calendar widget knows only wall-clock values in one fixed zone,
// and the desk's zone may not be the machine's: instants are turned into the desk's wall-clock
// values ("2026-12-01T08:00:00") for display, and a wall-clock value is handed back to the core
// as typed text ("2026-12-01 08:00"), which the core reads in the desk's zone, so the
// daylight-saving rules (a skipped or a repeated hour) stay the core's.

/** A wall-clock value in the desk's zone, "YYYY-MM-DDTHH:MM:SS", with no zone of its own. */
export type Wall = string;

/** How far a drag moved an event, as the calendar widget measures it. */
export type Shift = { years: number; months: number; days: number; seconds: number };

function formatIn(zone: string): Intl.DateTimeFormat {
  return dateFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock fields of a UTC-based Date, as a Wall. */
function fromUtcFields(date: Date): Wall {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** A Wall read as if it were UTC: arithmetic on wall-clock values without any zone's rules. */
function asUtc(wall: Wall): Date {
  const [date, time = "00:00:00"] = wall.split("T");
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi, s = 0] = time.split(":").map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** What the desk's clock on the wall read at `instant`. */
export function wallClock(instant: string | Date, zone: string): Wall {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const parts: Record<string, string> = {};
  for (const p of formatIn(zone).formatToParts(at)) parts[p.type] = p.value;
  // Some engines write midnight as 24 even in a 23-hour cycle.
  const hour = parts.hour === "24" ? "00" : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day}T${hour}:${parts.minute}:${parts.second}`;
}

/** The desk zone's offset from UTC at `instant`, in minutes (Paris in winter: 60). */
export function offsetMinutes(instant: string | Date, zone: string): number {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((asUtc(wallClock(at, zone)).getTime() - whole) / 60_000);
}

/** An offset as "+01:00" or "-05:00". */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** The calendar widget's zone: the desk's offset now, so that its "today" and its line for the
 * present time are the desk's. Events are given as wall-clock values and are not shifted by it. */
export function widgetZone(zone: string, now: Date = new Date()): string {
  return offsetText(offsetMinutes(now, zone));
}

/** A wall-clock value moved by a drag: years, months, days, then seconds, on the wall clock. */
export function shiftWall(wall: Wall, shift: Shift): Wall {
  const date = asUtc(wall);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + shift.years * 12 + shift.months);
  // The 31st moved a month on lands on the month's last day, as the widget does.
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  date.setUTCDate(date.getUTCDate() + shift.days);
  date.setUTCSeconds(date.getUTCSeconds() + shift.seconds);
  return fromUtcFields(date);
}

/** A wall-clock value `minutes` later on the wall. */
export function addMinutes(wall: Wall, minutes: number): Wall {
  return shiftWall(wall, { years: 0, months: 0, days: 0, seconds: minutes * 60 });
}

/** A wall-clock value as the desk types it for the core: "2026-12-01 08:00". */
export function typedTime(wall: Wall): string {
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** An instant as the desk types it, in the desk's zone: "2026-12-01 08:00". */
export function typedDeskTime(instant: string, zone: string): string {
  return typedTime(wallClock(instant, zone));
}

// No zone is more than 14 hours from UTC.
const WIDEST_OFFSET_MS = 14 * 3600_000;

/** The instants (RFC 3339, UTC) to read for wall-clock days [start, end) in any zone: the
 * window is widened by the widest offset on each side, and what falls outside is not shown. */
export function windowFor(start: Wall, end: Wall): { from: string; to: string } {
  return {
    from: new Date(asUtc(start).getTime() - WIDEST_OFFSET_MS).toISOString(),
    to: new Date(asUtc(end).getTime() + WIDEST_OFFSET_MS).toISOString(),
  };
}

/** Whether a wall-clock value falls inside wall-clock days [start, end). */
export function within(wall: Wall, start: Wall, end: Wall): boolean {
  return wall >= start && wall < end;
}
