// The business calendar (`calendar`): what the schema cannot check. The time zone is asked of
// Intl; the countries and regions come from a list generated at build time from the holidays
// library (scripts/holiday-regions.mjs), so that validating never loads the library itself.
import { HOLIDAY_REGIONS } from "../../domain/holiday-regions.generated.js";
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from "../../domain/working-calendar.js";
import { message } from "../../i18n/message.js";
import { closestMatch } from "../../util/did-you-mean.js";
import type { Rule } from "../rule.js";

export const calendarTimeZone: Rule = {
  id: "calendar/time-zone",
  defaultSeverity: "error",
  description: "The business calendar's `timeZone` is an IANA time zone (e.g. `Europe/Berlin`, `Europe/Istanbul`, `Asia/Tokyo`).",
  needs: ["calendar"],
  check({ sla, report }) {
    const timeZone = sla.calendar?.timeZone;
    if (timeZone === undefined || isTimeZone(timeZone)) return;
    const near = closestMatch(timeZone, knownTimeZones());
    report({
      path: ["calendar", "timeZone"],
      message: message("calendar/time-zone", { timeZone }),
      hint: near ? message("rules/did-you-mean.hint", { suggestion: near }) : message("calendar/time-zone.hint"),
    });
  },
};

export const calendarCountry: Rule = {
  id: "calendar/country",
  defaultSeverity: "error",
  description: "The business calendar's `country` is one whose public holidays are known, and its `region` one of that country's regions.",
  needs: ["calendar"],
  check({ sla, report }) {
    const calendar = sla.calendar;
    if (!calendar) return;
    const { country, region } = calendar;
    if (country === undefined) {
      if (region !== undefined)
        report({
          path: ["calendar", "region"],
          message: message("calendar/country.region-alone", { region }),
          hint: message("calendar/country.region-alone.hint"),
        });
      return;
    }
    const regions = HOLIDAY_REGIONS[country];
    if (!regions) {
      // Two letters are one letter from dozens of codes: only a known alias is a likely meaning.
      const near = COUNTRY_ALIASES[country];
      report({
        path: ["calendar", "country"],
        message: message("calendar/country.unknown", { country }),
        hint: near ? message("rules/did-you-mean.hint", { suggestion: near }) : message("calendar/country.unknown.hint"),
      });
      return;
    }
    if (region === undefined || regions.includes(region)) return;
    // The codes are listed in the message; only a difference of case is worth a "did you mean".
    const near = regions.find((code) => code.toUpperCase() === region.toUpperCase());
    report({
      path: ["calendar", "region"],
      message:
        regions.length === 0
          ? message("calendar/country.no-regions", { country, region })
          : message("calendar/country.unknown-region", { country, region, regions: regions.join(", ") }),
      hint: near ? message("rules/did-you-mean.hint", { suggestion: near }) : message("calendar/country.unknown-region.hint"),
    });
  },
};

export const calendarWorkingHours: Rule = {
  id: "calendar/working-hours",
  defaultSeverity: "error",
  description: 'The business calendar\'s working day starts before it ends (`workingHours: "09:00-17:00"`).',
  needs: ["calendar"],
  check({ sla, report }) {
    const written = sla.calendar?.workingHours ?? DEFAULT_WORKING_HOURS;
    const hours = parseWorkingHours(written);
    if (!hours || hours.start < hours.end) return;
    report({
      path: ["calendar", "workingHours"],
      message: message("calendar/working-hours", { hours: written }),
      hint: message("calendar/working-hours.hint"),
    });
  },
};

// The codes people write for a country that ISO 3166 spells otherwise.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: "GB", EN: "GB", GER: "DE", TUR: "TR", JPN: "JP", JA: "JP" };

// Each Intl.DateTimeFormat holds an ICU formatter that outlives the check; a run over a
// thousand files names a handful of zones, so each is asked once (bounded, as names may vary).
const zoneChecks = new Map<string, boolean>();
let canonicalZones: ReadonlySet<string> | undefined;
function isTimeZone(name: string): boolean {
  let known = zoneChecks.get(name);
  if (known === undefined) {
    // The list of canonical zones costs about a millisecond; the first formatter with a zone,
    // which loads ICU's time-zone data, ten times that (a tenth of validating one file). The
    // formatter is asked only about names not on the list: aliases such as `UTC` or `Asia/Kolkata`.
    canonicalZones ??= new Set(knownTimeZones());
    known = canonicalZones.has(name);
    if (!known) {
      try {
        new Intl.DateTimeFormat("en", { timeZone: name });
        known = true;
      } catch {
        known = false;
      }
    }
    if (zoneChecks.size < 256) zoneChecks.set(name, known);
  }
  return known;
}

let timeZones: readonly string[] | undefined;
/** The IANA zones this Node knows, for "did you mean". */
function knownTimeZones(): readonly string[] {
  timeZones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return timeZones;
}
