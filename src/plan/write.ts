// `sla plan --write`: the volume targets that cannot deliver the revenue target set to what it
// needs, as a minimal edit of the file's text.
import type { Document } from "yaml";
import type { VolumeMetric } from "../domain/funnel.js";
import type { Sla } from "../model/index.js";
import { applyEdits } from "./edit.js";
import type { FunnelPlan } from "./solve.js";

export interface TargetChange {
  kpi: string;
  metric: VolumeMetric;
  /** 1-based line of the target in the file. */
  line: number;
  from: number;
  to: number;
  span: FunnelPlan["steps"][number]["span"];
}

export interface PlanWrite {
  /** The file's new text; the same text when nothing changes. */
  text: string;
  changes: TargetChange[];
}

/**
 * Sets every too-low volume target to the smallest that delivers the revenue target. Never
 * lowers one unless `allowLower`: then every volume target is set to exactly what is needed.
 */
export function raiseTargets(
  plan: FunnelPlan,
  sla: Sla,
  source: { text: string; document: Document.Parsed; lineOf: (offset: number) => number },
  options: { allowLower?: boolean } = {},
): PlanWrite {
  const changes: TargetChange[] = [];
  const edits = [];
  for (const step of plan.steps) {
    if (step.kpi === null || step.target === null || step.minimum === null) continue;
    const lower = step.minimum < step.target;
    if (step.status !== "too-low" && !(options.allowLower && lower)) continue;
    if (step.minimum === step.target) continue;
    const index = sla.kpis.findIndex((kpi) => kpi.id === step.kpi);
    const path = ["kpis", index, "target"];
    const node = source.document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    changes.push({ kpi: step.kpi, metric: step.metric, line: source.lineOf(node?.range?.[0] ?? 0), from: step.target, to: step.minimum, span: step.span });
    edits.push({ path, value: step.minimum });
  }
  return { text: edits.length ? applyEdits(source.text, source.document, edits) : source.text, changes };
}
