import { repeatedKeys } from "../../model/collections.js";
import { foldName } from "../../domain/text.js";
import type { Rule } from "../rule.js";

export const namesDuplicate: Rule = {
  id: "names/duplicate",
  defaultSeverity: "warning",
  description: "Names are distinct within each list, compared case-insensitively in the document's language (Turkish I and İ fold correctly; full-width and half-width forms such as ＡＢＣ and ABC are the same).",
  needs: [],
  check({ collections, locale, report }) {
    for (const { label, path, entries } of collections()) {
      const names = entries.map(({ entity }) => (typeof entity.name === "string" ? foldName(entity.name, locale) : undefined));
      for (const [later, first] of repeatedKeys(names)) {
        const { index, entity: item } = entries[later]!;
        report({
          path: [...path, index, "name"],
          message: `${label} \`${item.id}\` has the same name as \`${entries[first]!.entity.id}\`: "${item.name}"`,
          hint: "two entries with one name confuse readers of the signed agreement; rename one",
        });
      }
    }
  },
};
