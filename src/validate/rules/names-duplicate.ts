import { repeatedKeys } from "../../model/collections.js";
import { foldName } from "../../domain/text.js";
import { entityWord } from "./entities.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const namesDuplicate: Rule = {
  id: "names/duplicate",
  defaultSeverity: "warning",
  description:
    "Names are distinct within each list, compared case-insensitively in the document's language (Turkish I and İ fold correctly; full-width and half-width forms such as ＡＢＣ and ABC are the same).",
  needs: [],
  check({ collections, locale, report }) {
    for (const { path, entries } of collections()) {
      const names = entries.map(({ entity }) => (typeof entity.name === "string" ? foldName(entity.name, locale) : undefined));
      for (const [later, first] of repeatedKeys(names)) {
        const { index, entity: item } = entries[later]!;
        report({
          path: [...path, index, "name"],
          message: message("names/duplicate", { entity: entityWord(path), id: item.id, other: entries[first]!.entity.id, name: String(item.name) }),
          hint: message("names/duplicate.hint"),
        });
      }
    }
  },
};
