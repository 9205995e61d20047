import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const stagesMissingOwner: Rule = {
  id: "stages/missing-owner",
  defaultSeverity: "error",
  description: "Every lifecycle stage has an `owner`: the team accountable for contacts in it.",
  needs: ["lifecycleStages"],
  check({ sla, report }) {
    sla.lifecycleStages.forEach((stage, index) => {
      if (stage.owner === undefined)
        report({
          path: ["lifecycleStages", index],
          message: message("stages/missing-owner", { stage: stage.id }),
          hint: message("stages/missing-owner.hint"),
        });
    });
  },
};
