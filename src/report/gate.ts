// `sla report --fail-on`: whether the scorecard holds a status the team gates on. The latest
// month and the period to date are what the meeting judges; an earlier month's miss is history.
import type { KpiStatus, Report } from "./model.js";

export type FailOn = "off-track" | "at-risk";

export const FAIL_ON: readonly FailOn[] = ["off-track", "at-risk"];

/** At risk includes off track: a gate on "at risk" fails on anything short of on track. */
export function failsOn(report: Report, failOn: FailOn | undefined): boolean {
  if (failOn === undefined) return false;
  const failing: readonly KpiStatus[] = failOn === "at-risk" ? ["at-risk", "off-track"] : ["off-track"];
  const latest = report.months.at(-1)?.kpis ?? [];
  return [...latest, ...report.periodToDate.kpis].some((k) => failing.includes(k.status));
}
