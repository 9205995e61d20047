// Generates block-YAML documents the way people get them wrong: SLA-like mappings and lists,
// keys that collide (quoted and plain, escapes, numbers), block scalars with odd indentation,
// flow lists, comments, CRLF and a BOM, then a few random edits (a tab, a quote, a bracket, a
// line repeated or indented). For differential tests of the fast reader against `yaml`.

/** A seeded generator (mulberry32), so that a failure reproduces. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  "a",
  "b",
  "name",
  "id",
  "target",
  '"a"',
  "'a'",
  '"\\u0061"',
  "1",
  '"1"',
  "01",
  "null",
  "~",
  "true",
  "__proto__",
  "a ",
  '"a "',
  "a#b",
  '"a: b"',
  "'it''s'",
  "-a",
  "x y",
  '""',
  "é",
  '"\\u00E9"',
  "satış",
  "İl",
  "営業",
  "Größe",
];
const SCALARS = [
  "1",
  "-1",
  "+1",
  "012",
  "0o17",
  "0x1F",
  "1_000",
  "1e3",
  ".5",
  "-.5",
  ".inf",
  ".nan",
  "yes",
  "off",
  "True",
  "null",
  "~",
  "",
  "2026-01-01",
  "12:30",
  "99.9%",
  "%15",
  "x",
  "hello world",
  "a:b",
  "a #c",
  "http://x/y#z",
  '"q"',
  "'q'",
  "'it''s'",
  '"a\\"b"',
  '"\\t\\u0041"',
  '"x # y"',
  '"a: b"',
  "[]",
  "[ ]",
  "{}",
  "[1, 2]",
  "[a: 1]",
  "[[1], [2]]",
  "[a, ]",
  "[x, %y]",
  "-x",
  "- x",
  "@x",
  "`x",
  "a, b",
  "Kreisel-, Dosier",
  "P30D",
  "\u00e9t\u00e9",
  "x\u0085y",
  "\ttab",
  "x ",
  "|x",
  ">x",
  "]",
  "}",
  "x]",
  "<<",
];
const COMMENTS = ["", " # c", "\t# c", " #", "  # x: y"];
const EDITS = ["\t", " ", "#", ":", "-", '"', "'", "\\", "[", "]", ",", "\n", "\r\n", "\ufeff", "\u2028", "|", ">", "---", "  ", ": ", "- "];

export function yamlDocuments(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;

  function blockScalar(indent: number, out: string[], head: string): void {
    out.push(head + pick(["|", "|-", "|+", ">", ">-", ">+", "| # c", "|2"]));
    const base = indent + 1 + below(3);
    for (let i = below(4); i > 0; i--) {
      const roll = random();
      if (roll < 0.15) out.push("");
      else if (roll < 0.3) out.push(" ".repeat(base) + pick(KEYS) + ": " + pick(SCALARS));
      else if (roll < 0.4) out.push(" ".repeat(Math.max(0, base - 1 - below(2))) + "x: y");
      else out.push(" ".repeat(base + below(2)) + pick(SCALARS));
    }
  }
  function mapping(indent: number, depth: number, out: string[], firstPrefix?: string): void {
    for (let i = 1 + below(4); i > 0; i--) {
      // The first key of a list entry follows its `- `.
      const prefix = firstPrefix ?? " ".repeat(indent);
      firstPrefix = undefined;
      const key = pick(KEYS);
      const roll = random();
      if (roll < 0.5 || depth > 3) out.push(prefix + key + pick([": ", ": ", ":  ", " : "]) + pick(SCALARS) + pick(COMMENTS));
      else if (roll < 0.62) blockScalar(indent, out, prefix + key + ": ");
      else if (roll < 0.8) {
        out.push(prefix + key + ":" + pick(COMMENTS));
        mapping(indent + pick([2, 2, 4, 1]), depth + 1, out);
      } else {
        out.push(prefix + key + ":" + pick(COMMENTS));
        list(indent + pick([0, 2, 2]), depth + 1, out);
      }
    }
  }
  function list(indent: number, depth: number, out: string[]): void {
    for (let i = 1 + below(3); i > 0; i--) {
      const prefix = " ".repeat(indent) + pick(["- ", "- ", "-  "]);
      const roll = random();
      if (roll < 0.35 || depth > 3) out.push(prefix + pick(SCALARS) + pick(COMMENTS));
      else if (roll < 0.75) mapping(prefix.length, depth + 1, out, prefix);
      else if (roll < 0.85) blockScalar(indent, out, prefix);
      else out.push(prefix + "- " + pick(SCALARS));
    }
  }
  function edit(text: string): string {
    for (let i = below(4); i > 0; i--) {
      const at = below(text.length + 1);
      const roll = random();
      if (roll < 0.4) text = text.slice(0, at) + pick(EDITS) + text.slice(at);
      else if (roll < 0.65) text = text.slice(0, at) + text.slice(at + 1 + below(3));
      else {
        const lines = text.split("\n");
        const line = below(lines.length);
        if (roll < 0.85) lines.splice(line, 0, lines[below(lines.length)]!);
        else lines[line] = pick(["", " ", "  ", "\t"]) + lines[line];
        text = lines.join("\n");
      }
    }
    return text;
  }

  const documents: string[] = [];
  for (let n = 0; n < count; n++) {
    const out: string[] = [];
    if (random() < 0.1) out.push(pick(["---", "--- # c", "# head"]));
    mapping(0, 0, out);
    let text = out.join("\n") + pick(["\n", "\n", "", "\n\n"]);
    if (random() < 0.1) text = text.replace(/\n/g, "\r\n");
    if (random() < 0.05) text = "\ufeff" + text;
    if (random() < 0.5) text = edit(text);
    documents.push(text);
  }
  return documents;
}
