// src/domain/holiday-regions.generated.ts is what scripts/holiday-regions.mjs lists from the
// installed date-holidays, so `sla validate` knows the same countries and regions as
// `sla report` counts holidays for, without loading the library.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOLIDAY_REGIONS } from "../../src/domain/holiday-regions.generated.js";
import { ROOT } from "../helpers/cli.js";
// @ts-expect-error: a build script in plain JavaScript, without types.
import { generateHolidayRegionsModule, readHolidayRegions } from "../../scripts/holiday-regions.mjs";

describe("the countries and regions with public holidays", () => {
  it("are the committed file, as the build writes it", () => {
    const regions = readHolidayRegions();
    expect(regions).toBeDefined();
    expect(readFileSync(join(ROOT, "src/domain/holiday-regions.generated.ts"), "utf8")).toBe(generateHolidayRegionsModule(regions));
  });

  it("hold Germany with its states, Türkiye and Japan", () => {
    expect(HOLIDAY_REGIONS.DE).toContain("BY");
    expect(HOLIDAY_REGIONS.DE).toHaveLength(16);
    expect(HOLIDAY_REGIONS.TR).toEqual([]);
    expect(HOLIDAY_REGIONS.JP).toEqual([]);
  });
});
