import type { Rule } from "../rule.js";

export const statusesReturnReason: Rule = {
  id: "statuses/return-without-reason",
  defaultSeverity: "error",
  description: "A lead status that returns leads to marketing lists the accepted `returnReasons`.",
  needs: ["leadStatuses"],
  check({ sla, report }) {
    (sla.leadStatuses ?? []).forEach((status, index) => {
      if (status.returnsToMarketing && !status.returnReasons?.length)
        report({
          path: ["leadStatuses", index],
          message: `lead status \`${status.id}\` returns leads to marketing but lists no \`returnReasons\``,
          hint: "sales and marketing must agree why a lead may be sent back; list the reasons",
        });
    });
  },
};
