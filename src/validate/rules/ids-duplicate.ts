import { repeatedKeys } from "../../model/collections.js";
import { entityWord } from "./entities.js";
import { message } from "../../i18n/message.js";
import type { Rule } from "../rule.js";

export const idsDuplicate: Rule = {
  id: "ids/duplicate",
  defaultSeverity: "error",
  description: "Ids are unique within each list (parties, ICPs, personas, stages, lead types, statuses, deal stages, scoring criteria, KPIs).",
  needs: [],
  check({ collections, report }) {
    for (const { path, entries } of collections()) {
      for (const [later, first] of repeatedKeys(entries.map(({ entity }) => entity.id))) {
        const { index, entity: item } = entries[later]!;
        report({
          path: [...path, index, "id"],
          message: message("ids/duplicate", { entity: entityWord(path), id: item.id, first: entries[first]!.index + 1 }),
          hint: message("ids/duplicate.hint"),
        });
      }
    }
  },
};
