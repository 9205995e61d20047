// Business time: how many working hours lie between two moments in the agreement's business
// calendar (time zone, working days and hours, public holidays). Used by `sla report` to
// measure the time from hand-off to the first connect attempt. Pure: the holidays are handed
// in (resolved by src/report/holidays.ts, which alone loads the holidays library).

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

/** Business hours between `from` and `to` (0 when `to` is not after `from`). */
export function businessHoursBetween(from: LocalDateTime, to: LocalDateTime, calendar: BusinessCalendar): number {
  void from;
  void to;
  void calendar;
  throw new Error("not implemented yet");
}
