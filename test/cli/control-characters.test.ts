// Text from a hostile agreement (ESC sequences, OSC titles, bidirectional overrides,
// `::error` workflow commands) is shown in every output, never acted on by a terminal or a
// CI runner, and JUnit stays well-formed XML.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");
const ATTACK = "\\e[2J\\e]0;pwned\\a\\u202e\\r\\n::error::pwned\\n::stop-commands::token";
/** Raw control characters a terminal or a log viewer would act on. */
const RAW_CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** An unknown key made of escapes, and one with a raw ESC in the source line quoted under it. */
const hostile = example.replace("    name: Operations Oya\n", `    name: Operations Oya\n    "k${ATTACK}": 1\n    raw\x1b[2Jkey: 1\n`);

function hostileDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "hostile.yaml"), hostile);
  return dir;
}

/** Lines that a GitHub runner would read as workflow commands. */
const commands = (text: string) => text.split("\n").filter((line) => /^\s*::/.test(line));

/** XML 1.0 well-formedness, enough for JUnit reports: allowed characters, balanced elements, quoted attributes. */
function expectWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(/[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, "");
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (let m = token.exec(body); m && m.index < body.length; m = token.exec(body)) {
    if (m[6]) throw new Error(`malformed markup at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (m[5]) expect(m[5]).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
    else if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
    if (token.lastIndex === body.length) break;
  }
  expect(stack).toEqual([]);
}

describe("validate: every format shows control characters and starts no workflow command", () => {
  it.each(["stylish", "json", "sarif", "junit", "github"])("%s", (format) => {
    const result = sla(["validate", "hostile.yaml", "--format", format], { cwd: hostileDir() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("unknown property");
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    // The github formatter's own commands are the only ones, one per finding.
    const own = commands(result.stdout);
    if (format === "github") for (const line of own) expect(line).toMatch(/^::(error|warning) file=hostile\.yaml,line=\d+,/);
    else expect(own).toEqual([]);
    if (format === "json" || format === "sarif") expect(JSON.stringify(JSON.parse(result.stdout))).toContain("pwned");
    if (format === "junit") expectWellFormedXml(result.stdout);
  });

  it("stylish quotes a source line with its ESC shown and the caret under the key", () => {
    const { stdout } = sla(["validate", "hostile.yaml"], { cwd: hostileDir() });
    expect(stdout).toContain("|     raw\\u001b[2Jkey: 1\n");
    expect(stdout).toMatch(/\| {5}\^{15}\n/);
  });
});

describe("diff, render and configuration messages show control characters too", () => {
  it("diff in text, Markdown and JSON", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "old.yaml"), example);
    writeFileSync(join(dir, "new.yaml"), example.replace("    name: Operations Oya\n", `    name: "Oya${ATTACK}"\n`));
    for (const format of ["text", "markdown", "json"]) {
      const result = sla(["diff", "old.yaml", "new.yaml", "--format", format], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("pwned");
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(commands(result.stdout)).toEqual([]);
    }
  });

  it("render to Markdown and HTML", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), example.replace("    name: Operations Oya\n", `    name: "Oya${ATTACK}"\n`));
    for (const format of ["md", "html"]) {
      const result = sla(["render", "a.yaml", "--format", format, "-o", "-"], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("pwned");
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(commands(result.stdout)).toEqual([]);
    }
  });

  it("a configuration error naming a hostile rule id", () => {
    const dir = hostileDir();
    writeFileSync(join(dir, ".slarc.yaml"), `rules:\n  "nope${ATTACK}": off\n`);
    const result = sla(["validate", "hostile.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown rule");
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(commands(result.stderr)).toEqual([]);
  });

  it("an error message quoting a file name", () => {
    const result = sla(["validate", "missing\x1b[2J\n::error::pwned.yaml"], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(commands(result.stderr)).toEqual([]);
  });
});
