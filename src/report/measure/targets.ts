// Targets per month and per period, attainment and status. The span arithmetic is the
// funnel math's own (src/domain/funnel.ts), so a report's month target is the one the
// validator and the rendered agreement speak of.
import { isSpanTarget, targetOverPeriod } from "../../domain/funnel.js";
import { toFraction } from "../../domain/percent.js";
import type { Kpi } from "../../model/index.js";
import type { KpiStatus } from "../model.js";

/** The target as a number to compare actuals with: a percentage as a fraction; undefined when unreadable. */
function level(kpi: Kpi): number | null {
  const value = kpi.unit === "percent" ? toFraction(kpi.target) : Number(kpi.target);
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/** One month's target: a span target's share of the period (a per-period revenue / 6), else the target itself. */
export function monthTarget(kpi: Kpi, periodMonths: number): number | null {
  const value = level(kpi);
  if (value === null || !isSpanTarget(kpi)) return value;
  const share = targetOverPeriod(kpi, periodMonths) / periodMonths;
  return Number.isFinite(share) ? share : null;
}

/** The target over the whole period: a span target summed over it, else the target itself. */
export function periodTarget(kpi: Kpi, periodMonths: number): number | null {
  const value = level(kpi);
  if (value === null || !isSpanTarget(kpi)) return value;
  const total = targetOverPeriod(kpi, periodMonths);
  return Number.isFinite(total) ? total : null;
}

/**
 * actual / target when higher is better, target / actual when lower is better; null without
 * both, and null when the quotient is no finite number (a lower-is-better actual of 0, a
 * target of 0), which statusOf reads as on track: nothing could be better.
 */
export function attainmentOf(direction: Kpi["direction"], target: number | null, actual: number | null): number | null {
  if (target === null || actual === null) return null;
  const value = direction === "higher" ? actual / target : target / actual;
  return Number.isFinite(value) ? value : null;
}

/** The thresholds of the status, as fractions of the target. */
export const ON_TRACK = 1;
export const AT_RISK = 0.9;

export function statusOf(direction: Kpi["direction"], target: number | null, actual: number | null): KpiStatus {
  if (target === null || actual === null) return "no-data";
  const attainment = attainmentOf(direction, target, actual);
  if (attainment === null) {
    // Target 0 (higher is better) or actual 0 (lower is better): met unless both sides say otherwise.
    const met = direction === "higher" ? actual >= target : actual <= target;
    return met ? "on-track" : "off-track";
  }
  return attainment >= ON_TRACK ? "on-track" : attainment >= AT_RISK ? "at-risk" : "off-track";
}
