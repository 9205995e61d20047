import { CURRENCY_ALIASES } from "../../domain/currency.js";
import { closestMatch, editDistance } from "../../util/did-you-mean.js";
import type { FunnelMetric, Kpi } from "../../model/index.js";
import { repeatedKeys } from "../../model/collections.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

const METRIC_UNITS: Record<FunnelMetric, Kpi["unit"]> = {
  revenue: "currency",
  averageDealSize: "currency",
  customers: "count",
  proposals: "count",
  sqls: "count",
  mqls: "count",
  leads: "count",
  visits: "count",
  closeRate: "percent",
  sqlToProposalRate: "percent",
  mqlToSqlRate: "percent",
  leadToMqlRate: "percent",
  visitToLeadRate: "percent",
};

export const kpisUnits: Rule = {
  id: "kpis/units",
  defaultSeverity: "error",
  description:
    "A KPI's target fits its unit (only percent targets may be written with `%`), a funnel metric has the unit the funnel math reads, and a KPI measured as a duration (`measure`) is in hours or days and is no funnel metric.",
  needs: ["kpis"],
  check({ sla, report }) {
    sla.kpis.forEach((kpi, index) => {
      if (typeof kpi.target === "string" && kpi.unit !== "percent")
        report({
          path: ["kpis", index, "target"],
          message: message("kpis/units.percent-target", { kpi: kpi.id, unit: kpi.unit, target: kpi.target }),
          hint: message("kpis/units.percent-target.hint"),
        });
      const expected = kpi.metric ? METRIC_UNITS[kpi.metric] : undefined;
      if (expected && kpi.unit !== expected)
        report({
          path: ["kpis", index, "unit"],
          message: message("kpis/units.metric", { kpi: kpi.id, metric: kpi.metric!, expected, unit: kpi.unit }),
          hint: message("kpis/units.metric.hint", { expected }),
        });
      if (kpi.measure !== undefined && kpi.metric !== undefined)
        report({
          path: ["kpis", index, "measure"],
          message: message("kpis/units.measure-and-metric", { kpi: kpi.id, metric: kpi.metric, measure: kpi.measure }),
          hint: message("kpis/units.measure-and-metric.hint"),
        });
      else if (kpi.measure !== undefined && kpi.unit !== "hours" && kpi.unit !== "days")
        report({
          path: ["kpis", index, "unit"],
          message: message("kpis/units.measure", { kpi: kpi.id, measure: kpi.measure, unit: kpi.unit }),
          hint: message("kpis/units.measure.hint"),
        });
    });
  },
};

export const kpisDuplicateMetric: Rule = {
  id: "kpis/duplicate-metric",
  defaultSeverity: "error",
  description: "Each funnel metric is given by one KPI at most, so the funnel math is unambiguous.",
  needs: ["kpis"],
  check({ sla, report }) {
    for (const [later, first] of repeatedKeys(sla.kpis.map((kpi) => kpi.metric || undefined))) {
      const kpi = sla.kpis[later]!;
      report({
        path: ["kpis", later, "metric"],
        message: message("kpis/duplicate-metric", { kpi: kpi.id, other: sla.kpis[first]!.id, metric: kpi.metric! }),
        hint: message("kpis/duplicate-metric.hint"),
      });
    }
  },
};

export const agreementCurrency: Rule = {
  id: "agreement/currency",
  defaultSeverity: "warning",
  description: "An agreement with money targets names its currency (`agreement.currency`), and the currency is an ISO 4217 code.",
  needs: ["agreement", "kpis"],
  check({ sla, report }) {
    const currency = sla.agreement.currency;
    if (currency) {
      const known = knownCurrencies();
      // The schema checks the shape (three capitals); only Intl knows which codes exist.
      if (known && !known.has(currency)) {
        const near = likelyCurrency(currency, known);
        report({
          path: ["agreement", "currency"],
          message: message("agreement/currency.unknown", { currency }),
          hint: near ? message("rules/did-you-mean.hint", { suggestion: near }) : message("agreement/currency.unknown.hint"),
        });
      }
      return;
    }
    const index = sla.kpis.findIndex((kpi) => kpi.unit === "currency");
    if (index >= 0)
      report({
        path: ["agreement"],
        at: "key",
        message: message("agreement/currency.missing", { kpi: sla.kpis[index]!.id }),
        hint: message("agreement/currency.missing.hint"),
      });
  },
};

let currencies: ReadonlySet<string> | undefined | null = null;
/** The ISO 4217 codes this Node knows, or undefined where Intl cannot list them. */
function knownCurrencies(): ReadonlySet<string> | undefined {
  if (currencies === null) {
    const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [];
    currencies = list.length > 100 ? new Set(list) : undefined;
  }
  return currencies;
}

/**
 * The code most likely meant: a common alias (`YEN`), the same letters in another order
 * (`UDS`), a code of the same country with one letter changed (`TRL` → `TRY`, not `BRL`),
 * else the nearest code.
 */
function likelyCurrency(written: string, known: ReadonlySet<string>): string | undefined {
  const alias = CURRENCY_ALIASES[written];
  if (alias && known.has(alias)) return alias;
  const letters = [...written].sort().join("");
  const codes = [...known];
  return (
    codes.find((code) => [...code].sort().join("") === letters) ??
    codes.find((code) => code.startsWith(written.slice(0, 2)) && editDistance(code, written) === 1) ??
    closestMatch(written, codes)
  );
}
