// Reading and parsing an SLA file: bytes to text (decodeSource), text to document and data
// with positions (parseSla, rangeOf), and the YAML-level findings.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parse as yamlParse, parseDocument as yamlParseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import type { JsonPath, Position } from "../../src/findings.js";
import { parseSla, rangeOf } from "../../src/load/parse.js";
import { SourceError } from "../../src/errors.js";
import { decodeSource, MAX_SOURCE_BYTES } from "../../src/load/read-source.js";
import { seededRandom } from "../helpers/yaml-fuzz.js";
import { SLA_FILES } from "../helpers/cli.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const pos = (line: number, column: number): Position => ({ line, column });

/** The error a call throws, for assertions on its fields. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

// A small SLA fragment with non-ASCII values; columns count characters from 1.
const LINES = [
  "apiVersion: sla/v1", //               1
  "agreement:", //                       2
  "  name: Anadolu Pompa", //            3
  "  parties:", //                       4
  "    - id: pazarlama", //              5
  "      name: Pazarlama Departmanı", // 6
  "    - id: satış", //                  7
  "      name: 営業", //                 8
  "kpis: []", //                         9
];
const EXPECTED_DATA = {
  apiVersion: "sla/v1",
  agreement: {
    name: "Anadolu Pompa",
    parties: [
      { id: "pazarlama", name: "Pazarlama Departmanı" },
      { id: "satış", name: "営業" },
    ],
  },
  kpis: [],
};

// [path, at, start, end (omitted for containers, whose end is the next node's start)]
const RANGES: [JsonPath, "key" | "value", Position, Position?][] = [
  [["apiVersion"], "value", pos(1, 13), pos(1, 19)],
  [["apiVersion"], "key", pos(1, 1), pos(1, 11)],
  [["agreement", "parties", 0, "name"], "value", pos(6, 13), pos(6, 33)],
  [["agreement", "parties", 1, "id"], "value", pos(7, 11), pos(7, 16)],
  [["agreement", "parties", 1, "name"], "value", pos(8, 13), pos(8, 15)],
  [["agreement", "parties", 1, "name"], "key", pos(8, 7), pos(8, 11)],
  [["agreement", "parties"], "key", pos(4, 3), pos(4, 10)],
  [["kpis"], "value", pos(9, 7), pos(9, 9)],
  // Missing nodes: the deepest node that exists.
  [["agreement", "parties", 0, "owner"], "value", pos(5, 7)], // the party mapping
  [["agreement", "signatories"], "value", pos(3, 3)], // the agreement mapping
  [["agreement", "parties", 5], "value", pos(5, 5)], // the parties list
  [["kpis", 0], "value", pos(9, 7), pos(9, 9)], // the empty list
  [[], "value", pos(1, 1)], // the document
];

const LINE_ENDINGS = [
  ["LF", "\n"],
  ["CRLF", "\r\n"],
] as const;

// ---------------------------------------------------------------------------------------

describe("parseSla positions", () => {
  describe.each(LINE_ENDINGS)("%s line endings", (_name, newline) => {
    const parsed = parseSla("sla.yaml", LINES.join(newline) + newline);

    it("parses the data without findings", () => {
      expect(parsed.findings).toEqual([]);
      expect(parsed.data).toEqual(EXPECTED_DATA);
    });

    it.each(RANGES)("%j (%s) starts at %j", (path, at, start, end) => {
      const range = rangeOf(parsed, path, at);
      expect(range.start).toEqual(start);
      if (end) expect(range.end).toEqual(end);
    });
  });

  it("is unaffected by a UTF-8 byte order mark removed by decodeSource", () => {
    const text = decodeSource("sla.yaml", utf8(`\uFEFF${LINES.join("\n")}\n`));
    expect(text.startsWith("apiVersion")).toBe(true);
    const parsed = parseSla("sla.yaml", text);
    expect(rangeOf(parsed, ["apiVersion"], "key")).toEqual({ start: pos(1, 1), end: pos(1, 11) });
    expect(rangeOf(parsed, ["apiVersion"])).toEqual({ start: pos(1, 13), end: pos(1, 19) });
  });
});

// ---------------------------------------------------------------------------------------

describe("parseSla findings", () => {
  it.each([
    ["LF", "agreement:\n  name: A\n  language: tr\n  name: B\n", "`name`", pos(4, 3)],
    ["CRLF", "agreement:\r\n  name: A\r\n  language: tr\r\n  name: B\r\n", "`name`", pos(4, 3)],
    ["quoted", 'agreement:\n  "name": A\n  "name": B\n', '`"name"`', pos(3, 3)],
    ["Turkish id as key", "ids:\n  satış: 1\n  müşteri: 2\n  satış: 3\n", "`satış`", pos(4, 3)],
  ])("reports a duplicate key (%s) at the second key", (_name, text, key, start) => {
    const parsed = parseSla("sla.yaml", text);
    expect(parsed.findings).toEqual([
      expect.objectContaining({ ruleId: "yaml/duplicate-key", severity: "error", file: "sla.yaml", message: `duplicate key ${key}`, start }),
    ]);
    expect(parsed.data).toBeUndefined();
  });

  it("refuses an alias bomb quickly, without throwing", () => {
    // Nine levels of nine aliases: 9^9 (387 million) strings if expanded.
    const levels = "abcdefghij".split("");
    const text = [
      `${levels[0]}: &${levels[0]} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
      ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(", ")}]`),
    ].join("\n");
    const started = performance.now();
    const parsed = parseSla("bomb.yaml", text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.findings).toEqual([
      expect.objectContaining({ ruleId: "yaml/alias-limit", severity: "error", message: expect.stringContaining("alias bomb"), start: pos(1, 1) }),
    ]);
    expect(parsed.data).toBeUndefined();
  });

  it("expands a few ordinary aliases", () => {
    const parsed = parseSla("sla.yaml", "base: &criteria [Bütçe var, Karar verici]\nmql: *criteria\nsql: *criteria\n");
    expect(parsed.findings).toEqual([]);
    expect(parsed.data).toEqual({ base: ["Bütçe var", "Karar verici"], mql: ["Bütçe var", "Karar verici"], sql: ["Bütçe var", "Karar verici"] });
  });

  it.each([
    ["an empty file", ""],
    ["blank lines", "\n\n  \n"],
    ["comments only", "# yaml-language-server: $schema=./schemas/sla.schema.json\n# Taslak: henüz boş.\n"],
    ["comments only, CRLF", "# Entwurf\r\n# noch leer\r\n"],
  ])("reports %s as yaml/empty", (_name, text) => {
    const parsed = parseSla("sla.yaml", text);
    expect(parsed.findings).toEqual([expect.objectContaining({ ruleId: "yaml/empty", severity: "error", message: "file is empty", start: pos(1, 1) })]);
    expect(parsed.data).toBeUndefined();
  });

  // A file holding just a document marker (and comments) parses to an empty null scalar.
  it.each([
    ["a document marker only", "---\n"],
    ["a document marker and comments", "---\n# TODO: fill in after the kick-off meeting\n"],
  ])("reports %s as yaml/empty", (_name, text) => {
    expect(parseSla("sla.yaml", text).findings).toEqual([expect.objectContaining({ ruleId: "yaml/empty" })]);
  });

  it.each([
    [
      "an unclosed flow list",
      "agreement: [1, 2\n",
      { messageId: "yaml/syntax", message: "flow sequence in block collection must be sufficiently indented and end with a ]" },
      pos(2, 1),
    ],
    [
      "a compact nested mapping",
      "agreement: name: Ağ\n",
      { messageId: "yaml/syntax", message: "nested mappings are not allowed in compact mappings" },
      pos(1, 12),
    ],
    [
      "misaligned keys",
      "agreement:\n  name: x\n name: y\n",
      { messageId: "yaml/syntax", message: "all mapping items must start at the same column" },
      pos(3, 1),
    ],
    [
      "a tab as indentation",
      "agreement:\n\tname: x\n",
      { messageId: "yaml/tab-indent.before", args: { key: "name" }, hintId: "yaml/tab-indent.hint" },
      pos(2, 1),
    ],
  ])("reports %s as yaml/syntax", (_name, text, message, start) => {
    const parsed = parseSla("sla.yaml", text);
    expect(parsed.findings[0]).toMatchObject({ ruleId: "yaml/syntax", severity: "error", ...message, start });
    expect(parsed.data).toBeUndefined();
  });

  it.each([
    [
      "a key under a key with a value",
      "agreement:\n  currency: EUR\n    effectiveDate: 2026-07-01\n",
      "`effectiveDate` is indented more than `currency` above it",
      pos(3, 5),
      "start `effectiveDate` at column 3, as `currency` does",
    ],
    [
      "a key in a list entry",
      "l:\n  - id: x\n      name: y\n",
      "`name` is indented more than `id` above it",
      pos(3, 7),
      "start `name` at column 5, as `id` does",
    ],
  ])("points at the over-indented line, not the value yaml reads it into: %s", (_name, text, message, start, hint) => {
    const { findings } = parseSla("sla.yaml", text);
    // yaml reports two errors there; they are one mistake, said once.
    expect(findings).toEqual([expect.objectContaining({ ruleId: "yaml/syntax", message: expect.stringContaining(message), start, hint })]);
  });

  it("reports the first syntax error of a cascade and says how many follow, keeping duplicate keys", () => {
    const text = "agreement:\n\tname: x\n  version: 1\n\tlanguage: en\n  currency: EUR\nkind: a\nkind: b\n";
    const { findings } = parseSla("sla.yaml", text);
    const syntax = findings.filter((f) => f.ruleId === "yaml/syntax");
    expect(syntax).toEqual([
      expect.objectContaining({
        messageId: "yaml/tab-indent.before",
        start: pos(2, 1),
        hintId: "yaml/tab-indent.hint",
        hintArgs: { hiddenErrors: 1 },
        hint: "indent with spaces: YAML does not accept tabs for indentation; 1 later syntax error not shown: they often follow from this one; fix it and run again",
      }),
    ]);
    expect(findings.filter((f) => f.ruleId === "yaml/duplicate-key")).toHaveLength(1);
  });

  it.each([
    ["a tab", 'agreement:\n\tname: x\n  version: "1"\n', "yaml/tab-indent.before", "name", pos(2, 1)],
    ["a tab after spaces", 'agreement:\n  name: x\n  \tversion: "1"\n', "yaml/tab-indent.before", "version", pos(3, 1)],
    ["full-width spaces in a list entry", "stages:\n  - id: a\n\u3000\u3000\u3000 owner: x\n  - id: b\n", "yaml/full-width-indent", "owner", pos(3, 1)],
    ["full-width spaces after spaces", "stages:\n  - id: a\n  \u3000 owner: x\n", "yaml/full-width-indent", "owner", pos(3, 1)],
  ])("indentation with %s: named as such, at its line", (_name, text, messageId, key, start) => {
    expect(parseSla("sla.yaml", text).findings[0]).toMatchObject({
      ruleId: "yaml/syntax",
      messageId,
      args: { key },
      hintId: `${messageId.replace(/\.before$/, "")}.hint`,
      start,
    });
  });

  it.each([
    ["at the end of a mapping", "agreement:\n  name: x\n  owner：営業\n", "owner", "owner: 営業", pos(3, 3)],
    ["before the next key", "agreement:\n  owner：営業\n  name: x\n", "owner", "owner: 営業", pos(2, 3)],
    ["in a list entry", "stages:\n  - id: a\n    owner： sales\n  - id: b\n", "owner", "owner: sales", pos(3, 5)],
  ])("a full-width colon %s: says to write an ordinary one", (_name, text, key, fixed, start) => {
    expect(parseSla("sla.yaml", text).findings[0]).toMatchObject({
      ruleId: "yaml/syntax",
      messageId: "yaml/full-width-colon",
      args: { key },
      hintId: "yaml/full-width-colon.hint",
      hintArgs: { fixed },
      start,
    });
  });

  it("a full-width colon inside a value that reads well is left alone", () => {
    expect(parseSla("sla.yaml", "agreement:\n  name: 営業：東京\n").findings).toEqual([]);
  });

  it("keeps reporting errors in later top-level sections, and names keys in list entries without their dash", () => {
    const text = "a:\n  b: x\n    c: 1\nz:\n  y: x\n    - w: 1\n";
    const { findings } = parseSla("sla.yaml", text);
    expect(findings.map((f) => [f.message, f.start])).toEqual([
      ["`c` is indented more than `b` above it, so YAML reads it as part of that value", pos(3, 5)],
      ["`w` is indented more than `y` above it, so YAML reads it as part of that value", pos(6, 7)],
    ]);
  });

  // Each of these took from seconds to hours with the regular expressions first written for
  // the messages above; a hang fails the test by its time-out.
  it.each([
    ["a line of dashes before a deeper key", `a:\n  ${"-    ".repeat(24)}-x: v\n${" ".repeat(140)}deeper: 1\n`],
    ["many blank lines after an error", `a: [x\n${"\n".repeat(60_000)}  : e\n`],
  ])("explains %s in one pass", (_name, text) => {
    expect(parseSla("sla.yaml", text).findings[0]).toMatchObject({ ruleId: "yaml/syntax" });
  });

  it("reports more than one document", () => {
    const parsed = parseSla("sla.yaml", "apiVersion: sla/v1\n---\napiVersion: sla/v1\n");
    expect(parsed.findings).toEqual([
      expect.objectContaining({
        ruleId: "yaml/multiple-documents",
        severity: "error",
        message: expect.stringContaining("more than one YAML document"),
        start: pos(2, 1),
      }),
    ]);
    expect(parsed.data).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------

describe("decodeSource", () => {
  it.each([
    ["ASCII", "apiVersion: sla/v1\n"],
    ["Turkish, German and Japanese", "name: Müşteri İlişkileri, Größe, 営業チーム\n"],
    ["CRLF line endings", "a: 1\r\nb: 2\r\n"],
    ["Latin-1 letters only", "name: Größe, Müller, café\n"],
    ["characters outside the Basic Multilingual Plane", "name: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 𠮷野家\n"],
    ["a non-ASCII character first and last", "ü: x\nname: ı"],
  ])("decodes %s text unchanged", (_name, text) => {
    expect(decodeSource("sla.yaml", utf8(text))).toBe(text);
  });

  it("decodes as Node's own UTF-8 decoder does, over 2,000 random texts", () => {
    const alphabet = ["a", ":", " ", "\n", "ü", "ı", "€", "営", "😀", "\u2028", "\uFFFD", "\u0085", "\x7f", "\x01"];
    const random = seededRandom(7);
    for (let n = 0; n < 2_000; n++) {
      let text = "";
      for (let i = Math.floor(random() * 40); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      const bytes = utf8(text);
      expect(decodeSource("sla.yaml", bytes)).toBe(
        Buffer.from(bytes)
          .toString("utf8")
          .replace(/^\uFEFF/, ""),
      );
    }
  });

  it("strips one UTF-8 byte order mark, and only one", () => {
    expect(decodeSource("sla.yaml", utf8("\uFEFFa: 1\n"))).toBe("a: 1\n");
    expect(decodeSource("sla.yaml", utf8("\uFEFF\uFEFFa: 1\n"))).toBe("\uFEFFa: 1\n");
    expect(decodeSource("sla.yaml", utf8("\uFEFFname: Größe\n"))).toBe("name: Größe\n");
  });

  it("accepts a file of exactly MAX_SOURCE_BYTES", () => {
    expect(decodeSource("big.yaml", new Uint8Array(MAX_SOURCE_BYTES).fill(0x61))).toHaveLength(MAX_SOURCE_BYTES);
  });

  it.each<[string, () => Uint8Array, string]>([
    ["a NUL byte", () => utf8("apiVersion: sla/v1\0\n"), "binary"],
    ["a PNG header", () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), "binary"],
    ["a UTF-16 LE byte order mark", () => Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00), "UTF-16"],
    ["a UTF-16 BE byte order mark", () => Uint8Array.of(0xfe, 0xff, 0x00, 0x61, 0x00, 0x3a), "UTF-16"],
    ["invalid UTF-8 (Latin-1 ü)", () => Uint8Array.of(0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72), "not valid UTF-8"],
    ["a truncated UTF-8 sequence", () => Uint8Array.of(0x61, 0x3a, 0x20, 0xe5, 0x96), "not valid UTF-8"],
    ["more than MAX_SOURCE_BYTES", () => new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61), "may be at most 5 MB"],
  ])("refuses %s", (_name, bytes, message) => {
    const error = thrown(() => decodeSource("sla.yaml", bytes()));
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ name: "SourceError", file: "sla.yaml", message: expect.stringContaining(message) });
  });
});

describe("the two readers agree", () => {
  it.each(SLA_FILES)("%s: the fast reader's data equals yaml's, and positions are still found", async (file) => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
    const parsed = parseSla(file, text);
    expect(parsed.data).toEqual(parse(text));
    expect(rangeOf(parsed, ["agreement", "name"]).start).toEqual({ line: text.split("\n").findIndex((l) => /^ {2}name: /.test(l)) + 1, column: 9 });
  });

  it.each([
    ["an anchor (aliases are bounded by yaml only)", "a: &x [1]\nb: *x\n", { a: [1], b: [1] }, []],
    ["a top-level list", "- a\n", ["a"], []],
    ["a binary-looking number, which YAML 1.2 reads as text", "a: 0b101\n", { a: "0b101" }, []],
    ["a duplicate key", "a: 1\na: 2\n", undefined, ["yaml/duplicate-key"]],
  ])("leaves %s to yaml", (_name, text, data, ruleIds) => {
    const parsed = parseSla("x.yaml", text);
    expect(parsed.data).toEqual(data);
    expect(parsed.findings.map((f) => f.ruleId)).toEqual(ruleIds);
  });
});

describe("the fast reader never changes what a file means", () => {
  // Each scalar as `yaml` (YAML 1.2 core) reads it must come out the same from the fast reader.
  it.each([
    "1_000",
    "0755",
    "0o17",
    "0x1F",
    "-0x1F",
    "+0x1F",
    "-0o17",
    "+12",
    "-.5",
    "+.5",
    ".5",
    "1e3",
    "1.",
    ".inf",
    "-.Inf",
    ".nan",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "yes",
    "on",
    "True",
    "TRUE",
    "tRue",
    "false",
    "2026-07-01",
    "2026-07-01T10:00:00Z",
    "1:30",
    "0b101",
    "25%",
    "-0",
    "12e",
    "1,5",
    "=",
    "'it''s'",
    '"\\u00e9"',
    "[1, 2,]",
    "{a: 1}",
  ])("k: %s", (value) => {
    const text = `k: ${value}\n`;
    expect(parseSla("x.yaml", text).data).toEqual(yamlParse(text));
  });

  it.each([
    ["a flow list continued at the key's indentation", "icps:\n  - industries: [Food, Chemicals,\n    Pharmaceuticals]\n"],
    ["a quoted scalar continued without indentation", 'kind: "Service\nLevelAgreement"\n'],
    ["a comment glued to a value", 'apiVersion: "sla/v1"# v1\n'],
    ["a lone carriage return", "apiVersion: sla/v1\rkind: ServiceLevelAgreement\n"],
  ])("%s: an error, as yaml says", (_name, text) => {
    expect(yamlParseDocument(text).errors.length).toBeGreaterThan(0);
    expect(parseSla("x.yaml", text).findings.some((f) => f.severity === "error" && f.ruleId.startsWith("yaml/"))).toBe(true);
  });

  it("reads a YAML 1.1 document as yaml does", () => {
    const text = "%YAML 1.1\n---\nk: yes\nd: 010\n";
    expect(parseSla("x.yaml", text).data).toEqual(yamlParseDocument(text).toJS());
  });
});

describe("memory over many files", () => {
  it("keeps nothing of a checked file in the old generation", () => {
    // Per-file data that outlives two young-generation collections is moved to the old
    // generation and stays until a full collection: the heap then grows with every file (an
    // object literal with getters per file once did this, by 30 KB a file). Measured in a
    // fresh process on the built library: in a test worker that ran other files, a full
    // collection already under way keeps such garbage too, and the figure says nothing.
    const script = `
      import { readFileSync } from "node:fs";
      import { getHeapSpaceStatistics } from "node:v8";
      const { parseSla } = await import(${JSON.stringify(new URL("../../dist/load/parse.js", import.meta.url).href)});
      const { validateParsed } = await import(${JSON.stringify(new URL("../../dist/validate/index.js", import.meta.url).href)});
      const example = readFileSync(${JSON.stringify(fileURLToPath(new URL("../../sla.example.yaml", import.meta.url)))}, "utf8");
      const oldSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === "old_space").space_used_size;
      const check = (i) => validateParsed(parseSla("team-" + i + ".sla.yaml", example.replace("target: 25500", "target: " + (25500 + i))));
      for (let i = 0; i < 100; i++) check(i);
      const before = oldSpace();
      for (let i = 0; i < 1000; i++) check(i);
      process.stdout.write(String((oldSpace() - before) / 1024 / 1024));
    `;
    const growth = Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
    expect(growth).toBeLessThan(4);
  });
});
