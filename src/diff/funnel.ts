// What the changes do to the funnel math: volumes needed per month, before and after.
import { describeUncomputable, type FunnelMath, type FunnelUncomputable } from "../domain/funnel.js";
import type { Change } from "./model.js";

type Side = FunnelMath | FunnelUncomputable | undefined;

export function funnelChanges(oldSide: Side, newSide: Side): Change[] {
  // Only computed figures are compared: an impossible one is said in words, never as NaN.
  const before = oldSide?.computable ? oldSide : undefined;
  const after = newSide?.computable ? newSide : undefined;
  const noted = (note: string): Change[] => [{ section: "funnel", kind: "changed", path: ["kpis"], classes: ["changed"], note }];
  if (!before && !after) return newSide?.computable === false ? noted(`the funnel math cannot be computed: ${describeUncomputable(newSide)}`) : [];
  if (!before || !after) {
    // The math needs a revenue target, a deal size and possible rates; one side lacks them.
    if (after) return noted("the funnel math can now be computed");
    return noted(
      `the funnel math can no longer be computed: ${newSide?.computable === false ? describeUncomputable(newSide) : "a revenue target, an average deal size or a rate is missing"}`,
    );
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
