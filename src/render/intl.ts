// Numbers, money, percentages, dates and durations formatted for the document's locale.
import { parseDuration } from "../domain/duration.js";
import { finite } from "../domain/finite.js";
import { parseDate } from "../domain/period.js";
import { fill, type Labels } from "./labels.js";

export interface Formatter {
  locale: string;
  number(n: number): string;
  /** A quantity in a calendar unit, spelled out: "75 days", "75 Tage", "75日". */
  quantity(n: number, unit: "minute" | "hour" | "day" | "week"): string;
  money(n: number): string;
  percent(fraction: number): string;
  date(text: string): string;
  duration(text: string): string;
  /** A value with its span: "11 per month", "11 pro Monat", "11/月". */
  per(value: string, span: string): string;
}

export function createFormatter(locale: string, currency: string | undefined, labels: Labels): Formatter {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = currency
    ? new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        trailingZeroDisplay: "stripIfInteger",
      } as Intl.NumberFormatOptions)
    : numbers;
  // A signed document states what was agreed: 2.25% stays 2.25%, €12.49 stays €12.49.
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  // UTC, so that the day printed is the day written whatever the machine's time zone.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const plural = new Intl.PluralRules(locale);
  const unit = (u: string) => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "long", maximumFractionDigits: 2 });
  // Japanese and Chinese write a unit right after its number ("4時間", "11/月"); ICU's long
  // unit forms put a space between them.
  const tight = /^(ja|zh)\b/i.test(locale);
  const joinUnit = (value: string, unitText: string) => (tight ? `${value}${unitText}` : `${value} ${unitText}`);
  const untighten = (text: string) => (tight ? text.replace(/(\d)\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, "$1") : text);

  return {
    locale,
    number: (n) => numbers.format(finite(n)),
    quantity: (n, u) => untighten(unit(u).format(finite(n))),
    per: joinUnit,
    money: (n) => money.format(finite(n)),
    percent: (f) => percents.format(finite(f)),
    date(text) {
      const d = parseDate(text);
      return d ? dates.format(new Date(Date.UTC(d.year, d.month - 1, d.day))) : text;
    },
    duration(text) {
      const d = parseDuration(text);
      if (!d) return text;
      // Said back in the unit it was written in: "10 Werktage", not "80 Geschäftsstunden".
      if (d.business) {
        const one = plural.select(d.value) === "one";
        const key = d.unit === "day" ? (one ? "businessDay" : "businessDays") : one ? "businessHour" : "businessHours";
        return fill(labels.values[key]!, { n: numbers.format(d.value) });
      }
      return untighten(unit(d.unit).format(d.value));
    },
  };
}
