import { STAGE_ORDER, stageCategory } from "../../domain/stages.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const stagesOrder: Rule = {
  id: "stages/order",
  defaultSeverity: "error",
  description:
    "Lifecycle stages are listed in funnel order: subscriber, lead, MQL, SQL, opportunity, customer, evangelist (by `category`, or by a standard id).",
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
          message: message("stages/order", { stage: stage.id, category: category!, previous: highest.id, previousCategory: highest.category }),
          hint: message("stages/order.hint", { stage: stage.id, category: category!, previous: highest.id }),
        });
        return;
      }
      if (!highest || rank > highest.rank) highest = { rank, id: stage.id, category: category! };
    });
  },
};
