// A unified diff (as `diff -u` and `git diff` print it) of two texts, for `--dry-run`. The
// edits sla makes replace values within lines, so the texts differ in a few lines far apart;
// the lines between the first and last difference are matched by a longest common subsequence.

type Op = { kind: " " | "-" | "+"; text: string; oldLine: number; newLine: number };

/** The longest common subsequence bound: beyond it the middle is shown replaced whole. */
const MAX_MATCHED_CELLS = 4_000_000;

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: " ", text: a[i]!, oldLine: i, newLine: i });
  ops.push(...middle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix), prefix));
  for (let i = suffix; i > 0; i--) ops.push({ kind: " ", text: a[a.length - i]!, oldLine: a.length - i, newLine: b.length - i });
  return `--- ${oldName}\n+++ ${newName}\n${hunks(ops, context)}`;
}

/** Lines with their ends, so a last line without one shows as such. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function middle(a: string[], b: string[], offset: number): Op[] {
  const ops: Op[] = [];
  if (a.length * b.length > MAX_MATCHED_CELLS) {
    a.forEach((text, i) => ops.push({ kind: "-", text, oldLine: offset + i, newLine: offset }));
    b.forEach((text, j) => ops.push({ kind: "+", text, oldLine: offset + a.length, newLine: offset + j }));
    return ops;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", text: a[i]!, oldLine: offset + i++, newLine: offset + j++ });
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      ops.push({ kind: "-", text: a[i]!, oldLine: offset + i++, newLine: offset + j });
    } else {
      ops.push({ kind: "+", text: b[j]!, oldLine: offset + i, newLine: offset + j++ });
    }
  }
  return ops;
}

function hunks(ops: Op[], context: number): string {
  let out = "";
  let index = 0;
  while (index < ops.length) {
    while (index < ops.length && ops[index]!.kind === " ") index++;
    if (index >= ops.length) break;
    const start = Math.max(0, index - context);
    // A hunk runs on while the next change is within two contexts of the last one.
    let end = index;
    let last = index;
    while (end < ops.length) {
      if (ops[end]!.kind !== " ") last = end;
      else if (end - last > 2 * context) break;
      end++;
    }
    const stop = Math.min(ops.length, last + context + 1);
    const slice = ops.slice(start, stop);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    const first = slice[0]!;
    const oldStart = oldCount === 0 ? first.oldLine : first.oldLine + 1;
    const newStart = newCount === 0 ? first.newLine : first.newLine + 1;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    for (const op of slice) out += op.kind + (op.text.endsWith("\n") ? op.text : `${op.text}\n\\ No newline at end of file\n`);
    index = stop;
  }
  return out;
}
