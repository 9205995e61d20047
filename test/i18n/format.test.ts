import { describe, expect, it } from "vitest";
import { word } from "../../src/i18n/catalog.js";
import { argumentNames, formatTemplate } from "../../src/i18n/format.js";
import { environmentLocale, languageOf, parseLocaleOption } from "../../src/i18n/languages.js";

describe("formatTemplate", () => {
  it.each([
    ["{n} leads", { n: 1234.5 }, "en", "1,234.5 leads"],
    ["{n} leads", { n: 1234.5 }, "de", "1.234,5 leads"],
    ["{n} leads", { n: 1234.5 }, "tr", "1.234,5 leads"],
    ["{rate, percent}", { rate: 0.25 }, "en", "25%"],
    ["{rate, percent}", { rate: 0.25 }, "tr", "%25"],
    ["{rate, percent}", { rate: 0.25 }, "de", "25\u00a0%"],
    ["{revenue}", { revenue: { amount: 1800000, currency: "EUR" } }, "de", "1.800.000 EUR"],
    ["{ids}", { ids: ["a", "b", "c"] }, "en", "a, b, and c"],
    ["{ids}", { ids: ["a", "b"] }, "de", "a und b"],
    ["{n, plural, one {# file} other {# files}}", { n: 1 }, "en", "1 file"],
    ["{n, plural, one {# file} other {# files}}", { n: 2000 }, "en", "2,000 files"],
    ["{n, plural, =0 {no file} one {# file} other {# files}}", { n: 0 }, "en", "no file"],
    ["{n, plural, other {# 件}}", { n: 3 }, "ja", "3 件"],
    ["{side, select, old {before} other {after}}", { side: "old" }, "en", "before"],
    ["{side, select, old {before} other {after}}", { side: "new" }, "en", "after"],
    ["{missing} stays", {}, "en", "{missing} stays"],
    ["a {brace in text} stays", {}, "en", "a {brace in text} stays"],
  ] as const)("%s with %j in %s", (template, args, locale, expected) => {
    expect(formatTemplate(template, args, locale)).toBe(expected);
  });

  it("words a message given as an argument with the given function, in branches too", () => {
    const nested = { id: "funnel/metric.mqls" };
    const wordNested = (m: { id: string }) => `<${m.id}>`;
    expect(formatTemplate("{n} {what}", { n: 1000, what: nested }, "de", wordNested)).toBe("1.000 <funnel/metric.mqls>");
    expect(formatTemplate("{s, select, a {x {what}} other {}}", { s: "a", what: nested }, "en", wordNested)).toBe("x <funnel/metric.mqls>");
  });

  it("lists the arguments a template uses once each, in branches too, and not the branches' words", () => {
    expect([...argumentNames("{a} {b, plural, one {# {c}} other {{a}}} {d, select, x {Kunden} other {{e, percent}}}")].sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
  });

  it("refuses an unbalanced template", () => {
    expect(() => formatTemplate("{n, plural, one {# file}", { n: 1 }, "en")).toThrow(/unbalanced/);
  });
});

describe("word", () => {
  it("words a message in the locale's language, in English for a language sla does not speak", () => {
    const m = { id: "stages/missing-owner", args: { stage: "mql" } };
    expect(word(m, "de-AT")).toBe("Lebenszyklusphase `mql` hat keinen `owner`");
    expect(word(m, "fr")).toBe("lifecycle stage `mql` has no `owner`");
  });

  it("words nested messages in the same language, to any depth", () => {
    const chain = {
      id: "funnel/explain.step",
      args: {
        previous: {
          id: "funnel/explain.customers",
          args: { revenue: { amount: 1_800_000, currency: "EUR" }, averageDealSize: { amount: 30_000, currency: "EUR" }, customers: 60 },
        },
        rate: 0.25,
        rateName: { id: "funnel/metric.close-rate" },
        needed: 240,
        volume: { id: "funnel/metric.proposals" },
      },
    };
    expect(word(chain, "en")).toBe("1,800,000 EUR revenue ÷ 30,000 EUR average deal = 60 customers ÷ 25% close rate = 240 proposals");
    expect(word(chain, "de")).toBe("1.800.000 EUR Umsatz ÷ 30.000 EUR durchschnittlicher Auftragswert = 60 Kunden ÷ 25\u00a0% Abschlussquote = 240 Angebote");
    expect(word(chain, "tr")).toBe("1.800.000 EUR gelir ÷ 30.000 EUR ortalama satış = 60 müşteri ÷ %25 kapanış oranı = 240 teklif");
    expect(word(chain, "ja")).toBe("売上 1,800,000 EUR ÷ 平均受注額 30,000 EUR = 顧客 60 ÷ 受注率 25% = 提案 240");
  });

  it("gives the bare id of a message no catalog has", () => {
    expect(word({ id: "no/such-message" }, "en")).toBe("no/such-message");
  });
});

describe("the user's language", () => {
  it.each([
    [{ LANG: "tr_TR.UTF-8" }, "tr-TR"],
    [{ LANG: "de_DE.UTF-8", LC_MESSAGES: "ja_JP.UTF-8" }, "ja-JP"],
    [{ LC_ALL: "C", LANG: "de_DE.UTF-8" }, "en"],
    [{ LC_ALL: "POSIX" }, "en"],
    [{ LANG: "fr_FR.UTF-8" }, "en"],
    [{ LANG: "de_DE@euro" }, "de-DE"],
    [{ LANG: "" }, "en"],
    [{}, "en"],
  ])("%j gives %s", (env, expected) => {
    expect(environmentLocale(env)).toBe(expected);
  });

  it("takes the languages sla speaks in --locale, and refuses others as usage errors", () => {
    expect(parseLocaleOption("ja")).toBe("ja");
    expect(parseLocaleOption("de-CH")).toBe("de-CH");
    expect(() => parseLocaleOption("fr")).toThrow("--locale: sla does not speak `fr`; choose one of en, de, tr, ja");
    expect(() => parseLocaleOption("not a tag")).toThrow("is not a language tag");
    expect(languageOf("TR")).toBe("tr");
  });
});
