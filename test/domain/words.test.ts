// The words the readers accept (locales/<language>/words.json): the schema and the parser
// take every one of them, in any case, and agree on what they do not take.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseDuration, type UnitKind } from "../../src/domain/duration.js";
import { toFraction } from "../../src/domain/percent.js";
import { monthsInPeriod, parseDate, targetMonths } from "../../src/domain/period.js";
import { LANGUAGES } from "../../src/i18n/languages.js";
import { loadPrecompiled } from "../../src/validate/precompiled.js";
import { EXAMPLE, ROOT } from "../helpers/cli.js";
// @ts-expect-error: the build script is plain JavaScript.
import * as generator from "../../scripts/words.mjs";

interface Words {
  duration: Record<UnitKind, string[]>;
  percent: string[];
}
const { readWords, schemaWithWords, generateWordsModule, unitTable } = generator as {
  readWords: (root: string) => Record<string, Words>;
  schemaWithWords: (schema: unknown, words: Record<string, Words>) => unknown;
  generateWordsModule: (words: Record<string, Words>) => string;
  unitTable: (words: Record<string, Words>) => Map<string, { kind: UnitKind }>;
};

const WORDS = readWords(ROOT);
const SCHEMA_TEXT = readFileSync(join(ROOT, "schemas/sla.schema.json"), "utf8");
const SCHEMA = JSON.parse(SCHEMA_TEXT) as { $defs: Record<string, { pattern: string }> };
const HOURS: Record<UnitKind, number> = { minute: 1 / 60, hour: 1, day: 24, week: 168, businessHour: 1, businessDay: 8 };

/** The built validator (what `sla validate` runs), over the example with one value replaced. */
const validator = loadPrecompiled<(data: unknown) => boolean>(join(ROOT, "dist/validate/schema-validator.cjs"));
const example = parse(readFileSync(EXAMPLE, "utf8")) as { connectAttempt: { window: string }; dealStages: { probability: unknown }[] };
function schemaAccepts(field: "duration" | "percent", value: string): boolean {
  const doc = structuredClone(example);
  if (field === "duration") doc.connectAttempt.window = value;
  else doc.dealStages[0]!.probability = value;
  return validator(doc);
}

/** A word as people type it: as written, lower case, upper case and capitalised, Turkish and not, full-width. */
function caseVariants(word: string): string[] {
  const capitalise = (text: string, locale?: string) =>
    text.replace(/(^|\s)(\S)/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase(locale));
  const fullWidth = (text: string) => text.replace(/[A-Za-z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 0xfee0));
  return [
    ...new Set([
      word,
      word.toLowerCase(),
      word.toUpperCase(),
      word.toLocaleUpperCase("tr"),
      capitalise(word),
      capitalise(word, "tr"),
      capitalise(word.toLowerCase(), "tr"),
      fullWidth(word),
    ]),
  ];
}

const NUMBERS: [string, number][] = [
  ["4", 4],
  ["１２", 12],
  ["2,5", 2.5],
  ["0.5", 0.5],
];

it("LANGUAGES each have a words file", () => {
  expect(Object.keys(WORDS).sort()).toEqual([...LANGUAGES].sort());
});

it("the schema's patterns and src/domain/words.generated.ts are generated from the words (`npm run build` writes them)", () => {
  expect(SCHEMA_TEXT).toBe(JSON.stringify(schemaWithWords(SCHEMA, WORDS), null, 2) + "\n");
  expect(readFileSync(join(ROOT, "src/domain/words.generated.ts"), "utf8")).toBe(generateWordsModule(WORDS));
});

describe.each(Object.keys(WORDS))("duration units in %s", (language) => {
  const cases = Object.entries(WORDS[language]!.duration).flatMap(([kind, spellings]) =>
    spellings.flatMap((spelling) => caseVariants(spelling).map((variant) => [kind as UnitKind, variant] as const)),
  );
  it.each(cases)("%s: %s, with each number and spacing, read by the schema and the parser alike", (kind, variant) => {
    for (const [digits, value] of NUMBERS) {
      for (const text of [`${digits}${variant}`, `${digits} ${variant}`, ` ${digits}\u3000${variant.replace(/ /g, "  ")} `]) {
        expect(schemaAccepts("duration", text), text).toBe(true);
        expect(parseDuration(text), text).toMatchObject({ value, hours: value * HOURS[kind], business: kind.startsWith("business") });
      }
    }
  });
});

describe.each(Object.keys(WORDS))("percent notations in %s", (language) => {
  it.each(WORDS[language]!.percent)("%s", (notation) => {
    for (const [digits, fraction] of [
      ["25", 0.25],
      ["２５", 0.25],
      ["2,5", 0.025],
      ["-3", -0.03],
      ["0.5", 0.005],
    ] as const) {
      const text = notation.replace("{n}", digits);
      expect(schemaAccepts("percent", text), text).toBe(true);
      expect(toFraction(text), text).toBeCloseTo(fraction, 12);
    }
  });
});

describe("units in capitals or another spelling (Turkish İ and ı fold to i)", () => {
  it.each([
    ["2 İş Saati", 2, "hour", true],
    ["2 İŞ SAATİ", 2, "hour", true],
    ["2 Iş saati", 2, "hour", true],
    ["2 işgünü", 2, "day", true],
    ["2 İşgünü", 2, "day", true],
    ["2 Business Days", 2, "day", true],
    ["2 BUSINESS DAYS", 2, "day", true],
    ["4 Hours", 4, "hour", false],
    ["3日間", 3, "day", false],
    ["30分間", 30, "minute", false],
    ["10 Werktagen", 10, "day", true],
    ["5 GESCHÄFTSTAGE", 5, "day", true],
    ["４時間", 4, "hour", false],
    ["４ｈ", 4, "hour", false],
    ["２ｗｅｅｋｓ", 2, "week", false],
  ] as const)("%s", (text, value, unit, business) => {
    expect(schemaAccepts("duration", text)).toBe(true);
    expect(parseDuration(text)).toMatchObject({ value, unit, business, text });
  });

  it.each(["4", "h", "4 hourz", "2 business weeks", "4 h h", "-4h", "4 iş", "2 Werk tage"])("%j is neither in the schema nor read", (text) => {
    expect(schemaAccepts("duration", text)).toBe(false);
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each(["25", "25%%", "% 25 %", "25 percent", "25‰"])("percent %j is neither in the schema nor read as a string", (text) => {
    expect(schemaAccepts("percent", text)).toBe(false);
    expect(toFraction(text)).toBeUndefined();
  });
});

it("what `sla render` writes for a business duration is read back, in every language", () => {
  for (const language of LANGUAGES) {
    const labels = JSON.parse(readFileSync(join(ROOT, "locales", language, "labels.json"), "utf8")) as { values: Record<string, string> };
    for (const [key, kind, n] of [
      ["businessHour", "businessHour", 1],
      ["businessHours", "businessHour", 4],
      ["businessDay", "businessDay", 1],
      ["businessDays", "businessDay", 10],
    ] as const) {
      const text = labels.values[key]!.replace("{n}", String(n));
      expect(schemaAccepts("duration", text), text).toBe(true);
      expect(parseDuration(text), text).toMatchObject({ hours: n * HOURS[kind], business: true });
    }
  }
});

it("a word that means two units in two languages stops the build", () => {
  const clash = { en: { duration: { minute: ["m"] }, percent: [] }, xx: { duration: { week: ["M"] }, percent: [] } } as unknown as Record<string, Words>;
  expect(() => unitTable(clash)).toThrow("`M` is a week here but a minute in locales/en/words.json");
});

describe("the months a target is kept over", () => {
  it.each([
    ["2026-07-01", "2026-12-31", 6],
    ["2026-07-01", "2026-12-30", 6], // a day short
    ["2026-07-01", "2026-12-28", 6],
    ["2026-07-01", "2027-01-01", 6], // the next period's first day
    ["2026-01-15", "2026-07-13", 6],
    ["2026-02-01", "2026-02-27", 1],
    ["2026-07-01", "2026-12-15", monthsInPeriod(parseDate("2026-07-01")!, parseDate("2026-12-15")!)], // five and a half: prorated
    ["2026-07-01", "2026-12-27", monthsInPeriod(parseDate("2026-07-01")!, parseDate("2026-12-27")!)],
    ["2026-07-01", "2026-07-02", 2 / 31],
  ])("%s..%s -> %d", (start, end, months) => {
    expect(targetMonths(parseDate(start)!, parseDate(end)!)).toBeCloseTo(months, 10);
  });
});
