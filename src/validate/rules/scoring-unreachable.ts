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
          message: `${key === "mqlThreshold" ? "MQL" : "SQL"} threshold ${scoring[key]} cannot be reached: all positive criteria together give ${best} points`,
          hint: "lower the threshold or add criteria that earn points",
        });
        return;
      }
    }
  },
};
