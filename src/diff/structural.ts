// The identity-matched structural diff: entities are matched by id, never by position, so
// a moved entity is a reorder and a renamed one a rename. Classification comes after.
import type { JsonPath } from "../findings.js";
import type { Sla } from "../model/index.js";
import type { Change, EntityLabel, EntityRef, SectionId } from "./model.js";
import { lcsDiff } from "./words.js";

type Value = unknown;
type Entity = { id: string; name?: string } & Record<string, unknown>;

interface Scope {
  section: SectionId;
  entity?: EntityRef;
  /** Path of the entity (or section) in the new document. */
  base: JsonPath;
  /** Field path inside the entity or section, for people: `sequence[2].channel`. */
  field: string[];
  /** The same as document path segments: `sequence`, 1, `channel`. */
  sub: JsonPath;
}

const SECTIONS: { id: SectionId; label?: EntityLabel; ordered?: boolean }[] = [
  { id: "agreement" },
  { id: "icps", label: "ICP" },
  { id: "personas", label: "persona" },
  { id: "buyerJourney", label: "journey phase", ordered: true },
  { id: "lifecycleStages", label: "lifecycle stage", ordered: true },
  { id: "leadTypes", label: "lead type" },
  { id: "leadStatuses", label: "lead status" },
  { id: "dealStages", label: "deal stage", ordered: true },
  { id: "leadScoring" },
  { id: "connectAttempt" },
  { id: "calendar" },
  { id: "kpis", label: "KPI" },
  { id: "reporting" },
];

/** Lists of entities inside sections, with what one entry is called. */
const NESTED_LABELS: Record<string, EntityLabel> = {
  parties: "party",
  criteria: "scoring criterion",
};

export function structuralDiff(before: Sla, after: Sla): Change[] {
  const changes: Change[] = [];
  for (const section of SECTIONS) {
    const a = (before as unknown as Record<string, Value>)[section.id];
    const b = (after as unknown as Record<string, Value>)[section.id];
    const scope: Scope = { section: section.id, base: [section.id], field: [], sub: [] };
    if (a === undefined && b !== undefined) {
      changes.push({ section: section.id, kind: "added", path: [section.id], after: b, classes: [] });
    } else if (a !== undefined && b === undefined) {
      changes.push({ section: section.id, kind: "removed", path: [section.id], before: a, classes: [] });
    } else if (section.label && (isEntityList(a) || isEntityList(b))) {
      diffEntities(changes, scope, section.label, asList(a), asList(b), section.ordered ?? false);
    } else {
      diffValue(changes, scope, a, b);
    }
  }
  return changes;
}

function diffEntities(changes: Change[], scope: Scope, label: EntityLabel, a: Entity[], b: Entity[], ordered: boolean): void {
  const listPath = [...scope.base, ...scope.sub];
  const oldById = new Map(a.map((e, i) => [e.id, { entity: e, index: i }]));
  const newById = new Map(b.map((e, i) => [e.id, { entity: e, index: i }]));
  const ref = (e: Entity): EntityRef => ({ id: e.id, name: typeof e.name === "string" ? e.name : undefined, label });

  for (const [id, { entity, index }] of oldById) {
    if (!newById.has(id))
      changes.push({ section: scope.section, kind: "removed", entity: ref(entity), path: [...listPath, index], before: entity, classes: [] });
  }
  for (const [id, { entity, index }] of newById) {
    const old = oldById.get(id);
    const path = [...listPath, index];
    if (!old) {
      changes.push({ section: scope.section, kind: "added", entity: ref(entity), path, after: entity, classes: [] });
      continue;
    }
    const inner: Scope = { section: scope.section, entity: { ...ref(entity), name: entity.name ?? old.entity.name }, base: path, field: [], sub: [] };
    if (old.entity.name !== entity.name)
      changes.push({
        section: scope.section,
        kind: "renamed",
        entity: inner.entity,
        field: "name",
        path: [...path, "name"],
        before: old.entity.name,
        after: entity.name,
        classes: [],
      });
    for (const key of unionKeys(old.entity, entity)) {
      if (key === "id" || key === "name") continue;
      diffValue(changes, { ...inner, field: [key], sub: [key] }, old.entity[key], entity[key]);
    }
  }

  if (ordered) {
    const common = (list: Entity[]) => list.map((e) => e.id).filter((id) => oldById.has(id) && newById.has(id));
    const before = common(a);
    const after = common(b);
    if (before.join("\u0000") !== after.join("\u0000")) {
      const kept = new Set(
        lcsDiff(before, after)
          .filter((part) => part.op === "equal")
          .map((part) => part.text),
      );
      changes.push({
        section: scope.section,
        kind: "reordered",
        field: scope.field.join(".") || undefined,
        path: listPath,
        order: { before, after, moved: after.filter((id) => !kept.has(id)) },
        classes: [],
      });
    }
  }
}

function diffValue(changes: Change[], scope: Scope, a: Value, b: Value): void {
  if (deepEqual(a, b)) return;
  const path = [...scope.base, ...scope.sub];
  const nestedLabel = NESTED_LABELS[scope.field[scope.field.length - 1] ?? ""];
  if (nestedLabel && (isEntityList(a) || isEntityList(b))) {
    diffEntities(changes, scope, nestedLabel, asList(a), asList(b), false);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of unionKeys(a, b)) diffValue(changes, { ...scope, field: [...scope.field, key], sub: [...scope.sub, key] }, a[key], b[key]);
    return;
  }
  // Lists of records without ids (signatories, the attempt sequence) are compared by position.
  if (isRecordList(a) && isRecordList(b)) {
    const last = scope.field.length - 1;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const field = [...scope.field.slice(0, last), `${scope.field[last]}[${i + 1}]`];
      diffValue(changes, { ...scope, field, sub: [...scope.sub, i] }, a[i], b[i]);
    }
    return;
  }
  changes.push({
    section: scope.section,
    kind: "changed",
    entity: scope.entity,
    field: scope.field.join(".") || undefined,
    path,
    before: a,
    after: b,
    classes: [],
  });
}

function isPlainObject(v: Value): v is Record<string, Value> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isRecordList(v: Value): v is Record<string, Value>[] {
  return Array.isArray(v) && v.length > 0 && v.every(isPlainObject);
}

function isEntityList(v: Value): v is Entity[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isPlainObject(e) && typeof e.id === "string");
}

function asList(v: Value): Entity[] {
  return isEntityList(v) ? v : [];
}

function unionKeys(a: Record<string, Value>, b: Record<string, Value>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = unionKeys(a, b);
    return keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
