// The agreement's `calendar` resolved into the BusinessCalendar that business time is counted
// in, with the public holidays of its country and region over the years a report spans. Only
// `sla report` needs the holidays library (date-holidays, an optional dependency), so it is
// loaded here, on first use; validate checks country and region against a list generated at
// build time instead (src/domain/holiday-regions.generated.ts).
import { createRequire } from "node:module";
import type { BusinessCalendar } from "../domain/business-time.js";
import { localToInstant } from "../domain/business-time.js";
import { toBusinessCalendar } from "../domain/working-calendar.js";
import { MissingPackageError, SlaError } from "../errors.js";
import { message } from "../i18n/message.js";
import type { WorkingCalendar } from "../model/index.js";

export const HOLIDAYS_PACKAGE = "date-holidays";

/** One public holiday: a day off in the calendar's zone, with its name in the country's language. */
export interface PublicHoliday {
  date: string;
  name: string;
}

/** The part of date-holidays used here. */
interface HolidayEntry {
  date: string;
  start: Date;
  end: Date;
  name: string;
}
interface HolidaysLibrary {
  getHolidays(year: number): HolidayEntry[];
  getCountries(): Record<string, string>;
  getStates(country: string): Record<string, string> | undefined;
}
type HolidaysConstructor = new (country: string, state: string | undefined, options: { types: string[]; timezone: string }) => HolidaysLibrary;

let library: HolidaysConstructor | undefined;

/**
 * date-holidays, loaded on first use; a missing one is a one-line error that names it.
 * `load` is Node's require, or a stand-in for a test.
 */
export function loadHolidays(load?: (name: string) => unknown): HolidaysConstructor {
  if (!load && library) return library;
  let found: HolidaysConstructor;
  try {
    found = (load ?? createRequire(import.meta.url))(HOLIDAYS_PACKAGE) as HolidaysConstructor;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new MissingPackageError([HOLIDAYS_PACKAGE], message("calendar/holidays.missing-package", { package: HOLIDAYS_PACKAGE }));
  }
  if (!load) library = found;
  return found;
}

/**
 * The public holidays of `country` (and `region`) in the years `from` to `to`, as days of the
 * calendar's zone. A holiday that begins on the eve (Ramazan Bayramı from 18:00 the day
 * before) or lasts several days covers each day whose noon it covers: the eve stays a working
 * day, each day of the feast is off. Observances, bank and school holidays are not days off.
 */
export function publicHolidays(
  calendar: Pick<WorkingCalendar, "country" | "region" | "timeZone">,
  years: { from: number; to: number },
  Holidays: HolidaysConstructor = loadHolidays(),
): PublicHoliday[] {
  if (!calendar.country) return [];
  const holidays = new Holidays(calendar.country, calendar.region, { types: ["public"], timezone: calendar.timeZone });
  // An unknown country gives no holidays and an unknown region the country's: both would
  // count silently wrong, so they are refused (validate checks the same against the build's list).
  const known = calendar.region ? holidays.getStates(calendar.country)?.[calendar.region] : holidays.getCountries()[calendar.country];
  if (known === undefined)
    throw new SlaError(message("calendar/holidays.unknown-country", { place: calendar.region ? `${calendar.country}-${calendar.region}` : calendar.country }));
  const days = new Map<string, string>();
  for (let year = years.from; year <= years.to; year++) {
    for (const entry of holidays.getHolidays(year)) {
      for (let day = entry.date.slice(0, 10); ; day = nextDay(day)) {
        const noon = localToInstant(`${day}T12:00`, calendar.timeZone);
        if (noon >= entry.end.getTime()) break;
        if (noon >= entry.start.getTime() && !days.has(day)) days.set(day, entry.name);
      }
    }
  }
  return [...days].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The calendar business time is counted in over the years `from` to `to`: the working days
 * and hours as written (or the defaults), the public holidays, and the agreement's own days off.
 */
export function resolveBusinessCalendar(calendar: WorkingCalendar, years: { from: number; to: number }): BusinessCalendar {
  const holidays = calendar.country ? publicHolidays(calendar, years) : [];
  return toBusinessCalendar(
    calendar,
    holidays.map((holiday) => holiday.date),
  );
}

function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
