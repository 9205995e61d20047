// The months a report covers: the calendar months of the review period up to `through`.
import { UsageError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { instantToLocal, type LocalDateTime } from "../../domain/business-time.js";
import type { Month } from "../model.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function addMonths(month: Month, count: number): Month {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const total = year * 12 + (index - 1) + count;
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * Wall-clock time of `instant` in `timeZone`, always `YYYY-MM-DDTHH:mm:ss`: whole seconds
 * (cut, not rounded, so 23:59:59.6 stays in its day) because `now` is compared as text with
 * month starts written `…T00:00:00`.
 */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const local = instantToLocal(Math.floor(instant.getTime() / 1000) * 1000, timeZone);
  return local.length === 16 ? `${local}:00` : local;
}

/**
 * The last month to measure: the one asked for, which must lie in the review period, or
 * else the last complete month before `now` (local time), but never past the period's end.
 */
export function resolveThrough(period: { start: string; end: string }, now: LocalDateTime, through?: string): Month {
  const first = period.start.slice(0, 7);
  const last = period.end.slice(0, 7);
  if (through !== undefined) {
    if (!MONTH.test(through)) throw new UsageError(message("report/through.invalid", { through }));
    if (through < first || through > last) throw new UsageError(message("report/through.outside", { through, start: period.start, end: period.end }));
    return through;
  }
  const lastComplete = addMonths(now.slice(0, 7), -1);
  if (lastComplete < first) throw new UsageError(message("report/through.none-complete", { start: period.start }));
  return lastComplete > last ? last : lastComplete;
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Epoch seconds of a wall-clock TIMESTAMP as that wall-clock time, `YYYY-MM-DDTHH:mm:ss`.
 * By arithmetic (the civil-from-days algorithm of H. Hinnant's date library) rather than
 * Date.toISOString, which took most of the time of measuring a hundred thousand hand-offs.
 */
export function wallClock(seconds: number): LocalDateTime {
  const whole = Math.floor(seconds);
  const days = Math.floor(whole / 86400);
  const inDay = whole - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(inDay / 3600);
  const minute = Math.floor((inDay % 3600) / 60);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(inDay % 60)}`;
}
