// Checks of a six-month reset: the new period follows the old one, the version goes up.
import { parseDate, toDayNumber } from "../domain/period.js";
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
      note: `the version did not increase (${before.version} → ${after.version}); raise it so the signed copies can be told apart`,
    });
  }
  const oldEnd = parseDate(before.reviewPeriod?.end);
  const newStart = parseDate(after.reviewPeriod?.start);
  if (oldEnd && newStart) {
    const gap = toDayNumber(newStart) - toDayNumber(oldEnd) - 1;
    if (gap !== 0) {
      const days = Math.abs(gap);
      problems.push({
        section: "reset",
        kind: "changed",
        field: "reviewPeriod",
        path: ["agreement", "reviewPeriod", "start"],
        before: before.reviewPeriod,
        after: after.reviewPeriod,
        classes: ["reset"],
        note:
          gap > 0
            ? `the new period starts ${after.reviewPeriod!.start}, leaving a gap of ${days} day${days === 1 ? "" : "s"} after the old one ended ${before.reviewPeriod!.end}`
            : `the new period starts ${after.reviewPeriod!.start}, overlapping the old one (ended ${before.reviewPeriod!.end}) by ${days} day${days === 1 ? "" : "s"}`,
      });
    }
  }
  return problems;
}
