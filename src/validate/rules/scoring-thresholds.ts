import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const scoringThresholds: Rule = {
  id: "scoring/thresholds",
  defaultSeverity: "error",
  description: "The SQL threshold is above the MQL threshold: a lead is an MQL before it is an SQL.",
  needs: ["leadScoring"],
  check({ sla, report }) {
    const scoring = sla.leadScoring;
    if (!scoring || scoring.sqlThreshold > scoring.mqlThreshold) return;
    report({
      path: ["leadScoring", "sqlThreshold"],
      message: message("scoring/thresholds", { sql: scoring.sqlThreshold, mql: scoring.mqlThreshold }),
      hint: message("scoring/thresholds.hint"),
    });
  },
};
