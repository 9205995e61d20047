// The fast reader may leave any file to `yaml`, but what it does read must be exactly what
// `yaml` reads, and it must never read a file `yaml` refuses. These tests check that on named
// cases and on generated block-YAML documents, many of them with a duplicate key.
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { seededRandom, yamlDocuments } from "../helpers/yaml-fuzz.js";
import { countKeyLines, countKeys } from "../../src/load/key-lines.js";
import { readFast } from "../../src/load/fast-reader.js";

/** What `yaml` makes of a text: its data, or "refused". */
function yamlVerdict(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  return document.errors.length ? "refused" : document.toJS();
}

/** The contract: the fast reader declines, or reads exactly what `yaml` reads. */
function keepsContract(text: string): boolean {
  const data = readFast(text);
  return data === undefined || isDeepStrictEqual(data, yamlVerdict(text));
}

describe("countKeyLines", () => {
  it.each([
    ["keys at every depth", "a: 1\nb:\n  c: 2\n  d:\n    - e: 3\n      f: 4\n    - g\n", 6],
    ["sequence entries without keys", "list:\n  - one\n  - two\n", 1],
    ["nested entries", "- - a: 1\n    b: 2\n", 2],
    ["quoted keys", "\"a b\": 1\n'it''s': 2\n", 2],
    ["a colon inside a quoted value", 'a: "x: y"\n- "p: q"\n', 1],
    ["a colon without a space", "url: https://example.com\ntime: 10:30\n", 2],
    ["comments, also after values and dashes", "# a: 1\na: 1 # b: 2\n  # c: 3\nl:\n  - # d: 4\n    x\n", 2],
    ["a comment ending a plain scalar before a colon", "a: x #y: z\n", 1],
    ["a comment before any colon of the line", "list:\n  - b #c: d\n  - e\t#f: g\n  - h # i: j\n", 1],
    ["a # inside a key", "b#c: d\nl:\n  - x#y: z\n", 3],
    ["a block scalar whose lines look like keys", "a: |\n  b: 1\n  c: 2\n\n  d: 3\ne: 4\n", 2],
    ["a folded block scalar in an entry", "- >-\n  x: 1\n- y: 2\n", 1],
    ["a block scalar in an entry's key", "- a: |\n    b: 1\n  c: 2\n", 2],
    ["a document start marker", "---\na: 1\n", 1],
    ["CRLF line ends", "a: 1\r\nb:\r\n  c: 2\r\n", 3],
    ["Unicode keys", "satış: 1\n営業: 2\nİl: 3\n", 3],
  ])("%s", (_name, text, keys) => {
    expect(countKeyLines(text)).toBe(keys);
  });

  it.each([
    ["an explicit indentation indicator", "a: |2\n   x\n"],
    ["a line less indented than its block scalar's first line", "a: |\n    x\n  y\n"],
    ["a document marker with content", "--- a: 1\n"],
  ])("does not vouch for %s", (_name, text) => {
    expect(countKeyLines(text)).toBeUndefined();
  });

  it("counts the keys in data, nested in mappings and lists", () => {
    expect(countKeys({ a: 1, b: { c: [{ d: 1, e: 2 }, "x"] }, f: null })).toBe(6);
  });

  it("counts only own keys, so a polluted Object.prototype cannot make up for a duplicate", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = 1;
    try {
      expect(countKeys({ a: 1, b: { c: 2 } })).toBe(3);
      expect(readFast("kind: a\nkind: b\n")).toBeUndefined();
    } finally {
      delete prototype.polluted;
    }
  });
});

describe("readFast", () => {
  it.each([
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a nested duplicate key", "a:\n  b: 1\n  c: 2\n  b: 3\n"],
    ["a duplicate key in a list entry", "- id: a\n  id: b\n"],
    ["a quoted duplicate of a plain key", 'a: 1\n"a": 2\n'],
    ["a duplicate key after a block scalar", "a: |\n  text\nb: 1\nb: 2\n"],
    ["a duplicate key in a flow mapping", "a: {b: 1, b: 2}\n"],
    ["a duplicate key in a one-line flow list", "a: [{b: 1, b: 2}]\n"],
  ])("leaves %s to yaml", (_name, text) => {
    expect(yamlVerdict(text)).toBe("refused");
    expect(readFast(text)).toBeUndefined();
  });

  // Found by an adversarial review: each was read by the fast path although yaml refuses it or
  // reads it otherwise.
  it.each([
    ["a pair in a flow list hiding a duplicate key", "x: [q: 1]\na: 1\na: 2\n"],
    ["two pairs hiding two duplicates", "a: [b: 1, c: 2]\nd:\n  e: 1\n  e: 2\n  f: 1\n  f: 2\n"],
    ["a flow list of pairs as a key", "[[]:[]]\n"],
    ["a tab as indentation", "\ta: 1\n"],
    ["a tab inside the indentation", "a:\n \tb: 1\n"],
    ["a tab before a continuation line", "a: x\n\tmore\n"],
    ["a closing bracket as a value", "a: ]\n"],
    ["a closing brace as a value", "a: }\n"],
    ["a comma starting a value", "a: ,x\n"],
    ["a closing bracket as a key", "]: 1\n"],
    ["a reserved @ starting a later key", "a: 1\n@k: 1\n"],
    ["a reserved backtick starting a later key", "a: 1\n`k: 1\n"],
    ["a key starting with >", "a: 1\n>: 2\n"],
    ["a key starting with |", "a: 1\n| : 2\n"],
    ["a block indicator in a flow list", "a: [x, |]\n"],
    ["a percent sign starting a flow list entry", "a: [%x]\n"],
    ["an @ starting a flow list entry", "a: [@x]\n"],
    ["an escaped line break in double quotes", 'a: "x\\\ny"\n'],
    ["an escaped line break before a comment-like line", 'a: "x\\\n#c"\n'],
    ["a quoted key over two lines", '"\\\nx": 1\n'],
    ["a plain key over 1024 characters", `k${"x".repeat(1100)}: 1\n`],
    ["a quoted key over 1024 characters", `"k${"x".repeat(1100)}": 1\n`],
    ["a flow list as a key in a mapping", "m:\n  a: 1\n  [a]: 2\n"],
    ["an empty flow mapping as a key", "m:\n  a: 1\n  {}: 2\n"],
    ["a flow list of quoted scalars as a key", "[\"a\",'b']: 1\n"],
    ["a kept block scalar ending in a line of spaces", "a: |+\n  x\n "],
    ["a nested kept block scalar ending in spaces", "a:\n  b: |+\n    x\n  "],
    ["a folded kept block scalar ending in spaces, CRLF", "a: >+\r\n  x\r\n "],
    ["a byte order mark before indentation", "\ufeff  a:\n  b: 2\n"],
    ["a byte order mark before an indented mapping", "\ufeff  a: 1\n  b: 2\n"],
  ])("keeps the contract on %s", (_name, text) => {
    expect(keepsContract(text)).toBe(true);
  });

  it.each(["sla.example.yaml", "test/fixtures/i18n/tr.sla.yaml", "test/fixtures/i18n/de.sla.yaml", "test/fixtures/i18n/ja.sla.yaml", "test/fixtures/diff/proposal.sla.yaml"])(
    "reads %s on the fast path (a false alarm here would slow every real file like it)",
    (file) => {
      expect(readFast(readFileSync(file, "utf8"))).toBeDefined();
    },
  );

  it("keeps the contract over 6,000 generated and mangled documents", () => {
    let read = 0;
    const broken: string[] = [];
    for (const text of yamlDocuments(6_000, 20261125)) {
      const data = readFast(text);
      if (data === undefined) continue;
      read++;
      if (!isDeepStrictEqual(data, yamlVerdict(text))) broken.push(text);
    }
    expect(broken.slice(0, 5)).toEqual([]);
    expect(read).toBeGreaterThan(600);
  });

  it("reads what yaml reads, and nothing yaml refuses, over 3,000 generated documents", () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ["id", "name", "owner", "satış", "営業", "Größe", '"quoted key"', "'single'", "a b", "url"];
    const scalars = ["value", "25%", "0x1F", "1_000", "-.5", "yes", "~", "2026-01-01", '"x: y"', "'it''s'", "https://x.y", "10:30", "[a, b]", "a #c", "[]", "{}", "|", ">-"];

    function block(depth: number, indent: string): string {
      let out = "";
      const count = 1 + Math.floor(random() * 3);
      const used: string[] = [];
      for (let i = 0; i < count; i++) {
        // One key in four repeats a sibling's: the case the count of key lines must catch.
        const key = used.length && random() < 0.25 ? pick(used) : pick(keys);
        used.push(key);
        const roll = random();
        if (depth < 3 && roll < 0.3) out += `${indent}${key}:\n${block(depth + 1, indent + "  ")}`;
        else if (depth < 3 && roll < 0.5) {
          out += `${indent}${key}:\n`;
          for (let n = 0; n < 2; n++) {
            const entry = block(depth + 1, indent + "    ");
            out += random() < 0.7 ? `${indent}  - ${entry.slice(indent.length + 4)}` : `${indent}  - ${pick(scalars)}\n`;
          }
        } else {
          const value = pick(scalars);
          out += value === "|" || value === ">-" ? `${indent}${key}: ${value}\n${indent}  ${pick(keys)}: text\n\n${indent}  more\n` : `${indent}${key}: ${value}\n`;
        }
        if (random() < 0.1) out += `${indent}# ${pick(keys)}: comment\n`;
      }
      return out;
    }

    let read = 0;
    let refusedByYaml = 0;
    for (let n = 0; n < 3_000; n++) {
      const text = block(0, "");
      const verdict = yamlVerdict(text);
      if (verdict === "refused") refusedByYaml++;
      const data = readFast(text);
      if (data === undefined) continue;
      read++;
      expect({ text, data }).toEqual({ text, data: verdict });
    }
    // The generator makes both kinds often, and the fast reader takes most of the good ones.
    expect(refusedByYaml).toBeGreaterThan(1_000);
    expect(read).toBeGreaterThan(0.7 * (3_000 - refusedByYaml));
  });
});
