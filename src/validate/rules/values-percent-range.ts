import type { JsonPath } from "../../findings.js";
import { toFraction } from "../../domain/percent.js";
import { message, type Message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const valuesPercentRange: Rule = {
  id: "values/percent-range",
  defaultSeverity: "error",
  description: "Percentages (deal probabilities, percent KPI targets) lie between 0% and 100%, however written: `25%`, `25` or `0.25`.",
  needs: ["dealStages", "kpis"],
  check({ sla, report }) {
    // Loops that build a message only for a value out of range: the rule runs for every file
    // of a large call, and V8 optimised its earlier form (a list of every value with its
    // description) slowly, on the thread that optimises the YAML reader and the validator.
    const outOfRange = (path: JsonPath, value: number | string, what: (fraction: number) => Message) => {
      const fraction = toFraction(value);
      if (fraction !== undefined && (fraction < 0 || fraction > 1))
        report({
          path,
          message: what(fraction),
          hint: message("values/percent-range.hint"),
        });
    };
    const stages = sla.dealStages ?? [];
    for (let index = 0; index < stages.length; index++) {
      const stage = stages[index]!;
      outOfRange(["dealStages", index, "probability"], stage.probability, (fraction) =>
        message("values/percent-range.probability", { stage: stage.id, value: fraction, written: String(stage.probability) }),
      );
    }
    for (let index = 0; index < sla.kpis.length; index++) {
      const kpi = sla.kpis[index]!;
      if (kpi.unit === "percent")
        outOfRange(["kpis", index, "target"], kpi.target, (fraction) =>
          message("values/percent-range.target", { kpi: kpi.id, value: fraction, written: String(kpi.target) }),
        );
    }
  },
};
