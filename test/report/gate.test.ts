import { describe, expect, it } from "vitest";
import type { KpiStatus } from "../../src/report/model.js";
import { failsOn, type FailOn } from "../../src/report/gate.js";
import { fixtureReport } from "./fixtures.js";

/** The fixture with every KPI of the latest month and the period to date at `latest` and `toDate`. */
function withStatuses(latest: KpiStatus, toDate: KpiStatus, earlier: KpiStatus = "off-track") {
  const report = fixtureReport("en");
  for (const m of report.months) for (const k of m.kpis) k.status = earlier;
  for (const k of report.months.at(-1)!.kpis) k.status = latest;
  for (const k of report.periodToDate.kpis) k.status = toDate;
  report.months.at(-1)!.kpis[0]!.status = latest;
  return report;
}

describe("--fail-on", () => {
  it.each<[FailOn | undefined, KpiStatus, KpiStatus, boolean]>([
    [undefined, "off-track", "off-track", false],
    ["off-track", "on-track", "on-track", false],
    ["off-track", "off-track", "on-track", true],
    ["off-track", "on-track", "off-track", true],
    ["off-track", "at-risk", "at-risk", false],
    ["at-risk", "at-risk", "on-track", true],
    // At risk includes off track.
    ["at-risk", "off-track", "on-track", true],
    ["at-risk", "on-track", "no-data", false],
  ])("%s with the latest month %s and the period to date %s: %s", (failOn, latest, toDate, fails) => {
    expect(failsOn(withStatuses(latest, toDate), failOn)).toBe(fails);
  });

  it("does not fail on an earlier month's miss", () => {
    expect(failsOn(withStatuses("on-track", "on-track", "off-track"), "at-risk")).toBe(false);
  });
});
