// What the changes do to the funnel math: volumes needed per month, before and after.
import type { FunnelMath, FunnelUncomputable, VolumeMetric } from "../domain/funnel.js";
import type { FunnelMetric } from "../model/index.js";
import { word } from "../i18n/catalog.js";
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

/** The volume a funnel step counts, as the diff names it ("proposals"). */
export const VOLUME_MESSAGES: Readonly<Record<VolumeMetric, Message>> = {
  customers: message("diff/volume.customers"),
  proposals: message("diff/volume.proposals"),
  sqls: message("diff/volume.sqls"),
  mqls: message("diff/volume.mqls"),
  leads: message("diff/volume.leads"),
  visits: message("diff/volume.visits"),
};

/** The target that makes the math impossible, as the subject of a phrase ("the close rate"). */
const CAUSE_MESSAGES: Readonly<Partial<Record<FunnelMetric, Message>>> = {
  revenue: message("diff/funnel.cause.revenue"),
  averageDealSize: message("diff/funnel.cause.average-deal-size"),
  closeRate: message("diff/funnel.cause.close-rate"),
  sqlToProposalRate: message("diff/funnel.cause.sql-to-proposal-rate"),
  mqlToSqlRate: message("diff/funnel.cause.mql-to-sql-rate"),
  leadToMqlRate: message("diff/funnel.cause.lead-to-mql-rate"),
  visitToLeadRate: message("diff/funnel.cause.visit-to-lead-rate"),
};

/**
 * Why the math cannot be done, as a message: "the close rate is 0%". Also from a diff note's
 * arguments (strings in machine formats), and for `missing-input`, which names no target.
 */
export function uncomputableMessage(why: { cause?: string; reason: string; figure?: string }): Message {
  const { cause = "", reason, figure } = why;
  if (reason === "out-of-range" && figure === "revenue") return message("diff/funnel.problem.out-of-range-revenue");
  if (reason === "missing-input") return message("diff/funnel.problem.missing-input");
  const subject = CAUSE_MESSAGES[cause as FunnelMetric] ?? cause;
  if (reason === "out-of-range")
    return message("diff/funnel.problem.out-of-range", { subject, figure: VOLUME_MESSAGES[figure as VolumeMetric] ?? figure ?? "" });
  return message(`diff/funnel.problem.${reason === "zero" && cause.endsWith("Rate") ? "zero-rate" : reason}`, { subject });
}

/** Why the funnel math cannot be done, in a phrase in the locale's language (English by default). */
export function describeUncomputable(funnel: FunnelUncomputable, locale = "en"): string {
  return word(uncomputableMessage(funnel), locale);
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
