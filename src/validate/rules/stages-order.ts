import { STAGE_ORDER, stageCategory } from "../../domain/stages.js";
import type { Rule } from "../rule.js";

export const stagesOrder: Rule = {
  id: "stages/order",
  defaultSeverity: "error",
  description: "Lifecycle stages are listed in funnel order: subscriber, lead, MQL, SQL, opportunity, customer, evangelist (by `category`, or by a standard id).",
  needs: ["lifecycleStages"],
  check({ sla, report }) {
    let highest: { rank: number; id: string; category: string } | undefined;
    sla.lifecycleStages.forEach((stage, index) => {
      const category = stageCategory(stage);
      const rank = category ? STAGE_ORDER.indexOf(category) : -1;
      if (rank < 0) return;
      if (highest && rank < highest.rank) {
        report({
          path: ["lifecycleStages", index],
          message: `lifecycle stage \`${stage.id}\` (${category}) comes after \`${highest.id}\` (${highest.category}), but a contact reaches ${category} first`,
          hint: `move \`${stage.id}\` before \`${highest.id}\`, or set its \`category\` if it is not a standard ${category} stage`,
        });
        return;
      }
      if (!highest || rank > highest.rank) highest = { rank, id: stage.id, category: category! };
    });
  },
};
