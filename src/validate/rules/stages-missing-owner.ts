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
          message: `lifecycle stage \`${stage.id}\` has no \`owner\``,
          hint: "add `owner:` with the id of the party (e.g. `marketing` or `sales`) accountable for this stage",
        });
    });
  },
};
