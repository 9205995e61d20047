// What the changes do to the funnel math: volumes needed per month, before and after.
import type { FunnelMath, FunnelUncomputable } from "../domain/funnel.js";
import { message, type Message } from "../i18n/message.js";
import type { Change } from "./model.js";

type Side = FunnelMath | FunnelUncomputable | undefined;

/**
 * Why the math cannot be done, as data: the metric that makes it impossible, the reason and,
 * for `out-of-range`, the figure that overflowed. The formatters word it (diff-common.ts).
 */
function why(funnel: FunnelUncomputable): Record<string, string> {
  return { cause: funnel.cause, reason: funnel.reason, ...(funnel.figure === undefined ? {} : { figure: funnel.figure }) };
}

export function funnelChanges(oldSide: Side, newSide: Side): Change[] {
  // Only computed figures are compared: an impossible one is said in words, never as NaN.
  const before = oldSide?.computable ? oldSide : undefined;
  const after = newSide?.computable ? newSide : undefined;
  const noted = (note: Message): Change[] => [{ section: "funnel", kind: "changed", path: ["kpis"], classes: ["changed"], note }];
  if (!before && !after) return newSide?.computable === false ? noted(message("diff/funnel.not-computable", why(newSide))) : [];
  if (!before || !after) {
    // The math needs a revenue target, a deal size and possible rates; one side lacks them.
    if (after) return noted(message("diff/funnel.computable"));
    return noted(message("diff/funnel.no-longer-computable", newSide?.computable === false ? why(newSide) : { reason: "missing-input" }));
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
