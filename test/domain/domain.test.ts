// Table tests for the domain helpers: percentages, durations, dates, the funnel math, names,
// and the small text utilities used in messages.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { compareDurations, parseDuration } from "../../src/domain/duration.js";
import { computeFunnel, perSpan, targetOverPeriod, targetSpan, type FunnelMath } from "../../src/domain/funnel.js";
import { toFraction } from "../../src/domain/percent.js";
import { formatPercent } from "../../src/i18n/format.js";
import { monthsInPeriod, parseDate } from "../../src/domain/period.js";
import { foldName, safeLocale } from "../../src/domain/text.js";
import { seededRandom } from "../helpers/yaml-fuzz.js";
import type { Kpi, Sla } from "../../src/model/index.js";
import { closestMatch, editDistance } from "../../src/util/did-you-mean.js";
import { displayWidth } from "../../src/util/text-width.js";

const EXAMPLE = parse(readFileSync(new URL("../../sla.example.yaml", import.meta.url), "utf8")) as Sla;

/** The expected number within floating-point noise, or exactly undefined. */
const about = (expected: number | undefined) => (expected === undefined ? undefined : expect.closeTo(expected, 10));

/** A count KPI with the fields the period arithmetic reads. */
const countKpi = (target: number, cadence: Kpi["cadence"], per?: Kpi["per"]): Kpi =>
  ({ id: "k", name: "K", owner: "sales", unit: "count", direction: "higher", target, cadence, ...(per ? { per } : {}) }) as Kpi;

function exampleWith(edit: (sla: Sla) => void): Sla {
  const sla = structuredClone(EXAMPLE);
  edit(sla);
  return sla;
}

const kpi = (sla: Sla, id: string): Kpi => {
  const found = sla.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`no KPI \`${id}\``);
  return found;
};

// ---------------------------------------------------------------------------------------

describe("toFraction", () => {
  it.each<[number | string | undefined, number | undefined]>([
    [25, 0.25],
    ["25%", 0.25],
    [0.25, 0.25],
    ["25 %", 0.25],
    ["%25", 0.25], // Turkish
    ["% 25", 0.25],
    ["2,5 %", 0.025], // German decimal comma
    ["25％", 0.25], // full-width percent sign
    ["0.5%", 0.005],
    [1, 0.01], // from 1 on, a bare number is percent points
    [0.5, 0.5], // below 1, a fraction
    [100, 1],
    [0, 0],
    [150, 1.5], // out of range is still read; the rules judge it
    [-5, -0.05],
    ["-5%", -0.05],
    ["120%", 1.2],
    ["25", undefined], // a string needs its percent sign
    ["twenty-five", undefined],
    ["25%%", undefined],
    ["25 percent", undefined],
    ["２５％", 0.25], // full-width digits, as a Japanese keyboard types them
    ["２，５％", 0.025],
    ["", undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [undefined, undefined],
  ])("%j -> %j", (input, expected) => {
    expect(toFraction(input)).toEqual(about(expected));
  });
});

describe("formatPercent", () => {
  it.each([
    [0.25, "25%"],
    [0.255, "25.5%"],
    [0.123456, "12.35%"],
    [0.07, "7%"], // 0.07 * 100 is 7.000000000000001
    [1, "100%"],
    [0, "0%"],
    [1.5, "150%"],
    [-0.05, "-5%"],
  ])("%d -> %s", (fraction, expected) => {
    expect(formatPercent(fraction, "en")).toBe(expected);
  });

  it("in the locale's notation", () => {
    expect(formatPercent(0.255, "de")).toBe("25,5\u00a0%");
    expect(formatPercent(0.255, "tr")).toBe("%25,5");
  });
});

// ---------------------------------------------------------------------------------------

describe("parseDuration", () => {
  it.each([
    ["4h", 4, false, "4h"],
    ["4 business hours", 4, true, "4 business hours"],
    ["2 business days", 16, true, "2 business days"], // a business day is 8 business hours
    ["10bd", 80, true, "10bd"],
    ["30m", 0.5, false, "30m"],
    ["2 weeks", 336, false, "2 weeks"],
    ["  3 d ", 72, false, "3 d"],
    ["1.5 hours", 1.5, false, "1.5 hours"],
    ["4 Business  Hours", 4, true, "4 Business  Hours"],
    ["1 bh", 1, true, "1 bh"],
    ["4 iş saati", 4, true, "4 iş saati"],
    ["2 iş günü", 16, true, "2 iş günü"],
    ["3 gün", 72, false, "3 gün"],
    ["4 Geschäftsstunden", 4, true, "4 Geschäftsstunden"],
    ["10 Werktage", 80, true, "10 Werktage"],
    ["1,5 Stunden", 1.5, false, "1,5 Stunden"],
    ["2 Wochen", 336, false, "2 Wochen"],
    ["4営業時間", 4, true, "4営業時間"],
    ["10営業日", 80, true, "10営業日"],
    ["30分", 0.5, false, "30分"],
    ["４時間", 4, false, "４時間"], // full-width digits, as a Japanese keyboard types them
    ["３営業日", 24, true, "３営業日"],
    ["１．５時間", 1.5, false, "１．５時間"],
  ])("%j -> %d hours, business %s", (text, hours, business, trimmed) => {
    expect(parseDuration(text)).toMatchObject({ hours: about(hours), business, text: trimmed });
  });

  it.each(["", "4", "h", "four hours", "4 fortnights", "-4h", "4 iş", "4h 30m", "business 4 hours", "4 営業", undefined])("%j -> undefined", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("compareDurations", () => {
  // Business time against calendar time: 1 business day = 8 business hours = 24 hours.
  it.each([
    ["4h", "5h", -1],
    ["5h", "4h", 1],
    ["60m", "1h", 0],
    ["1 business day", "24h", 0],
    ["8 business hours", "1 business day", 0],
    ["4 business hours", "4h", 1],
    ["2 business days", "3 days", -1],
    ["1 week", "5 business days", 1],
    ["2 weeks", "10 business days", 1],
  ])("%s vs %s -> %d", (a, b, sign) => {
    expect(Math.sign(compareDurations(parseDuration(a)!, parseDuration(b)!))).toBe(sign);
  });
});

// ---------------------------------------------------------------------------------------

describe("parseDate", () => {
  it.each([
    ["2026-07-01", { year: 2026, month: 7, day: 1 }],
    ["2028-02-29", { year: 2028, month: 2, day: 29 }], // leap day
    ["2026-12-31", { year: 2026, month: 12, day: 31 }],
    ["2026-02-30", undefined],
    ["2026-02-29", undefined], // 2026 is no leap year
    ["2026-13-01", undefined],
    ["2026-00-10", undefined],
    ["2026-7-1", undefined],
    ["2026-07-01T00:00:00Z", undefined],
    [" 2026-07-01", undefined],
    [20260701, undefined],
    [undefined, undefined],
  ])("%j -> %j", (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });
});

describe("monthsInPeriod", () => {
  it.each([
    ["2026-01-01", "2026-06-30", 6],
    ["2026-07-01", "2026-12-31", 6],
    ["2026-01-15", "2026-07-14", 6],
    ["2026-11-01", "2027-04-30", 6], // across the year end
    ["2026-01-01", "2026-12-31", 12],
    ["2026-01-01", "2026-01-15", 15 / 31],
    ["2026-01-01", "2026-01-01", 1 / 31],
    ["2026-01-01", "2026-07-01", 6 + 1 / 31],
    ["2026-07-01", "2026-09-30", 3],
    ["2028-02-01", "2028-02-29", 1], // leap February
  ])("%s..%s -> %d", (start, end, months) => {
    expect(monthsInPeriod(parseDate(start)!, parseDate(end)!)).toBeCloseTo(months, 10);
  });
});

// ---------------------------------------------------------------------------------------

/** The funnel of an agreement whose math can be done. */
function computed(sla: Sla): FunnelMath {
  const funnel = computeFunnel(sla);
  if (!funnel?.computable) throw new Error(`the funnel cannot be computed: ${JSON.stringify(funnel)}`);
  return funnel;
}

describe("computeFunnel", () => {
  it("derives every step of the example", () => {
    const funnel = computed(EXAMPLE);
    // 2026-07-01..2026-12-31 is 6 months; revenue is `per: period`, so 1,800,000 in all.
    expect(funnel).toMatchObject({ months: 6, currency: "EUR", revenue: 1_800_000, averageDealSize: 30_000, missing: [] });
    expect(funnel.steps).toEqual([
      // 1,800,000 / 30,000 = 60
      { metric: "customers", needed: 60, perMonth: 10 },
      // 60 / 25% ("25%") = 240
      { metric: "proposals", needed: 240, perMonth: 40, rateMetric: "closeRate", rate: 0.25 },
      // 240 / 60% (written 60) = 400
      { metric: "sqls", needed: 400, perMonth: about(400 / 6), rateMetric: "sqlToProposalRate", rate: 0.6 },
      // 400 / 40% (written 0.4) = 1,000
      { metric: "mqls", needed: 1000, perMonth: about(1000 / 6), rateMetric: "mqlToSqlRate", rate: 0.4 },
      // 1,000 / 35% = 2,857.14 -> 2,858
      { metric: "leads", needed: 2858, perMonth: about(2858 / 6), rateMetric: "leadToMqlRate", rate: 0.35 },
      // 2,858 / 2% = 142,900
      { metric: "visits", needed: 142_900, perMonth: about(142_900 / 6), rateMetric: "visitToLeadRate", rate: 0.02 },
    ]);
  });

  it("goes from MQLs straight to visits without a lead→MQL rate", () => {
    const funnel = computed(exampleWith((sla) => (sla.kpis = sla.kpis.filter((k) => k.metric !== "leadToMqlRate"))));
    // 1,000 MQLs / 2% = 50,000 visits
    expect(funnel.steps.map((s) => [s.metric, s.needed])).toEqual([
      ["customers", 60],
      ["proposals", 240],
      ["sqls", 400],
      ["mqls", 1000],
      ["visits", 50_000],
    ]);
    expect(funnel.missing).toEqual([]);
  });

  it("stops at a missing rate and names it", () => {
    const funnel = computed(exampleWith((sla) => (sla.kpis = sla.kpis.filter((k) => k.metric !== "mqlToSqlRate"))));
    expect(funnel.steps.map((s) => s.metric)).toEqual(["customers", "proposals", "sqls"]);
    expect(funnel.missing).toEqual(["mqlToSqlRate"]);
  });

  it("reads a per-month revenue target over the whole period", () => {
    // 300,000 per month x 6 = 1,800,000: the same funnel as per period.
    const funnel = computed(exampleWith((sla) => Object.assign(kpi(sla, "revenue"), { target: 300_000, per: "month" })));
    expect(funnel.revenue).toBe(1_800_000);
    expect(funnel.steps[0]).toMatchObject({ metric: "customers", needed: 60 });
  });

  it.each<[string, (sla: Sla) => void]>([
    ["no average deal size", (sla) => (sla.kpis = sla.kpis.filter((k) => k.metric !== "averageDealSize"))],
    ["no revenue KPI", (sla) => (sla.kpis = sla.kpis.filter((k) => k.metric !== "revenue"))],
    ["a zero revenue target", (sla) => (kpi(sla, "revenue").target = 0)],
    ["an impossible review period", (sla) => (sla.agreement.reviewPeriod.end = "2026-02-30")],
  ])("is undefined with %s", (_name, edit) => {
    expect(computeFunnel(exampleWith(edit))).toBeUndefined();
  });

  it.each<[string, (sla: Sla) => void, object]>([
    ["a negative revenue target", (sla) => (kpi(sla, "revenue").target = -1_800_000), { cause: "revenue", reason: "negative", value: -1_800_000 }],
    [
      "a revenue target too large for the period",
      (sla) => Object.assign(kpi(sla, "revenue"), { target: 1e308, per: "week" }),
      { cause: "revenue", reason: "out-of-range", figure: "revenue" },
    ],
    ["an average deal size of 0", (sla) => (kpi(sla, "average-deal-size").target = 0), { cause: "averageDealSize", reason: "zero" }],
    [
      "an average deal size too small",
      (sla) => (kpi(sla, "average-deal-size").target = 1e-310),
      { cause: "averageDealSize", reason: "out-of-range", figure: "customers" },
    ],
    ["a 0% close rate", (sla) => (kpi(sla, "close-rate").target = "0%"), { cause: "closeRate", reason: "zero", value: 0 }],
    ["a negative rate", (sla) => (kpi(sla, "mql-to-sql-rate").target = "-40%"), { cause: "mqlToSqlRate", reason: "negative" }],
    ["a rate above 100%", (sla) => (kpi(sla, "close-rate").target = 150), { cause: "closeRate", reason: "above-100", value: 1.5 }],
    ["an optional rate of 0", (sla) => (kpi(sla, "lead-to-mql-rate").target = 0), { cause: "leadToMqlRate", reason: "zero" }],
    // 60 / 1e-320 is Infinity, and rounding Infinity up gave NaN.
    ["a denormal close rate", (sla) => (kpi(sla, "close-rate").target = 1e-320), { cause: "closeRate", reason: "out-of-range", figure: "proposals" }],
  ])("cannot be computed with %s, and says why instead of giving NaN or Infinity", (_name, edit, expected) => {
    const funnel = computeFunnel(exampleWith(edit));
    expect(funnel).toMatchObject({ computable: false, ...expected });
  });

  it("never gives a figure that is not finite, whatever the rates", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const funnel = computeFunnel(
        exampleWith((sla) => {
          for (const id of ["close-rate", "sql-to-proposal-rate", "mql-to-sql-rate", "lead-to-mql-rate", "visit-to-lead-rate"])
            kpi(sla, id).target = 10 ** -(random() * 330);
          kpi(sla, "revenue").target = 10 ** (random() * 310);
        }),
      );
      if (!funnel?.computable) continue;
      for (const value of [funnel.revenue, funnel.averageDealSize, ...funnel.steps.flatMap((s) => [s.needed, s.perMonth])])
        expect(Number.isFinite(value)).toBe(true);
    }
  });

  // 145 / 0.29 is 500.00000000000006 in binary floating point; 500 proposals are needed.
  it("needs exactly 500 proposals for 145 customers at a 29% close rate", () => {
    const funnel = computed(
      exampleWith((sla) => {
        kpi(sla, "revenue").target = 4_350_000;
        kpi(sla, "close-rate").target = "29%";
      }),
    );
    expect(funnel.steps[1]).toMatchObject({ metric: "proposals", needed: 500 });
  });
});

describe("targetOverPeriod, perSpan and targetSpan", () => {
  // Six months = 6 months = 2 quarters = 1 half-year = 0.5 years = 26 weeks.
  it.each<[Kpi["cadence"], Kpi["per"], string, number]>([
    ["monthly", undefined, "month", 60],
    ["monthly", "month", "month", 60],
    ["monthly", "quarter", "quarter", 20],
    ["monthly", "half-year", "half-year", 10],
    ["monthly", "year", "year", 5],
    ["monthly", "period", "period", 10],
    ["monthly", "week", "week", 260],
    ["quarterly", undefined, "quarter", 20], // quarterly without `per` means per quarter
    ["half-yearly", undefined, "half-year", 10],
    ["yearly", undefined, "year", 5],
    ["weekly", undefined, "week", 260],
    ["quarterly", "month", "month", 60], // `per` wins over the cadence
  ])("target 10, %s, per %s: per %s, %d over 6 months", (cadence, per, span, total) => {
    const k = countKpi(10, cadence, per);
    expect(targetSpan(k)).toBe(span);
    expect(targetOverPeriod(k, 6)).toBeCloseTo(total, 10);
    expect(perSpan(k, total, 6)).toBeCloseTo(10, 10);
  });

  it.each<[Kpi["cadence"], Kpi["per"], number, number, number]>([
    // 1,000 MQLs over 6 months
    ["monthly", undefined, 6, 1000, 1000 / 6],
    ["quarterly", undefined, 6, 1000, 500],
    ["monthly", "period", 6, 1000, 1000],
    ["monthly", "year", 6, 1000, 2000],
    // over a 3-month period
    ["quarterly", undefined, 3, 1000, 1000],
  ])("perSpan: %s per %s, %d months, %d in all -> %d", (cadence, per, months, total, expected) => {
    expect(perSpan(countKpi(1, cadence, per), total, months)).toBeCloseTo(expected, 10);
  });
});

// ---------------------------------------------------------------------------------------

describe("foldName", () => {
  it.each([
    ["İSTANBUL", "tr", "istanbul"],
    ["I", "tr", "ı"],
    ["I", "en", "i"],
    ["KIRMIZI", "tr", "kırmızı"],
    ["KIRMIZI", "en", "kirmizi"],
    ["ŞEKER ĞÜÇ", "tr", "şeker ğüç"],
    ["Größe ÄÖÜ", "de", "grösse äöü"],
    ["Mu\u0308ller", "de", "müller"], // decomposed ü composes to one code point
    ["  Operations \n  Oya ", "en", "operations oya"],
    ["営業 チーム", "ja", "営業 チーム"],
    ["ÄÖÜ", undefined, "äöü"],
    ["Inbound Leads", "en", "inbound leads"],
    ["Inbound Leads", "tr", "ınbound leads"],
    ["INBOUND", "az-Latn", "ınbound"],
    ["already lower", "en", "already lower"],
    ["two  spaces", "en", "two spaces"],
    [" Leading", "en", "leading"],
    ["Trailing ", "en", "trailing"],
    ["", "en", ""],
  ])("%j in %s -> %j", (name, locale, folded) => {
    expect(foldName(name, locale)).toBe(folded);
  });

  it("folds ASCII names as full Unicode folding in the locale would", () => {
    // The definition the ASCII shortcut must agree with, on names the shortcut takes and on
    // those it leaves (tabs, runs of spaces, a Turkic I).
    const reference = (name: string, locale: string) => name.trim().replace(/\s+/g, " ").normalize("NFC").toLocaleLowerCase(locale).replace(/ß/g, "ss");
    const random = seededRandom(7);
    const alphabet = "aAiIzZ09 -_.&\t";
    for (let n = 0; n < 3000; n++) {
      const name = Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      for (const locale of ["en", "tr", "de"]) expect(foldName(name, locale), `${JSON.stringify(name)} in ${locale}`).toBe(reference(name, locale));
    }
  });
});

describe("safeLocale", () => {
  it.each([
    ["tr", "tr"],
    ["de-de", "de-DE"],
    ["EN", "en"],
    ["ja-jp", "ja-JP"],
    ["not a tag!", undefined],
    ["", undefined],
    [42, undefined],
    [undefined, undefined],
  ])("%j -> %j", (tag, expected) => {
    expect(safeLocale(tag)).toBe(expected);
    // Answers are remembered: asking again gives the same, refusals included.
    expect(safeLocale(tag)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------

describe("closestMatch", () => {
  it.each([
    ["ownr", ["owner", "name", "id"], "owner"],
    ["OWNR", ["owner", "name", "id"], "owner"], // case-insensitive, returns the candidate's spelling
    ["process-plant", ["process-plants", "water-utilities"], "process-plants"],
    ["mgl", ["subscriber", "lead", "mql", "sql"], "mql"],
    ["revenue", ["owner", "name"], undefined],
    ["büyük-müşteri", ["process-plants", "water-utilities"], undefined],
    ["ownr", [], undefined],
  ])("%j in %j -> %j", (input, candidates, expected) => {
    expect(closestMatch(input, candidates)).toBe(expected);
  });

  it.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["satış", "satis", 2],
    ["same", "same", 0],
  ])("editDistance(%j, %j) = %d", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("displayWidth", () => {
  it.each([
    ["abc", 3],
    ["", 0],
    ["Müşteri", 7],
    ["営業", 4], // wide: two columns each
    ["見込み客 lead", 13],
    ["２５％", 6], // full-width forms
    ["ｱｲ", 2], // half-width katakana
    ["e\u0301", 1], // combining acute accent takes no column
    ["a\u200bb", 2], // zero-width space (format character)
    ["🚀", 2],
  ])("%j -> %d", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("read once, shared after", () => {
  it("parseDuration and parseDate answer a repeated text alike, with objects no caller can change", () => {
    for (const text of ["4 business hours", "4 iş saati", "not a duration"]) expect(parseDuration(text)).toBe(parseDuration(text));
    expect(parseDuration("4 business hours")).toMatchObject({ hours: 4, business: true });
    expect(Object.isFrozen(parseDuration("2 days"))).toBe(true);
    for (const text of ["2026-01-01", "2026-02-30"]) expect(parseDate(text)).toBe(parseDate(text));
    expect(parseDate("2026-02-30")).toBeUndefined();
    expect(Object.isFrozen(parseDate("2026-01-01"))).toBe(true);
  });
});
