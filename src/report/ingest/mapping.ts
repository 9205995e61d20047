// Which column of an export holds what, and which agreement id each CRM value means: the
// mapping in the SLA file first, then the preset, then (for values) the agreement's own ids.
import type { RecordExport } from "../../model/index.js";
import { SourceError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { closestMatch, lowerCase } from "../../util/did-you-mean.js";
import { listedColumns, quoted } from "./quality.js";
import { FIELDS, type Field, type KnownValue, type Layout, type SourceKind } from "./presets.js";

export interface ResolvedColumns {
  /** The index of the column holding each field found. */
  fields: Partial<Record<Field, number>>;
  /** For leads: the columns holding the date each lifecycle stage was entered. */
  stageDates: Array<{ stage: string; index: number }>;
}

/** Fields an export cannot be used without. */
const REQUIRED: Readonly<Record<SourceKind, readonly Field[]>> = { leads: ["id"], deals: ["id", "stage"] };

/** The index of the header `name`: as written, else ignoring case and surrounding spaces. */
function find(header: readonly string[], name: string): number | undefined {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = lowerCase(name.trim());
  const index = header.findIndex((column) => lowerCase(column) === wanted);
  return index >= 0 ? index : undefined;
}

export function resolveColumns(
  kind: SourceKind,
  source: RecordExport,
  layout: Layout,
  header: readonly string[],
  shown: string,
  stageMap: ReadonlyMap<string, string | null>,
  lifecycleIds: ReadonlySet<string>,
): ResolvedColumns {
  const fields: Partial<Record<Field, number>> = {};
  const stated = source.columns ?? {};
  for (const field of FIELDS) {
    const name = stated[field];
    if (name !== undefined) fields[field] = findStated(header, name, shown, field);
    else {
      for (const candidate of layout.columns[field] ?? []) {
        const index = find(header, candidate);
        if (index !== undefined) {
          fields[field] = index;
          break;
        }
      }
    }
  }
  for (const field of REQUIRED[kind]) {
    if (fields[field] === undefined) {
      throw new SourceError(shown, message("source/column-required", { kind, field, ...listedColumns(header) }));
    }
  }
  const stageDates: Array<{ stage: string; index: number }> = [];
  if (kind === "leads") {
    for (const [stage, name] of Object.entries(stated.stageDates ?? {}))
      stageDates.push({ stage, index: findStated(header, name, shown, `stageDates.${stage}`) });
    for (const known of layout.stages) {
      const stage = idOfKnown(known, stageMap, lifecycleIds);
      if (stage === undefined || stageDates.some((entry) => entry.stage === stage)) continue;
      const index = (known.dateColumns ?? []).map((name) => find(header, name)).find((i) => i !== undefined);
      if (index !== undefined) stageDates.push({ stage, index });
    }
  }
  return { fields, stageDates };
}

function findStated(header: readonly string[], name: string, shown: string, field: string): number {
  const index = find(header, name);
  if (index !== undefined) return index;
  const suggestion = closestMatch(name, header);
  throw new SourceError(
    shown,
    message("source/column-missing", {
      column: quoted(name),
      field,
      ...listedColumns(header),
      suggested: suggestion ? "yes" : "no",
      suggestion: quoted(suggestion ?? ""),
    }),
  );
}

/** The agreement id a preset's known value stands for: the mapping's, else the first candidate the agreement defines. */
function idOfKnown(known: KnownValue, map: ReadonlyMap<string, string | null>, ids: ReadonlySet<string>): string | undefined {
  for (const value of known.values) {
    const id = map.get(value);
    if (id) return id;
  }
  return known.ids.find((id) => ids.has(id));
}

/**
 * CRM value -> agreement id: a value that is an id of the agreement means itself; a value
 * the preset knows means the first of its likely ids the agreement defines, or null (known,
 * but the agreement has no such stage: counted, not an error); the mapping overrides both,
 * and maps to null (`~`) a value the team knows the agreement has no id for.
 */
export function valueMap(
  stated: Readonly<Record<string, string | null>> | undefined,
  known: readonly KnownValue[],
  ids: ReadonlySet<string>,
): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const id of ids) map.set(id, id);
  for (const entry of known) {
    const id = entry.ids.find((candidate) => ids.has(candidate)) ?? null;
    for (const value of entry.values) map.set(value, id);
  }
  for (const [value, id] of Object.entries(stated ?? {})) map.set(value, id);
  return map;
}
