// Wording shared by the diff formatters: section titles, values with units, deltas.
import { finite } from "../domain/finite.js";
import { VOLUME_LABELS, type VolumeMetric } from "../domain/funnel.js";
import { formatPercent, toFraction } from "../domain/percent.js";
import { summarizeDiff, type Change, type ChangeClass, type SectionId, type SlaDiff } from "../diff/index.js";

export const SECTION_TITLES: Record<SectionId, string> = {
  agreement: "Agreement",
  icps: "Ideal customer profiles",
  personas: "Buyer personas",
  buyerJourney: "Buyer's journey",
  lifecycleStages: "Lifecycle stages",
  leadTypes: "Lead types",
  leadStatuses: "Lead statuses",
  dealStages: "Deal stages",
  leadScoring: "Lead scoring",
  connectAttempt: "Connect attempts",
  kpis: "KPI targets",
  reporting: "Reporting and review",
  funnel: "Funnel math: volumes needed per month",
  reset: "Reset checks",
};

export const SECTION_ORDER = Object.keys(SECTION_TITLES) as SectionId[];

/** Classes worth showing beside a change (its kind is already told by the sign). */
export function effectClasses(change: Change): ChangeClass[] {
  return change.classes.filter((c) => c === "raised" || c === "lowered" || c === "tightened" || c === "loosened");
}

export function groupBySection(diff: SlaDiff): Map<SectionId, Change[]> {
  const groups = new Map<SectionId, Change[]>();
  for (const section of SECTION_ORDER) {
    const changes = diff.changes.filter((c) => c.section === section);
    if (changes.length) groups.set(section, changes);
  }
  return groups;
}

const number = (n: number, digits = 2) => finite(n).toLocaleString("en-US", { maximumFractionDigits: digits });

/** A KPI target with its unit: "1,800,000 EUR", "25%", "75 days". */
export function formatKpiValue(unit: string | undefined, value: unknown, currency: string | undefined): string {
  if (unit === "percent") {
    const fraction = toFraction(value as number | string);
    return fraction === undefined ? String(value) : formatPercent(fraction);
  }
  if (typeof value !== "number") return formatValue(value);
  switch (unit) {
    case "currency":
      return `${number(value)}${currency ? ` ${currency}` : ""}`;
    case "days":
      return `${number(value)} day${value === 1 ? "" : "s"}`;
    case "hours":
      return `${number(value)} h`;
    default:
      return number(value);
  }
}

/** "+360,000 EUR, +20%"; percentages change in percentage points. */
export function formatDelta(change: Change, currency: string | undefined): string {
  if (!change.delta) return "";
  const { absolute, relative } = change.delta;
  const sign = absolute > 0 ? "+" : absolute < 0 ? "−" : "±";
  const magnitude = Math.abs(absolute);
  const isPercent = change.unit === "percent" || change.field === "probability";
  // A change from a tiny figure to a large one can be more percent than a number holds
  // (1e-292 → 9,007,199,254,740,991): that part is left out rather than written as ∞.
  const points = magnitude * 100;
  if (isPercent && !Number.isFinite(points)) return "";
  const abs = isPercent ? `${number(points)} pp` : formatKpiValue(change.unit, magnitude, currency);
  const percent = relative === null || isPercent ? undefined : relative * 100;
  const rel = percent === undefined || !Number.isFinite(percent) ? "" : `, ${percent > 0 ? "+" : percent < 0 ? "−" : "±"}${number(Math.abs(percent), 1)}%`;
  return `${sign}${abs}${rel}`;
}

/** A value as a reader would write it: "(none)", "a, b", "name: Elif Demir, title: Head of Marketing". */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "string") return value;
  if (typeof value === "number") return number(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v !== null ? `(${formatValue(v)})` : formatValue(v))).join(", ");
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ");
  return String(value);
}

/** A changed field's old or new value, with the KPI's unit and that side's currency. */
export function formatFieldValue(change: Change, value: unknown, currency: string | undefined, side: "before" | "after" = "after"): string {
  if (change.field === "version") return String(value);
  // A KPI whose unit changed says its old target in the old unit: 75 days → 1,800 h.
  const unit = (side === "before" ? change.unitBefore : undefined) ?? change.unit ?? (change.field === "probability" ? "percent" : undefined);
  return unit && (change.field === "target" || change.field === "probability") ? formatKpiValue(unit, value, currency) : formatValue(value);
}

export function volumeLabel(metric: string): string {
  return VOLUME_LABELS[metric as VolumeMetric] ?? metric;
}

/**
 * "lifecycle stage `mql` "Marketing Qualified Lead"", or the section for a whole section;
 * `text` writes the name for the output format (ids are only letters, digits, `-_.`).
 */
export function entityLabel(change: Change, text: (name: string) => string = (name) => name): string {
  if (!change.entity) return change.kind === "added" || change.kind === "removed" ? `section \`${change.section}\` (${SECTION_TITLES[change.section]})` : "";
  const name = change.entity.name && change.entity.name !== change.entity.id ? ` "${text(change.entity.name)}"` : "";
  return `${change.entity.label} \`${change.entity.id}\`${name}`;
}

/** For a file that one side does not have: "sla.yaml@main does not exist: everything in sla.yaml is added". */
export function absenceNote(diff: SlaDiff): string | undefined {
  if (!diff.old.exists) return `${diff.old.file} does not exist: everything in ${diff.new.file} is added`;
  if (!diff.new.exists) return `${diff.new.file} does not exist: everything in ${diff.old.file} is removed`;
  return undefined;
}

/** "5 changes: 1 renamed, 1 removed, 2 tightened, 1 reset problem" */
export function summarize(diff: SlaDiff): string {
  const summary = summarizeDiff(diff);
  if (summary.changes === 0 && summary.resetProblems === 0) return "no changes";
  // The document's own changes by class; funnel rows are derived and counted apart.
  const own = diff.changes.filter((c) => c.section !== "funnel" && c.section !== "reset");
  const shown: ChangeClass[] = ["added", "removed", "renamed", "reordered", "tightened", "loosened"];
  const counts = shown.map((cls) => [cls, own.filter((c) => c.classes.includes(cls)).length] as const);
  const parts = counts.filter(([, n]) => n > 0).map(([cls, n]) => `${n} ${cls}`);
  // A raised probability or a reworded criterion has no class above: named by what it has
  // (raised, lowered, else changed), so the parts add up to the total.
  const rest = own.filter((c) => !c.classes.some((cls) => shown.includes(cls)));
  for (const cls of ["raised", "lowered"] as const) {
    const n = rest.filter((c) => c.classes.includes(cls)).length;
    if (n) parts.push(`${n} ${cls}`);
  }
  const changed = rest.filter((c) => !c.classes.includes("raised") && !c.classes.includes("lowered")).length;
  if (changed) parts.push(`${changed} changed`);
  if (summary.resetProblems) parts.push(`${summary.resetProblems} reset problem${summary.resetProblems === 1 ? "" : "s"}`);
  return `${summary.changes} change${summary.changes === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
