import { repeatedKeys } from "../../model/collections.js";
import type { Rule } from "../rule.js";

export const idsDuplicate: Rule = {
  id: "ids/duplicate",
  defaultSeverity: "error",
  description: "Ids are unique within each list (parties, ICPs, personas, stages, lead types, statuses, deal stages, scoring criteria, KPIs).",
  needs: [],
  check({ collections, report }) {
    for (const { label, path, entries } of collections()) {
      for (const [later, first] of repeatedKeys(entries.map(({ entity }) => entity.id))) {
        const { index, entity: item } = entries[later]!;
        report({
          path: [...path, index, "id"],
          message: `duplicate ${label} id \`${item.id}\` (first used by entry ${entries[first]!.index + 1})`,
          hint: "ids must be unique: references and `sla diff` match entries by id",
        });
      }
    }
  },
};
