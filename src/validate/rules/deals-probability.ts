import { toFraction } from "../../domain/percent.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const dealsProbability: Rule = {
  id: "deals/probability",
  defaultSeverity: "error",
  description: "Won deal stages have 100% probability, lost ones 0%, and open stages never fall in probability as a deal advances.",
  needs: ["dealStages"],
  check({ sla, report }) {
    let previousOpen: { id: string; probability: number } | undefined;
    (sla.dealStages ?? []).forEach((stage, index) => {
      const probability = toFraction(stage.probability);
      if (probability === undefined) return;
      const path = ["dealStages", index, "probability"];
      const outcome = stage.outcome ?? "open";
      if (outcome === "won" && probability !== 1)
        report({
          path,
          message: message("deals/probability.won", { stage: stage.id, probability }),
          // `1` is the usual slip: meant as a fraction, read as one percent point.
          hint: stage.probability === 1 ? message("deals/probability.bare-one.hint") : message("deals/probability.won.hint"),
        });
      else if (outcome === "lost" && probability !== 0) report({ path, message: message("deals/probability.lost", { stage: stage.id, probability }) });
      else if (outcome === "open") {
        if (previousOpen && probability < previousOpen.probability)
          report({
            path,
            message: message("deals/probability.falling", {
              stage: stage.id,
              probability,
              previous: previousOpen.id,
              previousProbability: previousOpen.probability,
            }),
            hint: message("deals/probability.falling.hint"),
          });
        previousOpen = { id: stage.id, probability };
      }
    });
  },
};
