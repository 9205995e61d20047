// Problems of one export, as the report shows them: one entry per reason, with the first
// examples in file order.
import type { SourceProblem } from "../tables.js";

export const MAX_EXAMPLES = 5;

/** One entry per reason (several columns may have unparseable dates): counts added, the first examples kept. */
export function mergeProblems(problems: readonly SourceProblem[]): SourceProblem[] {
  const byReason = new Map<string, SourceProblem>();
  for (const problem of problems) {
    const known = byReason.get(problem.reason);
    if (!known) byReason.set(problem.reason, { ...problem, examples: [...problem.examples] });
    else {
      known.count += problem.count;
      known.examples = [...known.examples, ...problem.examples].sort((a, b) => a.line - b.line).slice(0, MAX_EXAMPLES);
    }
  }
  return [...byReason.values()];
}
