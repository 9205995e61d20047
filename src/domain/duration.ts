// Durations such as "4h", "4 business hours" or "2 business days". Business time is kept
// apart from calendar time because the two cannot be compared without a working calendar;
// for ordering checks a business day is taken as 8 business hours.

export interface Duration {
  /** Length in hours: calendar hours, or business hours when `business` is true. */
  hours: number;
  business: boolean;
  text: string;
}

const UNIT_HOURS: Record<string, { hours: number; business: boolean }> = {
  m: { hours: 1 / 60, business: false },
  min: { hours: 1 / 60, business: false },
  mins: { hours: 1 / 60, business: false },
  minute: { hours: 1 / 60, business: false },
  minutes: { hours: 1 / 60, business: false },
  h: { hours: 1, business: false },
  hr: { hours: 1, business: false },
  hrs: { hours: 1, business: false },
  hour: { hours: 1, business: false },
  hours: { hours: 1, business: false },
  d: { hours: 24, business: false },
  day: { hours: 24, business: false },
  days: { hours: 24, business: false },
  w: { hours: 168, business: false },
  week: { hours: 168, business: false },
  weeks: { hours: 168, business: false },
  bh: { hours: 1, business: true },
  "business hour": { hours: 1, business: true },
  "business hours": { hours: 1, business: true },
  bd: { hours: 8, business: true },
  "business day": { hours: 8, business: true },
  "business days": { hours: 8, business: true },
};

export function parseDuration(text: string | undefined): Duration | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z ]+?)\s*$/.exec(text.toLowerCase());
  if (!match) return undefined;
  const unit = UNIT_HOURS[match[2]!.replace(/\s+/g, " ")];
  if (!unit) return undefined;
  return { hours: Number(match[1]) * unit.hours, business: unit.business, text: text.trim() };
}

/**
 * Compares two durations: negative when a is shorter. Business and calendar time are
 * compared by taking a business day as one calendar day (8 business hours = 24 hours),
 * which is the reading people mean when they mix them in one agreement.
 */
export function compareDurations(a: Duration, b: Duration): number {
  return toComparableHours(a) - toComparableHours(b);
}

function toComparableHours(d: Duration): number {
  return d.business ? d.hours * 3 : d.hours;
}
