// `sla diff`: one identity-matched structural diff, then classifiers, then reset and funnel
// checks. Formatters (src/format/diff-*.ts) turn the result into text.
import { computeFunnel } from "../domain/funnel.js";
import { safeLocale } from "../domain/text.js";
import type { Sla } from "../model/index.js";
import { classify } from "./classify.js";
import { funnelChanges } from "./funnel.js";
import type { ChangeClass, DiffSide, SlaDiff } from "./model.js";
import { resetChecks } from "./reset.js";
import { structuralDiff } from "./structural.js";

export * from "./model.js";
export { compareVersions } from "./reset.js";

function side(file: string, sla: Sla | undefined): DiffSide {
  const a = sla?.agreement;
  return {
    file,
    exists: sla !== undefined,
    name: a?.name,
    version: a?.version === undefined ? undefined : String(a.version),
    reviewPeriod: a?.reviewPeriod ? { start: a.reviewPeriod.start, end: a.reviewPeriod.end } : undefined,
    currency: a?.currency,
    language: a?.language,
    funnel: sla && computeFunnel(sla),
  };
}

/**
 * Differences between the agreement in force (`before`) and the proposal (`after`). A side
 * whose `sla` is undefined has no file (the pull request that adds it, or removes it): it is
 * compared as empty, so everything is added or removed.
 */
export function diffSla(before: { file: string; sla: Sla | undefined }, after: { file: string; sla: Sla | undefined }): SlaDiff {
  const oldSide = side(before.file, before.sla);
  const newSide = side(after.file, after.sla);
  const [a, b] = [before.sla ?? ({} as Sla), after.sla ?? ({} as Sla)];
  const locale = safeLocale(b.agreement?.language ?? a.agreement?.language);
  const changes = classify(structuralDiff(a, b), { before: a, after: b, locale });
  changes.push(...funnelChanges(oldSide.funnel, newSide.funnel));
  changes.push(...resetChecks(oldSide, newSide));
  return { old: oldSide, new: newSide, changes };
}

export interface DiffSummary {
  /** Changes to the document itself (not the derived funnel rows or reset checks). */
  changes: number;
  funnel: number;
  resetProblems: number;
  /** Every change by class, funnel rows and reset problems included. */
  byClass: Partial<Record<ChangeClass, number>>;
}

/** The counts every output format reports, so text, Markdown and JSON agree. */
export function summarizeDiff(diff: SlaDiff): DiffSummary {
  const byClass: Partial<Record<ChangeClass, number>> = {};
  for (const change of diff.changes) for (const cls of change.classes) byClass[cls] = (byClass[cls] ?? 0) + 1;
  const count = (section: string) => diff.changes.filter((c) => c.section === section).length;
  return { changes: diff.changes.length - count("funnel") - count("reset"), funnel: count("funnel"), resetProblems: count("reset"), byClass };
}
