import { collections } from "../../model/collections.js";
import type { Rule } from "../rule.js";

export const idsDuplicate: Rule = {
  id: "ids/duplicate",
  defaultSeverity: "error",
  description: "Ids are unique within each list (parties, ICPs, personas, stages, lead types, statuses, deal stages, scoring criteria, KPIs).",
  needs: [],
  check({ sla, report }) {
    for (const { label, path, entries } of collections(sla)) {
      const first = new Map<string, number>();
      for (const { index, entity: item } of entries) {
        const earlier = first.get(item.id);
        if (earlier === undefined) first.set(item.id, index);
        else
          report({
            path: [...path, index, "id"],
            message: `duplicate ${label} id \`${item.id}\` (first used by entry ${earlier + 1})`,
            hint: "ids must be unique: references and `sla diff` match entries by id",
          });
      }
    }
  },
};
