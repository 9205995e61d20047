import { message } from "../../i18n/message.js";
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
          message: message("statuses/return-without-reason", { status: status.id }),
          hint: message("statuses/return-without-reason.hint"),
        });
    });
  },
};
