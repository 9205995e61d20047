// Durations such as "4h", "4 business hours" or "2 business days", also in Turkish, German
// and Japanese ("4 iş saati", "2 Werktage", "3営業日", also with full-width digits: "３営業日"). Business time is kept
// apart from calendar time because the two cannot be compared without a working calendar;
// for ordering checks a business day is taken as 8 business hours.

export interface Duration {
  /** Length in hours: calendar hours, or business hours when `business` is true. */
  hours: number;
  business: boolean;
  /** The unit it was written in, so a document can say it back the same way. */
  unit: "minute" | "hour" | "day" | "week";
  /** The number as written. */
  value: number;
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
  // Turkish
  dakika: { hours: 1 / 60, business: false },
  dk: { hours: 1 / 60, business: false },
  sa: { hours: 1, business: false },
  saat: { hours: 1, business: false },
  gün: { hours: 24, business: false },
  hafta: { hours: 168, business: false },
  "iş saati": { hours: 1, business: true },
  "iş günü": { hours: 8, business: true },
  // German (matched lower-cased)
  "min.": { hours: 1 / 60, business: false },
  minuten: { hours: 1 / 60, business: false },
  std: { hours: 1, business: false },
  "std.": { hours: 1, business: false },
  stunde: { hours: 1, business: false },
  stunden: { hours: 1, business: false },
  tag: { hours: 24, business: false },
  tage: { hours: 24, business: false },
  woche: { hours: 168, business: false },
  wochen: { hours: 168, business: false },
  geschäftsstunde: { hours: 1, business: true },
  geschäftsstunden: { hours: 1, business: true },
  arbeitsstunde: { hours: 1, business: true },
  arbeitsstunden: { hours: 1, business: true },
  werktag: { hours: 8, business: true },
  werktage: { hours: 8, business: true },
  arbeitstag: { hours: 8, business: true },
  arbeitstage: { hours: 8, business: true },
  geschäftstag: { hours: 8, business: true },
  geschäftstage: { hours: 8, business: true },
  // Japanese
  分: { hours: 1 / 60, business: false },
  時間: { hours: 1, business: false },
  日: { hours: 24, business: false },
  日間: { hours: 24, business: false },
  週: { hours: 168, business: false },
  週間: { hours: 168, business: false },
  営業時間: { hours: 1, business: true },
  営業日: { hours: 8, business: true },
};

// Agreements repeat a handful of durations ("4 business hours") within a file and across the
// files of a run; each is read once. Callers only read the objects, so they can be shared.
const readDurations = new Map<string, Readonly<Duration> | undefined>();

export function parseDuration(text: string | undefined): Readonly<Duration> | undefined {
  if (typeof text !== "string") return undefined;
  if (readDurations.has(text)) return readDurations.get(text);
  const duration = readDuration(text);
  // Bounded: a run over files with thousands of distinct durations stays small.
  if (readDurations.size < 1024) readDurations.set(text, duration);
  return duration;
}

function readDuration(text: string): Readonly<Duration> | undefined {
  // NFKC reads the full-width digits a Japanese keyboard types ("４時間") as 0-9.
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(\S.*?)\s*$/u.exec(text.normalize("NFKC").toLowerCase());
  if (!match) return undefined;
  const unit = UNIT_HOURS[match[2]!.replace(/\s+/g, " ")];
  if (!unit) return undefined;
  const value = Number(match[1]!.replace(",", "."));
  return Object.freeze({ hours: value * unit.hours, business: unit.business, unit: unitName(unit.hours, unit.business), value, text: text.trim() });
}

function unitName(hours: number, business: boolean): Duration["unit"] {
  if (hours < 1) return "minute";
  if (hours === 1) return "hour";
  if (hours === (business ? 8 : 24)) return "day";
  return "week";
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
