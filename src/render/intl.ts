// Numbers, money, percentages, dates and durations formatted for the document's locale.
import { parseDuration } from "../domain/duration.js";
import { parseDate } from "../domain/period.js";
import { fill, type Labels } from "./labels.js";

export interface Formatter {
  locale: string;
  number(n: number): string;
  money(n: number): string;
  percent(fraction: number): string;
  date(text: string): string;
  duration(text: string): string;
}

export function createFormatter(locale: string, currency: string | undefined, labels: Labels): Formatter {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = currency
    ? new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 2 })
    : numbers;
  // A signed document states what was agreed: 2.25% stays 2.25%, €12.49 stays €12.49.
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  // UTC, so that the day printed is the day written whatever the machine's time zone.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const unit = (u: string) => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "long", maximumFractionDigits: 2 });

  return {
    locale,
    number: (n) => numbers.format(n),
    money: (n) => money.format(n),
    percent: (f) => percents.format(f),
    date(text) {
      const d = parseDate(text);
      return d ? dates.format(new Date(Date.UTC(d.year, d.month - 1, d.day))) : text;
    },
    duration(text) {
      const d = parseDuration(text);
      if (!d) return text;
      if (d.business) {
        const days = d.hours / 8;
        return Number.isInteger(days) && d.hours >= 8 && /d|day/.test(text)
          ? fill(labels.values.businessDays!, { n: numbers.format(days) })
          : fill(labels.values.businessHours!, { n: numbers.format(d.hours) });
      }
      if (d.hours >= 168 && Number.isInteger(d.hours / 168)) return unit("week").format(d.hours / 168);
      if (d.hours >= 24 && Number.isInteger(d.hours / 24)) return unit("day").format(d.hours / 24);
      if (d.hours >= 1) return unit("hour").format(d.hours);
      return unit("minute").format(Math.round(d.hours * 60));
    },
  };
}
