// Durations such as "4h", "4 business hours" or "2 business days", also in Turkish, German
// and Japanese ("4 iş saati", "2 Werktage", "3営業日", also with full-width digits: "３営業日"),
// in any case ("2 İş Saati", "4 Hours"). Business time is kept
// apart from calendar time because the two cannot be compared without a working calendar;
// for ordering checks a business day is taken as 8 business hours.
import { DURATION_PATTERN, UNIT_FOLDS, UNITS } from "./words.generated.js";

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

/** What a unit word measures; the words are in locales/<language>/words.json. */
export type UnitKind = "minute" | "hour" | "day" | "week" | "businessHour" | "businessDay";

const UNIT_HOURS: Record<UnitKind, { hours: number; business: boolean }> = {
  minute: { hours: 1 / 60, business: false },
  hour: { hours: 1, business: false },
  day: { hours: 24, business: false },
  week: { hours: 168, business: false },
  businessHour: { hours: 1, business: true },
  businessDay: { hours: 8, business: true },
};

// The schema's own pattern, so that what the schema accepts is what is read here.
const DURATION = new RegExp(DURATION_PATTERN, "u");

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
  const match = DURATION.exec(text);
  if (!match) return undefined;
  let key = "";
  for (const ch of match[2]!.replace(/\s+/g, " ")) key += UNIT_FOLDS[ch] ?? ch;
  const unit = UNIT_HOURS[UNITS[key]!];
  // NFKC reads the full-width digits a Japanese keyboard types ("４時間") as 0-9.
  const value = Number(match[1]!.normalize("NFKC").replace(",", "."));
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
