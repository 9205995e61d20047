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

/**
 * The most characters of one value from an export that a message or a problem's example
 * quotes: an export a pull request can change may hold a field of megabytes, which would
 * flood the log and the report while the start of it is enough to find the row.
 */
export const MAX_QUOTED = 120;

/** At most the first MAX_QUOTED characters of `text`, with `…` when cut (never half a surrogate pair). */
export function quoted(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  const cut = text.slice(0, MAX_QUOTED);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** How many of a header's names a message lists (a header may have thousands). */
const MAX_LISTED = 30;

/** A header's names for a message: the first few, each quoted, and how many more there are. */
export function listedColumns(header: readonly string[]): { columns: string[]; more: number } {
  return { columns: header.slice(0, MAX_LISTED).map(quoted), more: Math.max(0, header.length - MAX_LISTED) };
}
