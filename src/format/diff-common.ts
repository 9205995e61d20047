// Wording shared by the diff formatters: section titles, values with units, deltas, notes, all
// in the reader's language from the catalog (locales/<language>/messages/diff.json).
import { finite } from "../domain/finite.js";
import { toFraction } from "../domain/percent.js";
import { summarizeDiff, type Change, type ChangeClass, type EntityLabel, type SectionId, type SlaDiff } from "../diff/index.js";
import { uncomputableMessage, VOLUME_MESSAGES } from "../diff/funnel.js";
import type { VolumeMetric } from "../domain/funnel.js";
import { word } from "../i18n/catalog.js";
import { formatPercent } from "../i18n/format.js";
import { message, type Message, type MessageArgs } from "../i18n/message.js";

/** A catalog message worded in the locale. */
export const say = (locale: string, id: string, args?: MessageArgs): string => word(message(id, args), locale);

const SECTION_IDS: Record<SectionId, string> = {
  agreement: "diff/section.agreement",
  icps: "diff/section.icps",
  personas: "diff/section.personas",
  buyerJourney: "diff/section.buyer-journey",
  lifecycleStages: "diff/section.lifecycle-stages",
  leadTypes: "diff/section.lead-types",
  leadStatuses: "diff/section.lead-statuses",
  dealStages: "diff/section.deal-stages",
  leadScoring: "diff/section.lead-scoring",
  connectAttempt: "diff/section.connect-attempt",
  calendar: "diff/section.calendar",
  kpis: "diff/section.kpis",
  reporting: "diff/section.reporting",
  funnel: "diff/section.funnel",
  reset: "diff/section.reset",
};

export const SECTION_ORDER = Object.keys(SECTION_IDS) as SectionId[];

export function sectionTitle(section: SectionId, locale: string): string {
  return say(locale, SECTION_IDS[section]);
}

const ENTITY_IDS: Record<EntityLabel, string> = {
  ICP: "diff/entity.icp",
  persona: "diff/entity.persona",
  "journey phase": "diff/entity.journey-phase",
  "lifecycle stage": "diff/entity.lifecycle-stage",
  "lead type": "diff/entity.lead-type",
  "lead status": "diff/entity.lead-status",
  "deal stage": "diff/entity.deal-stage",
  KPI: "diff/entity.kpi",
  party: "diff/entity.party",
  "scoring criterion": "diff/entity.scoring-criterion",
};

/** What one entry is called, in the reader's language: "persona", "Lebenszyklusphase". */
export function entityTerm(label: EntityLabel, locale: string): string {
  return say(locale, ENTITY_IDS[label]);
}

/** A change class as shown ("tightened", "verschärft"); JSON and --fail-on keep the ids. */
export function classWord(cls: ChangeClass, locale: string): string {
  return say(locale, `diff/class.${cls}`);
}

/** Words joined as a list is in the reader's language: "a, b" or "a、b". */
export function joinList(parts: readonly string[], locale: string): string {
  return parts.join(say(locale, "diff/list-separator"));
}

/** The first letter upper-cased as the language does it (`i` is `İ` in Turkish). */
export function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

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

const number = (n: number, locale: string, digits = 2) => finite(n).toLocaleString(locale, { maximumFractionDigits: digits });

/** Units whose numbers are worded by a catalog template: "75 days", "4 business hours". */
const UNIT_IDS: Record<string, string> = {
  days: "diff/unit.days",
  hours: "diff/unit.hours",
  minutes: "diff/unit.minutes",
  weeks: "diff/unit.weeks",
  "business-hours": "diff/unit.business-hours",
  "business-days": "diff/unit.business-days",
};

/** A KPI target (or a duration's number) with its unit: "1,800,000 EUR", "25%", "75 days". */
export function formatKpiValue(unit: string | undefined, value: unknown, currency: string | undefined, locale = "en"): string {
  if (unit === "percent") {
    const fraction = toFraction(value as number | string);
    return fraction === undefined ? String(value) : formatPercent(fraction, locale);
  }
  if (typeof value !== "number") return formatValue(value, locale);
  if (unit === "currency") return `${number(value, locale)}${currency ? ` ${currency}` : ""}`;
  const id = unit === undefined ? undefined : UNIT_IDS[unit];
  return id ? say(locale, id, { n: finite(value) }) : number(value, locale);
}

/** "+360,000 EUR, +20%"; percentages change in percentage points. */
export function formatDelta(change: Change, currency: string | undefined, locale: string): string {
  if (!change.delta) return "";
  const { absolute, relative } = change.delta;
  const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "±");
  const magnitude = Math.abs(absolute);
  const isPercent = change.unit === "percent" || change.field === "probability";
  // A change from a tiny figure to a large one can be more percent than a number holds
  // (1e-292 → 9,007,199,254,740,991): that part is left out rather than written as ∞.
  const points = magnitude * 100;
  if (isPercent && !Number.isFinite(points)) return "";
  const abs = isPercent ? say(locale, "diff/unit.pp", { n: Number(points.toFixed(2)) }) : formatKpiValue(change.unit, magnitude, currency, locale);
  const rel =
    relative === null || isPercent || !Number.isFinite(relative * 100)
      ? ""
      : `, ${sign(relative)}${new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Math.abs(relative))}`;
  return `${sign(absolute)}${abs}${rel}`;
}

/** A value as a reader would write it: "(none)", "a, b", "name: Elif Demir, title: Head of Marketing". */
export function formatValue(value: unknown, locale: string): string {
  if (value === undefined || value === null) return say(locale, "diff/none");
  if (typeof value === "string") return value;
  if (typeof value === "number") return number(value, locale);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v !== null ? `(${formatValue(v, locale)})` : formatValue(v, locale))).join(", ");
  if (typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v, locale)}`)
      .join(", ");
  return String(value);
}

/** A changed field's old or new value, with the KPI's unit and that side's currency. */
export function formatFieldValue(change: Change, value: unknown, currency: string | undefined, locale: string, side: "before" | "after" = "after"): string {
  if (change.field === "version") return String(value);
  // A KPI whose unit changed says its old target in the old unit: 75 days → 1,800 h.
  const unit = (side === "before" ? change.unitBefore : undefined) ?? change.unit ?? (change.field === "probability" ? "percent" : undefined);
  // Percentages written as text ("30 %") are shown as numbers in the locale, as targets are.
  const shownWithUnit = change.field === "target" || change.field === "probability" || (unit === "percent" && typeof value === "string");
  return unit && shownWithUnit ? formatKpiValue(unit, value, currency, locale) : formatValue(value, locale);
}

export function volumeLabel(metric: string, locale: string): string {
  const said = VOLUME_MESSAGES[metric as VolumeMetric];
  return said ? word(said, locale) : metric;
}

/** A change's note (a message id and its arguments) worded in the locale. */
export function wordNote(note: Message, locale: string): string {
  if (note.id.startsWith("diff/funnel.") && note.args?.reason !== undefined)
    return say(locale, note.id, { ...note.args, problem: word(uncomputableMessage(note.args as unknown as { reason: string }), locale) });
  return word(note, locale);
}

/**
 * "lifecycle stage `mql` "Marketing Qualified Lead"", or the section for a whole section;
 * `text` writes the name for the output format (ids are only letters, digits, `-_.`).
 */
export function entityLabel(change: Change, locale: string, text: (name: string) => string = (name) => name): string {
  if (!change.entity)
    return change.kind === "added" || change.kind === "removed"
      ? say(locale, "diff/section-entity", { id: change.section, title: sectionTitle(change.section, locale) })
      : "";
  const name = change.entity.name && change.entity.name !== change.entity.id ? ` "${text(change.entity.name)}"` : "";
  return `${entityTerm(change.entity.label, locale)} \`${change.entity.id}\`${name}`;
}

/** For a file that one side does not have: "sla.yaml@main does not exist: everything in sla.yaml is added". */
export function absenceNote(diff: SlaDiff, locale: string): string | undefined {
  if (!diff.old.exists) return say(locale, "diff/absent.old", { file: diff.old.file, other: diff.new.file });
  if (!diff.new.exists) return say(locale, "diff/absent.new", { file: diff.new.file, other: diff.old.file });
  return undefined;
}

/** "5 changes: 1 renamed, 1 removed, 2 tightened, 1 reset problem" */
export function summarize(diff: SlaDiff, locale: string): string {
  const summary = summarizeDiff(diff);
  if (summary.changes === 0 && summary.resetProblems === 0) return say(locale, "diff/summary.none");
  // The document's own changes by class; funnel rows are derived and counted apart.
  const own = diff.changes.filter((c) => c.section !== "funnel" && c.section !== "reset");
  const shown: ChangeClass[] = ["added", "removed", "renamed", "reordered", "tightened", "loosened"];
  const part = (n: number, cls: ChangeClass) => say(locale, "diff/summary.part", { n, class: classWord(cls, locale) });
  const parts = shown
    .map((cls) => [cls, own.filter((c) => c.classes.includes(cls)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([cls, n]) => part(n, cls));
  // A raised probability or a reworded criterion has no class above: named by what it has
  // (raised, lowered, else changed), so the parts add up to the total.
  const rest = own.filter((c) => !c.classes.some((cls) => shown.includes(cls)));
  for (const cls of ["raised", "lowered"] as const) {
    const n = rest.filter((c) => c.classes.includes(cls)).length;
    if (n) parts.push(part(n, cls));
  }
  const changed = rest.filter((c) => !c.classes.includes("raised") && !c.classes.includes("lowered")).length;
  if (changed) parts.push(part(changed, "changed"));
  if (summary.resetProblems) parts.push(say(locale, "diff/summary.reset-problems", { n: summary.resetProblems }));
  return say(locale, "diff/summary", { n: summary.changes, parts: joinList(parts, locale) });
}
