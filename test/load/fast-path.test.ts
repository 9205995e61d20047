// Which texts the fast reader leaves to `yaml`. The scan replaced one regular expression for
// speed; that expression stays here as the reference it must agree with, on named cases and
// on many generated texts made of the characters that matter.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { needsFullReader } from "../../src/load/fast-path.js";
import { seededRandom } from "../helpers/yaml-fuzz.js";

const LINE_BREAK = "\\n\\r\\u2028\\u2029";
const REFERENCE = new RegExp(
  [
    /\uFEFF/.source, // a byte order mark inside the text
    /(?:^|[\s:[{,-])&[^\s,[\]{}]/.source, // an anchor
    /^%/.source, // a directive
    /(?:^|[\s:,-])[[{][^\]}\n]*$/.source, // a flow collection still open at the end of a line
    // a pair or a key after a flow list, or an entry starting with an indicator
    `(?:^|[\\s:,-])\\[(?:[^${LINE_BREAK}]*:|(?:[^${LINE_BREAK}]*[[,])?[ \\t]*[|>@\`%])`,
    /(?:^|[\s:,[{-])"(?:[^"\\\n]|\\.)*\\?$/.source, // a double-quoted scalar still open, or continued by `\`
    /(?:^|[\s:,[{-])'(?:[^'\n]|'')*$/.source, // a single-quoted scalar still open
    /["'\]}]#/.source, // a comment glued to a value
    /\r(?!\n)/.source, // a lone carriage return
    `(?:^|[\\s:[{,?-])(?:[!*]|\\{(?!\\}[ \\t]*(?:$|[#,\\]])))`, // a tag, an alias, a flow mapping other than a `{}` value
    /(?:^|[\s:[{,?-])\?(?:\s|$)/.source, // an explicit key
    /^ *\t/.source, // a tab in the indentation
  ].join("|"),
  "m",
);

describe("needsFullReader", () => {
  it.each([
    ["an anchor", "base: &defaults\n  a: 1\n", true],
    ["an anchor in a flow sequence", "list: [&x 1]\n", true],
    ["an ampersand inside words", "name: Sales &Marketing\n", true],
    ["an ampersand between words", "name: Sales & Marketing\n", false],
    ["an ampersand glued to a word", "name: R&D\n", false],
    ["a directive", "%YAML 1.1\n---\na: 1\n", true],
    ["a percent sign in a value", "rate: 25%\n", false],
    ["a percent sign starting a later line", "a: 1\n%TAG ! x\n", true],
    ["an open flow sequence", "list: [a,\n  b]\n", true],
    ["an open flow mapping", "map: {a: 1,\n  b: 2}\n", true],
    ["a closed flow sequence", "list: [a, b]\n", false],
    ["a flow mapping", "map: {a: 1}\n", true],
    ["an empty flow mapping", "map: {}\n", false],
    ["an empty flow mapping as a key", "{}: 1\n", true],
    ["an empty flow list", "list: []\n", false],
    ["a pair inside a flow list", "list: [a: 1]\n", true],
    ["a flow list as a key", "[a]: 1\n", true],
    ["a block indicator in a flow list", "list: [x, |]\n", true],
    ["a reserved indicator starting a flow list entry", "a: [x, @y]\n", true],
    ["a percent sign starting a flow list entry", "a: [%15]\n", true],
    ["a Turkish percentage inside a value", "hedef: oranı %15'in altında\n", false],
    ["a comma after a hyphen in a value", "a: Kreisel-, Dosier- und Druckpumpen\n", false],
    ["a comparison in a value", "note: score > 50 | high\n", false],
    ["a tab in the indentation", "a:\n \tb: 1\n", true],
    ["a tab inside a line", "a: x\ty\n", false],
    ["a byte order mark inside the text", "a: 1\n\uFEFFb: 2\n", true],
    ["a tag", "a: !!str 1\n", true],
    ["an alias", "a: *x\n", true],
    ["an explicit key", "? a\n: 1\n", true],
    ["an exclamation mark in a value", "note: call now!\n", false],
    ["a question mark in a value", "note: why? because\n", false],
    ["an open double-quoted scalar", 'name: "Anadolu\n  Pompa"\n', true],
    ["a closed double-quoted scalar with an escape", 'name: "a \\" b"\n', false],
    ["a double-quoted scalar continued by an escaped line break", 'name: "a\\\n  b"\n', true],
    ["a double-quoted scalar open at the end of the text", 'name: "Anadolu', true],
    ["an open single-quoted scalar", "name: 'Anadolu\n  Pompa'\n", true],
    ["a single-quoted scalar with a doubled quote", "name: 'it''s'\n", false],
    ["an apostrophe inside a word", "note: customer's call\n", false],
    ["a comment glued to a quoted value", 'version: "2026.2"# H2\n', true],
    ["a spaced comment", 'version: "2026.2" # H2\n', false],
    ["a lone carriage return", "a: 1\rb: 2\n", true],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n", false],
    ["Japanese after an ideographic space", "名前:\u3000&営業\n", true],
    ["the example agreement", readFileSync("sla.example.yaml", "utf8"), false],
  ])("%s", (_name, text, expected) => {
    expect(needsFullReader(text)).toBe(expected);
    expect(REFERENCE.test(text)).toBe(expected);
  });

  it("agrees with the reference expression on 20,000 generated texts", () => {
    // A fixed-seed generator so a failure reproduces; the alphabet holds every character the
    // scan looks at, with the separators and line ends around them.
    const random = seededRandom(20261125);
    const alphabet = ["&", "%", "!", "*", "?", "@", "`", "|", ">", "\uFEFF", "[", "]", "{", "}", '"', "'", "\\", "#", "\r", "\n", " ", ":", ",", "-", "a", "ş", "\u3000", "\u2028", "\t"];
    let disagreements = 0;
    let positives = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(random() * 12);
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = REFERENCE.test(text);
      if (expected) positives++;
      if (needsFullReader(text) !== expected) {
        disagreements++;
        if (disagreements <= 5) console.error("disagree on", JSON.stringify(text), "reference says", expected);
      }
    }
    expect(disagreements).toBe(0);
    // Both outcomes occur often, so the agreement means something.
    expect(positives).toBeGreaterThan(2_000);
    expect(20_000 - positives).toBeGreaterThan(2_000);
  });
});
