// Schema and YAML messages as a German, Turkish and Japanese user sees them: a few wording
// snapshots per language (other tests assert ids and arguments).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const TEXT = readFileSync(EXAMPLE, "utf8");

function fileWith(from: string, to: string, after = ""): string {
  const at = TEXT.indexOf(from, TEXT.indexOf(after));
  const file = join(tempDir(), "sla.yaml");
  writeFileSync(file, TEXT.slice(0, at) + to + TEXT.slice(at + from.length));
  return file;
}

/** The finding lines and help lines `sla validate` prints. */
function said(locale: string, file: string): string[] {
  const result = sla(["validate", "--locale", locale, file]);
  expect(result.code).toBe(1);
  return result.stdout
    .split("\n")
    .filter((line) => /^(error|warning)\[|= help:/.test(line))
    .map((line) => line.trim());
}

describe("what users hit, in their language", () => {
  it("a tab as indentation", () => {
    const file = fileWith("    owner: marketing\n", "\towner: marketing\n", "lifecycleStages:");
    expect(said("de", file)[0]).toBe("error[yaml/syntax]: Tabulator zur Einrückung vor `owner` verwendet");
    expect(said("tr", file)[0]).toBe("error[yaml/syntax]: `owner` önündeki girintide sekme karakteri kullanılmış");
  });

  it("full-width spaces as indentation", () => {
    const file = fileWith("    owner: marketing\n", "\u3000\u3000\u3000owner: marketing\n", "lifecycleStages:");
    expect(said("ja", file)).toEqual([
      "error[yaml/syntax]: `owner` の前のインデントに全角スペース（U+3000）が使われています",
      "= help: インデントには半角スペースを使ってください。YAML は全角スペースをテキストの一部として読み取ります（インデントを入力するときは IME を半角英数にしてください）。後続の構文エラー5件は表示していません。多くはこのエラーが原因です。これを修正してから再実行してください",
    ]);
    expect(said("de", file)[0]).toBe("error[yaml/syntax]: Leerzeichen voller Breite (U+3000) zur Einrückung vor `owner` verwendet");
  });

  it("a full-width colon", () => {
    const file = fileWith("    owner: marketing\n", "    owner：marketing\n", "lifecycleStages:");
    expect(said("ja", file)).toEqual([
      "error[yaml/syntax]: `owner` の後ろのコロンが全角の `：` になっているため、YAML は行全体をテキストとして読み取ります",
      "= help: キーと値は半角のコロンとスペースで区切ってください：`owner: marketing`",
    ]);
    expect(said("tr", file)).toEqual([
      "error[yaml/syntax]: `owner` anahtarından sonra tam genişlikte iki nokta `：` geliyor; bu yüzden YAML satırın tamamını metin olarak okuyor",
      "= help: anahtarı ve değeri normal iki nokta üst üste ve bir boşlukla ayırın: `owner: marketing`",
    ]);
  });

  it("full-width digits are numbers", () => {
    const file = fileWith("      points: 15\n", "      points: １５\n");
    const result = sla(["validate", "--locale", "ja", file]);
    expect(result).toMatchObject({ code: 0 });
  });

  it("a decimal comma", () => {
    const file = fileWith("    target: 60\n", "    target: 95,50\n");
    expect(said("de", file)).toEqual([
      "error[schema/format]: `target`: `95,50` hat ein Dezimalkomma, deshalb liest YAML es als Text; Zahlen werden mit Dezimalpunkt geschrieben",
      "= help: `95.50` schreiben",
    ]);
    expect(said("tr", file)[1]).toBe("= help: `95.50` yazın");
  });

  it("a list item read as a mapping", () => {
    const file = fileWith("    - Not covered yet; after-sales", "    - Nicht erfasst: after-sales");
    expect(said("de", file)).toEqual([
      "error[schema/type]: `scope[3]` muss Text sein: YAML liest `Nicht erfasst: after-sales field service (planned for version 2027.1).` wegen des `: ` darin als Schlüssel mit Wert",
      '= help: in Anführungszeichen setzen: `- "Nicht erfasst: after-sales field service (planned for version 2027.1)."`',
    ]);
  });

  it("an id with a capital", () => {
    const file = fileWith("    owner: marketing\n", "    owner: Marketing\n", "lifecycleStages:");
    expect(said("tr", file)).toEqual([
      "error[schema/format]: metin `Marketing` geçerli bir değer değil (kimlik)",
      "= help: kimlikler küçük harfle yazılır: `marketing` mi demek istediniz?",
    ]);
    expect(said("ja", file)[1]).toBe("= help: ID は小文字で書きます。`marketing` のことですか？");
  });

  it("a day the month does not have", () => {
    const file = fileWith("  effectiveDate: 2026-07-01\n", "  effectiveDate: 2026-09-31\n");
    expect(said("de", file)).toEqual([
      "error[schema/format]: `2026-09-31` ist kein gültiges Datum: der September hat 30 Tage",
      "= help: der letzte Tag im September ist der `2026-09-30`",
    ]);
    expect(said("ja", file)[0]).toBe("error[schema/format]: `2026-09-31` は存在しない日付です。9月は30日までです");
    expect(said("en", file)).toEqual([
      "error[schema/format]: `2026-09-31` is not a date: September has 30 days",
      "= help: the last day of September is `2026-09-30`",
    ]);
  });

  it("a currency's common name", () => {
    const file = fileWith("  currency: EUR\n", "  currency: TL\n");
    expect(said("tr", file)).toEqual(["error[schema/format]: metin `TL` geçerli bir değer değil (para birimi kodu)", "= help: `TRY` mi demek istediniz?"]);
  });

  it("the user's locale from the environment, and ids and arguments in JSON", () => {
    const file = fileWith("    owner: marketing\n", "\towner: marketing\n", "lifecycleStages:");
    expect(sla(["validate", file], { env: { LANG: "tr_TR.UTF-8" } }).stdout).toContain("sekme karakteri");
    const json = JSON.parse(sla(["validate", "--locale", "de", "-f", "json", file]).stdout);
    expect(json.files[0].findings[0]).toMatchObject({
      ruleId: "yaml/syntax",
      messageId: "yaml/tab-indent.before",
      args: { key: "owner" },
      message: "Tabulator zur Einrückung vor `owner` verwendet",
      hintId: "yaml/tab-indent.hint",
      hintArgs: { hiddenErrors: 5 },
    });
  });
});
