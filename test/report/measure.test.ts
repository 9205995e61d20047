// measureReport against a fixture small enough to count by hand. The agreement is the
// shipped example (review period 2026-07-01..2026-12-31, 6 months); the report runs through
// 2026-08, so July and August are measured. Each expectation carries its hand computation.
import { describe, expect, it } from "vitest";
import { measureReport } from "../../src/report/index.js";
import { asDictionary } from "../../src/report/measure/query.js";
import type { KpiMeasure, Report } from "../../src/report/model.js";
import { database, EXAMPLE, exampleWith, officeHours } from "./fixture.js";

const AYSE = "Ayşe Yıldız";
const JOERG = "Jörg Weiß";
const SATO = "佐藤花子";

// id, line, created, stage, status, owner, lead_type, first_attempt, return_reason
const LEADS = [
  ["L1", 2, "2026-07-01 09:00", "sql", "connected", AYSE, "new-equipment", "2026-07-03 13:30", null],
  ["L2", 3, "2026-07-05 09:00", "customer", "open-deal", JOERG, "maintenance-service", "2026-07-20 15:00", null],
  ["L3", 4, "2026-07-10 09:00", "mql", "returned-to-marketing", JOERG, "new-equipment", null, "Kein Budget für 2026"],
  ["L4", 5, "2026-07-15 09:00", "lead", "returned-to-marketing", JOERG, null, null, "Kein Budget für 2026"],
  ["L5", 6, "2026-06-20 09:00", "sql", "connected", SATO, "new-equipment", "2026-07-06 10:00", null],
  ["L6", 7, "2026-08-01 09:00", "sql", "attempting", AYSE, "new-equipment", null, null],
  ["L7", 8, "2026-08-02 09:00", "lead", "returned-to-marketing", SATO, "maintenance-service", null, "Zeitpunkt passt nicht"],
  ["L8", 9, "2026-08-03 09:00", "mql", "returned-to-marketing", null, null, null, null],
  ["L9", 10, "2026-08-10 09:00", "opportunity", "new", null, null, null, null],
  ["L10", 11, "2026-09-01 09:00", "mql", "new", null, null, null, null],
];

// lead_id, stage, entered (2026-07-01 is a Wednesday)
const STAGES = [
  ["L1", "lead", "2026-07-01 09:00"],
  ["L1", "mql", "2026-07-02 10:00"],
  ["L1", "sql", "2026-07-03 10:00"], // Friday
  ["L2", "lead", "2026-07-05 09:00"],
  ["L2", "mql", "2026-07-06 09:00"],
  ["L2", "sql", "2026-07-20 10:00"], // Monday
  ["L2", "customer", "2026-08-10 10:00"],
  ["L3", "lead", "2026-07-10 09:00"],
  ["L3", "mql", "2026-07-12 09:00"],
  ["L4", "lead", "2026-07-15 09:00"],
  ["L5", "lead", "2026-06-20 09:00"], // before the period
  ["L5", "mql", "2026-07-01 09:00"],
  ["L5", "sql", "2026-07-02 09:00"], // Thursday
  ["L6", "lead", "2026-08-01 09:00"],
  ["L6", "mql", "2026-08-03 09:00"],
  ["L6", "sql", "2026-08-04 14:00"], // Tuesday
  ["L7", "lead", "2026-08-02 09:00"],
  ["L8", "lead", "2026-08-03 09:00"],
  ["L8", "mql", "2026-08-05 09:00"],
  ["L9", "lead", "2026-08-10 09:00"],
  ["L9", "opportunity", "2026-08-31 13:00"], // Monday; skipped SQL, handed over all the same
  ["L10", "lead", "2026-09-01 09:00"], // after the months measured
  ["L10", "mql", "2026-09-02 09:00"],
];

// id, line, stage, outcome, amount, created, closed, owner, lead_type
const DEALS = [
  ["D1", 2, "closed-won", "won", 30000, "2026-07-05", "2026-07-25", AYSE, null],
  ["D2", 3, "closed-won", "won", 50000, "2026-06-10", "2026-07-30", JOERG, null],
  ["D3", 4, "closed-lost", "lost", 20000, "2026-06-28", "2026-07-28", SATO, null],
  ["D4", 5, "closed-won", "won", null, "2026-06-15", "2026-08-05", AYSE, null],
  ["D5", 6, "closed-won", "won", 60000, "2026-06-20", "2026-08-20", AYSE, null],
  ["D6", 7, "closed-lost", "lost", null, "2026-06-01", "2026-08-15", SATO, null],
  ["D7", 8, "closed-lost", "lost", null, "2026-06-02", "2026-08-25", SATO, null],
  ["D8", 9, "proposal-presented", "open", 10000, "2026-06-30", null, JOERG, null],
  ["D9", 10, "negotiation", "open", 10000, "2026-08-09", null, JOERG, null],
  ["D10", 11, "discovery", "open", null, "2026-07-11", null, JOERG, null],
  ["D11", 12, "on-hold", "on-hold", null, "2026-08-12", null, JOERG, null],
  ["D12", 13, "closed-won", "won", 10000, "2026-06-25", "2026-09-03", AYSE, null],
  ["D13", 14, "closed-lost", "lost", 5000, "2026-08-14", "2026-09-02", SATO, null],
];

// month, kpi, value
const ACTUALS = [
  ["2026-07", "website-visits", 200],
  ["2026-08", "website-visits", 400],
  ["2026-07", "cost-per-lead", 90],
  ["2026-08", "cost-per-lead", 80],
];

const NOW = new Date("2026-08-31T15:00:00Z");

async function report(
  options: { stages?: typeof STAGES; actuals?: typeof ACTUALS; sla?: typeof EXAMPLE; through?: string | undefined; now?: Date } = {},
): Promise<Report> {
  const connection = await database({ leads: LEADS, stages: options.stages ?? STAGES, deals: DEALS, actuals: options.actuals ?? ACTUALS });
  return measureReport(options.sla ?? EXAMPLE, {
    connection,
    quality: [],
    file: "sla.yaml",
    through: "through" in options ? options.through : "2026-08",
    now: options.now ?? NOW,
    businessHours: officeHours,
  });
}

const kpiOf = (r: Report, month: string, id: string): KpiMeasure => r.months.find((m) => m.month === month)!.kpis.find((k) => k.id === id)!;
const ptd = (r: Report, id: string) => r.periodToDate.kpis.find((k) => k.id === id)!;
const actuals = (r: Report, id: string) => r.months.map((m) => kpiOf(r, m.month, id).actual);

describe("measureReport: volumes by the month leads first entered the stage", () => {
  it("counts leads, MQLs, SQLs and customers", async () => {
    const r = await report();
    expect(r.through).toBe("2026-08");
    expect(r.months.map((m) => m.month)).toEqual(["2026-07", "2026-08"]);
    // leads: July L1 L2 L3 L4 (L5 became a lead in June) = 4; August L6 L7 L8 L9 = 4
    expect(actuals(r, "leads")).toEqual([4, 4]);
    // MQLs: July L1 L2 L3 L5 = 4; August L6 L8 = 2
    expect(actuals(r, "mqls")).toEqual([4, 2]);
    // SQLs: July L1 L2 L5 = 3; August L6 = 1 (L9 went to opportunity without SQL)
    expect(actuals(r, "sqls")).toEqual([3, 1]);
    // customers from the leads export, which has the date: July none, August L2
    expect(actuals(r, "new-customers")).toEqual([0, 1]);
    expect(kpiOf(r, "2026-07", "new-customers")).toMatchObject({ target: 11, attainment: 0, status: "off-track", source: "exports" });
  });

  it("counts leads by creation month when the export has no lead-stage date", async () => {
    const r = await report({ stages: STAGES.filter(([, stage]) => stage !== "lead") });
    // created: July L1 L2 L3 L4 = 4 (L5 in June); August L6 L7 L8 L9 = 4 (L10 in September)
    expect(actuals(r, "leads")).toEqual([4, 4]);
  });

  it("counts a lead once in a category of two stages, at its first entry", async () => {
    // a sales-accepted stage before the SQL stage, both of category sql: L5 enters SAL on
    // 07-02 and SQL on 08-04; L6 enters SAL on 07-30 and SQL on 08-04
    const sla = exampleWith((s) => s.lifecycleStages.splice(3, 0, { id: "sal", name: "Vom Vertrieb akzeptiert", category: "sql", owner: "sales" }));
    const stages = [
      ...STAGES.filter(([lead, stage]) => !(stage === "sql" && (lead === "L5" || lead === "L6"))),
      ["L5", "sal", "2026-07-02 09:00"],
      ["L5", "sql", "2026-08-04 09:00"],
      ["L6", "sal", "2026-07-30 09:00"],
      ["L6", "sql", "2026-08-04 14:00"],
    ];
    const r = await report({ sla, stages });
    // July: L1, L2, L5 (SAL), L6 (SAL) = 4; August: none new
    expect(actuals(r, "sqls")).toEqual([4, 0]);
    // the hand-off is the first of them: L6 is handed over on 07-30
    expect(r.connect).toMatchObject({ handoffStage: "sal", handedOver: 5 });
    expect(r.connect!.breaches.find((b) => b.leadId === "L6")?.handedOverAt).toBe("2026-07-30T09:00");
  });

  it("counts customers as won deals by close month when the leads export has no customer date", async () => {
    const r = await report({ stages: STAGES.filter(([, stage]) => stage !== "customer") });
    // won deals: July D1 D2 = 2; August D4 D5 = 2 (D12 closes in September)
    expect(actuals(r, "new-customers")).toEqual([2, 2]);
  });

  it("counts proposals: deals created in the month that reached the proposal stage", async () => {
    const r = await report();
    // July: D1 (won) = 1; D10 is in discovery. August: D9 (negotiation, after the proposal) and
    // D13 (lost) = 2; D11 is on hold. D3..D8 and D12 were created in June.
    expect(actuals(r, "proposals")).toEqual([1, 2]);
  });

  it("takes visits from the actuals table only", async () => {
    const r = await report();
    expect(actuals(r, "website-visits")).toEqual([200, 400]);
    expect(kpiOf(r, "2026-07", "website-visits").source).toBe("actuals");
    const none = await report({ actuals: [] });
    expect(actuals(none, "website-visits")).toEqual([null, null]);
  });
});

describe("measureReport: money and rates", () => {
  it("sums won amounts and averages them by close month", async () => {
    const r = await report();
    // revenue: July D1 + D2 = 80,000; August D5 = 60,000 (D4 has no amount)
    expect(actuals(r, "revenue")).toEqual([80000, 60000]);
    // per-period target 1,800,000 over 6 months = 300,000 a month; 80,000 / 300,000
    expect(kpiOf(r, "2026-07", "revenue")).toMatchObject({ target: 300000, attainment: expect.closeTo(0.26667, 4), status: "off-track", sample: 2 });
    // average: July 80,000 / 2 = 40,000; August 60,000 / 1 (the won deal with an amount)
    expect(actuals(r, "average-deal-size")).toEqual([40000, 60000]);
    expect(kpiOf(r, "2026-07", "average-deal-size")).toMatchObject({ target: 30000, attainment: expect.closeTo(4 / 3, 9), status: "on-track" });
  });

  it("computes the close rate and the conversion rates of the month", async () => {
    const r = await report();
    // close rate: July won 2 / (2 + lost 1); August 2 / (2 + 2)
    expect(actuals(r, "close-rate")).toEqual([2 / 3, 0.5]);
    expect(kpiOf(r, "2026-08", "close-rate")).toMatchObject({ target: 0.25, attainment: 2, sample: 4 });
    // MQL -> SQL: SQLs of the month / MQLs of the month: 3/4, 1/2
    expect(actuals(r, "mql-to-sql-rate")).toEqual([0.75, 0.5]);
    // lead -> MQL: 4/4, 2/4; SQL -> proposal: 1/3, 2/1; visit -> lead: 4/200, 4/400
    expect(actuals(r, "lead-to-mql-rate")).toEqual([1, 0.5]);
    expect(actuals(r, "sql-to-proposal-rate")).toEqual([1 / 3, 2]);
    expect(actuals(r, "visit-to-lead-rate")).toEqual([0.02, 0.01]);
    // 1/3 of 0.6 planned is 56 %: off track
    expect(kpiOf(r, "2026-07", "sql-to-proposal-rate").status).toBe("off-track");
  });

  it("lets a row of the actuals table replace what the exports measured, and says so", async () => {
    const r = await report({ actuals: [...ACTUALS, ["2026-08", "mqls", 5]] });
    expect(kpiOf(r, "2026-08", "mqls")).toMatchObject({ actual: 5, source: "actuals" });
    expect(kpiOf(r, "2026-07", "mqls")).toMatchObject({ actual: 4, source: "exports" });
    // the rates built on MQLs follow: August SQLs 1 / MQLs 5
    expect(kpiOf(r, "2026-08", "mql-to-sql-rate").actual).toBe(0.2);
  });
});

describe("measureReport: durations as median and 90th percentile", () => {
  it("measures time to first attempt in business hours, by hand-off month", async () => {
    const r = await report();
    // attempted July hand-offs: L1 Fri 10:00 -> 13:30 = 3.5 h; L2 Mon 10:00 -> 15:00 = 5 h;
    // L5 Thu 09:00 -> Mon 10:00 = 8 (Thu) + 8 (Fri) + 1 (Mon) = 17 h.
    // median 5; p90 at rank 0.9 * 2 = 1.8: 5 + 0.8 * (17 - 5) = 14.6
    expect(kpiOf(r, "2026-07", "time-to-first-connect-attempt")).toMatchObject({ actual: 5, p90: expect.closeTo(14.6, 9), sample: 3 });
    // target 4 h, lower is better: 4 / 5 = 80 %, off track
    expect(kpiOf(r, "2026-07", "time-to-first-connect-attempt")).toMatchObject({ attainment: 0.8, status: "off-track" });
    // August: no attempted hand-off
    expect(kpiOf(r, "2026-08", "time-to-first-connect-attempt")).toMatchObject({ actual: null, p90: null, status: "no-data" });
  });

  it("measures the sales cycle from SQL to customer where the leads export has both dates", async () => {
    const r = await report();
    // L2: SQL 2026-07-20 10:00 -> customer 2026-08-10 10:00 = 21 days, in August
    expect(kpiOf(r, "2026-08", "sales-cycle-length")).toMatchObject({ actual: 21, p90: 21, sample: 1, status: "on-track" });
    expect(kpiOf(r, "2026-07", "sales-cycle-length").actual).toBeNull();
  });

  it("measures the sales cycle from won deals, created to closed, without those dates", async () => {
    const r = await report({ stages: STAGES.filter(([, stage]) => stage !== "customer") });
    // July: D1 07-05 -> 07-25 = 20, D2 06-10 -> 07-30 = 50: median 35, p90 20 + 0.9 * 30 = 47
    expect(kpiOf(r, "2026-07", "sales-cycle-length")).toMatchObject({ actual: 35, p90: expect.closeTo(47, 9), sample: 2 });
    // August: D4 06-15 -> 08-05 = 51, D5 06-20 -> 08-20 = 61: median 56, p90 60
    expect(kpiOf(r, "2026-08", "sales-cycle-length")).toMatchObject({ actual: 56, p90: expect.closeTo(60, 9) });
    // both months: 20 50 51 61: median 50.5, p90 at rank 2.7: 51 + 0.7 * 10 = 58
    expect(ptd(r, "sales-cycle-length")).toMatchObject({ actual: 50.5, p90: expect.closeTo(58, 9), sample: 4 });
  });
});

describe("measureReport: KPIs from the actuals table, statuses", () => {
  it("reads a KPI without a metric from the actuals table, null where it has nothing", async () => {
    const r = await report();
    // cost per lead 90 against 85, lower is better: 85 / 90 = 94.4 %: at risk; 80: 106 %: on track
    expect(kpiOf(r, "2026-07", "cost-per-lead")).toMatchObject({ actual: 90, attainment: expect.closeTo(0.9444, 4), status: "at-risk", source: "actuals" });
    expect(kpiOf(r, "2026-08", "cost-per-lead").status).toBe("on-track");
    expect(kpiOf(r, "2026-07", "customer-lifetime-value")).toMatchObject({ actual: null, attainment: null, status: "no-data" });
    expect(kpiOf(r, "2026-07", "customer-lifetime-value")).not.toHaveProperty("source");
  });
});

describe("measureReport: period to date", () => {
  it("sets sums against the pro-rated target and projects their pace, levels as they are", async () => {
    const r = await report();
    expect(r.periodToDate).toMatchObject({ months: 2, periodMonths: 6 });
    // revenue 80,000 + 60,000 = 140,000 against 1,800,000 x 2/6 = 600,000;
    // pace: 140,000 / 2 x 6 = 420,000 against 1,800,000
    expect(ptd(r, "revenue")).toMatchObject({ actual: 140000, target: 600000, projected: 420000, periodTarget: 1800000, projectedStatus: "off-track" });
    // MQLs 6 against 176 x 2 = 352; pace 18 against 1,056
    expect(ptd(r, "mqls")).toMatchObject({ actual: 6, target: 352, projected: 18, periodTarget: 1056 });
    // average deal size pools the won amounts: 140,000 / 3 deals with an amount
    expect(ptd(r, "average-deal-size")).toMatchObject({ actual: expect.closeTo(46666.667, 2), target: 30000, sample: 3 });
    // close rate pooled: (2 + 2) / (3 + 4) = 4/7, not the mean of 2/3 and 1/2
    expect(ptd(r, "close-rate").actual).toBeCloseTo(4 / 7, 12);
    // cost per lead written by hand: the mean of 90 and 80 = 85, right on target
    expect(ptd(r, "cost-per-lead")).toMatchObject({ actual: 85, attainment: 1, status: "on-track", projected: 85 });
    // visits: 200 + 400 = 600 against 25,500 x 2
    expect(ptd(r, "website-visits")).toMatchObject({ actual: 600, target: 51000, source: "actuals" });
  });
});

describe("measureReport: the funnel at the measured rates", () => {
  it("sets measured rates beside the planned ones and reruns the funnel math with them", async () => {
    const r = await report();
    const rate = (name: string) => r.funnel.rates.find((x) => x.rate === name)!;
    // pooled over July and August
    expect(rate("closeRate")).toMatchObject({ planned: 0.25, numerator: 4, denominator: 7 });
    expect(rate("mqlToSqlRate")).toMatchObject({ planned: 0.4, numerator: 4, denominator: 6 });
    expect(rate("sqlToProposalRate")).toMatchObject({ planned: 0.6, numerator: 3, denominator: 4, measured: 0.75 });
    expect(rate("leadToMqlRate")).toMatchObject({ planned: 0.35, numerator: 6, denominator: 8, measured: 0.75 });
    expect(rate("visitToLeadRate")).toMatchObject({ planned: 0.02, numerator: 8, denominator: 600 });
    // at the measured figures: customers ceil(1,800,000 / 46,666.67) = ceil(38.57) = 39;
    // proposals ceil(39 / (4/7)) = ceil(68.25) = 69; SQLs ceil(69 / 0.75) = 92;
    // MQLs ceil(92 / (2/3)) = 138; leads ceil(138 / 0.75) = 184; visits 184 / (8/600) = 13,800
    // planned (the example's own comment): 60, 240, 400, 1,000, 2,858, 142,900; targets 11, 43, 71, 176, 505, 25,500 a month x 6
    expect(r.funnel.volumes).toEqual([
      { metric: "customers", planned: 60, atMeasuredRates: 39, target: 66 },
      { metric: "proposals", planned: 240, atMeasuredRates: 69, target: 258 },
      { metric: "sqls", planned: 400, atMeasuredRates: 92, target: 426 },
      { metric: "mqls", planned: 1000, atMeasuredRates: 138, target: 1056 },
      { metric: "leads", planned: 2858, atMeasuredRates: 184, target: 3030 },
      { metric: "visits", planned: 142900, atMeasuredRates: 13800, target: 153000 },
    ]);
  });
});

describe("measureReport: connect compliance", () => {
  it("judges every lead handed over in the months measured", async () => {
    const r = await report();
    const c = r.connect!;
    // handed over (SQL or a later stage): L5 07-02, L1 07-03, L2 07-20, L6 08-04, L9 08-31 (opportunity)
    // L1 3.5 h <= 4: within; L2 5 h > 2 (maintenance service): breach; L5 17 h > 4: breach;
    // L6 no attempt, Tue 08-04 14:00 -> now Mon 08-31 15:00: 3 + 3x8 + 3x5x8 + 6 = 153 h > 4: breach;
    // L9 no attempt, Mon 13:00 -> 15:00 = 2 h: still open. Attainment 1 / (1 + 3).
    expect(c).toMatchObject({ handoffStage: "sql", handedOver: 5, withinTarget: 1, breached: 3, open: 1, attainment: 0.25 });
    // worst first, by hours over the time allowed: L6 149, L5 13, L2 3
    expect(c.breaches).toEqual([
      {
        leadId: "L6",
        owner: AYSE,
        leadType: "new-equipment",
        handedOverAt: "2026-08-04T14:00",
        firstAttemptAt: null,
        elapsedHours: 153,
        allowedHours: 4,
        line: 7,
      },
      {
        leadId: "L5",
        owner: SATO,
        leadType: "new-equipment",
        handedOverAt: "2026-07-02T09:00",
        firstAttemptAt: "2026-07-06T10:00",
        elapsedHours: 17,
        allowedHours: 4,
        line: 6,
      },
      {
        leadId: "L2",
        owner: JOERG,
        leadType: "maintenance-service",
        handedOverAt: "2026-07-20T10:00",
        firstAttemptAt: "2026-07-20T15:00",
        elapsedHours: 5,
        allowedHours: 2,
        line: 3,
      },
    ]);
    expect(c.byLeadType).toEqual([
      { leadType: "new-equipment", handedOver: 3, withinTarget: 1, breached: 2, open: 0, attainment: 1 / 3, allowedHours: 4 },
      { leadType: "maintenance-service", handedOver: 1, withinTarget: 0, breached: 1, open: 0, attainment: 0, allowedHours: 2 },
      { leadType: null, handedOver: 1, withinTarget: 0, breached: 0, open: 1, attainment: null, allowedHours: 4 },
    ]);
    expect(c.byOwner).toEqual([
      { owner: AYSE, handedOver: 2, withinTarget: 1, breached: 1, open: 0, attainment: 0.5 },
      { owner: JOERG, handedOver: 1, withinTarget: 0, breached: 1, open: 0, attainment: 0 },
      { owner: SATO, handedOver: 1, withinTarget: 0, breached: 1, open: 0, attainment: 0 },
      { owner: null, handedOver: 1, withinTarget: 0, breached: 0, open: 1, attainment: null },
    ]);
  });

  it("runs the clock to the end of the last month when the report is made later", async () => {
    const r = await report({ now: new Date("2026-09-15T12:00:00Z") });
    // L9 Mon 08-31 13:00 -> 09-01 00:00 = 4 h: not more than 4, still open
    expect(r.connect).toMatchObject({ breached: 3, open: 1 });
    // L6 now runs to the month's end: 153 + 2 (Mon 15:00-17:00) = 155 h
    expect(r.connect!.breaches[0]).toMatchObject({ leadId: "L6", elapsedHours: 155 });
  });

  it("reads a time allowed in plain hours as wall-clock time", async () => {
    const sla = exampleWith((s) => {
      s.connectAttempt!.timeToFirstAttempt = "4h";
      delete s.leadTypes![1]!.timeToFirstAttempt;
    });
    const r = await report({ sla });
    // L5 Thu 09:00 -> Mon 10:00 = 97 h; L1 3.5 h and L2 5 h; L6 08-04 14:00 -> 08-31 15:00 = 649 h
    expect(r.connect!.breaches.map((b) => [b.leadId, b.elapsedHours])).toEqual([
      ["L6", 649],
      ["L5", 97],
      ["L2", 5],
    ]);
  });

  it("reads a time allowed in plain hours as real time across the night the clocks go back", async () => {
    const sla = exampleWith((s) => {
      s.connectAttempt!.timeToFirstAttempt = "4h";
      for (const type of s.leadTypes ?? []) delete type.timeToFirstAttempt;
    });
    // Europe/Berlin, 2026-10-25: 03:00 summer time is 02:00 winter time, so 00:30 -> 04:00 on
    // the wall is 3.5 hours on the wall but 4.5 real hours: a breach of "4h".
    const connection = await database({
      leads: [["D1", 2, "2026-10-24 20:00", "sql", "connected", JOERG, "new-equipment", "2026-10-25 04:00", null]],
      stages: [["D1", "sql", "2026-10-25 00:30"]],
      deals: [],
      actuals: [],
    });
    const r = await measureReport(sla, {
      connection,
      quality: [],
      file: "sla.yaml",
      through: "2026-10",
      now: new Date("2026-11-05T12:00:00Z"),
      timeZone: "Europe/Berlin",
      businessHours: officeHours,
    });
    expect(r.connect!.breaches.map((b) => [b.leadId, b.elapsedHours])).toEqual([["D1", 4.5]]);
  });

  it("counts nobody when nobody was handed over", async () => {
    const r = await report({ stages: STAGES.filter(([, stage]) => stage !== "sql" && stage !== "opportunity" && stage !== "customer") });
    expect(r.connect).toMatchObject({ handedOver: 0, withinTarget: 0, breached: 0, open: 0, attainment: null, breaches: [], byOwner: [] });
  });

  it("is left out when the agreement sets no time to first attempt", async () => {
    const r = await report({ sla: exampleWith((s) => delete s.connectAttempt) });
    expect(r.connect).toBeNull();
    expect(kpiOf(r, "2026-07", "time-to-first-connect-attempt").actual).toBeNull();
  });
});

describe("measureReport: returned leads", () => {
  it("counts the leads standing returned to marketing by reason", async () => {
    const r = await report();
    // L3 and L4 "Kein Budget für 2026", L7 "Zeitpunkt passt nicht", L8 without a reason;
    // owners: Jörg L3 L4, 佐藤 L7, none L8; types: none L4 L8, maintenance L7, new equipment L3
    expect(r.returned).toEqual({
      total: 4,
      byReason: [
        { reason: "Kein Budget für 2026", count: 2 },
        { reason: "", count: 1 },
        { reason: "Zeitpunkt passt nicht", count: 1 },
      ],
      byOwner: [
        { owner: JOERG, count: 2 },
        { owner: SATO, count: 1 },
        { owner: null, count: 1 },
      ],
      byLeadType: [
        { leadType: null, count: 2 },
        { leadType: "maintenance-service", count: 1 },
        { leadType: "new-equipment", count: 1 },
      ],
    });
  });
});

describe("measureReport: the months of the report", () => {
  it("defaults to the last complete month before now, never past the period's end", async () => {
    expect((await report({ through: undefined, now: new Date("2026-10-05T08:00:00Z") })).through).toBe("2026-09");
    expect((await report({ through: undefined, now: new Date("2027-03-01T08:00:00Z") })).through).toBe("2026-12");
  });

  it("reads now in the calendar's time zone", async () => {
    const connection = await database({});
    const at = (timeZone: string) => measureReport(EXAMPLE, { connection, quality: [], file: "sla.yaml", now: new Date("2026-09-30T22:00:00Z"), timeZone });
    // 22:00 UTC on 30 September is 1 October, 01:00 in Istanbul: September is complete there
    expect((await at("Europe/Istanbul")).through).toBe("2026-09");
    expect((await at("UTC")).through).toBe("2026-08");
  });

  it("gives null, never 0, for everything when the tables are empty", async () => {
    const r = await measureReport(EXAMPLE, {
      connection: await database({}),
      quality: [],
      file: "sla.yaml",
      through: "2026-07",
      now: NOW,
      businessHours: officeHours,
    });
    expect(r.months[0]!.kpis.filter((k) => k.actual !== null)).toEqual([]);
    expect(r.months[0]!.kpis.every((k) => k.status === "no-data")).toBe(true);
    expect(r.funnel.rates.map((rate) => rate.measured)).toEqual([null, null, null, null, null]);
    expect(r.funnel.volumes.map((v) => v.atMeasuredRates)).toEqual([60, 240, 400, 1000, 2858, 142900]);
    expect(r.returned).toBeNull();
    expect(r.connect).toMatchObject({ handedOver: 0 });
  });

  it("says what is wrong with a review period without a month", async () => {
    const sla = exampleWith((s) => (s.agreement.reviewPeriod.end = "2026-06-01"));
    await expect(report({ sla })).rejects.toThrow("the review period 2026-07-01 to 2026-06-01 has no whole month to report on; fix agreement.reviewPeriod");
  });

  it("says what is wrong with a month outside the period or no month at all", async () => {
    await expect(report({ through: "2027-01" })).rejects.toThrow(
      "--through 2027-01 lies outside the review period 2026-07-01 to 2026-12-31; name a month within it",
    );
    await expect(report({ through: "2026-13" })).rejects.toThrow("--through 2026-13 is not a month; write it as YYYY-MM, e.g. 2026-09");
    await expect(report({ through: undefined, now: new Date("2026-07-20T08:00:00Z") })).rejects.toThrow(
      "no month of the review period starting 2026-07-01 is complete yet",
    );
  });
});

describe("measureReport: reading the tables", () => {
  it("reads owners as written, quotes and NULs too", async () => {
    // The connect figures read owners through an ENUM of the values the table holds.
    const owners = { L1: "Seán O'Brien", L5: "a\0b", L6: "'; DROP TABLE leads; --" };
    const connection = await database({ leads: LEADS, stages: STAGES, deals: DEALS, actuals: ACTUALS });
    for (const [id, owner] of Object.entries(owners)) {
      await connection.run(
        `UPDATE leads SET owner = ${owner
          .split("\0")
          .map((part) => `'${part.replaceAll("'", "''")}'`)
          .join(" || chr(0) || ")} WHERE id = '${id}'`,
      );
    }
    const r = await measureReport(EXAMPLE, { connection, quality: [], file: "sla.yaml", through: "2026-08", now: NOW, businessHours: officeHours });
    expect(r.connect!.breaches.map((b) => [b.leadId, b.owner])).toEqual([
      ["L6", owners.L6],
      ["L5", owners.L5],
      ["L2", JOERG],
    ]);
    expect(r.connect!.byOwner.map((group) => group.owner)).toEqual(
      [owners.L1, JOERG, owners.L6, owners.L5, null].sort((x, y) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y))),
    );
  });

  it("reads more owners than an ENUM is made of as plain text", async () => {
    const connection = await database({});
    await connection.run("CREATE TEMP TABLE many AS SELECT 'owner ' || i AS owner FROM range(10001) r(i)");
    expect(await asDictionary(connection, "many", "owner", "m.owner")).toBe("m.owner");
    await connection.run("CREATE TEMP TABLE few AS SELECT * FROM (VALUES ('Jörg'), ('O''Brien'), (NULL), ('Jörg')) v(owner)");
    const cast = await asDictionary(connection, "few", "owner");
    expect(cast).toMatch(/^CAST\(owner AS ENUM\(/);
    const [values] = (await connection.runAndReadAll(`SELECT ${cast} FROM few`)).getColumnsJS();
    expect(values).toEqual(["Jörg", "O'Brien", null, "Jörg"]);
    await connection.run("CREATE TEMP TABLE none AS SELECT NULL::VARCHAR AS owner");
    expect(await asDictionary(connection, "none", "owner")).toBe("owner");
  });

  it("tells when every table is read, once, and reads none after", async () => {
    const connection = await database({ leads: LEADS, stages: STAGES, deals: DEALS, actuals: ACTUALS });
    let told = 0;
    let queriesAfter = 0;
    const watched = {
      runAndReadAll: (sql: string, values?: (string | number)[]) => {
        if (told) queriesAfter += 1;
        return connection.runAndReadAll(sql, values);
      },
    };
    const r = await measureReport(EXAMPLE, {
      connection: watched,
      quality: [],
      file: "sla.yaml",
      through: "2026-08",
      now: NOW,
      businessHours: officeHours,
      onTablesRead: () => (told += 1),
    });
    expect([told, queriesAfter]).toEqual([1, 0]);
    // and the lead-by-lead figures come after it all the same
    expect(r.connect).toMatchObject({ handedOver: 5, breached: 3 });
  });
});
