import { safeLocale } from "../../domain/text.js";
import { message } from "../../i18n/message.js";
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
        message: message("agreement/language", { language: String(sla.agreement.language) }),
        hint: message("agreement/language.hint"),
      });
  },
};
