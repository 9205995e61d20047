import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildView } from "../../src/render/view-model.js";
import { createFormatter } from "../../src/render/intl.js";
import { BUILT_IN_LANGUAGES, loadLabels } from "../../src/render/labels.js";
import type { Sla } from "../../src/model/index.js";
import { EXAMPLE, FIXTURES } from "../helpers/cli.js";

const example = parse(readFileSync(EXAMPLE, "utf8")) as Sla;
const fixture = (lang: string) => parse(readFileSync(join(FIXTURES, `i18n/${lang}.sla.yaml`), "utf8")) as Sla;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatting for the document's locale", () => {
  it.each([
    ["en", "€1,800,000", "25%", "July 1, 2026", "4 business hours", "2 weeks"],
    ["de-DE", "1.800.000 €", "25 %", "1. Juli 2026", "4 Geschäftsstunden", "2 Wochen"],
    ["tr", "€1.800.000", "%25", "1 Temmuz 2026", "4 iş saati", "2 hafta"],
    ["ja", "€1,800,000", "25%", "2026年7月1日", "4営業時間", "2週間"], // a unit right after its number
  ])("%s", (locale, money, percent, date, businessHours, weeks) => {
    const f = createFormatter(locale, "EUR", loadLabels(locale));
    expect(plain(f.money(1_800_000))).toBe(money);
    expect(plain(f.percent(0.25))).toBe(percent);
    expect(f.date("2026-07-01")).toBe(date);
    expect(f.duration("4 business hours")).toBe(businessHours);
    expect(plain(f.duration("2 weeks"))).toBe(weeks);
  });

  it.each([
    ["de", "10 Werktage", "10 Werktage"],
    ["de", "1 Werktag", "1 Werktag"],
    ["de", "8 Geschäftsstunden", "8 Geschäftsstunden"],
    ["de", "1 business hour", "1 Geschäftsstunde"],
    ["tr", "10 iş günü", "10 iş günü"],
    ["ja", "10営業日", "10営業日"],
    ["en", "1 business day", "1 business day"],
    ["en", "3 d", "3 days"],
  ])("%s: says %j back in its own unit as %j", (locale, text, expected) => {
    expect(createFormatter(locale, "EUR", loadLabels(locale)).duration(text)).toBe(expected);
  });

  it("keeps the cents of an amount and drops them from whole amounts", () => {
    const f = createFormatter("de", "EUR", loadLabels("de"));
    expect(plain(f.money(30000.5))).toBe("30.000,50 €");
    expect(plain(f.money(30000))).toBe("30.000 €");
  });

  it("reads a date as the day written, whatever the machine's time zone", () => {
    expect(createFormatter("en", undefined, loadLabels("en")).date("2026-12-31")).toBe("December 31, 2026");
  });

  it("lists as built-in exactly the languages locales/ has labels for", () => {
    const languages = readdirSync(new URL("../../locales/", import.meta.url)).filter((f) =>
      existsSync(new URL(`../../locales/${f}/labels.json`, import.meta.url)),
    );
    expect(languages.sort()).toEqual([...BUILT_IN_LANGUAGES].sort());
  });

  it("falls back to English labels for a language without built-in labels", () => {
    const labels = loadLabels("fr-FR");
    expect(labels.sections.kpis).toBe("KPI targets");
  });
});

describe("buildView", () => {
  it("names owners, ICPs and stages by their names, and lists the funnel against the targets", () => {
    const view = buildView(example);
    expect(view.personas[0]!.icp).toBe("Mid-sized process plants");
    expect(view.lifecycleStages[0]).toMatchObject({ number: 1, owner: "Marketing", journeyStage: "Awareness" });
    expect(view.funnel.available).toBe(true);
    expect(view.funnel.rows.find((r) => r.label === "MQLs")).toEqual({
      label: "MQLs",
      rate: "MQL → SQL 40%",
      neededPeriod: "1,000",
      neededMonth: "167",
      committedMonth: "176",
    });
    expect(view.meta.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("states every target of the funnel table per month, with one kept per week as written beside it", () => {
    const weekly = structuredClone(example);
    Object.assign(
      weekly.kpis.find((k) => k.id === "new-customers")!,
      { target: 2.5, cadence: "weekly" },
    );
    expect(buildView(weekly).funnel.rows.find((r) => r.label === "Customers")!.committedMonth).toBe("10.8 (2.5 per week)");
    expect(buildView(weekly, { locale: "de" }).funnel.rows[0]!.committedMonth).toBe("10,8 (2,5 pro Woche)");
  });

  it("gives every optional field a value, so strict templates can test it", () => {
    const minimal = structuredClone(example);
    delete minimal.leadScoring;
    delete minimal.connectAttempt;
    delete minimal.reporting;
    delete minimal.buyerJourney;
    minimal.kpis = minimal.kpis.filter((k) => k.metric !== "averageDealSize");
    const view = buildView(minimal);
    expect(view).toMatchObject({ leadScoring: null, connectAttempt: null, reporting: null, buyerJourney: [] });
    expect(view.funnel).toEqual({
      available: false,
      intro: "The funnel math needs a revenue target, an average deal size and the conversion rates.",
      rows: [],
    });
  });

  it.each([
    ["en", "50 or more", "up to 200", "50 – 200", "€5,000,000 or more"],
    ["de", "ab 50", "bis 200", "50 – 200", "ab 5.000.000 €"],
    ["tr", "50 ve üzeri", "en fazla 200", "50 – 200", "€5.000.000 ve üzeri"],
    ["ja", "50以上", "200以下", "50～200", "€5,000,000以上"],
  ])("%s: states a range with one bound as a bound, never as an exact figure", (locale, from, upTo, between, revenue) => {
    const sla = structuredClone(example);
    const icp = sla.icps[0]!;
    const employees = (range: { min?: number; max?: number }) => {
      icp.employees = range;
      return buildView(sla, { locale }).icps[0]!.employees;
    };
    expect(employees({ min: 50 })).toBe(from);
    expect(employees({ max: 200 })).toBe(upTo);
    expect(employees({ min: 50, max: 200 })).toBe(between);
    expect(employees({})).toBeNull();
    icp.annualRevenue = { min: 5_000_000 };
    expect(plain(buildView(sla, { locale }).icps[0]!.annualRevenue!)).toBe(revenue);
  });

  it("Japanese: units and spans right after their numbers, and the parties joined with と", () => {
    const ja = buildView(fixture("ja"));
    expect(ja.kpis.map((k) => k.target)).toEqual(expect.arrayContaining(["11/月", "80日"]));
    expect(ja.meta.subtitle).toBe("マーケティング部と営業部の間のサービスレベル契約書");
    // Other languages keep their spaces.
    expect(buildView(fixture("de")).kpis.map((k) => k.target)).toEqual(expect.arrayContaining(["80 Tage"]));
  });

  it("uses the document's language and its list separator", () => {
    const ja = buildView(fixture("ja"));
    expect(ja.separator).toBe("、");
    expect(ja.labels.sections.signatures).toBe("署名");
    expect(buildView(fixture("tr")).labels.sections.kpis).toMatch(/KPI/);
  });
});

describe("the business calendar in the document", () => {
  it.each([
    ["en", example, "Monday – Friday", "09:00 – 17:00", "public holidays of Germany (NW)", ["December 24, 2026", "December 31, 2026"]],
    ["de", fixture("de"), "Montag – Freitag", "08:00 – 17:00", "gesetzliche Feiertage in Deutschland (BY)", ["24. Dezember 2026", "31. Dezember 2026"]],
    ["tr", fixture("tr"), "Pazartesi – Cuma", "09:00 – 18:00", "Türkiye resmî tatilleri", ["28 Ekim 2026"]],
    ["ja", fixture("ja"), "月曜日～金曜日", "09:00～18:00", "日本の祝日", ["2026年12月29日", "2026年12月30日", "2026年12月31日"]],
  ])("%s", (_language, sla, workingDays, workingHours, publicHolidays, holidays) => {
    const view = buildView(sla);
    expect(view.calendar).toMatchObject({ workingDays, workingHours, publicHolidays, holidays });
    expect(view.calendar!.timeZone).toBe(sla.calendar!.timeZone);
  });

  it("lists working days that are not a run, and has no holidays line without a country", () => {
    const sla = structuredClone(example);
    sla.calendar = { timeZone: "Asia/Tokyo", workingDays: ["sat", "mon", "wed"] };
    const view = buildView(sla, { locale: "en" });
    expect(view.calendar).toMatchObject({
      workingDays: "Monday, Wednesday, and Saturday",
      workingDayNumbers: [1, 3, 6],
      workingHours: "09:00 – 17:00",
      publicHolidays: null,
      country: null,
      holidays: [],
    });
    delete sla.calendar;
    expect(buildView(sla).calendar).toBeNull();
  });
});

describe("what a signer reads", () => {
  it("negative points carry the minus sign, positive ones a plus", () => {
    const points = buildView(example).leadScoring!.criteria.map((c) => c.points);
    expect(points).toContain("−30");
    expect(points.some((p) => p.startsWith("+"))).toBe(true);
    expect(points.some((p) => p.includes("-"))).toBe(false);
  });

  it("joins the exhausted sequence's status and action in the language's punctuation", () => {
    const ja = buildView(fixture("ja")).connectAttempt!.whenExhausted!;
    expect(ja.summary).toBe(`${ja.status}。${ja.action}`);
    const en = buildView(example).connectAttempt!.whenExhausted!;
    expect(en.summary).toBe(`${en.status}. ${en.action}`);
  });

  it("asks each signatory for place and date, and a seal in Japanese unless the signatory says otherwise", () => {
    const ja = fixture("ja");
    expect(buildView(ja).signatures[0]!.signatories[0]).toMatchObject({ blanks: ["場所、日付", "署名"], seal: "印" });
    ja.agreement.parties[0]!.signatories[0]!.seal = false;
    expect(buildView(ja).signatures[0]!.signatories[0]!.seal).toBeNull();
    const de = fixture("de");
    expect(buildView(de).signatures[0]!.signatories[0]).toMatchObject({ blanks: ["Ort, Datum", "Unterschrift"], seal: null });
    de.agreement.parties[0]!.signatories[0]!.seal = true;
    expect(buildView(de).signatures[0]!.signatories[0]!.seal).toBe("Siegel");
  });
});
