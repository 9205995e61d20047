import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const scoringUnreachable: Rule = {
  id: "scoring/unreachable-threshold",
  defaultSeverity: "error",
  description: "A lead that meets every positive criterion reaches the SQL threshold; otherwise no lead ever becomes an SQL by score.",
  needs: ["leadScoring"],
  check({ sla, report }) {
    const scoring = sla.leadScoring;
    if (!scoring) return;
    const best = scoring.criteria.reduce((sum, c) => sum + Math.max(0, c.points), 0);
    for (const key of ["mqlThreshold", "sqlThreshold"] as const) {
      if (best < scoring[key]) {
        report({
          path: ["leadScoring", key],
          message: message("scoring/unreachable-threshold", { threshold: key === "mqlThreshold" ? "MQL" : "SQL", value: scoring[key], best }),
          hint: message("scoring/unreachable-threshold.hint"),
        });
        return;
      }
    }
  },
};
