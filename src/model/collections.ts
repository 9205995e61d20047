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

/** The lists of id-bearing entities: what an entry is called, and where the list lives. */
const LISTS: readonly { label: string; path: JsonPath }[] = [
  { label: "party", path: ["agreement", "parties"] },
  { label: "ICP", path: ["icps"] },
  { label: "persona", path: ["personas"] },
  { label: "journey phase", path: ["buyerJourney"] },
  { label: "lifecycle stage", path: ["lifecycleStages"] },
  { label: "lead type", path: ["leadTypes"] },
  { label: "lead status", path: ["leadStatuses"] },
  { label: "deal stage", path: ["dealStages"] },
  { label: "scoring criterion", path: ["leadScoring", "criteria"] },
  { label: "KPI", path: ["kpis"] },
];

/**
 * Every list of id-bearing entities in the document, with where it lives. Only entries that
 * are objects with a string id: duplicate checks run even while other parts of an entry fail
 * the schema, so they must not trust more than the id. (One loop over a table rather than a
 * call per list: V8 took 20 ms to optimise the unrolled form, on the thread that optimises
 * the YAML reader and the validator too.)
 */
export function collections(sla: Sla): Collection[] {
  const found: Collection[] = [];
  for (const { label, path } of LISTS) {
    let items: unknown = sla;
    for (const key of path) items = (items as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(items)) continue;
    const entries: Collection["entries"] = [];
    for (let index = 0; index < items.length; index++) {
      const entity: unknown = items[index];
      if (typeof entity === "object" && entity !== null && typeof (entity as Entity).id === "string") entries.push({ index, entity: entity as Entity });
    }
    found.push({ label, path, entries });
  }
  return found;
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
