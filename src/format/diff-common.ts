// Wording shared by the diff formatters: section titles, values with units, deltas.
import { VOLUME_LABELS, type VolumeMetric } from "../domain/funnel.js";
import { formatPercent, toFraction } from "../domain/percent.js";
import type { Change, ChangeClass, SectionId, SlaDiff } from "../diff/index.js";

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

const number = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

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
  const abs = isPercent ? `${number(magnitude * 100)} pp` : formatKpiValue(change.unit, magnitude, currency);
  const rel = relative === null || isPercent ? "" : `, ${relative > 0 ? "+" : relative < 0 ? "−" : "±"}${number(Math.abs(relative) * 100, 1)}%`;
  return `${sign}${abs}${rel}`;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "string") return value;
  if (typeof value === "number") return number(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return JSON.stringify(value);
}

export function volumeLabel(metric: string): string {
  return VOLUME_LABELS[metric as VolumeMetric] ?? metric;
}

/** "lifecycle stage `mql` (Marketing Qualified Lead)" */
export function entityLabel(change: Change): string {
  if (!change.entity) return "";
  const name = change.entity.name && change.entity.name !== change.entity.id ? ` "${change.entity.name}"` : "";
  return `${change.entity.label} \`${change.entity.id}\`${name}`;
}

export function summarize(diff: SlaDiff): string {
  const changes = diff.changes.filter((c) => c.section !== "funnel" && c.section !== "reset");
  if (changes.length === 0 && diff.changes.length === 0) return "no changes";
  const counts = new Map<string, number>();
  for (const c of changes) for (const cls of c.classes) if (cls !== "changed" && cls !== "raised" && cls !== "lowered") counts.set(cls, (counts.get(cls) ?? 0) + 1);
  const resets = diff.changes.filter((c) => c.section === "reset").length;
  const parts = [...counts].map(([cls, n]) => `${n} ${cls}`);
  if (resets) parts.push(`${resets} reset problem${resets === 1 ? "" : "s"}`);
  return `${changes.length} change${changes.length === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
