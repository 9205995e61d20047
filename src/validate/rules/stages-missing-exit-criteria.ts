import { stageCategory } from "../../domain/stages.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

const FINAL_CATEGORIES = new Set(["customer", "evangelist", "other"]);

export const stagesMissingExitCriteria: Rule = {
  id: "stages/missing-exit-criteria",
  defaultSeverity: "error",
  description: "Every lifecycle stage a contact can leave (all but the last, customer, evangelist and other) has `exitCriteria`.",
  needs: ["lifecycleStages"],
  check({ sla, report }) {
    const last = sla.lifecycleStages.length - 1;
    sla.lifecycleStages.forEach((stage, index) => {
      const category = stageCategory(stage);
      if (index === last || (category && FINAL_CATEGORIES.has(category))) return;
      if (!stage.exitCriteria?.length)
        report({
          path: ["lifecycleStages", index],
          message: message("stages/missing-exit-criteria", { stage: stage.id }),
          hint: message("stages/missing-exit-criteria.hint"),
        });
    });
  },
};
