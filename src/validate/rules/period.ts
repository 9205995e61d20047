// The review period: it ends after it starts, lasts about six months, and holds the
// effective date.
import { monthsInPeriod, parseDate, toDayNumber } from "../../domain/period.js";
import { message, type Message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const periodOrder: Rule = {
  id: "period/order",
  defaultSeverity: "error",
  description: "The review period ends after it starts.",
  needs: ["agreement"],
  check({ sla, report }) {
    const { start, end } = sla.agreement.reviewPeriod;
    const from = parseDate(start);
    const to = parseDate(end);
    if (from && to && toDayNumber(to) < toDayNumber(from))
      report({
        path: ["agreement", "reviewPeriod", "end"],
        message: message("period/order", { start, end }),
        hint: message("period/order.hint"),
      });
  },
};

/** Six months give or take half a month: teams write 2026-01-01..2026-06-30 or ..07-01. */
const TYPICAL_MONTHS = 6;
const TOLERANCE_MONTHS = 0.5;

export const periodLength: Rule = {
  id: "period/length",
  defaultSeverity: "warning",
  description: "The review period is about six months long (5.5 to 6.5), the usual reset cadence.",
  needs: ["agreement"],
  check({ sla, report }) {
    const from = parseDate(sla.agreement.reviewPeriod.start);
    const to = parseDate(sla.agreement.reviewPeriod.end);
    if (!from || !to || toDayNumber(to) < toDayNumber(from)) return;
    const months = monthsInPeriod(from, to);
    if (Math.abs(months - TYPICAL_MONTHS) > TOLERANCE_MONTHS)
      report({
        path: ["agreement", "reviewPeriod"],
        at: "key",
        message: describeLength(months, toDayNumber(to) - toDayNumber(from) + 1),
        hint: message("period/length.hint"),
      });
  },
};

/**
 * Months to one decimal, or two where one would land on a half (5.48 would read 5.5, a length
 * the rule allows); days for a period shorter than a month (not "0 months").
 */
function describeLength(months: number, days: number): Message {
  const usual = { typical: TYPICAL_MONTHS, min: TYPICAL_MONTHS - TOLERANCE_MONTHS, max: TYPICAL_MONTHS + TOLERANCE_MONTHS };
  if (months < 1) return message("period/length.days", { days, ...usual });
  return message("period/length", { months: Number(months.toFixed(Number.isInteger(Number(months.toFixed(1)) * 2) ? 2 : 1)), ...usual });
}

export const periodEffectiveDate: Rule = {
  id: "period/effective-date",
  defaultSeverity: "error",
  description: "The effective date lies inside the review period.",
  needs: ["agreement"],
  check({ sla, report }) {
    const { effectiveDate, reviewPeriod } = sla.agreement;
    const day = parseDate(effectiveDate);
    const from = parseDate(reviewPeriod.start);
    const to = parseDate(reviewPeriod.end);
    if (!day || !from || !to) return;
    const n = toDayNumber(day);
    if (n < toDayNumber(from) || n > toDayNumber(to))
      report({
        path: ["agreement", "effectiveDate"],
        message: message("period/effective-date", { date: effectiveDate, start: reviewPeriod.start, end: reviewPeriod.end }),
        hint: message("period/effective-date.hint"),
      });
  },
};
