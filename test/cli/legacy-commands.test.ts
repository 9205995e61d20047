// A GitHub runner also reads the older form of workflow command, `##[name props]data`,
// anywhere in a line (when the line is not a `::` command). Text from a hostile agreement
// holding `##[` is shown in every output of every command, on standard output and standard
// error, never as a raw `##[`; JSON still parses back to the text as written.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");
const ATTACK = "##[error]pwned ##[set-output name=x;]y";
/** The title and an ICP's name hold the attack; so do the file names. */
const hostile = example
  .replace("  name: Anatolia Pumps Marketing & Sales Service Level Agreement\n", `  name: "Anatolia ${ATTACK}"\n`)
  .replace("    name: Operations Oya\n", `    name: "Oya ${ATTACK}"\n`);
const HOSTILE_FILE = "sla ##[warning]x.yaml";

/** Every line of the output that a runner would read as a workflow command in its older form. */
const legacyCommands = (text: string) => text.split("\n").filter((line) => line.includes("##["));

function expectNoLegacyCommands(result: { stdout: string; stderr: string }): void {
  expect(legacyCommands(result.stdout)).toEqual([]);
  expect(legacyCommands(result.stderr)).toEqual([]);
}

function dirWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("no line of any output holds `##[`", () => {
  it.each(["stylish", "json", "sarif", "junit", "github"])("validate --format %s, findings quoting the text and its source line", (format) => {
    const dir = dirWith({ [HOSTILE_FILE]: `apiVersion: sla/v1\nkind: "${ATTACK}"\n` });
    const result = sla(["validate", HOSTILE_FILE, "--format", format], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("pwned");
    expectNoLegacyCommands(result);
    if (format === "json") {
      const report = JSON.parse(result.stdout) as { files: { file: string; findings: { message: string }[] }[] };
      expect(report.files[0]!.file).toBe(HOSTILE_FILE);
      expect(report.files[0]!.findings.map((f) => f.message).join("\n")).toContain(ATTACK);
    }
    if (format === "sarif") expect(result.stdout.includes(ATTACK) || JSON.stringify(JSON.parse(result.stdout)).includes(ATTACK)).toBe(true);
    if (format === "stylish") {
      // The quoted source line shows the escape, and the caret still spans the value.
      const shown = `"${ATTACK.replace(/##\[/g, "##\\[")}"`;
      expect(result.stdout).toContain(`2 | kind: ${shown}\n  |       ${"^".repeat(shown.length)}\n`);
    }
    if (format === "github") for (const line of result.stdout.trimEnd().split("\n")) expect(line).toMatch(/^::(error|warning) /);
  });

  it("validate of a file found by discovery, and a configuration error on standard error", () => {
    const dir = dirWith({ [`${ATTACK}.sla.yaml`]: "apiVersion: sla/v1\n" });
    const found = sla(["validate"], { cwd: dir });
    expect(found.code).toBe(1);
    expectNoLegacyCommands(found);
    writeFileSync(join(dir, ".slarc.yaml"), `rules:\n  "nope ${ATTACK}": off\n`);
    const config = sla(["validate"], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain("unknown rule");
    expectNoLegacyCommands(config);
  });

  it.each(["text", "markdown", "json"])("diff --format %s", (format) => {
    const dir = dirWith({ "old.yaml": example, "new.yaml": hostile });
    const result = sla(["diff", "old.yaml", "new.yaml", "--format", format], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("pwned");
    expectNoLegacyCommands(result);
    if (format === "json") expect(JSON.stringify(JSON.parse(result.stdout))).toContain(JSON.stringify(`Oya ${ATTACK}`));
  });

  it.each(["md", "html"])("render --format %s to standard output and to a file", (format) => {
    const dir = dirWith({ "a.yaml": hostile });
    const result = sla(["render", "a.yaml", "--format", format, "-o", "-"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("pwned");
    expectNoLegacyCommands(result);
    const written = sla(["render", "a.yaml", "--format", format, "-o", `out.${format}`], { cwd: dir });
    expect(written.code).toBe(0);
    expect(legacyCommands(readFileSync(join(dir, `out.${format}`), "utf8"))).toEqual([]);
  });

  it("render shows the findings of an invalid agreement on standard error", () => {
    const dir = dirWith({ "a.yaml": `apiVersion: sla/v1\nkind: "${ATTACK}"\n` });
    const result = sla(["render", "a.yaml", "-o", "-"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("pwned");
    expectNoLegacyCommands(result);
  });

  it("verify names the files as given", () => {
    const dir = dirWith({ [HOSTILE_FILE]: hostile });
    expect(sla(["render", HOSTILE_FILE, "-o", "doc ##[error]x.md"], { cwd: dir }).code).toBe(0);
    const result = sla(["verify", HOSTILE_FILE, "doc ##[error]x.md"], { cwd: dir });
    expect(result.code).toBe(0);
    expectNoLegacyCommands(result);
  });
});
