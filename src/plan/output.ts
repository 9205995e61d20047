// What `sla plan` says, before any wording: the JSON format is this object as it is
// (version 1, documented in the README); the text and Markdown formats word it.
import type { NextProposal } from "./next.js";
import type { Override } from "./overrides.js";
import type { FunnelPlan } from "./solve.js";
import type { TargetChange } from "./write.js";

export interface PlanOutput {
  version: 1;
  file: string;
  /** What-if targets used instead of the file's (`--set`). */
  overrides: Override[];
  /** The plan without the validator's math, which the JSON does not carry. */
  funnel: Omit<FunnelPlan, "computable" | "funnel">;
  /** The KPIs whose targets are too low for the revenue target. */
  tooLow: string[];
  /** `--write` and `--dry-run`: the targets set (written, or only shown); `--next`: the volumes. */
  changes: TargetChange[];
  /** What was asked: the plan shown, the too-low targets written or shown as a diff, the next period proposed. */
  mode: "show" | "write" | "dry-run" | "next";
  /** Whether the file was written (`--write` with changes). */
  written: boolean;
  /** `--next`: the proposal and the file it was written to. */
  next: (Omit<NextProposal, "text" | "plan"> & { output: string }) | null;
}

export function planOutput(
  file: string,
  plan: FunnelPlan,
  extra: { mode?: PlanOutput["mode"]; overrides?: Override[]; changes?: TargetChange[]; written?: boolean; next?: PlanOutput["next"] } = {},
): PlanOutput {
  return {
    version: 1,
    file,
    mode: extra.mode ?? (extra.next ? "next" : "show"),
    overrides: extra.overrides ?? [],
    funnel: {
      months: plan.months,
      currency: plan.currency,
      revenue: plan.revenue,
      averageDealSize: plan.averageDealSize,
      steps: plan.steps,
      missing: plan.missing,
    },
    tooLow: plan.steps.filter((s) => s.status === "too-low").map((s) => s.kpi!),
    changes: extra.changes ?? [],
    written: extra.written ?? false,
    next: extra.next ?? null,
  };
}
