// composeYaml: `yaml`'s document with duplicate keys found in one pass, the same errors at the
// same places as `yaml`'s own check (uniqueKeys: true), which compares every pair of keys.
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { composeYaml } from "../../src/load/compose-yaml.js";
import { yamlDocuments } from "../helpers/yaml-fuzz.js";

/** What a test compares of a document's errors: code and place, in order. */
const errorsOf = (document: { errors: { code: string; pos: [number, number] }[] }) => document.errors.map(({ code, pos }) => `${code}@${pos[0]}-${pos[1]}`);
const yamlErrors = (text: string) => errorsOf(parseDocument(text, { prettyErrors: false, uniqueKeys: true }));

describe("composeYaml", () => {
  it.each([
    ["plain keys", "a: 1\na: 2\n"],
    ["keys with anchors and tags", "&x a: 1\n&y a: 2\n!!str b: 1\n!!str   b: 2\n"],
    ["quoted and plain keys", "'a': 1\n\"a\": 2\na: 3\n"],
    ["numbers written two ways", "1: a\n0x1: b\n"],
    ["null written two ways", "~: a\nnull: b\n"],
    ["two .nan keys, which are not equal", ".nan: a\n.nan: b\n"],
    ["a flow mapping", "{a: 1, a: 2, b, b}\n"],
    ["pairs in a flow sequence", "[a: 1, a: 2]\n"],
    ["explicit keys", "? a\n: 1\n? a\n: 2\n? |\n  b\n: 1\n? |\n  b\n: 2\n"],
    ["empty keys", ": 1\n: 2\n"],
    ["collections and aliases as keys", "? [a]\n: 1\n? [a]\n: 2\n*x : 3\n*x : 4\n"],
    ["a repeat inside the value of a later repeat", "a: 1\nb:\n  c: 1\n  c: 2\na:\n  d: 1\n  d: 2\n"],
    ["repeats among other errors", "a: 1\nb: [1\na: 2\n\tc: 3\nc: 1\nc: 2\n"],
    ["a list of mappings", "x:\n  - a: 1\n    a: 2\n  - a: 1\n"],
  ])("gives yaml's errors for %s", (_name, text) => {
    expect(errorsOf(composeYaml(text))).toEqual(yamlErrors(text));
  });

  it("places a repeated key at the key, where yaml places it after the value before it", () => {
    // yaml: offset 5, the end of `name:`, which the user would read as "duplicate key ``".
    expect(errorsOf(composeYaml("name:\nname: x\n"))).toEqual(["DUPLICATE_KEY@6-7"]);
  });

  it("finds the repeats yaml finds, and yaml's other errors, over 2,000 generated and mangled documents", () => {
    for (const text of yamlDocuments(2000, 20261202)) {
      const ours = composeYaml(text).errors;
      const theirs = parseDocument(text, { prettyErrors: false, uniqueKeys: true }).errors;
      const others = (errors: typeof ours) => errorsOf({ errors: errors.filter((e) => e.code !== "DUPLICATE_KEY") });
      const repeats = (errors: typeof ours) => errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]);
      expect([text, others(ours)]).toEqual([text, others(theirs)]);
      // At the key itself: on the line where yaml puts it, or on a later one (see above).
      const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
      const theirLines = repeats(theirs)
        .map(lineOf)
        .sort((a, b) => a - b);
      const ourLines = repeats(ours).map(lineOf);
      expect([text, ourLines.length]).toEqual([text, theirLines.length]);
      ourLines.forEach((line, i) => expect([text, line >= theirLines[i]!]).toEqual([text, true]));
    }
  });

  it("finds each repeat in a mapping of 20,000 keys, at the repeated key", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `k${i >> 1}: ${i}`);
    const text = `${lines.join("\n")}\n`;
    const document = composeYaml(text);
    let offset = 0;
    const offsets = lines.map((line) => (offset += line.length + 1) - line.length - 1);
    expect(document.errors.map((e) => [e.code, e.pos[0]])).toEqual(offsets.filter((_, i) => i % 2 === 1).map((offset) => ["DUPLICATE_KEY", offset]));
  });
});
