import type { JsonPath } from "../findings.js";
import type { FunnelMath, FunnelUncomputable } from "../domain/funnel.js";
import type { Message } from "../i18n/message.js";
import type { TextPart } from "./words.js";

/** Classes a change can have; `--fail-on` takes these (and `any`). */
export const CHANGE_CLASSES = ["added", "removed", "renamed", "reordered", "changed", "raised", "lowered", "tightened", "loosened", "reset"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export type ChangeKind = "added" | "removed" | "renamed" | "reordered" | "changed";

export type SectionId =
  | "agreement"
  | "icps"
  | "personas"
  | "buyerJourney"
  | "lifecycleStages"
  | "leadTypes"
  | "leadStatuses"
  | "dealStages"
  | "leadScoring"
  | "connectAttempt"
  | "calendar"
  | "kpis"
  | "reporting"
  | "funnel"
  | "reset";

/** What one entry of a list is called, in JSON (stable); worded in the reader's language when shown. */
export const ENTITY_LABELS = [
  "ICP",
  "persona",
  "journey phase",
  "lifecycle stage",
  "lead type",
  "lead status",
  "deal stage",
  "KPI",
  "party",
  "scoring criterion",
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export interface EntityRef {
  id: string;
  name?: string;
  /** What one entry is called: "KPI", "persona", "party". */
  label: EntityLabel;
}

export interface ListPart {
  /** `move`: the same item at another place in the list (shown where it now is). */
  op: "equal" | "insert" | "delete" | "change" | "move";
  text: string;
  /** For `change`: the words that changed between the old and the new item. */
  words?: TextPart[];
}

export interface Change {
  section: SectionId;
  kind: ChangeKind;
  /** The entity changed, added or removed; absent for fields of a section itself. */
  entity?: EntityRef;
  /** The field inside the entity or section, dotted: `target`, `reviewPeriod.end`. */
  field?: string;
  /** Where in the new document (the old one for removals). */
  path: JsonPath;
  before?: unknown;
  after?: unknown;
  classes: ChangeClass[];
  /** For numbers: new minus old, and that as a share of old (null when old is 0). */
  delta?: { absolute: number; relative: number | null };
  /** For texts: the changed words. */
  words?: TextPart[];
  /** For lists of texts: item by item. */
  items?: ListPart[];
  /** For reorders: ids in the old and the new order. */
  order?: { before: string[]; after: string[]; moved: string[] };
  /** For KPI changes: the KPI's unit (`currency`, `percent`, `count`, ...), to format values. */
  unit?: string;
  /** For a KPI whose unit changed: its unit before, to format the value before in it. */
  unitBefore?: string;
  /** One line of explanation that the data alone does not give (reset checks, funnel), as a message id and arguments (worded by the formatters). */
  note?: Message;
}

export interface DiffSide {
  file: string;
  /** False when the file does not exist on this side: added (old side) or removed (new side). */
  exists: boolean;
  name: string | undefined;
  version: string | undefined;
  reviewPeriod: { start: string; end: string } | undefined;
  currency: string | undefined;
  language: string | undefined;
  funnel: FunnelMath | FunnelUncomputable | undefined;
}

export interface SlaDiff {
  old: DiffSide;
  new: DiffSide;
  changes: Change[];
}
