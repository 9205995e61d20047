import { stageCategory } from "../../domain/stages.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const stagesHandoff: Rule = {
  id: "stages/handoff",
  defaultSeverity: "warning",
  description: "The lifecycle has an MQL and an SQL stage: the jointly agreed criteria that bridge marketing and sales.",
  needs: ["lifecycleStages"],
  check({ sla, report }) {
    const categories = new Set(sla.lifecycleStages.map(stageCategory));
    for (const [category, missing] of [
      ["mql", message("stages/handoff.mql")],
      ["sql", message("stages/handoff.sql")],
    ] as const) {
      if (!categories.has(category))
        report({
          path: ["lifecycleStages"],
          message: missing,
          hint: message("stages/handoff.hint", { category }),
          at: "key",
        });
    }
  },
};
