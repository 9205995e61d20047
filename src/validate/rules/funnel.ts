// The most valuable check of all: volume targets that cannot deliver the revenue target.
import { computeFunnel, kpiForMetric, perSpan, RATE_LABELS, targetOverPeriod, targetSpan, VOLUME_LABELS, type FunnelMath } from "../../domain/funnel.js";
import { formatPercent } from "../../domain/percent.js";
import type { Rule } from "../rule.js";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
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
        span === "period" ? `${count(kpi.target)} for the period` : `${count(kpi.target)} per ${span} = ${count(committed)} over ${months} months`;
      report({
        path: ["kpis", sla.kpis.indexOf(kpi), "target"],
        message:
          `KPI \`${kpi.id}\` cannot deliver the revenue target: ${committedText}, but ${count(step.needed)} ${VOLUME_LABELS[step.metric]} are needed ` +
          `(${explainFunnel(funnel, stepIndex)}; ${count(Math.ceil(step.perMonth))} per month)`,
        hint: `raise the target to at least ${count(Math.ceil(perSpan(kpi, step.needed, funnel.months)))}${span === "period" ? "" : ` per ${span}`}, or revisit the revenue target and conversion rates`,
      });
    });
  },
};

export const funnelIncomplete: Rule = {
  id: "funnel/incomplete",
  defaultSeverity: "warning",
  description: "When a revenue target is set, the KPIs give the average deal size and every conversion rate the funnel math needs.",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const revenue = kpiForMetric(sla, "revenue");
    if (!revenue) return;
    const revenueIndex = sla.kpis.indexOf(revenue);
    if (!kpiForMetric(sla, "averageDealSize")) {
      report({
        path: ["kpis", revenueIndex, "metric"],
        message: "the revenue target cannot be broken down: no KPI has `metric: averageDealSize`",
        hint: "add an average-deal-size KPI so the funnel math can derive the customers needed",
      });
      return;
    }
    const funnel = computeFunnel(sla);
    for (const metric of funnel?.missing ?? []) {
      report({
        path: ["kpis", revenueIndex, "metric"],
        message: `the funnel math stops at the ${RATE_LABELS[metric as keyof typeof RATE_LABELS] ?? metric}: no KPI has \`metric: ${metric}\` with a rate between 0% and 100%`,
        hint: "add the conversion rate as a KPI so volume targets further up the funnel can be checked",
      });
    }
  },
};
