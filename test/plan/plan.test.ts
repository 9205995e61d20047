// The plan's core: the funnel beside the targets, what-if overrides, the minimal write, the diff.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSla } from "../../src/load/parse.js";
import type { Sla } from "../../src/model/index.js";
import { rateInNotationOf, readsAs } from "../../src/plan/edit.js";
import { applyOverrides } from "../../src/plan/overrides.js";
import { planFunnel, type FunnelPlan } from "../../src/plan/solve.js";
import { unifiedDiff } from "../../src/plan/unified-diff.js";
import { raiseTargets } from "../../src/plan/write.js";
import { EXAMPLE, FIXTURES } from "../helpers/cli.js";

const EXAMPLE_TEXT = readFileSync(EXAMPLE, "utf8");
const THREE_ERRORS = readFileSync(`${FIXTURES}/invalid/three-errors.sla.yaml`, "utf8");

const slaOf = (text: string) => parseSla("sla.yaml", text).data as Sla;
const planOf = (sla: Sla) => planFunnel(sla) as FunnelPlan;

function write(text: string, allowLower = false) {
  const parsed = parseSla("sla.yaml", text);
  const plan = planOf(parsed.data as Sla);
  return raiseTargets(plan, parsed.data as Sla, { text, document: parsed.document, lineOf: (o) => parsed.lineCounter.linePos(o).line }, { allowLower });
}

describe("planFunnel", () => {
  it("puts each target beside what the revenue needs, as the validator counts it", () => {
    const plan = planOf(slaOf(THREE_ERRORS));
    expect(plan.steps.map((s) => [s.metric, s.needed, s.kpi, s.target, s.targetOverPeriod, s.minimum, s.status])).toEqual([
      ["customers", 60, "new-customers", 11, 66, 10, "ok"],
      ["proposals", 240, "proposals", 43, 258, 40, "ok"],
      ["sqls", 400, "sqls", 71, 426, 67, "ok"],
      ["mqls", 1000, "mqls", 150, 900, 167, "too-low"],
      ["leads", 2858, "leads", 505, 3030, 477, "ok"],
      ["visits", 142900, "website-visits", 25500, 153000, 23817, "ok"],
    ]);
  });

  it("says no-target for a volume no KPI sets, and nothing without a revenue target", () => {
    const sla = slaOf(EXAMPLE_TEXT);
    const withoutLeads = { ...sla, kpis: sla.kpis.filter((k) => k.metric !== "leads") };
    expect(planOf(withoutLeads).steps.find((s) => s.metric === "leads")).toEqual(expect.objectContaining({ kpi: null, target: null, status: "no-target" }));
    expect(planFunnel({ ...sla, kpis: sla.kpis.filter((k) => k.metric !== "revenue") })).toBeUndefined();
  });

  it("keeps a weekly target's minimum whole and sufficient", () => {
    const sla = slaOf(EXAMPLE_TEXT);
    const weekly = { ...sla, kpis: sla.kpis.map((k) => (k.id === "mqls" ? { ...k, target: 10, per: "week" as const } : k)) };
    const step = planOf(weekly).steps.find((s) => s.metric === "mqls")!;
    // 1,000 MQLs over 26 weeks (6 months of 52/12 weeks): 38.46 a week, so 39.
    expect([step.status, step.minimum]).toEqual(["too-low", 39]);
  });
});

describe("applyOverrides", () => {
  const sla = slaOf(EXAMPLE_TEXT);

  it("takes a KPI id, a metric name or its kebab-case, and every notation of a percentage", () => {
    const { sla: changed, overrides } = applyOverrides(sla, ["close-rate=30%", "sqlToProposalRate=0.5", "mql-to-sql-rate=45", "revenue=2400000"]);
    expect(overrides.map((o) => [o.kpi, o.from, o.to])).toEqual([
      ["close-rate", "25%", 0.3],
      ["sql-to-proposal-rate", 60, 0.5],
      ["mql-to-sql-rate", 0.4, 0.45],
      ["revenue", 1800000, 2400000],
    ]);
    expect(planOf(changed).steps[0]!.needed).toBe(80);
    // The agreement itself is left as it was.
    expect(sla.kpis.find((k) => k.id === "close-rate")!.target).toBe("25%");
  });

  it("reads 100% as all of them, not as 1%", () => {
    const { sla: changed } = applyOverrides(sla, ["close-rate=100%"]);
    expect(planOf(changed).steps[1]!.needed).toBe(60);
  });

  it("adds a rate the agreement leaves out", () => {
    const without = { ...sla, kpis: sla.kpis.filter((k) => k.metric !== "leadToMqlRate") };
    const { sla: changed, overrides } = applyOverrides(without, ["lead-to-mql-rate=50%"]);
    expect(overrides).toEqual([{ kpi: "lead-to-mql-rate", metric: "leadToMqlRate", from: null, to: 0.5 }]);
    expect(planOf(changed).steps.find((s) => s.metric === "leads")!.needed).toBe(2000);
  });

  it.each([
    ["close-rate", /KPI=value/],
    ["=30%", /KPI=value/],
    ["clos-rate=30%", /did you mean `close-rate`/],
    ["nothing-like-it=3", /use one of/],
    ["cost-per-lead=80", /no funnel metric/],
    ["close-rate=lots", /not a percentage/],
    ["revenue=2.4M", /not a number/],
  ])("refuses --set %s", (setting, said) => {
    expect(() => applyOverrides(sla, [setting])).toThrow(said);
  });

  it("refuses a volume or money metric the agreement has no KPI for", () => {
    const without = { ...sla, kpis: sla.kpis.filter((k) => k.metric !== "averageDealSize") };
    expect(() => applyOverrides(without, ["average-deal-size=25000"])).toThrow(/no KPI with metric averageDealSize/);
  });
});

describe("raiseTargets", () => {
  it("raises only the too-low target, on its own line, in the file's number style", () => {
    const { text, changes } = write(THREE_ERRORS);
    expect(changes).toEqual([{ kpi: "mqls", metric: "mqls", line: 540, from: 150, to: 167, span: "month" }]);
    expect(unifiedDiff(THREE_ERRORS, text, "a", "b")).toBe(
      [
        "--- a",
        "+++ b",
        "@@ -537,7 +537,7 @@",
        "     metric: mqls",
        "     owner: marketing",
        "     unit: count",
        "-    target: 150",
        "+    target: 167",
        "     direction: higher",
        "     cadence: monthly",
        "     indicator: leading",
        "",
      ].join("\n"),
    );
  });

  it("never lowers a target unless allowed, then sets each to exactly what is needed", () => {
    expect(write(EXAMPLE_TEXT).changes).toEqual([]);
    const lowered = write(EXAMPLE_TEXT, true);
    expect(lowered.changes.map((c) => [c.kpi, c.from, c.to])).toEqual([
      ["new-customers", 11, 10],
      ["proposals", 43, 40],
      ["sqls", 71, 67],
      ["mqls", 176, 167],
      ["leads", 505, 477],
      ["website-visits", 25500, 23817],
    ]);
    // Comments and everything else stay: only the six target lines differ.
    const before = EXAMPLE_TEXT.split("\n");
    const after = lowered.text.split("\n");
    expect(after.filter((line, i) => line !== before[i])).toEqual([
      "    target: 10",
      "    target: 40",
      "    target: 67",
      "    target: 167",
      "    target: 477",
      "    target: 23817",
    ]);
  });

  it.each(["ja", "tr", "de"])("edits the %s agreement's targets without moving a byte of its text around them", (language) => {
    const text = readFileSync(`${FIXTURES}/i18n/${language}.sla.yaml`, "utf8");
    const { text: written, changes } = write(text, true);
    expect(changes.length).toBeGreaterThanOrEqual(5);
    const before = text.split("\n");
    const after = written.split("\n");
    expect(after.length).toBe(before.length);
    const differing = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(differing.map(([old, now]) => [old!.replace(/\d+/, "N"), now!.replace(/\d+/, "N")])).toEqual(changes.map(() => ["    target: N", "    target: N"]));
    expect(differing.map(([, now]) => Number(now!.split(": ")[1]))).toEqual(changes.map((c) => c.to));
  });

  it("keeps a comment after the target and the spacing before it", () => {
    const text = THREE_ERRORS.replace("    target: 150\n", "    target:   150   # MQLs a month, see the plan\n");
    const { text: written } = write(text);
    expect(written).toContain("    target:   167   # MQLs a month, see the plan\n");
  });
});

describe("rateInNotationOf", () => {
  it.each([
    [0.3, "25%", "30%"],
    [0.025, "2%", "2.5%"],
    [0.3, "%25", "%30"],
    [0.025, "2,5 %", "2,5 %"],
    [0.3, 0.25, 0.3],
    [0.3, 25, 30],
    [0.005, 25, "0.5%"],
  ])("writes %s where the file has %s as %s, which reads back as the rate", (fraction, written, expected) => {
    const result = rateInNotationOf(fraction, written);
    expect(result).toEqual(expected);
    expect(readsAs(result, fraction)).toBe(true);
  });
});

describe("unifiedDiff", () => {
  it("is empty for equal texts, and marks a last line without its end", () => {
    expect(unifiedDiff("a\n", "a\n", "x", "y")).toBe("");
    expect(unifiedDiff("a\nb", "a\nc", "x", "y")).toBe(
      "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
    );
  });

  it("matches lines added and removed between changes", () => {
    expect(unifiedDiff("a\nb\nc\n", "a\nx\nc\nd\n", "x", "y")).toBe("--- x\n+++ y\n@@ -1,3 +1,4 @@\n a\n-b\n+x\n c\n+d\n");
  });
});
