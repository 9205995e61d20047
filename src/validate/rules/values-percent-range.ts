import type { JsonPath } from "../../findings.js";
import { formatPercent, toFraction } from "../../domain/percent.js";
import type { Rule } from "../rule.js";

export const valuesPercentRange: Rule = {
  id: "values/percent-range",
  defaultSeverity: "error",
  description: "Percentages (deal probabilities, percent KPI targets) lie between 0% and 100%, however written: `25%`, `25` or `0.25`.",
  needs: ["dealStages", "kpis"],
  check({ sla, report }) {
    const values: { path: JsonPath; value: number | string; what: string }[] = [
      ...(sla.dealStages ?? []).map((stage, index) => ({
        path: ["dealStages", index, "probability"],
        value: stage.probability,
        what: `probability of deal stage \`${stage.id}\``,
      })),
      ...sla.kpis
        .map((kpi, index) => ({ path: ["kpis", index, "target"], value: kpi.target, what: `target of KPI \`${kpi.id}\``, unit: kpi.unit }))
        .filter((entry) => entry.unit === "percent"),
    ];
    for (const { path, value, what } of values) {
      const fraction = toFraction(value);
      if (fraction !== undefined && (fraction < 0 || fraction > 1))
        report({
          path,
          message: `${what} is ${formatPercent(fraction)} (written \`${value}\`); a percentage lies between 0% and 100%`,
          hint: "write `25%`, `25` or `0.25` for twenty-five percent",
        });
    }
  },
};
