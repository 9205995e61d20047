// The most valuable check of all: volume targets that cannot deliver the revenue target.
import { computeFunnel, kpiForMetric, perSpan, RATE_LABELS, targetOverPeriod, targetSpan, VOLUME_LABELS, type FunnelMath, type RateMetric } from "../../domain/funnel.js";
import { formatPercent, toFraction } from "../../domain/percent.js";
import type { Kpi } from "../../model/index.js";
import type { Rule } from "../rule.js";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
/**
 * A target as written (2.3), and what it adds up to rounded down (59.8, never 60 when 60 are
 * needed): the message must not read "60 over 6 months, but 60 are needed".
 */
const figure = (n: number) => (Math.floor(n * 100 + 1e-9) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });
const amount = (n: number, currency: string | undefined) =>
  `${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ""}`;

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
    if (!funnel) return;
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

export const funnelIncomplete: Rule = {
  id: "funnel/incomplete",
  defaultSeverity: "warning",
  description: "When a revenue target is set, the KPIs give a positive average deal size and every conversion rate the funnel math needs, each above 0% and at most 100%.",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const revenue = kpiForMetric(sla, "revenue");
    if (!revenue) return;
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
      const rate = toFraction(kpi?.target);
      if (kpi && (rate === undefined || rate <= 0 || rate > 1)) {
        report({
          path: at(kpi),
          // Said as read (150 is 150%), with the text as written when it is no percentage.
          message: `the ${RATE_LABELS[metric]} is ${rate === undefined ? `\`${String(kpi.target)}\`` : formatPercent(rate)}; the funnel math needs a rate above 0% and at most 100%`,
          hint: rate === 0 ? "with a 0% rate no volume can reach the revenue target" : undefined,
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
