// Word-level differences between two texts, so a changed criterion shows the changed words.
// Words come from Intl.Segmenter, which also splits Japanese (no spaces) into words.

export type TextOp = "equal" | "insert" | "delete";
export interface TextPart {
  op: TextOp;
  text: string;
}

/** Above this many token pairs the texts are shown as replaced whole (bounded time). */
const MAX_CELLS = 250_000;

export function diffWords(before: string, after: string, locale?: string): TextPart[] {
  const a = tokenize(before, locale);
  const b = tokenize(after, locale);
  // Most edits touch a few words of a long text: the common head and tail need no LCS.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle: TextPart[] =
    midA.length * midB.length > MAX_CELLS
      ? [
          { op: "delete", text: midA.join("") },
          { op: "insert", text: midB.join("") },
        ]
      : lcsDiff(midA, midB);
  const equal = (tokens: string[]): TextPart[] => (tokens.length ? [{ op: "equal", text: tokens.join("") }] : []);
  return merge([...equal(a.slice(0, head)), ...middle.filter((p) => p.text !== ""), ...equal(a.slice(a.length - tail))]);
}

function tokenize(text: string, locale: string | undefined): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Longest-common-subsequence diff of token lists. */
export function lcsDiff(a: readonly string[], b: readonly string[]): TextPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..], stored flat.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const parts: TextPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ op: "equal", text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) {
      parts.push({ op: "delete", text: a[i++]! });
    } else {
      parts.push({ op: "insert", text: b[j++]! });
    }
  }
  while (i < n) parts.push({ op: "delete", text: a[i++]! });
  while (j < m) parts.push({ op: "insert", text: b[j++]! });
  return parts;
}

/**
 * Joins neighbouring parts of one kind, and folds a lone space between two changes into
 * them, so "pump stops" -> "valve fails" reads as one replacement, not two.
 */
function merge(parts: TextPart[]): TextPart[] {
  const folded: TextPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const prev = parts[k - 1];
    const next = parts[k + 1];
    if (part.op === "equal" && /^\s+$/.test(part.text) && prev && next && prev.op !== "equal" && next.op !== "equal") {
      folded.push({ op: "delete", text: part.text }, { op: "insert", text: part.text });
    } else {
      folded.push(part);
    }
  }
  // Group each run of changes as all deletions then all insertions, then join neighbours.
  const grouped: TextPart[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) grouped.push({ op: "delete", text: deleted });
    if (inserted) grouped.push({ op: "insert", text: inserted });
    deleted = inserted = "";
  };
  for (const part of folded) {
    if (part.op === "delete") deleted += part.text;
    else if (part.op === "insert") inserted += part.text;
    else {
      flush();
      const last = grouped[grouped.length - 1];
      if (last?.op === "equal") last.text += part.text;
      else grouped.push({ ...part });
    }
  }
  flush();
  return grouped;
}
