// Business time: how many working hours lie between two moments in the agreement's business
// calendar (time zone, working days and hours, public holidays). Used by `sla report` to
// measure the time from hand-off to the first connect attempt. Pure: the holidays are handed
// in (resolved by src/report/holidays.ts, which alone loads the holidays library).
//
// Business time is counted on the wall clock: the working day is 09:00-17:00 on the clock on
// the wall, also on the day the clocks change (which happens at night, outside working hours).
// Calendar time ("4h", "2 days") is counted in real elapsed hours instead, so a lead handed
// over on the night the clocks go forward has an hour less to wait: local times are turned
// into instants in the zone for it (Intl; no time-zone library).
import type { Duration } from "./duration.js";

/** Wall-clock time in the calendar's zone, `YYYY-MM-DDTHH:mm[:ss]`. */
export type LocalDateTime = string;

export interface BusinessCalendar {
  /** IANA time zone, e.g. `Europe/Istanbul`. */
  timeZone: string;
  /** ISO weekday numbers that are working days, 1 = Monday .. 7 = Sunday. */
  workingDays: readonly number[];
  /** Start and end of the working day, minutes after midnight. */
  workingHours: { start: number; end: number };
  /** Days off (`YYYY-MM-DD`): public holidays of the country and region, and the agreement's own. */
  holidays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
// A deadline further than this many days past its start is not a deadline: a calendar whose
// every working day is a holiday would otherwise be searched for ever.
const MAX_DAYS_SEARCHED = 3 * 366;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A wall-clock time as minutes on a clock that never changes (its UTC reading), so that days
 * and hours are plain arithmetic. Seconds are kept as a fraction of a minute.
 */
function wallMinutes(local: LocalDateTime): number {
  const match = LOCAL.exec(local);
  if (!match) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm[:ss]): ${local}`);
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return ms / MINUTE_MS;
}

function formatWall(minutes: number): LocalDateTime {
  const text = new Date(Math.round(minutes * 60) * 1000).toISOString();
  // Seconds only when there are any, as the exports mostly write minutes.
  return text.endsWith(":00.000Z") ? text.slice(0, 16) : text.slice(0, 19);
}

/** ISO weekday (1 = Monday) of the day `day` days after 1970-01-01, a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function dayKey(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether day `day` is a working day, remembered per calendar: a report asks for the same
 * few hundred days hundreds of thousands of times, and naming a day (for the holidays) is
 * most of the cost of asking.
 */
const workingDayCache = new WeakMap<BusinessCalendar, Map<number, boolean>>();

function isWorkingDay(day: number, calendar: BusinessCalendar): boolean {
  let days = workingDayCache.get(calendar);
  if (!days) workingDayCache.set(calendar, (days = new Map()));
  let working = days.get(day);
  if (working === undefined) {
    working = calendar.workingDays.includes(isoWeekday(day)) && !calendar.holidays.has(dayKey(day));
    days.set(day, working);
  }
  return working;
}

/** The working span of day `day` in wall minutes, or undefined on a day off. */
function workingSpan(day: number, calendar: BusinessCalendar): [number, number] | undefined {
  if (!isWorkingDay(day, calendar)) return undefined;
  const midnight = day * DAY_MINUTES;
  return [midnight + calendar.workingHours.start, midnight + calendar.workingHours.end];
}

/** Business hours between `from` and `to` (0 when `to` is not after `from`). */
export function businessHoursBetween(from: LocalDateTime, to: LocalDateTime, calendar: BusinessCalendar): number {
  return businessMinutesBetween(wallMinutes(from), wallMinutes(to), calendar) / 60;
}

/**
 * businessHoursBetween's count, in minutes, between two wall-clock times given as minutes on
 * the clock that never changes (wallMinutes): for a caller that has the times as numbers (a
 * report over a million leads), which is spared making and reading text for each.
 */
export function businessMinutesBetween(start: number, end: number, calendar: BusinessCalendar): number {
  if (end <= start) return 0;
  let minutes = 0;
  // Day by day: a hand-off is followed within days, so the loop is short; whole weeks would
  // save nothing measurable and make the holidays harder to count.
  const { start: opens, end: closes } = calendar.workingHours;
  for (let day = Math.floor(start / DAY_MINUTES); day * DAY_MINUTES < end; day++) {
    if (!isWorkingDay(day, calendar)) continue;
    const midnight = day * DAY_MINUTES;
    minutes += Math.max(0, Math.min(end, midnight + closes) - Math.max(start, midnight + opens));
  }
  return minutes;
}

/**
 * The moment `hours` business hours after `from`: the deadline of a first attempt. A lead
 * handed over after hours, on a weekend or a holiday starts the clock at the next working
 * morning; a deadline that falls on the end of a working day is that end, not the next morning.
 */
export function addBusinessHours(from: LocalDateTime, hours: number, calendar: BusinessCalendar): LocalDateTime {
  const start = wallMinutes(from);
  let remaining = hours * 60;
  if (!(remaining > 0)) return formatWall(start);
  const first = Math.floor(start / DAY_MINUTES);
  for (let day = first; day <= first + MAX_DAYS_SEARCHED; day++) {
    const span = workingSpan(day, calendar);
    if (!span) continue;
    const open = Math.max(start, span[0]);
    const available = span[1] - open;
    if (available <= 0) continue;
    if (remaining <= available) return formatWall(open + remaining);
    remaining -= available;
  }
  throw new RangeError(`no working time within ${MAX_DAYS_SEARCHED} days of ${from} in this calendar`);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin in summer: 120). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instantMs))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant (ms since the epoch) a wall-clock time stands for in `timeZone`. A time the
 * clocks skip (02:30 on the night they go forward) is read with the offset before the change,
 * landing an hour later on the wall; a time they show twice (02:30 on the night they go back)
 * is the first of the two. This is what calendars and Temporal call "compatible".
 */
export function localToInstant(local: LocalDateTime, timeZone: string): number {
  const wall = wallMinutes(local) * MINUTE_MS;
  const before = offsetMinutes(wall - DAY_MINUTES * MINUTE_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MINUTES * MINUTE_MS, timeZone);
  // The earlier reading first: it is the one kept when both are right (the repeated hour).
  const candidates = [wall - before * MINUTE_MS, wall - after * MINUTE_MS].sort((a, b) => a - b);
  for (const instant of candidates) if (instant + offsetMinutes(instant, timeZone) * MINUTE_MS === wall) return instant;
  // Skipped by the clocks: the offset that held before the gap.
  return wall - before * MINUTE_MS;
}

/** The wall-clock time in `timeZone` at an instant (ms since the epoch). */
export function instantToLocal(instantMs: number, timeZone: string): LocalDateTime {
  return formatWall(instantMs / MINUTE_MS + offsetMinutes(instantMs, timeZone));
}

/** Real hours elapsed between two wall-clock times of the zone, across any change of the clocks. */
export function realHoursBetween(from: LocalDateTime, to: LocalDateTime, timeZone: string): number {
  return Math.max(0, localToInstant(to, timeZone) - localToInstant(from, timeZone)) / 3_600_000;
}

/**
 * Real minutes between two wall-clock times of the zone given as wall minutes (as
 * businessMinutesBetween takes them), across any change of the clocks. The instant of each
 * wall hour is remembered per zone, so a report over many leads asks Intl once per hour of its
 * period rather than once per lead; clocks change on the hour in the zones sla meets.
 */
export function realMinutesBetween(start: number, end: number, timeZone: string): number {
  return Math.max(0, instantMinutes(end, timeZone) - instantMinutes(start, timeZone));
}

const hourInstants = new Map<string, Map<number, number>>();

function instantMinutes(wall: number, timeZone: string): number {
  const hour = Math.floor(wall / 60);
  let zone = hourInstants.get(timeZone);
  if (!zone) hourInstants.set(timeZone, (zone = new Map()));
  let instant = zone.get(hour);
  if (instant === undefined) zone.set(hour, (instant = localToInstant(formatWall(hour * 60), timeZone) / MINUTE_MS));
  return instant + (wall - hour * 60);
}

/**
 * The hours a duration allows, in its own kind of time: business hours for business time,
 * where a business day is the calendar's working day (9 hours for 09:00-18:00); real hours
 * for calendar time.
 */
export function allowedHours(duration: Duration, calendar: BusinessCalendar): number {
  if (duration.business && duration.unit === "day") return (duration.value * (calendar.workingHours.end - calendar.workingHours.start)) / 60;
  return duration.hours;
}

/** The time between `from` and `to` measured as `duration` counts: business or real hours. */
export function elapsedHours(from: LocalDateTime, to: LocalDateTime, duration: Duration, calendar: BusinessCalendar): number {
  return duration.business ? businessHoursBetween(from, to, calendar) : realHoursBetween(from, to, calendar.timeZone);
}

/** When `duration` after `from` runs out, as wall-clock time: a lead not attempted by then is a breach. */
export function deadline(from: LocalDateTime, duration: Duration, calendar: BusinessCalendar): LocalDateTime {
  const hours = allowedHours(duration, calendar);
  if (duration.business) return addBusinessHours(from, hours, calendar);
  return instantToLocal(localToInstant(from, calendar.timeZone) + hours * 3_600_000, calendar.timeZone);
}
