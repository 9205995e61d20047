import { collections } from "../../model/collections.js";
import { foldName } from "../../domain/text.js";
import type { Rule } from "../rule.js";

export const namesDuplicate: Rule = {
  id: "names/duplicate",
  defaultSeverity: "warning",
  description: "Names are distinct within each list, compared case-insensitively in the document's language (Turkish I and İ fold correctly).",
  needs: [],
  check({ sla, locale, report }) {
    for (const { label, path, entries } of collections(sla)) {
      const first = new Map<string, string>();
      for (const { index, entity: item } of entries) {
        if (typeof item.name !== "string") continue;
        const key = foldName(item.name, locale);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, item.id);
        else
          report({
            path: [...path, index, "name"],
            message: `${label} \`${item.id}\` has the same name as \`${earlier}\`: "${item.name}"`,
            hint: "two entries with one name confuse readers of the signed agreement; rename one",
          });
      }
    }
  },
};
