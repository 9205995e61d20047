// Classifiers over the structural diff: each looks at one kind of change and says what it
// means for the commitment (raised, lowered, tightened, loosened) or shows the changed words.
import { compareDurations, parseDuration, type Duration } from "../domain/duration.js";
import { periodMonths, targetOverPeriod, targetSpan } from "../domain/funnel.js";
import { toFraction } from "../domain/percent.js";
import { DEFAULT_WORKING_DAYS, DEFAULT_WORKING_HOURS, parseWorkingHours } from "../domain/working-calendar.js";
import { message } from "../i18n/message.js";
import type { Kpi, Sla } from "../model/index.js";
import type { Change, ChangeClass, ListPart } from "./model.js";
import { diffWords, lcsDiff } from "./words.js";

interface Context {
  before: Sla;
  after: Sla;
  locale: string | undefined;
}

type Classifier = (change: Change, context: Context) => void;

const numeric = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function setDelta(change: Change, before: number, after: number, classes: { up?: ChangeClass[]; down?: ChangeClass[] } = {}): void {
  const absolute = after - before;
  const relative = before === 0 ? null : absolute / Math.abs(before);
  // 1e308 → -1e308 differs by more than a number holds: no delta rather than ±Infinity.
  if (Number.isFinite(absolute))
    change.delta = { absolute: clean(absolute), relative: relative === null || !Number.isFinite(relative) ? null : clean(relative) };
  if (after > before) change.classes.push("raised", ...(classes.up ?? []));
  else if (after < before) change.classes.push("lowered", ...(classes.down ?? []));
}

/**
 * Without binary floating-point noise: 0.3 - 0.25 is 0.05, not 0.04999999999999999. A whole
 * number has none and keeps every digit (9,007,199,254,740,991, not 9,007,199,254,740,000).
 */
function clean(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(12));
}

function kpiOf(sla: Sla, id: string | undefined): Kpi | undefined {
  return sla.kpis?.find((k) => k.id === id);
}

const SPANLESS_UNITS = new Set(["percent", "days", "hours", "score"]);

/**
 * A KPI target: raised or lowered, and whether that tightens the commitment. Counts and money
 * per month, quarter or period are compared per month, so 176 a month and 528 a quarter are
 * the same commitment; a change of `per` or `cadence` alone is classified the same way.
 */
const kpiTarget: Classifier = (change, { before, after }) => {
  if (change.section !== "kpis" || !["target", "per", "cadence"].includes(change.field ?? "")) return;
  const oldKpi = kpiOf(before, change.entity?.id);
  const newKpi = kpiOf(after, change.entity?.id);
  if (!oldKpi || !newKpi) return;
  if (oldKpi.unit !== newKpi.unit) {
    if (change.field === "target") {
      change.unitBefore = oldKpi.unit;
      change.note = message("diff/kpi.unit-changed", { before: oldKpi.unit, after: newKpi.unit });
    }
    return;
  }
  // When the target changed too, that change carries the comparison; count it once.
  if (change.field !== "target" && oldKpi.target !== newKpi.target) return;
  if (newKpi.unit === "currency" && before.agreement?.currency !== after.agreement?.currency) {
    change.note = message("diff/kpi.currency-changed", { before: before.agreement?.currency ?? "none", after: after.agreement?.currency ?? "none" });
    return;
  }
  let a: number | undefined;
  let b: number | undefined;
  if (SPANLESS_UNITS.has(newKpi.unit)) {
    if (change.field !== "target") return;
    const read = (kpi: Kpi) => (kpi.unit === "percent" ? toFraction(kpi.target) : numeric(kpi.target));
    [a, b] = [read(oldKpi), read(newKpi)];
  } else {
    const oldMonths = periodMonths(before);
    const newMonths = periodMonths(after);
    if (oldMonths === undefined || newMonths === undefined || typeof oldKpi.target !== "number" || typeof newKpi.target !== "number") return;
    const sameSpan = targetSpan(oldKpi) === targetSpan(newKpi) && (targetSpan(newKpi) !== "period" || oldMonths === newMonths);
    if (sameSpan) {
      if (change.field !== "target") return;
      [a, b] = [oldKpi.target, newKpi.target];
    } else {
      [a, b] = [targetOverPeriod(oldKpi, oldMonths) / oldMonths, targetOverPeriod(newKpi, newMonths) / newMonths];
      // A target too large to add up over the period (funnel/impossible says so) is not compared.
      if (!Number.isFinite(a) || !Number.isFinite(b)) return;
      change.note = a === b ? message("diff/kpi.same-per-month") : message("diff/kpi.compared-per-month", { before: round(a), after: round(b) });
    }
  }
  if (a === undefined || b === undefined) return;
  const higherIsBetter = newKpi.direction === "higher";
  // A KPI whose direction flipped cannot be called tighter or looser.
  if (oldKpi.direction !== newKpi.direction) return setDelta(change, a, b);
  setDelta(change, a, b, higherIsBetter ? { up: ["tightened"], down: ["loosened"] } : { up: ["loosened"], down: ["tightened"] });
};

/** Two decimals at most; grouped and written in the reader's locale when worded. */
const round = (n: number) => Number(n.toFixed(2));

/** Lead-scoring thresholds: a higher bar qualifies fewer leads. */
const scoringThreshold: Classifier = (change) => {
  if (change.section !== "leadScoring" || (change.field !== "mqlThreshold" && change.field !== "sqlThreshold")) return;
  const a = numeric(change.before);
  const b = numeric(change.after);
  if (a !== undefined && b !== undefined) setDelta(change, a, b, { up: ["tightened"], down: ["loosened"] });
};

/**
 * Time limits: sooner first attempts, a shorter attempt window and less time in a stage (the
 * MQL's time to be accepted or returned) ask more of the team that owns them.
 */
const TIME_LIMITS: readonly (readonly [section: string, field: string])[] = [
  ["connectAttempt", "timeToFirstAttempt"],
  ["leadTypes", "timeToFirstAttempt"],
  ["connectAttempt", "window"],
  ["lifecycleStages", "maxTimeInStage"],
];

/** Connect attempts and stage times: sooner, shorter and more attempts ask more of a team. */
const connectCommitment: Classifier = (change) => {
  if (TIME_LIMITS.some(([section, field]) => change.section === section && change.field === field)) {
    const a = parseDuration(change.before as string);
    const b = parseDuration(change.after as string);
    if (!a || !b) return;
    durationDelta(change, a, b);
    const order = compareDurations(b, a);
    if (order < 0) change.classes.push("lowered", "tightened");
    else if (order > 0) change.classes.push("raised", "loosened");
    return;
  }
  if (change.section === "connectAttempt" && change.field === "attempts") {
    const a = numeric(change.before);
    const b = numeric(change.after);
    if (a !== undefined && b !== undefined) setDelta(change, a, b, { up: ["tightened"], down: ["loosened"] });
  }
};

/** The unit a duration's number counts, as the formatters name it: `business-hours`, `days`. */
function durationUnit(d: Duration): string {
  const unit = { minute: "minutes", hour: "hours", day: "days", week: "weeks" }[d.unit];
  return d.business ? `business-${unit}` : unit;
}

/**
 * Two durations in one unit (4 business hours → 2 business hours) differ by a number of that
 * unit; in different units (4 hours → 1 business day) only their order is said.
 */
function durationDelta(change: Change, a: Duration, b: Duration): void {
  const unit = durationUnit(b);
  if (durationUnit(a) !== unit || a.value === b.value) return;
  change.unit = unit;
  setDelta(change, a.value, b.value);
  // setDelta's raised/lowered come from the number; the classifier says them from the time.
  change.classes = change.classes.filter((c) => c !== "raised" && c !== "lowered");
}

/**
 * The business calendar: more working time (longer hours, more working days, fewer days off)
 * runs the business-time clock for more hours, so the same "4 business hours" asks more of
 * sales; less working time gives them longer.
 */
const calendarTime: Classifier = (change) => {
  if (change.section !== "calendar") return;
  let more: boolean | undefined;
  if (change.field === "workingHours") {
    const length = (text: unknown) => {
      const hours = typeof text === "string" ? parseWorkingHours(text) : undefined;
      return hours ? hours.end - hours.start : undefined;
    };
    const [a, b] = [length(change.before ?? DEFAULT_WORKING_HOURS), length(change.after ?? DEFAULT_WORKING_HOURS)];
    if (a !== undefined && b !== undefined && a !== b) more = b > a;
  } else if (change.field === "workingDays" || change.field === "holidays") {
    const count = (list: unknown, fallback: readonly string[]) => new Set(isTextList(list) ? list : fallback).size;
    const fallback = change.field === "workingDays" ? DEFAULT_WORKING_DAYS : [];
    const [a, b] = [count(change.before, fallback), count(change.after, fallback)];
    if (a !== b) more = change.field === "workingDays" ? b > a : b < a;
  }
  if (more !== undefined) change.classes.push(more ? "tightened" : "loosened");
};

/** Deal-stage probabilities, written in any percentage style. */
const probability: Classifier = (change) => {
  if (change.section !== "dealStages" || change.field !== "probability") return;
  const a = toFraction(change.before as number | string);
  const b = toFraction(change.after as number | string);
  if (a === undefined || b === undefined) return;
  // Said as fractions, as a percent KPI's are: a program reading the JSON needs the unit.
  change.unit = "percent";
  setDelta(change, a, b);
};

/** Any other number: raised or lowered. */
const otherNumber: Classifier = (change) => {
  // KPI targets are kpiTarget's: across a currency change they are deliberately unclassified.
  if (change.delta || change.kind !== "changed" || (change.section === "kpis" && change.field === "target")) return;
  const a = numeric(change.before);
  const b = numeric(change.after);
  if (a !== undefined && b !== undefined) return setDelta(change, a, b);
  // "30 %" → "28 %": percentages written as text are numbers too, compared in points.
  const [x, y] = [percentText(change.before), percentText(change.after)];
  if (x !== undefined && y !== undefined) {
    change.unit = "percent";
    setDelta(change, x, y);
  }
};

/** A text that is a percentage ("30 %", "%25", "２５％") as a fraction; a bare number is not. */
function percentText(value: unknown): number | undefined {
  return typeof value === "string" && /[%％]/.test(value) ? toFraction(value) : undefined;
}

/** Texts show the changed words; lists of texts show items added, removed or reworded. */
const texts: Classifier = (change, { locale }) => {
  // A number, a percentage or a duration written as text is compared as one, not word by word.
  if ((change.kind !== "changed" && change.kind !== "renamed") || change.delta || isDurationChange(change)) return;
  const { before, after } = change;
  if (typeof before === "string" && typeof after === "string") {
    if (isProse(before) || isProse(after)) change.words = diffWords(before, after, locale);
  } else if (isTextList(before) && isTextList(after)) {
    change.items = diffTextList(before, after, locale);
  }
};

function isDurationChange(change: Change): boolean {
  return (
    typeof change.before === "string" &&
    typeof change.after === "string" &&
    parseDuration(change.before) !== undefined &&
    parseDuration(change.after) !== undefined
  );
}

/** Sentences get a word diff; dates, ids and other single tokens read better whole. */
function isProse(text: string): boolean {
  return /\s/.test(text.trim()) || text.length > 20;
}

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((item) => typeof item === "string");
}

/**
 * Items matched by equality. Within a run of removed and added items, a removed item and an
 * added one that share most of their words are a rewording, shown word by word.
 */
export function diffTextList(before: string[], after: string[], locale: string | undefined): ListPart[] {
  const out: ListPart[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    const unmatched = new Set(inserted.keys());
    for (const old of deleted) {
      let best: number | undefined;
      let bestScore = REWORDING_SIMILARITY;
      for (const j of unmatched) {
        const score = similarity(old, inserted[j]!, locale);
        if (score >= bestScore) [best, bestScore] = [j, score];
      }
      if (best === undefined) out.push({ op: "delete", text: old });
      else {
        unmatched.delete(best);
        out.push({ op: "change", text: inserted[best]!, words: diffWords(old, inserted[best]!, locale) });
      }
    }
    for (const j of unmatched) out.push({ op: "insert", text: inserted[j]! });
    deleted = [];
    inserted = [];
  };
  for (const part of lcsDiff(before, after)) {
    if (part.op === "delete") deleted.push(part.text);
    else if (part.op === "insert") inserted.push(part.text);
    else {
      flush();
      out.push({ op: "equal", text: part.text });
    }
  }
  flush();
  return withMoves(out);
}

/** An item removed at one place and added unchanged at another has moved: said once, where it now is. */
function withMoves(parts: ListPart[]): ListPart[] {
  const removed = new Map<string, number>();
  parts.forEach((part, i) => {
    if (part.op === "delete" && !removed.has(part.text)) removed.set(part.text, i);
  });
  const gone = new Set<number>();
  const out = parts.map((part) => {
    const from = part.op === "insert" ? removed.get(part.text) : undefined;
    if (from === undefined) return part;
    removed.delete(part.text);
    gone.add(from);
    return { op: "move" as const, text: part.text };
  });
  return out.filter((_, i) => !gone.has(i));
}

/** Share of words two texts have in common for them to count as one item reworded. */
const REWORDING_SIMILARITY = 0.5;

function similarity(a: string, b: string, locale: string | undefined): number {
  const parts = diffWords(a, b, locale);
  const same = parts.filter((p) => p.op === "equal").reduce((n, p) => n + p.text.length, 0);
  return (2 * same) / (a.length + b.length || 1);
}

/** Applied in order; each adds classes or detail to the changes it understands. */
const CLASSIFIERS: Classifier[] = [kpiTarget, scoringThreshold, connectCommitment, calendarTime, probability, otherNumber, texts];

/** `25` → `"25%"` or `0.25`: the same percentage written another way is no change. */
function isSamePercentage(change: Change, context: Context): boolean {
  const percent =
    change.field === "probability" || (change.section === "kpis" && change.field === "target" && kpiOf(context.after, change.entity?.id)?.unit === "percent");
  if (!percent || change.kind !== "changed") return false;
  const a = toFraction(change.before as number | string);
  return a !== undefined && a === toFraction(change.after as number | string);
}

export function classify(all: Change[], context: Context): Change[] {
  const changes = all.filter((change) => !isSamePercentage(change, context));
  for (const change of changes) {
    change.classes.push(change.kind);
    if (change.section === "kpis" && change.entity) change.unit = (kpiOf(context.after, change.entity.id) ?? kpiOf(context.before, change.entity.id))?.unit;
    for (const classifier of CLASSIFIERS) classifier(change, context);
    change.classes = [...new Set(change.classes)];
  }
  return changes;
}
