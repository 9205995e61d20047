// The most valuable check of all: volume targets that cannot deliver the revenue target.
import {
  computeFunnel,
  kpiForMetric,
  periodMonths,
  perSpan,
  RATE_LABELS,
  targetOverPeriod,
  targetSpan,
  VOLUME_LABELS,
  type FunnelMath,
  type FunnelUncomputable,
  type RateMetric,
  type VolumeMetric,
} from "../../domain/funnel.js";
import { finite } from "../../domain/finite.js";
import { formatPercent, toFraction } from "../../domain/percent.js";
import type { Kpi } from "../../model/index.js";
import type { Rule } from "../rule.js";

const count = (n: number) => Math.round(finite(n)).toLocaleString("en-US");
/**
 * A target as written (2.3), and what it adds up to rounded down (59.8, never 60 when 60 are
 * needed): the message must not read "60 over 6 months, but 60 are needed".
 */
const figure = (n: number) => (Math.floor(finite(n) * 100 + 1e-9) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });
const amount = (n: number, currency: string | undefined) =>
  `${finite(n).toLocaleString("en-US", { maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ""}`;

/** "1,800,000 EUR revenue ÷ 30,000 EUR average deal = 60 customers ÷ 25% close rate = 240 proposals ..." */
export function explainFunnel(funnel: FunnelMath, upTo: number): string {
  const [first, ...rest] = funnel.steps.slice(0, upTo + 1);
  let text = `${amount(funnel.revenue, funnel.currency)} revenue ÷ ${amount(funnel.averageDealSize, funnel.currency)} average deal = ${count(first!.needed)} customers`;
  for (const step of rest) {
    text += ` ÷ ${formatPercent(step.rate!)} ${RATE_LABELS[step.rateMetric!]} = ${count(step.needed)} ${VOLUME_LABELS[step.metric]}`;
  }
  return text;
}

export const funnelUnreachable: Rule = {
  id: "funnel/unreachable-revenue",
  defaultSeverity: "error",
  description: "Every volume target (customers, proposals, SQLs, MQLs, leads, visits) is at least what the funnel math derives from the revenue target, average deal size and conversion rates.",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const funnel = computeFunnel(sla);
    if (!funnel?.computable) return;
    funnel.steps.forEach((step, stepIndex) => {
      const kpi = kpiForMetric(sla, step.metric);
      if (!kpi || typeof kpi.target !== "number") return;
      const committed = targetOverPeriod(kpi, funnel.months);
      if (committed + 1e-9 >= step.needed) return;
      const span = targetSpan(kpi);
      const months = Number(funnel.months.toFixed(2));
      const committedText =
        span === "period" ? `${figure(kpi.target)} for the period` : `${figure(kpi.target)} per ${span} = ${figure(committed)} over ${months} months`;
      report({
        path: ["kpis", sla.kpis.indexOf(kpi), "target"],
        message:
          `KPI \`${kpi.id}\` cannot deliver the revenue target: ${committedText}, but ${count(step.needed)} ${VOLUME_LABELS[step.metric]} are needed ` +
          `(${explainFunnel(funnel, stepIndex)}; ${count(Math.ceil(step.perMonth))} per month)`,
        hint:
          `raise the target to at least ${count(Math.ceil(perSpan(kpi, step.needed, funnel.months)))}${span === "period" ? "" : ` per ${span}`}, or revisit the revenue target and conversion rates` +
          bareOneNote(sla, funnel, stepIndex),
      });
    });
  },
};

/**
 * A rate written as a bare `1` reads as 1%, which makes every volume after it a hundred
 * times larger; whoever meant "all of them" needs to hear which rate did it.
 */
function bareOneNote(sla: Parameters<typeof computeFunnel>[0], funnel: FunnelMath, upTo: number): string {
  for (const step of funnel.steps.slice(0, upTo + 1)) {
    const rate = step.rateMetric ? kpiForMetric(sla, step.rateMetric) : undefined;
    if (rate?.target === 1) return `; \`${rate.id}\` is written 1, which reads as 1%: write 100% if you meant all`;
  }
  return "";
}

export const funnelImpossible: Rule = {
  id: "funnel/impossible",
  defaultSeverity: "error",
  description:
    "The funnel figures are possible: no negative revenue target, average deal size or rate, no deal size or rate of 0, no rate above 100%, and no target or derived volume too large (or rate too small) for a number to hold.",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const at = (kpi: Kpi) => ["kpis", sla.kpis.indexOf(kpi), "target"];
    const reported = new Set<Kpi>();
    // A count or money target kept per week, month or quarter is added up over the period.
    const months = periodMonths(sla);
    for (const kpi of sla.kpis ?? []) {
      if (months === undefined || typeof kpi.target !== "number" || (kpi.unit !== "count" && kpi.unit !== "currency")) continue;
      if (Number.isFinite(targetOverPeriod(kpi, months))) continue;
      reported.add(kpi);
      report({
        path: at(kpi),
        message: `the target of KPI \`${kpi.id}\`, ${String(kpi.target)} per ${targetSpan(kpi)}, adds up to more than a number can hold over ${Number(months.toFixed(2))} months`,
        hint: "set the target the team means to reach",
      });
    }
    const funnel = computeFunnel(sla);
    if (funnel?.computable !== false) return;
    const kpi = kpiForMetric(sla, funnel.cause)!;
    if (reported.has(kpi)) return;
    report({ path: at(kpi), ...describeImpossible(funnel, kpi) });
  },
};

const CAUSE_LABELS: Partial<Record<FunnelUncomputable["cause"], string>> = { revenue: "revenue target", averageDealSize: "average deal size", ...RATE_LABELS };

function describeImpossible(funnel: FunnelUncomputable, kpi: Kpi): { message: string; hint: string } {
  const what = CAUSE_LABELS[funnel.cause] ?? funnel.cause;
  const isRate = funnel.cause in RATE_LABELS;
  const written = isRate ? formatPercent(funnel.value) : String(kpi.target);
  const positive = isRate ? "set a rate above 0% and at most 100%" : `set the ${what} the team means, above 0`;
  switch (funnel.reason) {
    case "negative":
      return { message: `the ${what} is ${written}: it cannot be negative`, hint: positive };
    case "zero":
      return isRate
        ? { message: `the ${what} is 0%: with a 0% rate no volume can reach the revenue target`, hint: positive }
        : { message: `the ${what} is 0: the customers needed cannot be derived, as nothing can be divided by 0`, hint: positive };
    case "above-100":
      return { message: `the ${what} is ${written}; the funnel math needs a rate above 0% and at most 100%`, hint: "a bare number from 1 to 100 is read as percent points: write `100%` for all" };
    case "out-of-range":
      if (funnel.figure === "revenue")
        return { message: `the revenue target \`${String(kpi.target)}\` per ${targetSpan(kpi)} adds up to more than a number can hold over the period`, hint: positive };
      return {
        message: `the ${what} \`${String(kpi.target)}\` is too small: the ${VOLUME_LABELS[funnel.figure as VolumeMetric]} needed would be more than a number can hold`,
        hint: isRate ? "set the rate the team expects, e.g. `25%` (write `0.5%` for less than one percent)" : positive,
      };
  }
}

export const funnelIncomplete: Rule = {
  id: "funnel/incomplete",
  defaultSeverity: "warning",
  description: "When a revenue target is set, the KPIs give an average deal size and every conversion rate the funnel math needs (impossible values are `funnel/impossible`'s).",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const revenue = kpiForMetric(sla, "revenue");
    if (!revenue) return;
    // A negative target or a 0% rate is not missing but impossible, and said so there.
    if (computeFunnel(sla)?.computable === false) return;
    const at = (kpi: Kpi) => ["kpis", sla.kpis.indexOf(kpi), "target"];
    if (!(Number(revenue.target) > 0)) {
      report({ path: at(revenue), message: `the revenue target is ${String(revenue.target)}: nothing to derive the funnel from`, hint: "set the revenue target for the period" });
      return;
    }
    const deal = kpiForMetric(sla, "averageDealSize");
    if (!deal) {
      report({
        path: ["kpis", sla.kpis.indexOf(revenue), "metric"],
        message: "the revenue target cannot be broken down: no KPI has `metric: averageDealSize`",
        hint: "add an average-deal-size KPI so the funnel math can derive the customers needed",
      });
      return;
    }
    if (!(Number(deal.target) > 0)) {
      report({ path: at(deal), message: `the average deal size is ${String(deal.target)}: the customers needed cannot be derived`, hint: "set the average value of a won deal" });
      return;
    }
    for (const metric of RATE_METRICS) {
      const kpi = kpiForMetric(sla, metric);
      if (kpi && toFraction(kpi.target) === undefined) {
        report({
          path: at(kpi),
          message: `the ${RATE_LABELS[metric]} is \`${String(kpi.target)}\`; the funnel math needs a rate above 0% and at most 100%`,
          hint: "write a percentage as `25%`, `25` or `0.25`",
        });
        return;
      }
      if (!kpi && metric !== "leadToMqlRate") {
        report({
          path: ["kpis", sla.kpis.indexOf(revenue), "metric"],
          message: `the funnel math stops at the ${RATE_LABELS[metric]}: no KPI has \`metric: ${metric}\``,
          hint: "add the conversion rate as a KPI so volume targets further up the funnel can be checked",
        });
        return;
      }
    }
  },
};

/** The rates in funnel order; the lead→MQL rate may be left out. */
const RATE_METRICS: RateMetric[] = ["closeRate", "sqlToProposalRate", "mqlToSqlRate", "leadToMqlRate", "visitToLeadRate"];
