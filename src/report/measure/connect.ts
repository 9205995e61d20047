// Connect-attempt compliance, lead by lead: for every lead handed to sales within the months
// measured, the time from the hand-off to the first attempt against the time allowed.
import { realMinutesBetween, type LocalDateTime } from "../../domain/business-time.js";
import { parseDuration } from "../../domain/duration.js";
import { stageCategory } from "../../domain/stages.js";
import type { Sla } from "../../model/index.js";
import type { Breach, ComplianceGroup, ConnectCompliance, Month } from "../model.js";
import { wallClock } from "./months.js";
import { asDictionary, readColumns, type Param, type ReportConnection } from "./query.js";
import { quantiles, type Quantiles } from "./quantiles.js";

/**
 * Business hours between two wall-clock times, each as minutes since 1970-01-01T00:00 on the
 * wall clock (a TIMESTAMP's epoch over 60): numbers, as a million leads would make and read
 * two million texts.
 */
export type BusinessHours = (fromMinutes: number, toMinutes: number) => number;

/**
 * The stage whose entry is the hand-off: the first SQL stage, else the first stage whose
 * owner differs from the one before it (the stage where another team takes over).
 */
export function handoffStage(sla: Sla): string | undefined {
  const stages = sla.lifecycleStages ?? [];
  const sql = stages.find((stage) => stageCategory(stage) === "sql");
  if (sql) return sql.id;
  return stages.find((stage, i) => i > 0 && stage.owner !== undefined && stages[i - 1]!.owner !== undefined && stage.owner !== stages[i - 1]!.owner)?.id;
}

interface Allowed {
  hours: number;
  business: boolean;
}

export interface ConnectFigures {
  compliance: ConnectCompliance;
  /** Hours from hand-off to the first attempt of the leads attempted, by hand-off month. */
  firstAttempt: { byMonth: Map<Month, Quantiles>; overall: Quantiles | undefined };
}

/** What compliance is computed from: the time allowed, and every lead handed over in the months measured, as columns. */
export interface Handoffs {
  stage: string;
  fallback: Allowed;
  allowedByType: Map<string, Allowed>;
  ids: unknown[];
  lines: unknown[];
  owners: unknown[];
  types: unknown[];
  handedAt: unknown[];
  attemptAt: unknown[];
}

/**
 * The leads handed over within `bounds`, read from the tables; undefined when the agreement
 * names no hand-off stage or no time to first attempt, or when the time allowed is in business
 * hours and `haveBusinessHours` is false (no business calendar to count them in).
 */
export async function readHandoffs(
  connection: ReportConnection,
  sla: Sla,
  bounds: [string, string],
  haveBusinessHours: boolean,
): Promise<Handoffs | undefined> {
  const stage = handoffStage(sla);
  const fallback = parseDuration(sla.connectAttempt?.timeToFirstAttempt);
  if (stage === undefined || fallback === undefined) return undefined;
  const allowedByType = new Map<string, Allowed>();
  for (const type of sla.leadTypes ?? []) {
    const own = parseDuration(type.timeToFirstAttempt);
    if (own) allowedByType.set(type.id, own);
  }
  if ((fallback.business || [...allowedByType.values()].some((a) => a.business)) && !haveBusinessHours) return undefined;

  // Entering the hand-off stage or any later one: a lead that skipped from MQL straight to
  // opportunity was handed over all the same.
  const stages = sla.lifecycleStages.map((s) => s.id);
  const later = stages.slice(stages.indexOf(stage));
  const owner = await asDictionary(connection, "leads", "owner", "l.owner");
  const leadType = await asDictionary(connection, "leads", "lead_type", "l.lead_type");
  // Times arrive as epoch seconds of the wall-clock time (a TIMESTAMP has no zone), which
  // reads back as the same wall-clock text: far faster over many leads than formatted text.
  const [ids, lines, owners, types, handedAt, attemptAt] = await readColumns(
    connection,
    `WITH handoff AS (
       SELECT lead_id, min(entered) AS at FROM lead_stages WHERE stage IN (${later.map(() => "?").join(", ")}) GROUP BY lead_id)
     SELECT l.id, l.line::DOUBLE, ${owner}, ${leadType}, epoch(h.at), epoch(l.first_attempt)
     FROM handoff h JOIN leads l ON l.id = h.lead_id
     WHERE h.at >= CAST(? AS TIMESTAMP) AND h.at < CAST(? AS TIMESTAMP)`,
    [...later, ...bounds] as Param[],
  );
  // No rows come back as no columns at all.
  return {
    stage,
    fallback,
    allowedByType,
    ids: ids ?? [],
    lines: lines ?? [],
    owners: owners ?? [],
    types: types ?? [],
    handedAt: handedAt ?? [],
    attemptAt: attemptAt ?? [],
  };
}

/**
 * Compliance lead by lead. `businessHours` is there whenever readHandoffs was told so;
 * without a business time allowed it is not called.
 */
export function connectCompliance(
  handoffs: Handoffs,
  sla: Sla,
  reportEnd: LocalDateTime,
  businessHours: BusinessHours | undefined,
  /** The calendar's zone: a time allowed in plain hours (`4h`) is real time across a change of the clocks. */
  timeZone = "UTC",
): ConnectFigures {
  const { stage, fallback, allowedByType, ids, lines, owners, types, handedAt, attemptAt } = handoffs;
  const total = group();
  const byType = new Map<string | null, ComplianceGroup & { allowedHours: number }>();
  const byOwner = new Map<string | null, ComplianceGroup>();
  const breaches: Breach[] = [];
  const attemptHours = new Map<Month, number[]>();
  // Whole seconds, as the wall-clock text the times were once read from kept them.
  const minutesOf = (seconds: number) => Math.floor(seconds) / 60;
  const end = Date.parse(`${reportEnd}Z`) / 60_000;
  for (let i = 0; i < ids.length; i++) {
    const leadType = (types[i] as string | null) ?? null;
    const owner = (owners[i] as string | null) ?? null;
    const handedSeconds = handedAt[i] as number;
    const attemptSeconds = attemptAt[i] as number | null;
    const handed = minutesOf(handedSeconds);
    const attempt = attemptSeconds === null ? null : minutesOf(attemptSeconds);
    const allowed = (leadType !== null && allowedByType.get(leadType)) || fallback;
    const elapsedTo = (to: number) => (allowed.business ? businessHours!(handed, to) : realMinutesBetween(handed, to, timeZone) / 60);
    // A known attempt decides the lead even when it came after the report's end.
    const elapsed = elapsedTo(attempt ?? (end > handed ? end : handed));
    const outcome = elapsed > allowed.hours ? "breached" : attempt !== null ? "withinTarget" : "open";
    let typeGroup = byType.get(leadType);
    if (!typeGroup) byType.set(leadType, (typeGroup = { ...group(), allowedHours: allowed.hours }));
    let ownerGroup = byOwner.get(owner);
    if (!ownerGroup) byOwner.set(owner, (ownerGroup = group()));
    for (const g of [total, typeGroup, ownerGroup]) {
      g.handedOver += 1;
      g[outcome] += 1;
    }
    if (outcome === "breached")
      breaches.push({
        leadId: ids[i] as string,
        owner,
        leadType,
        handedOverAt: wallClock(handedSeconds).slice(0, 16),
        firstAttemptAt: attemptSeconds === null ? null : wallClock(attemptSeconds).slice(0, 16),
        elapsedHours: elapsed,
        allowedHours: allowed.hours,
        line: lines[i] as number,
      });
    if (attempt !== null) {
      const month = monthOf(handedSeconds);
      const list = attemptHours.get(month);
      if (list) list.push(elapsed);
      else attemptHours.set(month, [elapsed]);
    }
  }
  // Ties by text, not by locale: the order is the same on every machine, and 100,000 breaches sort in a blink.
  breaches.sort(
    (a, b) => b.elapsedHours - b.allowedHours - (a.elapsedHours - a.allowedHours) || byText(a.handedOverAt, b.handedOverAt) || byText(a.leadId, b.leadId),
  );

  const typeOrder = (sla.leadTypes ?? []).map((t) => t.id);
  const rank = (type: string | null) => (type === null ? Infinity : typeOrder.indexOf(type) === -1 ? typeOrder.length : typeOrder.indexOf(type));
  const compliance: ConnectCompliance = {
    ...finish(total),
    handoffStage: stage,
    byLeadType: [...byType]
      .map(([leadType, g]) => ({ leadType, ...finish(g), allowedHours: g.allowedHours }))
      .sort((a, b) => rank(a.leadType) - rank(b.leadType) || String(a.leadType).localeCompare(String(b.leadType))),
    byOwner: [...byOwner]
      .map(([owner, g]) => ({ owner, ...finish(g) }))
      .sort((a, b) => b.handedOver - a.handedOver || (a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner))),
    breaches,
  };
  const byMonth = new Map([...attemptHours].map(([month, hours]) => [month, quantiles(hours)!]));
  return { compliance, firstAttempt: { byMonth, overall: quantiles([...attemptHours.values()].flat()) } };
}

/** The month (`YYYY-MM`) of a wall-clock time in epoch seconds, by its day: a report's hand-offs fall on a few hundred days. */
const monthsByDay = new Map<number, Month>();
function monthOf(seconds: number): Month {
  const day = Math.floor(seconds / 86_400);
  let month = monthsByDay.get(day);
  if (month === undefined) monthsByDay.set(day, (month = wallClock(day * 86_400).slice(0, 7)));
  return month;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function group(): ComplianceGroup {
  return { handedOver: 0, withinTarget: 0, breached: 0, open: 0, attainment: null };
}

function finish<G extends ComplianceGroup>(g: G): ComplianceGroup {
  const decided = g.withinTarget + g.breached;
  return { handedOver: g.handedOver, withinTarget: g.withinTarget, breached: g.breached, open: g.open, attainment: decided ? g.withinTarget / decided : null };
}
