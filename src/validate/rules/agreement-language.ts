import { safeLocale } from "../../domain/text.js";
import type { Rule } from "../rule.js";

export const agreementLanguage: Rule = {
  id: "agreement/language",
  defaultSeverity: "error",
  description: "The agreement's `language` is a language tag that dates, numbers and names can be formatted and compared in (e.g. `en`, `de-DE`, `tr`, `ja`).",
  needs: ["agreement"],
  check({ sla, report }) {
    if (safeLocale(sla.agreement.language) === undefined)
      report({
        path: ["agreement", "language"],
        message: `\`${sla.agreement.language}\` is not a usable language tag`,
        hint: "write a BCP 47 tag such as `en`, `de-DE`, `tr` or `ja`",
      });
  },
};
