// The next period's proposal from a measured report, against a hand computation.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAgreement } from "../../src/check.js";
import { parseSla } from "../../src/load/parse.js";
import type { Sla } from "../../src/model/index.js";
import { nextPeriod, proposeNext, raiseVersion } from "../../src/plan/next.js";
import type { FunnelRate, Report } from "../../src/report/model.js";
import { EXAMPLE } from "../helpers/cli.js";

const TEXT = readFileSync(EXAMPLE, "utf8");

/** A report as `sla report` measures it; only its funnel rates matter to the proposal. */
function reportWith(rates: FunnelRate[]): Report {
  return {
    version: 1,
    agreement: { file: "sla.example.yaml", title: "Anatolia Pumps", version: "2026.2", language: "en", currency: "EUR" },
    period: { start: "2026-07-01", end: "2026-12-31" },
    through: "2026-12",
    months: [],
    periodToDate: { months: 6, periodMonths: 6, kpis: [] },
    funnel: { rates, volumes: [] },
    connect: null,
    returned: null,
    dataQuality: { sources: [] },
  };
}

const rate = (name: string, numerator: number, denominator: number, planned: number): FunnelRate => ({
  rate: name,
  planned,
  measured: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

const MEASURED = reportWith([
  rate("closeRate", 33, 110, 0.25), // 30%
  rate("sqlToProposalRate", 150, 300, 0.6), // 50%
  rate("mqlToSqlRate", 12, 25, 0.4), // 48%, but on 25 cases: kept at 40%
  rate("leadToMqlRate", 320, 1000, 0.35), // 32%
  rate("visitToLeadRate", 2000, 80000, 0.02), // 2.5%
]);

function propose(text = TEXT, report = MEASURED, options: Partial<Parameters<typeof proposeNext>[4]> = {}) {
  const parsed = parseSla("sla.yaml", text);
  return proposeNext(parsed.data as Sla, parsed.document, text, report, { minSample: 30, ...options });
}

describe("proposeNext", () => {
  it("sets the measured rates, keeps a rate on too few cases, and derives the volumes by hand", () => {
    const proposal = propose(TEXT, MEASURED, { revenue: 2_100_000 });
    expect(proposal.version).toEqual({ from: "2026.2", to: "2027.1" });
    expect(proposal.period).toEqual({ start: "2027-01-01", end: "2027-06-30" });
    expect(proposal.rates.map((r) => [r.kpi, r.to, r.status, r.denominator])).toEqual([
      ["close-rate", 0.3, "measured", 110],
      ["sql-to-proposal-rate", 0.5, "measured", 300],
      ["mql-to-sql-rate", 0.4, "small-sample", 25],
      ["lead-to-mql-rate", 0.32, "measured", 1000],
      ["visit-to-lead-rate", 0.025, "measured", 80000],
    ]);
    // 2,100,000 / 30,000 = 70 customers -> 12 a month (11.67); 70 / 0.30 = 233.3 -> 234 proposals
    // -> 39 a month; 234 / 0.50 = 468 SQLs -> 78; 468 / 0.40 = 1,170 MQLs -> 195;
    // 1,170 / 0.32 = 3,656.25 -> 3,657 leads -> 610 (609.5); 3,657 / 0.025 = 146,280 visits -> 24,380.
    expect(proposal.volumes.map((v) => [v.kpi, v.from, v.to])).toEqual([
      ["new-customers", 11, 12],
      ["proposals", 43, 39],
      ["sqls", 71, 78],
      ["mqls", 176, 195],
      ["leads", 505, 610],
      ["website-visits", 25500, 24380],
    ]);
    expect(proposal.revenue).toEqual({ kpi: "revenue", from: 1_800_000, to: 2_100_000 });
  });

  it("writes a file that validates, each figure in the notation the agreement used, nothing else changed", () => {
    const { text } = propose(TEXT, MEASURED, { revenue: 2_100_000 });
    expect(checkAgreement("next.yaml", text).findings.filter((f) => f.severity === "error")).toEqual([]);
    const changed = diffLines(TEXT, text);
    expect(changed).toEqual([
      ['  version: "2026.2"', '  version: "2027.1"'],
      ["  effectiveDate: 2026-07-01", "  effectiveDate: 2027-01-01"],
      ["    start: 2026-07-01", "    start: 2027-01-01"],
      ["    end: 2026-12-31", "    end: 2027-06-30"],
      ["    target: 1800000", "    target: 2100000"],
      ["    target: 25%", "    target: 30%"],
      ["    target: 60", "    target: 50"],
      ["    target: 35%", "    target: 32%"],
      ["    target: 2%", "    target: 2.5%"],
      ["    target: 11", "    target: 12"],
      ["    target: 43", "    target: 39"],
      ["    target: 71", "    target: 78"],
      ["    target: 176", "    target: 195"],
      ["    target: 505", "    target: 610"],
      ["    target: 25500", "    target: 24380"],
    ]);
  });

  it("keeps the revenue target without --revenue and a rate nothing measured", () => {
    const proposal = propose(TEXT, reportWith([rate("closeRate", 0, 0, 0.25)]));
    expect(proposal.revenue).toEqual({ kpi: "revenue", from: 1_800_000, to: 1_800_000 });
    expect(proposal.rates).toEqual([expect.objectContaining({ kpi: "close-rate", status: "not-measured", from: 0.25, to: 0.25 })]);
    // The rates in force: the example's own volumes, as its comment computes them.
    expect(proposal.volumes.map((v) => v.to)).toEqual([10, 40, 67, 167, 477, 23817]);
  });

  it("flags a rate measured as 0% and keeps the one in force", () => {
    const proposal = propose(TEXT, reportWith([rate("closeRate", 0, 200, 0.25)]));
    expect(proposal.rates[0]).toEqual(expect.objectContaining({ status: "zero", to: 0.25 }));
  });

  it("keeps a rate measured above 100% and says so: two counts of different cases are no conversion rate", () => {
    // 97 proposals (deals) of 84 SQLs (contacts): the example's sample exports, July to October.
    const proposal = propose(TEXT, reportWith([rate("sqlToProposalRate", 97, 84, 0.6)]));
    expect(proposal.rates[0]).toEqual(expect.objectContaining({ status: "above-100", from: 0.6, to: 0.6, numerator: 97, denominator: 84 }));
    expect(proposal.text).toMatch(/- id: sql-to-proposal-rate\n(?: {4}.*\n)*? {4}target: 60\n/);
  });

  it("keeps a measured rate with which the funnel gives no finite figure, and names the problem", () => {
    // 1.5e308 revenue / 30,000 = 5e303 customers; / 0.30 measured close rate / 0.6 / 0.4 / 0.35 =
    // 1.98e305 leads; at the visit rate in force of 2%, 9.9e306 visits, still a number; at the
    // measured 0.1% (1 of 1,000), 1.98e308, beyond the largest number: the visit rate is kept.
    const proposal = propose(TEXT, reportWith([rate("visitToLeadRate", 1, 1000, 0.02), rate("closeRate", 30, 100, 0.25)]), { revenue: 1.5e308 });
    expect(proposal.rates.map((r) => [r.kpi, r.status, r.to])).toEqual([
      ["visit-to-lead-rate", "uncomputable", 0.02],
      ["close-rate", "measured", 0.3],
    ]);
    expect(proposal.rates[0]!.problem).toEqual({ cause: "visitToLeadRate", reason: "out-of-range", figure: "visits" });
  });

  it("takes a smaller --min-sample and a given version", () => {
    const proposal = propose(TEXT, MEASURED, { minSample: 10, version: "2027-H1" });
    expect(proposal.rates.find((r) => r.kpi === "mql-to-sql-rate")).toEqual(expect.objectContaining({ status: "measured", to: 0.48 }));
    expect(proposal.version.to).toBe("2027-H1");
    expect(proposal.text).toContain('version: "2027-H1"');
    expect(proposal.text).toContain("target: 0.48");
  });
});

describe("nextPeriod and raiseVersion", () => {
  const withPeriod = (start: string, end: string) => ({ agreement: { reviewPeriod: { start, end } } }) as unknown as Sla;

  it("starts the day after and keeps the length: whole months, or days", () => {
    expect(nextPeriod(withPeriod("2026-01-01", "2026-06-30"))).toMatchObject({ start: "2026-07-01", end: "2026-12-31" });
    expect(nextPeriod(withPeriod("2026-09-01", "2027-02-28"))).toMatchObject({ start: "2027-03-01", end: "2027-08-31" });
    expect(nextPeriod(withPeriod("2026-01-10", "2026-01-19"))).toMatchObject({ start: "2026-01-20", end: "2026-01-29" });
  });

  it("refuses a period without usable dates", () => {
    expect(() => nextPeriod(withPeriod("2026-07-01", "someday"))).toThrow(/review period/);
  });

  it("raises year-and-period, dotted and single-number versions", () => {
    expect(raiseVersion("2026.2", { year: 2027, month: 1, day: 1 })).toBe("2027.1");
    expect(raiseVersion("2026.1", { year: 2026, month: 7, day: 1 })).toBe("2026.2");
    expect(raiseVersion("1.4.2", { year: 2027, month: 1, day: 1 })).toBe("1.5.0");
    expect(raiseVersion("v3", { year: 2027, month: 1, day: 1 })).toBe("v4");
    expect(() => raiseVersion("Sommer", { year: 2027, month: 1, day: 1 })).toThrow(/--next-version/);
  });
});

/** The pairs of lines that differ, for texts of the same line count. */
function diffLines(a: string, b: string): [string, string][] {
  const left = a.split("\n");
  const right = b.split("\n");
  expect(right.length).toBe(left.length);
  return left.flatMap((line, i) => (line === right[i] ? [] : [[line, right[i]!] as [string, string]]));
}
