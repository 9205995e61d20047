// The rules' findings in each language, through the built binary: wording snapshots for three
// rules (the funnel's computation, a reference with a suggestion, a length in months), with
// numbers, percentages and money formatted for the reader.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";

const THREE_ERRORS = join(FIXTURES, "invalid/three-errors.sla.yaml");

/** The example with a review period of 5.48 months (2026-07-01 to 2026-12-15). */
function shortPeriod(): string {
  const file = join(tempDir(), "sla.yaml");
  writeFileSync(file, readFileSync(EXAMPLE, "utf8").replace("end: 2026-12-31", "end: 2026-12-15"));
  return file;
}

/** A finding's message and hint as the terminal shows them: `[message, hint]`. */
function worded(stdout: string, heading: string): [string, string | undefined] {
  const lines = stdout.split("\n");
  const at = lines.findIndex((line) => line.startsWith(heading));
  if (at < 0) throw new Error(`no \`${heading}\` in:\n${stdout}`);
  const next = lines.findIndex((line, i) => i > at && /^(error|warning)\[/.test(line));
  const help = lines.slice(at + 1, next < 0 ? undefined : next).find((line) => line.includes("= help: "));
  return [lines[at]!.slice(heading.length), help?.slice(help.indexOf("= help: ") + "= help: ".length)];
}

const UNREACHABLE = {
  en: [
    "KPI `mqls` cannot deliver the revenue target: 150 per month = 900 over 6 months, but 1,000 MQLs are needed (1,800,000 EUR revenue ÷ 30,000 EUR average deal = 60 customers ÷ 25% close rate = 240 proposals ÷ 60% SQL→proposal rate = 400 SQLs ÷ 40% MQL→SQL rate = 1,000 MQLs; 167 per month)",
    "raise the target to at least 167 per month, or revisit the revenue target and conversion rates",
  ],
  de: [
    // German puts a no-break space between a number and its percent sign.
    "KPI `mqls` reicht für das Umsatzziel nicht aus: 150 pro Monat = 900 in 6 Monaten, benötigt werden aber 1.000 MQLs (1.800.000 EUR Umsatz ÷ 30.000 EUR " +
      "durchschnittlicher Auftragswert = 60 Kunden ÷ 25\u00a0% Abschlussquote = 240 Angebote ÷ 60\u00a0% Konversionsrate SQL → Angebot = 400 SQLs ÷ " +
      "40\u00a0% Konversionsrate MQL → SQL = 1.000 MQLs; 167 pro Monat)",
    "den Zielwert auf mindestens 167 pro Monat anheben oder Umsatzziel und Konversionsraten überdenken",
  ],
  tr: [
    "`mqls` KPI'si gelir hedefini karşılayamıyor: ayda 150 = 6 ayda 900, ancak 1.000 MQL gerekiyor (1.800.000 EUR gelir ÷ 30.000 EUR ortalama satış = 60 müşteri ÷ %25 kapanış oranı = 240 teklif ÷ %60 SQL → teklif oranı = 400 SQL ÷ %40 MQL → SQL oranı = 1.000 MQL; ayda 167)",
    "hedefi en az ayda 167 olacak şekilde yükseltin veya gelir hedefini ve dönüşüm oranlarını gözden geçirin",
  ],
  ja: [
    "KPI `mqls` では売上目標を達成できません。月あたり 150、6 か月で 900 ですが、MQLが 1,000 必要です（売上 1,800,000 EUR ÷ 平均受注額 30,000 EUR = 顧客 60 ÷ 受注率 25% = 提案 240 ÷ SQL → 提案の転換率 60% = SQL 400 ÷ MQL → SQL の転換率 40% = MQL 1,000。月あたり 167）",
    "目標値を月あたり 167 以上に引き上げるか、売上目標とコンバージョン率を見直してください",
  ],
};

const UNKNOWN_ICP = {
  en: ["persona `maintenance-mehmet` refers to ICP `water-utility`, which is not defined", "did you mean `water-utilities`?"],
  de: ["Persona `maintenance-mehmet` verweist auf das ICP `water-utility`, das nicht definiert ist", "vermutlich ist `water-utilities` gemeint"],
  tr: ["`maintenance-mehmet` personası tanımlanmamış bir ICP'ye başvuruyor: `water-utility`", "`water-utilities` mı demek istediniz?"],
  ja: ["ペルソナ `maintenance-mehmet` が参照している ICP `water-utility` は定義されていません", "`water-utilities` の誤りではありませんか？"],
};

const PERIOD_LENGTH = {
  en: [
    "the review period is 5.48 months long; SLAs are usually reviewed every 6 months (5.5 to 6.5)",
    "if the length is intended, switch this rule off in `.slarc.yaml` (`period/length: off`)",
  ],
  de: [
    "Der Überprüfungszeitraum ist 5,48 Monate lang; SLAs werden üblicherweise alle 6 Monate überprüft (5,5 bis 6,5)",
    "ist die Länge so gewollt, diese Regel in `.slarc.yaml` abschalten (`period/length: off`)",
  ],
  tr: [
    "gözden geçirme dönemi 5,48 ay sürüyor; SLA'lar genellikle 6 ayda bir gözden geçirilir (5,5 ila 6,5 ay)",
    "bu süre bilerek seçildiyse kuralı `.slarc.yaml` içinde kapatın (`period/length: off`)",
  ],
  ja: [
    "見直し期間が 5.48 か月です。SLA は通常 6 か月ごと（5.5～6.5 か月）に見直します",
    "この長さが意図どおりであれば、`.slarc.yaml` でこのルールを無効にしてください（`period/length: off`）",
  ],
};

describe.each(["en", "de", "tr", "ja"] as const)("the rules in %s", (locale) => {
  it("funnel/unreachable-revenue: the funnel's computation, with numbers, money and rates in the reader's form", () => {
    const result = sla(["validate", "--locale", locale, THREE_ERRORS]);
    expect(result.code).toBe(1);
    expect(worded(result.stdout, "error[funnel/unreachable-revenue]: ")).toEqual(UNREACHABLE[locale]);
  });

  it("refs/unknown-icp: the reference and the suggestion", () => {
    expect(worded(sla(["validate", "--locale", locale, THREE_ERRORS]).stdout, "error[refs/unknown-icp]: ")).toEqual(UNKNOWN_ICP[locale]);
  });

  it("period/length: months with a decimal", () => {
    expect(worded(sla(["validate", "--locale", locale, shortPeriod()]).stdout, "warning[period/length]: ")).toEqual(PERIOD_LENGTH[locale]);
  });
});

describe("the rules' machine formats", () => {
  it("JSON carries ids, numbers as numbers and nested messages, whatever the language of the wording", () => {
    const [en, tr] = ["en", "tr"].map((locale) => {
      const findings = JSON.parse(sla(["validate", "--locale", locale, "-f", "json", THREE_ERRORS]).stdout).files[0].findings as Record<string, unknown>[];
      return findings.find((f) => f.ruleId === "funnel/unreachable-revenue")!;
    });
    expect(tr).toMatchObject({
      messageId: "funnel/unreachable-revenue",
      args: { kpi: "mqls", target: 150, span: "month", total: 900, months: 6, needed: 1000, perMonth: 167, volume: { id: "funnel/metric.mqls" } },
      hintId: "funnel/unreachable-revenue.hint",
      hintArgs: { minimum: 167, span: "month" },
    });
    expect({ ...tr, message: undefined, hint: undefined }).toEqual({ ...en, message: undefined, hint: undefined });
    expect(tr!.message).not.toBe(en!.message);
  });
});
