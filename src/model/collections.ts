import type { JsonPath } from "../findings.js";
import type { Sla } from "./index.js";

export interface Entity {
  id: string;
  name?: string;
}

export interface Collection {
  /** What one entry is called in messages: "persona", "lifecycle stage". */
  label: string;
  path: JsonPath;
  /** The usable entries with their index in the list. */
  entries: { index: number; entity: Entity }[];
}

/** Every list of id-bearing entities in the document, with where it lives. */
export function collections(sla: Sla): Collection[] {
  const all: (Collection | undefined)[] = [
    list("party", ["agreement", "parties"], sla.agreement?.parties),
    list("ICP", ["icps"], sla.icps),
    list("persona", ["personas"], sla.personas),
    list("journey phase", ["buyerJourney"], sla.buyerJourney),
    list("lifecycle stage", ["lifecycleStages"], sla.lifecycleStages),
    list("lead type", ["leadTypes"], sla.leadTypes),
    list("lead status", ["leadStatuses"], sla.leadStatuses),
    list("deal stage", ["dealStages"], sla.dealStages),
    list("scoring criterion", ["leadScoring", "criteria"], sla.leadScoring?.criteria),
    list("KPI", ["kpis"], sla.kpis),
  ];
  return all.filter((c): c is Collection => c !== undefined);
}

/**
 * Only entries that are objects with a string id: duplicate checks run even while other parts
 * of an entry fail the schema, so they must not trust more than the id.
 */
function list(label: string, path: JsonPath, items: Entity[] | undefined): Collection | undefined {
  if (!Array.isArray(items)) return undefined;
  const entries: Collection["entries"] = [];
  items.forEach((entity, index) => {
    if (typeof entity === "object" && entity !== null && typeof entity.id === "string") entries.push({ index, entity });
  });
  return { label, path, entries };
}

export function idsOf(items: readonly Entity[] | undefined): Set<string> {
  return new Set((items ?? []).map((item) => item.id));
}

/**
 * Each key equal to an earlier one, as [its index, the earlier one's index]; undefined keys
 * are skipped. Lists in an agreement hold a few dozen entries, where comparing every pair
 * costs less than hashing every key into a Map; longer lists still use one.
 */
export function repeatedKeys(keys: readonly (string | undefined)[]): [later: number, first: number][] {
  const repeats: [number, number][] = [];
  if (keys.length <= 64) {
    for (let later = 1; later < keys.length; later++) {
      const key = keys[later];
      if (key === undefined) continue;
      for (let first = 0; first < later; first++)
        if (keys[first] === key) {
          repeats.push([later, first]);
          break;
        }
    }
    return repeats;
  }
  const firstOf = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, index);
    else repeats.push([index, first]);
  });
  return repeats;
}
