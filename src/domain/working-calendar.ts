// The agreement's `calendar` as written (`workingDays: [mon, …]`, `workingHours: "09:00-17:00"`)
// read into the numbers business time is counted in. One reader for validate (start < end),
// render (the hours shown) and report (the calendar measured in), so all three read it alike.
import type { WorkingCalendar } from "../model/index.js";
import type { BusinessCalendar } from "./business-time.js";

export type Weekday = NonNullable<WorkingCalendar["workingDays"]>[number];

/** The weekdays in ISO order: index + 1 is the ISO weekday number. */
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export const DEFAULT_WORKING_DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
export const DEFAULT_WORKING_HOURS = "09:00-17:00";

/** `"09:00-17:00"` as minutes after midnight; undefined when it is not that shape. */
export function parseWorkingHours(text: string): { start: number; end: number } | undefined {
  const match = /^(\d{2}):(\d{2}) ?- ?(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  if (start >= 24 * 60 || end > 24 * 60) return undefined;
  return { start, end };
}

/** The working days as ISO weekday numbers (1 = Monday), the default when none are written. */
export function workingDayNumbers(calendar: WorkingCalendar): number[] {
  return (calendar.workingDays ?? DEFAULT_WORKING_DAYS).map((day) => WEEKDAYS.indexOf(day) + 1).sort((a, b) => a - b);
}

/**
 * The calendar business time is counted in: the agreement's calendar with the public holidays
 * handed in (src/report/holidays.ts resolves them) and its own extra days off.
 */
export function toBusinessCalendar(calendar: WorkingCalendar, publicHolidays: Iterable<string>): BusinessCalendar {
  const hours = parseWorkingHours(calendar.workingHours ?? DEFAULT_WORKING_HOURS);
  if (!hours || hours.start >= hours.end) throw new RangeError(`working hours must run from an earlier to a later time: ${calendar.workingHours}`);
  return {
    timeZone: calendar.timeZone,
    workingDays: workingDayNumbers(calendar),
    workingHours: hours,
    holidays: new Set([...publicHolidays, ...(calendar.holidays ?? [])]),
  };
}
