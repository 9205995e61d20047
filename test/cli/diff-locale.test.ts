// `sla diff` in the reader's language: Markdown (a document for the review meeting) in the
// agreement's language, text and JSON in the user's locale, `--locale` over both.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";

/**
 * A fixture in `language` as old.yaml, and as new.yaml with one percentage target changed
 * (written as text, `"25 %"`) and the review period moved on without a new version.
 */
function proposal(language: string, from: string, to: string): string {
  const dir = tempDir();
  const text = readFileSync(join(FIXTURES, `i18n/${language}.sla.yaml`), "utf8");
  writeFileSync(join(dir, "old.yaml"), text);
  expect(text).toContain(`target: ${from}\n`);
  const next = text
    .replace(`target: ${from}\n`, `target: ${to}\n`)
    .replace("start: 2026-07-01", "start: 2027-01-01")
    .replace("end: 2026-12-31", "end: 2027-06-30");
  writeFileSync(join(dir, "new.yaml"), next);
  return dir;
}

const lines = (...rows: string[]) => rows.join("\n") + "\n";

describe("sla diff in German, Turkish and Japanese", () => {
  it("German text, from LANG", () => {
    const result = sla(["diff", "old.yaml", "new.yaml"], { cwd: proposal("de", '"25 %"', '"23 %"'), env: { LANG: "de_DE.UTF-8" } });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      lines(
        "old.yaml (2026.2, 2026-07-01 – 2026-12-31) → new.yaml (2026.2, 2027-01-01 – 2027-06-30)",
        "",
        "Vereinbarung",
        "  ~ reviewPeriod.start: 2026-07-01 → 2027-01-01",
        "  ~ reviewPeriod.end: 2026-12-31 → 2027-06-30",
        "",
        "KPI-Zielwerte",
        '  ~ KPI `close-rate` "Schließquote (Angebot → Auftrag)" target: 25\u00a0% → 23\u00a0% (−2 Pp.)  (gesenkt, gelockert)',
        "",
        "Funnel-Berechnung: benötigte Mengen pro Monat",
        "  ~ Angebote: 34 → 37 pro Monat (+3, +8,8\u00a0%)  (erhöht)",
        "  ~ SQLs: 56 → 61 pro Monat (+5, +8,9\u00a0%)  (erhöht)",
        "  ~ MQLs: 140 → 152 pro Monat (+12, +8,6\u00a0%)  (erhöht)",
        "  ~ Leads: 398 → 434 pro Monat (+36, +9\u00a0%)  (erhöht)",
        "  ~ Website-Besuche: 19.884 → 21.667 pro Monat (+1.783, +9\u00a0%)  (erhöht)",
        "",
        "Prüfungen zum neuen Überprüfungszeitraum",
        "  ! die Version wurde nicht erhöht (2026.2 → 2026.2); Version erhöhen, damit sich die unterschriebenen Exemplare unterscheiden lassen",
        "",
        "3 Änderungen: 1 gelockert, 2 geändert, 1 Problem beim neuen Überprüfungszeitraum",
      ),
    );
  });

  it("German Markdown, from the agreement's language (de-DE) with no locale set", () => {
    const out = sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: proposal("de", '"25 %"', '"23 %"') }).stdout;
    expect(out).toContain(
      lines(
        "Überprüfungszeitraum: 2026-07-01 – 2026-12-31 → 2027-01-01 – 2027-06-30  ",
        "Verglichen: `old.yaml` → `new.yaml`",
        "",
        "**3 Änderungen: 1 gelockert, 2 geändert, 1 Problem beim neuen Überprüfungszeitraum**",
        "",
        "### KPI-Zielwerte",
        "",
        "| KPI | Alt | Neu | Änderung | Wirkung |",
        "| --- | ---: | ---: | ---: | --- |",
        "| Schließquote (Angebot → Auftrag) (`close-rate`) | 25\u00a0% | 23\u00a0% | −2 Pp. | gelockert |",
        "",
        "### Funnel-Berechnung: benötigte Mengen pro Monat",
        "",
        "| Menge | Alt | Neu | Änderung |",
        "| --- | ---: | ---: | ---: |",
        "| Angebote | 34 | 37 | +3, +8,8\u00a0% |",
      ),
    );
    expect(out).toContain("| Website-Besuche | 19.884 | 21.667 | +1.783, +9\u00a0% |");
    expect(out).toContain("### Prüfungen zum neuen Überprüfungszeitraum\n\n- ⚠️ die Version wurde nicht erhöht (2026.2 → 2026.2);");
  });

  it("Turkish text and Markdown", () => {
    const dir = proposal("tr", '"30%"', '"28%"');
    const text = sla(["diff", "old.yaml", "new.yaml"], { cwd: dir, env: { LC_ALL: "tr_TR.UTF-8" } }).stdout;
    expect(text).toContain(
      lines(
        "Sözleşme",
        "  ~ reviewPeriod.start: 2026-07-01 → 2027-01-01",
        "  ~ reviewPeriod.end: 2026-12-31 → 2027-06-30",
        "",
        "KPI hedefleri",
        '  ~ KPI `kapanış-oranı` "Kapanış oranı (teklif -> kazanılan)" target: %30 → %28 (−2 puan)  (düşürüldü, gevşetildi)',
        "",
        "Huni hesaplaması: aylık gereken hacimler",
        "  ~ teklif sayısı: aylık 34 → 36 (+2, +%5,9)  (yükseltildi)",
      ),
    );
    expect(text).toContain(
      lines(
        "Yeni gözden geçirme dönemi kontrolleri",
        "  ! sürüm artırılmadı (2026.2 → 2026.2); imzalı kopyaların birbirinden ayırt edilebilmesi için sürümü artırın",
        "",
        "3 değişiklik: 1 gevşetildi, 2 değişti, yeni gözden geçirme döneminde 1 sorun",
      ),
    );
    const markdown = sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: dir }).stdout;
    expect(markdown).toContain("Gözden geçirme dönemi: 2026-07-01 – 2026-12-31 → 2027-01-01 – 2027-06-30  \nKarşılaştırılan: `old.yaml` → `new.yaml`\n");
    expect(markdown).toContain(
      "| KPI | Eski | Yeni | Değişim | Etkisi |\n| --- | ---: | ---: | ---: | --- |\n| Kapanış oranı (teklif -&gt; kazanılan) (`kapanış-oranı`) | %30 | %28 | −2 puan | gevşetildi |\n",
    );
    expect(markdown).toContain("| Hacim | Eski | Yeni | Değişim |");
    expect(markdown).toContain("- `reviewPeriod.start`: 2026-07-01 → **2027-01-01**");
  });

  it("Japanese text and Markdown", () => {
    const dir = proposal("ja", '"30%"', '"28%"');
    const text = sla(["diff", "old.yaml", "new.yaml"], { cwd: dir, env: { LANG: "ja_JP.UTF-8" } }).stdout;
    expect(text).toContain(
      lines(
        "KPI目標",
        '  ~ KPI `成約率` "成約率（提案 → 受注）" target: 30% → 28% (−2 ポイント)  (引き下げ、緩和)',
        "",
        "ファネル計算：月あたりの必要数",
        "  ~ 提案数: 月あたり 34 → 36 (+2, +5.9%)  (引き上げ)",
      ),
    );
    expect(text).toContain(
      lines(
        "新しい見直し期間のチェック",
        "  ! バージョンが上がっていません（2026.2 → 2026.2）。署名済みの版を区別できるよう、バージョンを上げてください",
        "",
        "3 件の変更: 緩和 1 件、変更 2 件、新しい見直し期間の問題 1 件",
      ),
    );
    const markdown = sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: dir }).stdout;
    expect(markdown).toContain(
      lines(
        "見直し期間: 2026-07-01 – 2026-12-31 → 2027-01-01 – 2027-06-30  ",
        "比較対象: `old.yaml` → `new.yaml`",
        "",
        "**3 件の変更: 緩和 1 件、変更 2 件、新しい見直し期間の問題 1 件**",
        "",
        "### KPI目標",
        "",
        "| KPI | 変更前 | 変更後 | 差分 | 影響 |",
        "| --- | ---: | ---: | ---: | --- |",
        "| 成約率（提案 → 受注） (`成約率`) | 30% | 28% | −2 ポイント | 緩和 |",
      ),
    );
  });

  it("names the kinds of change in the language: added, removed, renamed, reordered, no changes", () => {
    const out = sla(["diff", "--locale", "ja", "sla.example.yaml", join(FIXTURES, "diff/proposal.sla.yaml")]).stdout;
    expect(out).toContain("~ ペルソナ `procurement-petra` の名称が変更されました:「Procurement Petra」→「Purchasing Petra」");
    expect(out).toContain("↕ 順序が変更されました。移動: `sql`");
    expect(out).toContain('- リードの種類 `existing-customer-upsell` "Existing customer upsell" が削除されました');
    const markdown = sla(["diff", "-f", "markdown", "--locale", "tr", "sla.example.yaml", join(FIXTURES, "diff/proposal.sla.yaml")]).stdout;
    expect(markdown).toContain("- **Yeniden adlandırıldı** persona `procurement-petra`: Procurement Petra → **Purchasing Petra**");
    expect(markdown).toContain('- **Kaldırıldı** lead türü `existing-customer-upsell` "Existing customer upsell"');
    expect(sla(["diff", "--locale", "de", EXAMPLE, EXAMPLE]).stdout).toMatch(/\nKeine Änderungen\.\n$/);
  });
});

describe("which language sla diff speaks", () => {
  it("text follows the user's locale, not the agreement's; Markdown the agreement's; --locale both", () => {
    const dir = proposal("ja", '"30%"', '"28%"');
    expect(sla(["diff", "old.yaml", "new.yaml"], { cwd: dir }).stdout).toContain("\nKPI targets\n");
    expect(sla(["diff", "old.yaml", "new.yaml"], { cwd: dir, env: { LANG: "de_DE.UTF-8" } }).stdout).toContain("\nKPI-Zielwerte\n");
    expect(sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: dir, env: { LANG: "de_DE.UTF-8" } }).stdout).toContain("### KPI目標");
    expect(sla(["diff", "-f", "markdown", "--locale", "en", "old.yaml", "new.yaml"], { cwd: dir }).stdout).toContain("### KPI targets");
    expect(sla(["diff", "--locale", "tr", "old.yaml", "new.yaml"], { cwd: dir, env: { LANG: "de_DE.UTF-8" } }).stdout).toContain("\nKPI hedefleri\n");
  });

  it("Markdown of an agreement in a language sla does not speak is English", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "old.yaml"), readFileSync(EXAMPLE, "utf8").replace("language: en", "language: fr"));
    writeFileSync(join(dir, "new.yaml"), readFileSync(EXAMPLE, "utf8").replace("language: en", "language: fr").replace("target: 25%", "target: 30 %"));
    expect(sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: dir }).stdout).toContain("### KPI targets");
  });

  it("JSON keeps its ids in every language and carries each note's id and arguments beside the wording", () => {
    const dir = proposal("ja", '"30%"', '"28%"');
    const report = (locale: string) => JSON.parse(sla(["diff", "-f", "json", "--locale", locale, "old.yaml", "new.yaml"], { cwd: dir }).stdout);
    const [en, de] = [report("en"), report("de")];
    expect(de.version).toBe(1);
    const reset = (r: { changes: { section: string; note: string | null }[] }) => r.changes.find((c) => c.section === "reset")!;
    expect(reset(de)).toMatchObject({
      classes: ["reset"],
      noteId: "diff/reset.version-not-increased",
      noteArgs: { before: "2026.2", after: "2026.2" },
      note: "die Version wurde nicht erhöht (2026.2 → 2026.2); Version erhöhen, damit sich die unterschriebenen Exemplare unterscheiden lassen",
    });
    expect(reset(en).note).toBe("the version did not increase (2026.2 → 2026.2); raise it so the signed copies can be told apart");
    // Apart from the worded notes, the two reports are the same.
    const withoutNotes = (r: { changes: object[] }) => ({ ...r, changes: r.changes.map((c) => ({ ...c, note: undefined })) });
    expect(withoutNotes(de)).toEqual(withoutNotes(en));
    expect(en.changes.find((c: { field: string }) => c.field === "target")).toMatchObject({
      classes: ["changed", "lowered", "loosened"],
      unit: "percent",
      note: null,
      noteId: null,
      noteArgs: null,
    });
  });

  it.each([
    ["fr", "sla: --locale: sla does not speak `fr`; choose one of en, de, tr, ja\n"],
    ["ja_JP!", "sla: --locale: `ja_JP!` is not a language tag (e.g. en, de-DE, tr, ja)\n"],
  ])("--locale %s is a usage error", (locale, stderr) => {
    expect(sla(["diff", "--locale", locale, EXAMPLE, EXAMPLE])).toMatchObject({ code: 2, stdout: "", stderr });
  });
});

describe("sla diff: percentages, probabilities and durations written as text are numbers", () => {
  it("30 % → 28 % with its delta in points, in every format, not as changed words", () => {
    const dir = tempDir();
    const example = readFileSync(EXAMPLE, "utf8");
    writeFileSync(join(dir, "old.yaml"), example.replace("target: 25%", "target: 30 %").replace("probability: 0.5\n", "probability: 50 %\n"));
    writeFileSync(
      join(dir, "new.yaml"),
      example
        .replace("target: 25%", "target: 28 %")
        .replace("probability: 0.5\n", "probability: 55 %\n")
        .replace("timeToFirstAttempt: 4 business hours", "timeToFirstAttempt: 2 business hours"),
    );
    const text = sla(["diff", "old.yaml", "new.yaml"], { cwd: dir }).stdout;
    expect(text).not.toContain("[-");
    expect(text).toContain("target: 30% → 28% (−2 pp)  (lowered, loosened)");
    expect(text).toContain("probability: 50% → 55% (+5 pp)  (raised)");
    expect(text).toContain("~ timeToFirstAttempt: 4 business hours → 2 business hours (−2 business hours, −50%)  (lowered, tightened)");
    const markdown = sla(["diff", "-f", "markdown", "old.yaml", "new.yaml"], { cwd: dir }).stdout;
    expect(markdown).not.toContain("<del>");
    expect(markdown).toContain("| 30% | 28% | −2 pp | loosened |");
    expect(markdown).toContain("`probability`: 50% → **55%** (+5 pp) _(raised)_");
    const json = JSON.parse(sla(["diff", "-f", "json", "old.yaml", "new.yaml"], { cwd: dir }).stdout);
    const byField = Object.fromEntries(json.changes.filter((c: { section: string }) => c.section !== "funnel").map((c: { field: string }) => [c.field, c]));
    expect(byField.target).toMatchObject({ unit: "percent", delta: { absolute: -0.02 }, words: null });
    expect(byField.probability).toMatchObject({ unit: "percent", delta: { absolute: 0.05, relative: 0.1 }, words: null });
    expect(byField.timeToFirstAttempt).toMatchObject({
      unit: "business-hours",
      delta: { absolute: -2, relative: -0.5 },
      classes: ["changed", "lowered", "tightened"],
      words: null,
    });
    // In German, the same numbers in German.
    expect(sla(["diff", "--locale", "de", "old.yaml", "new.yaml"], { cwd: dir }).stdout).toContain(
      "target: 30\u00a0% → 28\u00a0% (−2 Pp.)  (gesenkt, gelockert)",
    );
  });
});

describe("sla diff's own errors in the user's language", () => {
  it("an unknown --fail-on class, in German and Japanese", () => {
    expect(sla(["diff", "--fail-on", "worse", EXAMPLE, EXAMPLE], { env: { LANG: "de_DE.UTF-8" } })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^sla: --fail-on: `worse` ist keine Änderungsklasse; eine davon verwenden: any, added/),
    });
    expect(sla(["diff", "--locale", "ja", "--fail-on", "", EXAMPLE, EXAMPLE]).stderr).toMatch(/^sla: --fail-on: 変更クラスを 1 つ以上指定してください: any/);
  });

  it("a side that is not a well-formed SLA, in Turkish", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.yaml"), readFileSync(EXAMPLE, "utf8").replace("direction: higher", "direction: up"));
    const result = sla(["diff", "--locale", "tr", EXAMPLE, join(dir, "bad.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sla: karşılaştırılamıyor: .*bad\.yaml:\d+:\d+: .*; hepsini görmek için: sla validate .*bad\.yaml\n$/);
  });
});
