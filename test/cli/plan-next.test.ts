// `sla plan --next` on the shipped example with the report's sample exports (examples/exports/),
// every figure checked against a hand computation. `--through 2026-10` fixes the months
// measured, so the test does not depend on today's date; July to October are the months
// test/fixtures/report/expected-example.json computes by hand.
//
// Hand computation, July to October 2026 (per month: expected-example.json; proposals and
// visits counted from deals.csv and actuals.csv):
//   close rate      won / (won + lost)      = (2+10+8+14) / (52)        = 34 / 52    = 65.38% -> 65.4%
//                   (lost 0+2+6+10 = 18, so won + lost = 52)
//   SQL→proposal    proposals / SQLs        = (15+30+26+26) / (7+26+21+30) = 97 / 84 = 115.48%: above 100%,
//                   proposals are deals created in the month that reached "Proposal presented",
//                   "Negotiation", "Closed won" or "Closed lost"; SQLs are contacts. Kept at 60%.
//   MQL→SQL         SQLs / MQLs             = 84 / (18+42+40+41)        = 84 / 141   = 59.57% -> 59.6% (written 0.596)
//   lead→MQL        MQLs / leads            = 141 / (76+78+80+97)       = 141 / 331  = 42.60% -> 42.6%
//   visit→lead      leads / visits          = 331 / (24,095+22,422+23,872+25,189) = 331 / 95,578 = 0.346% -> 0.35% (a rate below 1% keeps two decimals)
// Every denominator is at least 52, so with the default --min-sample of 30 no rate is flagged;
// with --min-sample 60 the close rate (52 cases) is, and kept at 25%.
// Volumes over the next half-year (2027-01-01 – 2027-06-30), revenue 1,800,000 kept, deal 30,000:
//   customers 1,800,000 / 30,000 = 60            -> 10 a month
//   proposals 60 / 0.654  = 91.74  -> 92          -> 16 a month (15.33)
//   SQLs      92 / 0.60   = 153.33 -> 154         -> 26 a month (25.67)
//   MQLs      154 / 0.596 = 258.39 -> 259         -> 44 a month (43.17)
//   leads     259 / 0.426 = 607.98 -> 608         -> 102 a month (101.33)
//   visits    608 / 0.0035 = 173,714.29 -> 173,715 -> 28,953 a month (28,952.5)
// With --min-sample 60 (close rate kept at 25%): 60 / 0.25 = 240 proposals -> 40; 240 / 0.6 = 400
//   SQLs -> 67 (66.67); 400 / 0.596 = 671.14 -> 672 MQLs -> 112; 672 / 0.426 = 1,577.46 -> 1,578
//   leads -> 263; 1,578 / 0.0035 = 450,857.14 -> 450,858 visits -> 75,143 (75,143).
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, ROOT, sla, tempDir } from "../helpers/cli.js";

const THROUGH = ["--through", "2026-10"];

/** Runs `sla plan --next` on the example where it lies, so that its sources resolve. */
function next(output: string, ...args: string[]) {
  return sla(["plan", "sla.example.yaml", "--next", ...THROUGH, "-o", output, ...args], { cwd: ROOT });
}

describe("sla plan --next on the example with the sample exports", () => {
  it("proposes the measured rates and the volumes they need, as computed by hand", () => {
    const output = join(tempDir(), "next.yaml");
    const result = next(output);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    const from = lines.findIndex((line) => line.startsWith("next period:"));
    expect(lines.slice(from, from + 13)).toEqual([
      `next period: ${output}, version 2026.2 → 2027.1, 2027-01-01 – 2027-06-30`,
      "`close-rate`: 25% → 65.4%, measured on 34 of 52 cases",
      "`sql-to-proposal-rate`: kept at 60%; measured 115.48% (97 of 84 cases), above 100%: more cases were counted at the later stage than at the earlier one, so the two counts are not the same cases (different exports, stages entered in different months, or a stage skipped) and give no conversion rate",
      "`mql-to-sql-rate`: 40% → 59.6%, measured on 84 of 141 cases",
      "`lead-to-mql-rate`: 35% → 42.6%, measured on 141 of 331 cases",
      "`visit-to-lead-rate`: 2% → 0.35%, measured on 331 of 95,578 cases",
      "`revenue`: 1,800,000 → 1,800,000",
      "`new-customers`: 11 → 10",
      "`proposals`: 43 → 16",
      "`sqls`: 71 → 26",
      "`mqls`: 176 → 44",
      "`leads`: 505 → 102",
      "`website-visits`: 25,500 → 28,953",
    ]);
    expect(result.stdout).toContain("visits     173,715   28,952.5  28,953 per month = 173,718  ok");

    // The written file: the measured rates in the notation the example uses for each.
    const written = readFileSync(output, "utf8");
    const target = (id: string) => new RegExp(`- id: ${id}\\n(?:    .*\\n)*?    target: (.+)`).exec(written)?.[1];
    expect(["close-rate", "sql-to-proposal-rate", "mql-to-sql-rate", "lead-to-mql-rate", "visit-to-lead-rate"].map(target)).toEqual([
      "65.4%",
      "60",
      "0.596",
      "42.6%",
      "0.35%",
    ]);
    expect(["revenue", "new-customers", "proposals", "sqls", "mqls", "leads", "website-visits"].map(target)).toEqual([
      "1800000",
      "10",
      "16",
      "26",
      "44",
      "102",
      "28953",
    ]);
  });

  it("gives the same figures as JSON, with each rate's cases and status", () => {
    const result = next(join(tempDir(), "next.yaml"), "-f", "json");
    expect(result.code).toBe(0);
    const proposal = JSON.parse(result.stdout).next;
    expect(proposal.rates.map((r: Record<string, unknown>) => [r.kpi, r.numerator, r.denominator, r.from, r.to, r.status])).toEqual([
      ["close-rate", 34, 52, 0.25, 0.654, "measured"],
      ["sql-to-proposal-rate", 97, 84, 0.6, 0.6, "above-100"],
      ["mql-to-sql-rate", 84, 141, 0.4, 0.596, "measured"],
      ["lead-to-mql-rate", 141, 331, 0.35, 0.426, "measured"],
      ["visit-to-lead-rate", 331, 95578, 0.02, 0.0035, "measured"],
    ]);
    expect(proposal.rates[1].measured).toBeCloseTo(97 / 84, 12);
    expect(proposal.volumes.map((v: Record<string, unknown>) => [v.kpi, v.from, v.to])).toEqual([
      ["new-customers", 11, 10],
      ["proposals", 43, 16],
      ["sqls", 71, 26],
      ["mqls", 176, 44],
      ["leads", 505, 102],
      ["website-visits", 25500, 28953],
    ]);
  });

  it("flags a rate measured on fewer cases than --min-sample and keeps the rate in force", () => {
    const result = next(join(tempDir(), "next.yaml"), "--min-sample", "60", "-f", "json");
    expect(result.code).toBe(0);
    const proposal = JSON.parse(result.stdout).next;
    expect(proposal.rates[0]).toEqual(expect.objectContaining({ kpi: "close-rate", status: "small-sample", numerator: 34, denominator: 52, to: 0.25 }));
    expect(proposal.volumes.map((v: Record<string, unknown>) => v.to)).toEqual([10, 40, 67, 112, 263, 75143]);
  });

  it("writes a file that validates and whose diff against the example is the reset proposal", () => {
    const output = join(tempDir(), "next.yaml");
    expect(next(output).code).toBe(0);
    expect(sla(["validate", output]).code).toBe(0);
    const diff = sla(["diff", EXAMPLE, output]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("~ version: 2026.2 → 2027.1");
    expect(diff.stdout).toContain("~ reviewPeriod.start: 2026-07-01 → 2027-01-01");
    expect(diff.stdout).toContain("~ reviewPeriod.end: 2026-12-31 → 2027-06-30");
    expect(diff.stdout).toContain('~ KPI `close-rate` "Close rate (proposal -> won)" target: 25% → 65.4% (+40.4 pp)  (raised, tightened)');
    expect(diff.stdout).toContain('~ KPI `website-visits` "Website visits" target: 25,500 → 28,953 (+3,453, +13.5%)  (raised, tightened)');
    expect(diff.stdout).not.toContain("sql-to-proposal-rate");
    // Nothing but the agreement's dates and version and the KPI targets changed.
    const json = JSON.parse(sla(["diff", EXAMPLE, output, "-f", "json"]).stdout);
    const changed = json.changes as { section: string; path: (string | number)[] }[];
    expect(new Set(changed.map((c) => c.section))).toEqual(new Set(["agreement", "kpis", "funnel"]));
    expect(changed.filter((c) => c.section === "kpis").every((c) => c.path.at(-1) === "target")).toBe(true);
    // The agreement in force is untouched.
    expect(readFileSync(EXAMPLE, "utf8")).toContain('version: "2026.2"');
  });

  it("is deterministic: the same figures and the same file on every run", () => {
    const dir = tempDir();
    const a = next(join(dir, "a.yaml"), "-f", "json");
    const b = next(join(dir, "b.yaml"), "-f", "json");
    expect(a.code).toBe(0);
    expect(JSON.parse(b.stdout).next.rates).toEqual(JSON.parse(a.stdout).next.rates);
    expect(readFileSync(join(dir, "b.yaml"), "utf8")).toBe(readFileSync(join(dir, "a.yaml"), "utf8"));
  });

  it("refuses to write the proposal over the agreement in force", () => {
    const dir = tempDir();
    const file = join(dir, "sla.yaml");
    copyFileSync(EXAMPLE, file);
    for (const output of ["sla.yaml", "./sla.yaml", join(dir, "sla.yaml")]) {
      const result = sla(["plan", "sla.yaml", "--next", ...THROUGH, "-o", output], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/refusing to write the document over its input/);
    }
    expect(readFileSync(file, "utf8")).toBe(readFileSync(EXAMPLE, "utf8"));
    expect(existsSync(join(dir, "next.yaml"))).toBe(false);
  });
});

describe("sla report on the same data: the funnel at the measured rates", () => {
  it("says why the volumes at the measured rates cannot be computed instead of only dashes", () => {
    const text = sla(["report", "sla.example.yaml", ...THROUGH], { cwd: ROOT });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "No volume can be derived at the measured rates: the measured SQL→proposal rate is 115.5% (97 of 84), above 100%: more cases were counted at the later stage than at the earlier one",
    );
    const json = JSON.parse(sla(["report", "sla.example.yaml", ...THROUGH, "-f", "json"], { cwd: ROOT }).stdout);
    expect(json.funnel.notComputable).toEqual({ cause: "sqlToProposalRate", reason: "above-100", value: 97 / 84 });
    // German figures have a no-break space before the percent sign.
    const markdown = sla(["report", "sla.example.yaml", ...THROUGH, "-f", "markdown", "--locale", "de"], { cwd: ROOT });
    expect(markdown.stdout).toContain(
      "Zu den gemessenen Raten lässt sich kein Volumen ableiten: die gemessene Konversionsrate SQL → Angebot ist 115,5\u00a0% (97 von 84), über 100 %",
    );
  });
});
