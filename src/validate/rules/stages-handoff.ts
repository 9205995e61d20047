import { stageCategory } from "../../domain/stages.js";
import type { Rule } from "../rule.js";

export const stagesHandoff: Rule = {
  id: "stages/handoff",
  defaultSeverity: "warning",
  description: "The lifecycle has an MQL and an SQL stage: the jointly agreed criteria that bridge marketing and sales.",
  needs: ["lifecycleStages"],
  check({ sla, report }) {
    const categories = new Set(sla.lifecycleStages.map(stageCategory));
    for (const [category, name] of [["mql", "marketing qualified lead (MQL)"], ["sql", "sales qualified lead (SQL)"]] as const) {
      if (!categories.has(category))
        report({
          path: ["lifecycleStages"],
          message: `no ${name} stage`,
          hint: `give the stage that plays this part \`category: ${category}\`, or add one`,
          at: "key",
        });
    }
  },
};
