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
