// What one entry of each id-bearing list is called in the rules' messages ("persona",
// "lifecycle stage"), as catalog terms: the lists are known by where they live.
import type { JsonPath } from "../../findings.js";
import { message, type Message } from "../../i18n/message.js";

const ENTITY_WORDS: Readonly<Record<string, Message>> = {
  "agreement.parties": message("rules/entity.party"),
  icps: message("rules/entity.icp"),
  personas: message("rules/entity.persona"),
  buyerJourney: message("rules/entity.journey-phase"),
  lifecycleStages: message("rules/entity.lifecycle-stage"),
  leadTypes: message("rules/entity.lead-type"),
  leadStatuses: message("rules/entity.lead-status"),
  dealStages: message("rules/entity.deal-stage"),
  "leadScoring.criteria": message("rules/entity.scoring-criterion"),
  kpis: message("rules/entity.kpi"),
};

/** The word for an entry of the list at `path` (a list the model does not know: its path). */
export function entityWord(path: JsonPath): Message {
  return ENTITY_WORDS[path.join(".")] ?? message("rules/entity.other", { list: path.join(".") });
}
