// The countries and regions whose public holidays the business calendar can count, listed
// from date-holidays when the project is built. `sla validate` checks `calendar.country` and
// `calendar.region` against this list (src/domain/holiday-regions.generated.ts) so that it never
// loads the holidays library itself: only `sla report` does (src/report/holidays.ts).
// scripts/build.mjs writes the list on every build where date-holidays (an optional
// dependency) is installed and keeps the committed one where it is not;
// test/domain/holiday-regions.test.ts holds the committed file to what this generates.
import { createRequire } from "node:module";

/** Country code -> the codes of its regions (states, provinces), both sorted; undefined without date-holidays. */
export function readHolidayRegions() {
  let Holidays;
  try {
    Holidays = createRequire(import.meta.url)("date-holidays");
  } catch {
    return undefined;
  }
  const holidays = new Holidays();
  const regions = {};
  for (const country of Object.keys(holidays.getCountries()).sort()) regions[country] = Object.keys(holidays.getStates(country) ?? {}).sort();
  return regions;
}

export function generateHolidayRegionsModule(regions) {
  return [
    "// Generated from date-holidays by scripts/holiday-regions.mjs (run by `npm run build`). Do not edit.",
    "",
    "/** The countries (ISO 3166-1 alpha-2) with public holidays, each with the codes of its regions. */",
    "export const HOLIDAY_REGIONS: Readonly<Record<string, readonly string[]>> = {",
    ...Object.entries(regions).map(([country, codes]) => `  ${country}: [${codes.map((code) => JSON.stringify(code)).join(", ")}],`),
    "};",
    "",
  ].join("\n");
}
