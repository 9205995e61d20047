// Every word `sla diff` shows comes from the catalogs: no change, note or summary falls back
// to a bare message id or leaves an argument unfilled, in any language or format.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { diffSla, type Change, type SlaDiff } from "../../src/diff/index.js";
import { formatDiffJson } from "../../src/format/diff-json.js";
import { formatDiffMarkdown } from "../../src/format/diff-markdown.js";
import { formatDiffText } from "../../src/format/diff-text.js";
import { formatDelta, formatKpiValue, wordNote } from "../../src/format/diff-common.js";
import { NO_PAINT } from "../../src/format/paint.js";
import { message } from "../../src/i18n/message.js";
import { LANGUAGES } from "../../src/i18n/languages.js";
import type { Sla } from "../../src/model/index.js";
import { EXAMPLE, FIXTURES } from "../helpers/cli.js";

const example = parse(readFileSync(EXAMPLE, "utf8")) as Sla;
const proposal = parse(readFileSync(join(FIXTURES, "diff/proposal.sla.yaml"), "utf8")) as Sla;

/** The proposal's changes, plus one change carrying each note the diff can make. */
function everything(): SlaDiff {
  const diff = diffSla({ file: "old.yaml", sla: example }, { file: "new.yaml", sla: proposal });
  const note = (section: Change["section"], id: string, args?: Parameters<typeof message>[1]): Change => ({
    section,
    kind: "changed",
    path: [],
    classes: ["changed"],
    note: message(id, args),
  });
  const causes = ["revenue", "averageDealSize", "closeRate", "sqlToProposalRate", "mqlToSqlRate", "leadToMqlRate", "visitToLeadRate"];
  for (const cause of causes)
    for (const reason of ["negative", "zero", "above-100", "out-of-range"])
      diff.changes.push(note("funnel", "diff/funnel.not-computable", { cause, reason, figure: cause === "revenue" ? "revenue" : "visits" }));
  diff.changes.push(
    note("funnel", "diff/funnel.no-longer-computable", { reason: "missing-input" }),
    note("funnel", "diff/funnel.computable"),
    note("kpis", "diff/kpi.currency-changed", { before: "none", after: "USD" }),
    note("kpis", "diff/kpi.unit-changed", { before: "days", after: "hours" }),
    note("kpis", "diff/kpi.same-per-month"),
    note("kpis", "diff/kpi.compared-per-month", { before: 176, after: 200.5 }),
    note("reset", "diff/reset.version-not-increased", { before: "2026.2", after: "2026.2" }),
    note("reset", "diff/reset.starts-before", { newStart: "2026-07-01", newEnd: "2026-12-31", oldStart: "2027-01-01", oldEnd: "2027-06-30" }),
    note("reset", "diff/reset.gap", { start: "2027-01-15", days: 14, oldEnd: "2026-12-31" }),
    note("reset", "diff/reset.overlap", { start: "2026-12-01", oldEnd: "2026-12-31", days: 1 }),
    { section: "leadScoring", kind: "added", path: ["leadScoring"], classes: ["added"] },
    {
      section: "kpis",
      kind: "changed",
      entity: { id: "mqls", label: "KPI" },
      field: "target",
      path: [],
      before: 5,
      after: 4,
      unit: "days",
      classes: ["changed", "lowered"],
      delta: { absolute: -1, relative: -0.2 },
    },
  );
  return diff;
}

describe("the diff's wording", () => {
  it.each(LANGUAGES)("%s: every text, Markdown and JSON word comes from the catalog", (locale) => {
    const diff = everything();
    const json = JSON.parse(formatDiffJson(diff, { locale })) as { changes: { note: string | null }[] };
    const added = { ...diff, old: { ...diff.old, exists: false, version: undefined } };
    const removed = { ...diff, new: { ...diff.new, exists: false }, changes: [] };
    const outputs = [formatDiffText(diff, { paint: NO_PAINT, locale }), formatDiffMarkdown(diff, { locale }), ...json.changes.map((c) => c.note ?? "")];
    for (const side of [added, removed]) outputs.push(formatDiffText(side, { paint: NO_PAINT, locale }), formatDiffMarkdown(side, { locale }));
    for (const out of outputs) {
      expect(out).not.toMatch(/diff\/[a-z]/);
      expect(out).not.toMatch(/\{\w+\}/);
    }
  });

  it("words each funnel problem from its cause and reason", () => {
    const say = (args: Record<string, string>, locale = "en") => wordNote(message("diff/funnel.not-computable", args), locale);
    expect(say({ cause: "closeRate", reason: "zero" })).toBe("the funnel math cannot be computed: the close rate is 0%");
    expect(say({ cause: "revenue", reason: "zero" })).toBe("the funnel math cannot be computed: the revenue target is 0");
    expect(say({ cause: "revenue", reason: "out-of-range", figure: "revenue" })).toBe(
      "the funnel math cannot be computed: the revenue target adds up to more than a number can hold",
    );
    expect(say({ cause: "visitToLeadRate", reason: "out-of-range", figure: "visits" })).toBe(
      "the funnel math cannot be computed: the visit→lead rate is so small that the visits needed would be more than a number can hold",
    );
    expect(say({ cause: "mqlToSqlRate", reason: "above-100" }, "de")).toBe("die Funnel-Berechnung ist nicht möglich: die Quote MQL→SQL liegt über 100\u00a0%");
    expect(say({ cause: "averageDealSize", reason: "negative" }, "tr")).toBe("huni hesaplaması yapılamıyor: ortalama satış tutarı negatif");
    expect(say({ cause: "closeRate", reason: "zero" }, "ja")).toBe("ファネル計算ができません: 受注率が0%です");
  });

  it("writes numbers, units and deltas in the reader's locale", () => {
    const change = (over: Partial<Change>): Change => ({ section: "kpis", kind: "changed", path: [], classes: [], ...over });
    const revenue = change({ unit: "currency", delta: { absolute: 360_000, relative: 0.2 } });
    expect(["en", "de", "tr", "ja"].map((l) => formatDelta(revenue, "EUR", l))).toEqual([
      "+360,000 EUR, +20%",
      "+360.000 EUR, +20\u00a0%",
      "+360.000 EUR, +%20",
      "+360,000 EUR, +20%",
    ]);
    const rate = change({ unit: "percent", delta: { absolute: -0.025, relative: -0.1 } });
    expect(["en", "de", "tr", "ja"].map((l) => formatDelta(rate, undefined, l))).toEqual(["−2.5 pp", "−2,5 Pp.", "−2,5 puan", "−2.5 ポイント"]);
    expect(["en", "de", "tr", "ja"].map((l) => formatKpiValue("days", 1, undefined, l))).toEqual(["1 day", "1 Tag", "1 gün", "1 日"]);
    expect(["en", "de"].map((l) => formatKpiValue("days", 75, undefined, l))).toEqual(["75 days", "75 Tage"]);
    expect(formatKpiValue("percent", "25,5 %", undefined, "tr")).toBe("%25,5");
    expect(formatKpiValue("business-hours", 2, undefined, "ja")).toBe("2営業時間");
  });
});

describe("percentages in the diff", () => {
  it("a rate too small for two decimals keeps its significant digits, in the locale", () => {
    expect(formatKpiValue("percent", 0.000012, undefined, "de")).toBe("0,0012\u00a0%");
    expect(formatKpiValue("percent", 1e-320, undefined, "en")).toBe("1E-318%");
    expect(formatKpiValue("percent", 0, undefined, "tr")).toBe("%0");
  });
});
