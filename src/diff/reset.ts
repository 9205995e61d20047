// Checks of a six-month reset: the new period follows the old one, the version goes up.
import { parseDate, toDayNumber } from "../domain/period.js";
import { message, type Message } from "../i18n/message.js";
import type { Change, DiffSide } from "./model.js";

/** Compares dotted versions numerically: 2026.10 > 2026.9. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reset problems. A reset is a change of review period; edits inside one period (an
 * amendment) are not checked.
 */
export function resetChecks(before: DiffSide, after: DiffSide): Change[] {
  const periodChanged = before.reviewPeriod?.start !== after.reviewPeriod?.start || before.reviewPeriod?.end !== after.reviewPeriod?.end;
  if (!periodChanged) return [];
  const problems: Change[] = [];
  if (before.version !== undefined && after.version !== undefined && compareVersions(after.version, before.version) <= 0) {
    problems.push({
      section: "reset",
      kind: "changed",
      field: "version",
      path: ["agreement", "version"],
      before: before.version,
      after: after.version,
      classes: ["reset"],
      note: message("diff/reset.version-not-increased", { before: before.version, after: after.version }),
    });
  }
  const problem = periodProblem(before, after);
  if (problem)
    problems.push({
      section: "reset",
      kind: "changed",
      field: "reviewPeriod",
      path: ["agreement", "reviewPeriod", "start"],
      before: before.reviewPeriod,
      after: after.reviewPeriod,
      classes: ["reset"],
      note: problem,
    });
  return problems;
}

/**
 * What is wrong with how the new period follows the old one: it should start the day after
 * the old one ended. A period whose start is unchanged is amended (extended or shortened),
 * not reset, and is not judged here.
 */
function periodProblem(before: DiffSide, after: DiffSide): Message | undefined {
  const [oldStart, oldEnd, newStart, newEnd] = [before.reviewPeriod?.start, before.reviewPeriod?.end, after.reviewPeriod?.start, after.reviewPeriod?.end].map(
    (text) => {
      const date = parseDate(text);
      return date && toDayNumber(date);
    },
  );
  if (oldStart === undefined || oldEnd === undefined || newStart === undefined || newStart === oldStart) return undefined;
  const [was, now] = [before.reviewPeriod!, after.reviewPeriod!];
  if (newStart < oldStart) return message("diff/reset.starts-before", { newStart: now.start, newEnd: now.end, oldStart: was.start, oldEnd: was.end });
  const gap = newStart - oldEnd - 1;
  if (gap > 0) return message("diff/reset.gap", { start: now.start, days: gap, oldEnd: was.end });
  // The days both periods cover: up to whichever ends first.
  const overlap = Math.min(oldEnd, newEnd ?? oldEnd) - newStart + 1;
  if (overlap > 0) return message("diff/reset.overlap", { start: now.start, oldEnd: was.end, days: overlap });
  return undefined;
}
