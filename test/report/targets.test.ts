// Month and period targets, attainment and status: one table of cases.
import { describe, expect, it } from "vitest";
import { computeFunnel, type FunnelMath } from "../../src/domain/funnel.js";
import type { Kpi } from "../../src/model/index.js";
import { addMonths, localDateTime, monthRange, wallClock } from "../../src/report/measure/months.js";
import { attainmentOf, monthTarget, periodTarget, statusOf } from "../../src/report/measure/targets.js";
import { EXAMPLE } from "./fixture.js";

const kpi = (fields: Partial<Kpi>): Kpi =>
  ({ id: "k", name: "K", owner: "sales", unit: "count", direction: "higher", target: 10, cadence: "monthly", ...fields }) as Kpi;

describe("monthTarget and periodTarget over a 6-month period", () => {
  it.each([
    // count per month: 176 a month, 1,056 over 6
    [kpi({ target: 176 }), 176, 1056],
    // count per quarter: 90 / 3 = 30 a month, 90 x 2 = 180
    [kpi({ target: 90, per: "quarter" }), 30, 180],
    // revenue per period: 1,800,000 / 6 = 300,000 a month
    [kpi({ unit: "currency", metric: "revenue", target: 1800000, per: "period" }), 300000, 1800000],
    // revenue with a monthly cadence and no per: per month
    [kpi({ unit: "currency", metric: "revenue", target: 300000 }), 300000, 1800000],
    // average deal size and cost per lead: currency without per, a level, never divided or summed
    [kpi({ unit: "currency", metric: "averageDealSize", target: 30000, cadence: "quarterly" }), 30000, 30000],
    // rates as fractions: "25%", 25 and 0.25 alike
    [kpi({ unit: "percent", target: "25%" }), 0.25, 0.25],
    [kpi({ unit: "percent", target: 25 }), 0.25, 0.25],
    // durations as they are
    [kpi({ unit: "hours", target: 4, direction: "lower" }), 4, 4],
    // no number at all
    [kpi({ target: "viel" }), null, null],
  ])("%#", (k, month, period) => {
    expect(monthTarget(k, 6)).toBe(month);
    expect(periodTarget(k, 6)).toBe(period);
  });
});

describe("attainment and status, given the direction", () => {
  it.each([
    ["higher", 100, 100, 1, "on-track"],
    ["higher", 100, 90, 0.9, "at-risk"],
    ["higher", 100, 89, 0.89, "off-track"],
    // lower is better: target / actual
    ["lower", 85, 90, 85 / 90, "at-risk"],
    ["lower", 4, 2, 2, "on-track"],
    // an actual of 0 where lower is better cannot be divided by: on track, no attainment
    ["lower", 4, 0, null, "on-track"],
    // a target of 0 where higher is better: anything meets it
    ["higher", 0, 3, null, "on-track"],
    ["higher", 100, null, null, "no-data"],
    ["higher", null, 5, null, "no-data"],
  ] as const)("%s target %s actual %s", (direction, target, actual, attainment, status) => {
    expect(attainmentOf(direction, target, actual)).toBe(attainment);
    expect(statusOf(direction, target, actual)).toBe(status);
  });
});

describe("months", () => {
  it("counts across a year's end and reads now in the calendar's zone", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(monthRange("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    // 21:30 UTC on the last day of September is already October in Istanbul (UTC+3) and Tokyo
    expect(localDateTime(new Date("2026-09-30T21:30:00Z"), "Europe/Istanbul")).toBe("2026-10-01T00:30:00");
    expect(localDateTime(new Date("2026-09-30T21:30:00Z"), "Asia/Tokyo")).toBe("2026-10-01T06:30:00");
    expect(localDateTime(new Date("2026-09-30T21:30:00Z"), "Europe/Berlin")).toBe("2026-09-30T23:30:00");
    // A moment less than a second before midnight is still the old day (and month).
    expect(localDateTime(new Date("2026-09-30T20:59:59.600Z"), "Europe/Istanbul")).toBe("2026-09-30T23:59:59");
  });
});

describe("computeFunnel with measured figures", () => {
  it("replaces the agreement's rates and deal size, keeping the rest", () => {
    // the example: 1,800,000 / 30,000 = 60 customers; at a measured close rate of 20 %:
    // 60 / 0.2 = 300 proposals; SQLs 300 / 0.6 = 500; MQLs 500 / 0.4 = 1,250
    const funnel = computeFunnel(EXAMPLE, { rates: { closeRate: 0.2 } }) as FunnelMath;
    expect(funnel.steps.slice(0, 4).map((s) => s.needed)).toEqual([60, 300, 500, 1250]);
    // a measured deal size of 45,000: 40 customers, 40 / 0.25 = 160 proposals
    const bigger = computeFunnel(EXAMPLE, { averageDealSize: 45000 }) as FunnelMath;
    expect(bigger.steps.slice(0, 2).map((s) => s.needed)).toEqual([40, 160]);
    // a measured rate of 0 cannot be divided by
    expect(computeFunnel(EXAMPLE, { rates: { mqlToSqlRate: 0 } })).toMatchObject({ computable: false, cause: "mqlToSqlRate", reason: "zero" });
  });
});

describe("wallClock", () => {
  it("writes epoch seconds as the wall-clock time Date would", () => {
    // leap days, the turn of centuries (2000 is a leap year, 2100 is not), before 1970
    for (const text of [
      "2026-07-03T10:00:00",
      "2024-02-29T23:59:59",
      "2000-02-29T00:00:00",
      "2100-03-01T12:34:56",
      "1969-12-31T23:59:59",
      "2026-12-31T00:00:01",
    ])
      expect(wallClock(Date.parse(`${text}Z`) / 1000)).toBe(text);
    for (let seconds = -2e9; seconds < 5e9; seconds += 7_777_777.5)
      expect(wallClock(seconds)).toBe(new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19));
  });
});
