// What users hit when writing an agreement by hand, in each language: every case names the
// cause and the fix. Asserted by message id and arguments; the wording per language is shown
// in test/cli/schema-locale.test.ts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings.js";
import { readFast } from "../../src/load/fast-reader.js";
import { catalog } from "../../src/i18n/catalog.js";
import { parseSla } from "../../src/load/parse.js";
import { lowerCase, closestMatch } from "../../src/util/did-you-mean.js";
import { describeProblems, structuralFindings, validateParsed } from "../../src/validate/index.js";
import { EXAMPLE, ROOT } from "../helpers/cli.js";

const TEXT = readFileSync(EXAMPLE, "utf8");

/** The example with one line changed: `from` (its first occurrence after `after`) becomes `to`. */
function edit(from: string, to: string, after = ""): string {
  const at = TEXT.indexOf(from, TEXT.indexOf(after));
  if (at < 0) throw new Error(`not in the example: ${from}`);
  return TEXT.slice(0, at) + to + TEXT.slice(at + from.length);
}

function findings(text: string, locale?: string): Finding[] {
  return validateParsed(parseSla("sla.yaml", text), undefined, locale === undefined ? {} : { locale });
}

/** The findings' ids, arguments and hints, without the wording. */
function ids(text: string): unknown[] {
  return findings(text).map(({ ruleId, messageId, args, hintId, hintArgs, start }) => ({ ruleId, messageId, args, hintId, hintArgs, line: start?.line }));
}

describe("numbers as people type them", () => {
  it.each([
    ["points in full-width digits", "      points: 15\n", "      points: １５\n"],
    ["a target in full-width digits", "    target: 60\n", "    target: ６０\n"],
    ["a negative number of points in full-width digits", "      points: -30\n", "      points: -３０\n"],
    ["a decimal target with a full-width point", "    target: 0.4\n", "    target: ０．４\n"],
  ])("%s reads as the number", (_name, from, to) => {
    const parsed = parseSla("sla.yaml", edit(from, to));
    expect(validateParsed(parsed)).toEqual([]);
    // The rules see the same agreement as with ASCII digits.
    expect(parsed.data).toEqual(parseSla("sla.yaml", TEXT).data);
  });

  it("full-width digits stay text where the schema takes text", () => {
    const parsed = parseSla("sla.yaml", edit("  name: Anatolia Pumps Marketing & Sales Service Level Agreement\n", "  name: ２０２６\n"));
    expect(validateParsed(parsed)).toEqual([]);
    expect((parsed.data as { agreement: { name: unknown } }).agreement.name).toBe("２０２６");
  });

  it("the fast reader and yaml agree on full-width digits", () => {
    const text = edit("      points: 15\n", "      points: １５\n");
    expect(readFast(text)).toBeDefined();
    const fromFast = parseSla("sla.yaml", text);
    // A comment the fast reader leaves to yaml: the same file through the other reader.
    const fromYaml = parseSla("sla.yaml", `${text}\n# &anchor\n`);
    expect(validateParsed(fromFast)).toEqual([]);
    expect(validateParsed(fromYaml)).toEqual([]);
    expect(fromFast.data).toEqual(fromYaml.data);
  });

  it("a decimal comma is explained, with the number to write", () => {
    expect(ids(edit("    target: 60\n", "    target: 95,50\n"))).toEqual([
      {
        ruleId: "schema/format",
        messageId: "schema/decimal-comma",
        args: { field: "`target`", written: "95,50" },
        hintId: "schema/write-instead",
        hintArgs: { fixed: "95.50" },
        line: 468,
      },
    ]);
  });

  it("thousands separators are explained, with the number to write", () => {
    expect(ids(edit("    target: 1800000\n", "    target: 1,800,000\n"))).toEqual([
      {
        ruleId: "schema/format",
        messageId: "schema/thousands-separator",
        args: { field: "`target`", written: "1,800,000" },
        hintId: "schema/write-instead",
        hintArgs: { fixed: "1800000" },
        line: 440,
      },
    ]);
  });

  it("a decimal comma where only a whole number fits is explained as well", () => {
    expect(ids(edit("      points: 15\n", "      points: 15,5\n"))).toEqual([
      expect.objectContaining({
        ruleId: "schema/type",
        messageId: "schema/decimal-comma",
        args: { field: "`points`", written: "15,5" },
        hintArgs: { fixed: "15.5" },
      }),
    ]);
  });
});

describe("text YAML reads as something else", () => {
  it("a list item with `: ` in it: quote it", () => {
    const text = edit("    - Not covered yet; after-sales", "    - Nicht erfasst: after-sales");
    expect(ids(text)).toEqual([
      {
        ruleId: "schema/type",
        messageId: "schema/text-read-as-mapping",
        args: { field: "`scope[3]`", written: "Nicht erfasst: after-sales field service (planned for version 2027.1)." },
        hintId: "schema/quote-it",
        hintArgs: { quoted: '- "Nicht erfasst: after-sales field service (planned for version 2027.1)."' },
        line: 33,
      },
    ]);
  });

  it("a version YAML reads as a number: quote it", () => {
    expect(ids(edit('  version: "2026.2"\n', "  version: 2026.10\n"))).toEqual([
      expect.objectContaining({
        messageId: "schema/text-read-as-number",
        args: { field: "`version`", written: "2026.10", number: "2026.1" },
        hintArgs: { quoted: 'version: "2026.10"' },
      }),
    ]);
  });
});

describe("values one step from a valid one", () => {
  it.each([
    ["2026-09-31", "September", 30, "2026-09-30"],
    ["2027-02-29", "February", 28, "2027-02-28"],
    ["2028-02-30", "February", 29, "2028-02-29"],
  ])("%s: says how many days the month has", (date, month, days, last) => {
    expect(ids(edit("  effectiveDate: 2026-07-01\n", `  effectiveDate: ${date}\n`))).toEqual([
      {
        ruleId: "schema/format",
        messageId: "schema/date-day",
        args: { date, month, days },
        hintId: "schema/date-day.hint",
        hintArgs: { month, last },
        line: 21,
      },
    ]);
  });

  it("the month is named in the reader's language", () => {
    const text = edit("  effectiveDate: 2026-07-01\n", "  effectiveDate: 2026-09-31\n");
    expect(findings(text, "tr")[0]).toMatchObject({ args: { month: "Eylül" }, message: "`2026-09-31` geçerli bir tarih değil: Eylül ayı 30 gün çeker" });
    expect(findings(text, "ja")[0]).toMatchObject({ args: { month: "9月" }, message: "`2026-09-31` は存在しない日付です。9月は30日までです" });
  });

  it.each([
    ["Marketing", "marketing"],
    ["Pazarlama", "pazarlama"],
    ["SATIŞ", "satış"],
    ["İŞ-ORTAĞI", "iş-ortağı"],
  ])("an id written with capitals (%s): did you mean the lower-case id", (written, meant) => {
    const text = edit("    owner: marketing\n", `    owner: ${written}\n`, "lifecycleStages:");
    expect(ids(text)).toEqual([expect.objectContaining({ ruleId: "schema/format", hintId: "schema/id-lower-case", hintArgs: { suggestion: meant } })]);
  });

  it.each([
    ["TL", "TRY"],
    ["€", "EUR"],
    ["eur", "EUR"],
    ["Yen", "JPY"],
  ])("currency: %s: did you mean %s", (written, code) => {
    expect(ids(edit("  currency: EUR\n", `  currency: ${written}\n`))).toEqual([
      expect.objectContaining({ ruleId: "schema/format", hintId: "schema/did-you-mean", hintArgs: { suggestion: code } }),
    ]);
  });
});

describe("names compared without case", () => {
  it.each([
    ["Pazarlama", "pazarlama"],
    ["İŞ", "iş"],
    ["IŞIK", "ışık"],
    ["Marketing", "marketing"],
    ["INFO", "info"],
  ])("%s in lower case is %s", (name, lower) => {
    expect(lowerCase(name)).toBe(lower);
  });

  it("suggests the id written in lower case, Turkish capitals included", () => {
    expect(closestMatch("İş-Ortağı", ["pazarlama", "iş-ortağı"])).toBe("iş-ortağı");
    expect(closestMatch("Pazarlama", ["pazarlama", "satış"])).toBe("pazarlama");
  });
});

describe("schema findings in the reader's language", () => {
  const text = edit("    owner: marketing\n", "    ownr: marketing\n", "lifecycleStages:");
  it.each([
    ["en", "unknown property `ownr` in lifecycle stage `subscriber`", "did you mean `owner`?"],
    ["de", "unbekannter Schlüssel `ownr` in Lebenszyklusphase `subscriber`", "vielleicht `owner`?"],
    ["tr", "`subscriber` yaşam döngüsü aşaması içinde bilinmeyen alan `ownr`", "`owner` mi demek istediniz?"],
    ["ja", "ライフサイクルステージ `subscriber` に不明なプロパティ `ownr` があります", "`owner` のことですか？"],
  ])("%s", (locale, message, hint) => {
    const finding = findings(text, locale).find((f) => f.ruleId === "schema/unknown-property");
    expect(finding).toMatchObject({ messageId: "schema/unknown-property", message, hintId: "schema/did-you-mean", hint });
    expect(finding!.args).toEqual({ property: "ownr", place: expect.any(String) });
  });
});

describe("indentation YAML takes for part of a key", () => {
  it("full-width spaces before a key at the start of a line: the key YAML reads has them in its name", () => {
    const text = `${TEXT}\u3000\u3000notes: x\n`;
    expect(ids(text)).toEqual([
      expect.objectContaining({
        ruleId: "schema/unknown-property",
        messageId: "yaml/full-width-indent",
        args: { key: "notes" },
        hintId: "yaml/full-width-indent.hint",
      }),
    ]);
  });
});

describe("YAML findings in the reader's language", () => {
  it.each([
    ["en", "tab used for indentation before `owner`"],
    ["de", "Tabulator zur Einrückung vor `owner` verwendet"],
    ["tr", "`owner` önündeki girintide sekme karakteri kullanılmış"],
    ["ja", "`owner` の前のインデントにタブが使われています"],
  ])("%s: worded again from the id and arguments found when the file was read", (locale, message) => {
    const text = edit("    owner: marketing\n", "\towner: marketing\n", "lifecycleStages:");
    const [first] = findings(text, locale);
    expect(first).toMatchObject({ ruleId: "yaml/syntax", messageId: "yaml/tab-indent.before", args: { key: "owner" }, message });
    expect(first!.hint).toMatch(/5/);
  });
});

describe("the first structural problem, as diff and fingerprint say it", () => {
  it.each([
    ["en", "sla.yaml:21:18: `2026-09-31` is not a date: September has 30 days (and 1 more); see them all with: sla validate sla.yaml"],
    ["de", "sla.yaml:21:18: `2026-09-31` ist kein gültiges Datum: der September hat 30 Tage (und 1 weitere); alle anzeigen mit: sla validate sla.yaml"],
    ["ja", "sla.yaml:21:18: `2026-09-31` は存在しない日付です。9月は30日までです（ほか 1 件）; すべて表示するには: sla validate sla.yaml"],
  ])("%s", (locale, said) => {
    const text = edit("    target: 60\n", "    target: 95,50\n").replace("  effectiveDate: 2026-07-01\n", "  effectiveDate: 2026-09-31\n");
    const problems = structuralFindings(parseSla("sla.yaml", text), locale);
    expect(describeProblems("sla.yaml", problems, { id: "cli/see-all", args: { command: "sla validate sla.yaml" } }, locale)).toBe(said);
  });
});

describe("the words a schema message is made of", () => {
  it("every title in the schema has its wording (the place a message names)", () => {
    const schema = readFileSync(`${ROOT}/schemas/sla.schema.json`, "utf8");
    const titles = [...schema.matchAll(/"title": "([^"]+)"/g)].map((m) => `schema/title.${m[1]!.toLowerCase().replace(/[^a-z]+/g, "-")}`);
    expect(titles.length).toBeGreaterThan(20);
    expect(titles.filter((id) => !catalog("en").has(id))).toEqual([]);
  });

  it("every kind of value with a hint has its wording", () => {
    const ids = ["id", "duration", "percent", "date", "version", "language", "currency", "target"].map((kind) => `schema/hint.${kind}`);
    expect(ids.filter((id) => !catalog("en").has(id))).toEqual([]);
  });
});
