// Every formatter that turns a number into output text refuses NaN and Infinity: a figure
// computed wrong must end the run, never print as "NaN proposals" or "±NaN%".
import { describe, expect, it } from "vitest";
import { NonFiniteNumberError } from "../../src/domain/finite.js";
import { formatTemplate } from "../../src/i18n/format.js";
import { formatKpiValue } from "../../src/format/diff-common.js";
import { createFormatter } from "../../src/render/intl.js";
import { loadLabels } from "../../src/render/labels.js";

/** A percentage as a message worded in the locale says it. */
const percentIn = (fraction: number, locale: string) => formatTemplate("{rate, percent}", { rate: fraction }, locale, () => "");

const NOT_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe("number formatters refuse what is not a finite number", () => {
  const f = createFormatter("en", "EUR", loadLabels("en"));

  it.each(NOT_FINITE)("the document's formatter: %s", (value) => {
    expect(() => f.number(value)).toThrow(NonFiniteNumberError);
    expect(() => f.money(value)).toThrow(NonFiniteNumberError);
    expect(() => f.percent(value)).toThrow(NonFiniteNumberError);
    expect(() => f.quantity(value, "day")).toThrow(NonFiniteNumberError);
  });

  it.each(NOT_FINITE)("messages and the diff: %s", (value) => {
    expect(() => percentIn(value, "en")).toThrow(NonFiniteNumberError);
    expect(() => formatKpiValue("count", value, undefined)).toThrow(NonFiniteNumberError);
    expect(() => formatKpiValue("currency", value, "EUR")).toThrow(NonFiniteNumberError);
  });

  it("still formats finite numbers, and a tiny rate is not called 0%", () => {
    expect(f.number(1234.5)).toBe("1,234.5");
    expect(formatKpiValue("currency", 1_800_000, "EUR")).toBe("1,800,000 EUR");
    expect(percentIn(0.255, "en")).toBe("25.5%");
    expect(percentIn(1e-320, "en")).toBe("1E-318%");
    expect(percentIn(0.000012, "de")).toBe("0,0012\u00a0%");
  });
});
