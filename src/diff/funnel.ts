// What the changes do to the funnel math: volumes needed per month, before and after.
import type { FunnelMath } from "../domain/funnel.js";
import type { Change } from "./model.js";

export function funnelChanges(before: FunnelMath | undefined, after: FunnelMath | undefined): Change[] {
  if (!before && !after) return [];
  if (!before || !after) {
    // The math needs a revenue target, a deal size and the rates; one side lacks them.
    const note = after ? "the funnel math can now be computed" : "the funnel math can no longer be computed: a revenue target, an average deal size or a rate is missing";
    return [{ section: "funnel", kind: "changed", path: ["kpis"], classes: ["changed"], note }];
  }
  const changes: Change[] = [];
  for (const step of after.steps) {
    const old = before.steps.find((s) => s.metric === step.metric);
    if (!old) continue;
    const a = Math.ceil(old.perMonth);
    const b = Math.ceil(step.perMonth);
    if (a === b) continue;
    changes.push({
      section: "funnel",
      kind: "changed",
      field: step.metric,
      path: ["kpis"],
      before: a,
      after: b,
      classes: ["changed", b > a ? "raised" : "lowered"],
      delta: { absolute: b - a, relative: a === 0 ? null : (b - a) / a },
    });
  }
  return changes;
}
