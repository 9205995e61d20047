import { describe, expect, it } from "vitest";
import { NO_PAINT, loadPaint } from "../../src/format/paint.js";
import { formatReportText, sparkline } from "../../src/report/format/text.js";
import { displayWidth } from "../../src/util/text-width.js";
import { fixtureAgreement, fixtureReport } from "./fixtures.js";

const text = (language: "en" | "tr" | "ja", locale: string = language) =>
  formatReportText(fixtureReport(language), fixtureAgreement(language), { paint: NO_PAINT, locale });

/** The lines of the first table after a heading line. */
function tableAfter(out: string, heading: string): string[] {
  const lines = out.split("\n");
  const start = lines.indexOf(heading);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "") break;
    rows.push(line);
  }
  return rows;
}

describe("the terminal scorecard", () => {
  it("has a line per KPI of the latest month: target, actual, attainment, status and the trend", () => {
    const out = text("en");
    expect(out).toContain("Scorecard through October 2026: month 4 of 6 of the review period July 1, 2026 – December 31, 2026");
    const rows = tableAfter(out, "October 2026");
    expect(rows).toHaveLength(1 + 17);
    expect(rows[0]).toMatch(/^ {2}KPI +Target +Actual +Attainment +Status +Jul–Oct$/);
    // revenue: 300,000 a month (1.8 M over 6 months), 216,000 measured in October = 72 %.
    expect(rows[1]).toMatch(/^ {2}New-business revenue +€300,000 +€216,000 +72% +off track +▁▅█▃$/);
    // Lower is better: 4 h allowed, 5.1 h median = 78.4 %, with the 90th percentile beside it.
    expect(out).toMatch(/Time to first connect attempt +4 hr +5\.1 hr \(p90 17\.3 hr\) +78\.4% +off track/);
    // Nothing measured: a dash, never 0, and no trend.
    expect(out).toMatch(/Customer lifetime value +€120,000 +– +– +no data\n/);
    // Cost per lead had no actual in July: a dot in the trend.
    expect(out).toMatch(/Cost per lead .* ·▁█▇\n/);
  });

  it("heads the scorecard with the agreement's title and its version, told apart", () => {
    expect(text("en").split("\n")[0]).toBe("Anatolia Pumps Marketing & Sales Service Level Agreement · Version 2026.2");
    expect(text("tr").split("\n")[0]).toMatch(/ · Sürüm 2026\.2$/);
    expect(text("ja").split("\n")[0]).toMatch(/ · バージョン 2026\.2$/);
  });

  it("says what the measured rates mean for the volumes the revenue target needs", () => {
    const out = text("en");
    // 400 SQLs planned / 0.325 measured MQL→SQL = 1,230.8, rounded up.
    expect(out).toContain("At the measured MQL→SQL rate of 32.5%, 1,231 MQLs are needed over the period, not 1,000.");
    // The lead→MQL and visit→lead rates are better than planned: no sentence for them.
    expect(out).not.toContain("At the measured lead→MQL rate");
    expect(out).toMatch(/MQLs +1,056 +1,000 +1,462\n/);
  });

  it("leaves out a rate neither planned nor measured, and shows no cases where there were none", () => {
    const report = fixtureReport("en");
    const rate = (name: string) => report.funnel.rates.find((r) => r.rate === name)!;
    Object.assign(rate("leadToMqlRate"), { planned: null, measured: null, numerator: 0, denominator: 0 });
    Object.assign(rate("visitToLeadRate"), { measured: null, numerator: 0, denominator: 0 });
    const out = formatReportText(report, fixtureAgreement("en"), { paint: NO_PAINT, locale: "en" });
    expect(out).not.toContain("lead→MQL rate");
    expect(out).toMatch(/ {2}visit→lead rate +2% +– +–\n/);
  });

  it("lists connect-attempt compliance, worst breaches first, and the data quality", () => {
    const out = text("en");
    expect(out).toContain(
      "201 of 253 decided leads were first attempted in time (79.5%); 52 breaches, 15 still open, 268 handed over at stage Sales Qualified Lead.",
    );
    expect(out).toMatch(/82211 +Katrin Weber +2026-10-02 17:55 +no attempt yet +25\.1 hr of 2 hr/);
    expect(out).toMatch(/86119 +\(no owner\)/);
    expect(out).toContain("Maintenance service");
    expect(out).toContain("9 × unreadable date: line 388 (Became a Marketing Qualified Lead Date: “31.09.2026”) and line 1204");
    expect(out).toContain("exports/deals.csv (deals; windows-1254, separator ;): 609 of 612 rows used");
    expect(out).toContain("19  No project or budget in the next 12 months.");
  });

  it("says so in words when no lead was handed over, not 0 of 0", () => {
    const none = (language: "en" | "ja") => {
      const report = fixtureReport(language);
      Object.assign(report.connect!, { handedOver: 0, withinTarget: 0, breached: 0, open: 0, attainment: null, byLeadType: [], byOwner: [], breaches: [] });
      return formatReportText(report, fixtureAgreement(language), { paint: NO_PAINT, locale: language });
    };
    expect(none("en")).toContain("No lead was handed over at stage Sales Qualified Lead in the months measured: there are no connect attempts to measure.");
    expect(none("en")).not.toContain("0 of 0");
    expect(none("ja")).toMatch(/測定した月にステージ「.+」で引き渡されたリードはありません。/);
  });

  it("speaks Turkish: words, numbers, percent and months", () => {
    const out = text("tr");
    expect(out).toContain("Ekim 2026 sonuna kadar karne: 1 Temmuz 2026 – 31 Aralık 2026 değerlendirme döneminin 6 ayından 4. ay");
    expect(out).toMatch(/Yeni iş cirosu +₺15\.000\.000 +₺10\.800\.000 +%72 +hedefin gerisinde/);
    expect(out).toContain("Ölçülen MQL → SQL oranı %36,6 iken dönem boyunca 809 değil 996 MQL gerekiyor.");
    expect(out).toMatch(/İbrahim Güneş +2026-10-02 17:55 +henüz deneme yok/);
  });

  it("lines up columns under Japanese text by the width the terminal gives it", () => {
    const out = text("ja");
    const rows = tableAfter(out, "2026年10月");
    expect(rows[1]).toMatch(/^ {2}新規売上高 +￥60,000,000 +￥43,200,000 +72% +未達 +▁▅█▃$/);
    // The status column starts at the same terminal column on every line.
    const statusColumn = (line: string) => displayWidth(line.slice(0, line.search(/未達|要注意|順調|データなし|状況/)));
    expect(new Set(rows.map(statusColumn)).size).toBe(1);
    expect(out).toContain("実測のMQL → SQL の転換率 32.5% では、期間中に必要なMQLは 835 ではなく 1,028 です。");
  });

  it("follows the locale it is given, not the agreement's", () => {
    expect(text("en", "de")).toMatch(/New-business revenue +300\.000\s€ +216\.000\s€ +72\s% +verfehlt/);
  });

  it("colours the status only when asked", async () => {
    const paint = await loadPaint(true);
    const coloured = formatReportText(fixtureReport("en"), fixtureAgreement("en"), { paint, locale: "en" });
    expect(coloured).toContain("\x1b[31m\x1b[1moff track");
    expect(coloured).toContain("\x1b[32mon track");
    expect(text("en")).not.toMatch(/\x1b/);
  });

  it("shows the exports' text, never acts on it", () => {
    const report = fixtureReport("en");
    report.connect!.breaches[0]!.owner = "Evil\x1b[2J::set-output name=x::1";
    const out = formatReportText(report, fixtureAgreement("en"), { paint: NO_PAINT, locale: "en" });
    expect(out).toContain("Evil\\u001b[2J::set-output");
    expect(out).not.toMatch(/\x1b/);
  });
});

describe("sparkline", () => {
  it.each([
    [[1, 2, 3, 4], "▁▃▆█"],
    [[5, 5, 5], "▄▄▄"],
    [[null, 0, 10], "·▁█"],
  ])("%j -> %s", (values, expected) => {
    expect(sparkline(values)).toBe(expected);
  });
});
