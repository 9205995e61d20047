// The most valuable check of all: volume targets that cannot deliver the revenue target.
import {
  computeFunnel,
  kpiForMetric,
  minimumTarget,
  periodMonths,
  targetOverPeriod,
  targetSpan,
  type FunnelMath,
  type FunnelUncomputable,
  type RateMetric,
  type VolumeMetric,
} from "../../domain/funnel.js";
import { finite } from "../../domain/finite.js";
import { toFraction } from "../../domain/percent.js";
import { message, type Message } from "../../i18n/message.js";
import type { FunnelMetric, Kpi } from "../../model/index.js";
import type { Rule, RuleReport } from "../rule.js";

/** The funnel's figures as catalog terms ("close rate", "MQLs"), one place per language. */
export const METRIC_WORDS: Readonly<Record<FunnelMetric, Message>> = {
  revenue: message("funnel/metric.revenue"),
  averageDealSize: message("funnel/metric.average-deal-size"),
  customers: message("funnel/metric.customers"),
  proposals: message("funnel/metric.proposals"),
  sqls: message("funnel/metric.sqls"),
  mqls: message("funnel/metric.mqls"),
  leads: message("funnel/metric.leads"),
  visits: message("funnel/metric.visits"),
  closeRate: message("funnel/metric.close-rate"),
  sqlToProposalRate: message("funnel/metric.sql-to-proposal-rate"),
  mqlToSqlRate: message("funnel/metric.mql-to-sql-rate"),
  leadToMqlRate: message("funnel/metric.lead-to-mql-rate"),
  visitToLeadRate: message("funnel/metric.visit-to-lead-rate"),
};

/** The rates in funnel order; the lead→MQL rate may be left out. */
const RATE_METRICS: RateMetric[] = ["closeRate", "sqlToProposalRate", "mqlToSqlRate", "leadToMqlRate", "visitToLeadRate"];
const RATES: ReadonlySet<FunnelMetric> = new Set(RATE_METRICS);

/** A count as the funnel needs it: whole. */
const count = (n: number) => Math.round(finite(n));
/**
 * A target as written (2.3), and what it adds up to rounded down (59.8, never 60 when 60 are
 * needed): the message must not read "60 over 6 months, but 60 are needed".
 */
const figure = (n: number) => Math.floor(finite(n) * 100 + 1e-9) / 100;
/** Money in the agreement's currency, or a bare amount when it names none. */
const amount = (n: number, currency: string | undefined) => (currency ? { amount: finite(n), currency } : finite(n));

/**
 * "1,800,000 EUR revenue ÷ 30,000 EUR average deal = 60 customers ÷ 25% close rate = 240
 * proposals ...": one message per step, each holding the chain before it, so every language
 * words a chain of any length and machine formats keep every figure as a number.
 */
export function explainFunnel(funnel: FunnelMath, upTo: number): Message {
  const [first, ...rest] = funnel.steps.slice(0, upTo + 1);
  let chain = message("funnel/explain.customers", {
    revenue: amount(funnel.revenue, funnel.currency),
    averageDealSize: amount(funnel.averageDealSize, funnel.currency),
    customers: count(first!.needed),
  });
  for (const step of rest) {
    chain = message("funnel/explain.step", {
      previous: chain,
      rate: step.rate!,
      rateName: METRIC_WORDS[step.rateMetric!],
      needed: count(step.needed),
      volume: METRIC_WORDS[step.metric],
    });
  }
  return chain;
}

export const funnelUnreachable: Rule = {
  id: "funnel/unreachable-revenue",
  defaultSeverity: "error",
  description:
    "Every volume target (customers, proposals, SQLs, MQLs, leads, visits) is at least what the funnel math derives from the revenue target, average deal size and conversion rates.",
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
      const bareOne = bareOneRate(sla, funnel, stepIndex);
      const minimum = count(minimumTarget(kpi, step.needed, funnel.months));
      report({
        path: ["kpis", sla.kpis.indexOf(kpi), "target"],
        message: message("funnel/unreachable-revenue", {
          kpi: kpi.id,
          target: figure(kpi.target),
          span,
          total: figure(committed),
          months: Number(funnel.months.toFixed(2)),
          needed: count(step.needed),
          volume: METRIC_WORDS[step.metric],
          explanation: explainFunnel(funnel, stepIndex),
          perMonth: count(Math.ceil(step.perMonth)),
        }),
        hint: bareOne
          ? message("funnel/unreachable-revenue.bare-one.hint", { minimum, span, rateKpi: bareOne })
          : message("funnel/unreachable-revenue.hint", { minimum, span }),
      });
    });
  },
};

/**
 * A rate written as a bare `1` reads as 1%, which makes every volume after it a hundred
 * times larger; whoever meant "all of them" needs to hear which rate did it (its KPI's id).
 */
function bareOneRate(sla: Parameters<typeof computeFunnel>[0], funnel: FunnelMath, upTo: number): string | undefined {
  for (const step of funnel.steps.slice(0, upTo + 1)) {
    const rate = step.rateMetric ? kpiForMetric(sla, step.rateMetric) : undefined;
    if (rate?.target === 1) return rate.id;
  }
  return undefined;
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
        message: message("funnel/impossible.overflow", { kpi: kpi.id, target: String(kpi.target), span: targetSpan(kpi), months: Number(months.toFixed(2)) }),
        hint: message("funnel/impossible.overflow.hint"),
      });
    }
    const funnel = computeFunnel(sla);
    if (funnel?.computable !== false) return;
    const kpi = kpiForMetric(sla, funnel.cause)!;
    if (reported.has(kpi)) return;
    report({ path: at(kpi), ...describeImpossible(funnel, kpi) });
  },
};

function describeImpossible(funnel: FunnelUncomputable, kpi: Kpi): Pick<RuleReport, "message" | "hint"> {
  const what = METRIC_WORDS[funnel.cause];
  const isRate = RATES.has(funnel.cause);
  const positive = isRate ? message("funnel/impossible.rate.hint") : message("funnel/impossible.figure.hint", { what });
  switch (funnel.reason) {
    case "negative":
      return {
        message: isRate
          ? message("funnel/impossible.negative-rate", { what, rate: funnel.value })
          : message("funnel/impossible.negative", { what, value: funnel.value }),
        hint: positive,
      };
    case "zero":
      return { message: isRate ? message("funnel/impossible.zero-rate", { what }) : message("funnel/impossible.zero", { what }), hint: positive };
    case "above-100":
      return { message: message("funnel/impossible.above-100", { what, rate: funnel.value }), hint: message("funnel/impossible.above-100.hint") };
    case "out-of-range":
      if (funnel.figure === "revenue")
        return { message: message("funnel/impossible.revenue-overflow", { target: String(kpi.target), span: targetSpan(kpi) }), hint: positive };
      return {
        message: message("funnel/impossible.too-small", { what, target: String(kpi.target), volume: METRIC_WORDS[funnel.figure as VolumeMetric] }),
        hint: isRate ? message("funnel/impossible.too-small-rate.hint") : positive,
      };
  }
}

export const funnelIncomplete: Rule = {
  id: "funnel/incomplete",
  defaultSeverity: "warning",
  description:
    "When a revenue target is set, the KPIs give an average deal size and every conversion rate the funnel math needs (impossible values are `funnel/impossible`'s).",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const revenue = kpiForMetric(sla, "revenue");
    if (!revenue) return;
    // A negative target or a 0% rate is not missing but impossible, and said so there.
    if (computeFunnel(sla)?.computable === false) return;
    const at = (kpi: Kpi) => ["kpis", sla.kpis.indexOf(kpi), "target"];
    if (!(Number(revenue.target) > 0)) {
      report({
        path: at(revenue),
        message: message("funnel/incomplete.no-revenue", { target: String(revenue.target) }),
        hint: message("funnel/incomplete.no-revenue.hint"),
      });
      return;
    }
    const deal = kpiForMetric(sla, "averageDealSize");
    if (!deal) {
      report({
        path: ["kpis", sla.kpis.indexOf(revenue), "metric"],
        message: message("funnel/incomplete.no-deal-size"),
        hint: message("funnel/incomplete.no-deal-size.hint"),
      });
      return;
    }
    if (!(Number(deal.target) > 0)) {
      report({
        path: at(deal),
        message: message("funnel/incomplete.deal-size", { target: String(deal.target) }),
        hint: message("funnel/incomplete.deal-size.hint"),
      });
      return;
    }
    for (const metric of RATE_METRICS) {
      const kpi = kpiForMetric(sla, metric);
      if (kpi && toFraction(kpi.target) === undefined) {
        report({
          path: at(kpi),
          message: message("funnel/incomplete.unreadable-rate", { what: METRIC_WORDS[metric], target: String(kpi.target) }),
          hint: message("funnel/incomplete.unreadable-rate.hint"),
        });
        return;
      }
      if (!kpi && metric !== "leadToMqlRate") {
        report({
          path: ["kpis", sla.kpis.indexOf(revenue), "metric"],
          message: message("funnel/incomplete.missing-rate", { what: METRIC_WORDS[metric], metric }),
          hint: message("funnel/incomplete.missing-rate.hint"),
        });
        return;
      }
    }
  },
};
