import { formatPercent, toFraction } from "../../domain/percent.js";
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
          message: `won deal stage \`${stage.id}\` has probability ${formatPercent(probability)}; a won deal is 100%`,
          // `1` is the usual slip: meant as a fraction, read as one percent point.
          hint: stage.probability === 1 ? "a bare 1 is read as 1%; write 100 or 100%" : "write 100%",
        });
      else if (outcome === "lost" && probability !== 0)
        report({ path, message: `lost deal stage \`${stage.id}\` has probability ${formatPercent(probability)}; a lost deal is 0%` });
      else if (outcome === "open") {
        if (previousOpen && probability < previousOpen.probability)
          report({
            path,
            message: `deal stage \`${stage.id}\` (${formatPercent(probability)}) is less likely to win than the stage before it, \`${previousOpen.id}\` (${formatPercent(previousOpen.probability)})`,
            hint: "order open deal stages as deals advance, with rising probability",
          });
        previousOpen = { id: stage.id, probability };
      }
    });
  },
};
