// Calendar arithmetic on YYYY-MM-DD dates, in UTC so that no time zone shifts a day.

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

// Several rules read the same few dates of each agreement; each is read once. Callers only
// read the objects, so they can be shared.
const readDates = new Map<string, Readonly<CalendarDate> | undefined>();

export function parseDate(text: unknown): Readonly<CalendarDate> | undefined {
  if (typeof text !== "string") return undefined;
  if (readDates.has(text)) return readDates.get(text);
  const date = readDate(text);
  // Bounded: a run over files with thousands of distinct dates stays small.
  if (readDates.size < 1024) readDates.set(text, date);
  return date;
}

function readDate(text: string): Readonly<CalendarDate> | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? Object.freeze(date) : undefined;
}

export function toDayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Calendar months from the start to the end day, both inclusive: 2026-01-01..2026-06-30 is
 * exactly 6. A partial month counts by its share of days, so 2026-01-01..2026-01-15 is 15/31.
 */
export function monthsInPeriod(start: CalendarDate, end: CalendarDate): number {
  const next = new Date(Date.UTC(end.year, end.month - 1, end.day + 1));
  const stop = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  let months = (stop.year - start.year) * 12 + (stop.month - start.month);
  let dayDelta = stop.day - start.day;
  if (dayDelta < 0) {
    months -= 1;
    const prevMonth = stop.month === 1 ? 12 : stop.month - 1;
    const prevYear = stop.month === 1 ? stop.year - 1 : stop.year;
    dayDelta += daysInMonth(prevYear, prevMonth);
    return months + dayDelta / daysInMonth(prevYear, prevMonth);
  }
  return months + dayDelta / daysInMonth(stop.year, stop.month);
}

/** How far, in days, the end may be from a whole number of months for the period to count as them. */
const MONTH_END_SLACK_DAYS = 3;

/**
 * The months a per-month (per-week, per-quarter) target is kept over: whole calendar months
 * when the period ends within a few days of where they end, else monthsInPeriod's share.
 * People write a six-month period as 2026-07-01..2026-12-31, but also a day short
 * (..12-30) or with the next period's first day (..2027-01-01); both mean six months, and
 * counting them as 5.97 or 6.03 made a per-month target fall short of a per-period one by a
 * fraction of a unit, so the funnel reported every volume as unreachable.
 */
export function targetMonths(start: CalendarDate, end: CalendarDate): number {
  const months = monthsInPeriod(start, end);
  const whole = Math.round(months);
  if (whole < 1) return months;
  // The last day of `whole` months from the start (Date.UTC carries a day past the month's end over).
  const wholeEnd = Date.UTC(start.year, start.month - 1 + whole, start.day) / 86_400_000 - 1;
  return Math.abs(toDayNumber(end) - wholeEnd) <= MONTH_END_SLACK_DAYS ? whole : months;
}
