// Impossible figures are errors, and NaN or Infinity never reaches any output: validate,
// diff (text, Markdown, JSON) and render, run as a user runs them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

const example = readFileSync(EXAMPLE, "utf8");
const NOT_A_NUMBER = /NaN|Infinity|∞/;

/** The example with one KPI target replaced, written to a temporary directory. */
function withTarget(from: string, to: string): { dir: string; file: string } {
  const dir = tempDir();
  expect(example).toContain(from);
  const file = join(dir, "sla.yaml");
  writeFileSync(file, example.replace(from, to));
  return { dir, file };
}

const CLOSE_RATE = "target: 25%";
const REVENUE = "target: 1800000";

describe("impossible funnel figures", () => {
  it("a denormal close rate is an error at its line, not NaN proposals", () => {
    const { file } = withTarget(CLOSE_RATE, "target: 1e-320");
    const { code, stdout, stderr } = sla(["validate", file]);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(NOT_A_NUMBER);
    expect(stdout).toContain("error[funnel/impossible]: the close rate `1e-320` is too small: the proposals needed would be more than a number can hold");
    expect(stdout).toMatch(/sla\.yaml:459:13\n/);
    expect(stdout).toContain("✖ 1 error in 1 file");
    expect(code).toBe(1);
  });

  it.each([
    ["a negative revenue target", REVENUE, "target: -1800000", "error[funnel/impossible]: the revenue target is -1,800,000: it cannot be negative"],
    ["a 0% close rate", CLOSE_RATE, "target: 0%", "error[funnel/impossible]: the close rate is 0%: with a 0% rate no volume can reach the revenue target"],
  ])("%s is an error, not a warning", (_name, from, to, message) => {
    const { file } = withTarget(from, to);
    const { code, stdout } = sla(["validate", file]);
    expect(stdout).toContain(message);
    expect(code).toBe(1);
  });

  it("the diff says the funnel cannot be computed, in every format, without NaN", () => {
    const { dir, file } = withTarget(CLOSE_RATE, "target: 1e-320");
    for (const format of ["text", "markdown", "json"]) {
      const { code, stdout, stderr } = sla(["diff", "--format", format, EXAMPLE, file], { cwd: dir });
      expect(stderr).toBe("");
      expect(stdout).not.toMatch(NOT_A_NUMBER);
      expect(stdout).toContain(
        "the funnel math can no longer be computed: the close rate is so small that the proposals needed would be more than a number can hold",
      );
      expect(code).toBe(0);
    }
    const json = JSON.parse(sla(["diff", "--format", "json", EXAMPLE, file], { cwd: dir }).stdout);
    expect(json.new.funnel).toBeNull();
    expect(json.changes.filter((c: { section: string }) => c.section === "funnel")).toHaveLength(1);
  });

  it("a target beyond what an agreement could mean: an error at its line, and no ∞ in the diff or the document", () => {
    const { dir, file } = withTarget("    target: 176\n", "    target: 1e308\n    per: week\n");
    const validate = sla(["validate", file]);
    expect(validate.stdout).toContain("error[schema/maximum]: `target` must be at most 9,007,199,254,740,991, found number `1e+308`");
    expect(validate.stdout).toMatch(/sla\.yaml:540:13\n/);
    expect(validate.code).toBe(1);
    const diff = sla(["diff", EXAMPLE, "sla.yaml"], { cwd: dir });
    expect(diff.stdout + diff.stderr).not.toMatch(NOT_A_NUMBER);
    expect(diff.stderr).toBe(
      "sla: cannot compare: sla.yaml:540:13: `target` must be at most 9,007,199,254,740,991, found number `1e+308`; see them all with: sla validate sla.yaml\n",
    );
    expect(diff.code).toBe(2);
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  funnel/impossible: off\n");
    const render = sla(["render", "sla.yaml", "-o", "-"], { cwd: dir });
    expect(render.stderr).toContain("error[schema/maximum]");
    expect(render.stdout + render.stderr).not.toMatch(NOT_A_NUMBER);
    expect(render.code).toBe(1);
  });

  it("with funnel/impossible switched off, a document with a denormal rate renders without NaN", () => {
    const { dir } = withTarget(CLOSE_RATE, "target: 1e-320");
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  funnel/impossible: off\n");
    for (const format of ["md", "html", "pdf"]) {
      const { code, stderr } = sla(["render", "sla.yaml", "-o", `out.${format}`], { cwd: dir });
      expect(stderr).toBe(`Wrote out.${format}\n`);
      expect(code).toBe(0);
    }
    const markdown = readFileSync(join(dir, "out.md"), "utf8");
    expect(markdown).not.toMatch(NOT_A_NUMBER);
    expect(markdown).toContain("The funnel math needs a revenue target, an average deal size and the conversion rates.");
  });
});

describe("numbers beyond what an agreement could mean", () => {
  const SAFE = "9,007,199,254,740,991";

  it.each([
    ["points", "points: 15", "points: 1e308", "`points` must be at most", 352, 15],
    ["negative points", "points: -30", "points: -1e308", "`points` must be at least -", 388, 15],
    ["employees", "      max: 2000", "      max: 1e308", "`max` must be at most", 76, 12],
    ["annual revenue", "      min: 20000000", "      min: 1e308", "`min` must be at most", 78, 12],
    ["a threshold", "sqlThreshold: 80", "sqlThreshold: 1e308", "`sqlThreshold` must be at most", 390, 17],
    ["a KPI target in days", "target: 75", "target: 1e308", "`target` must be at most", 579, 13],
  ])("%s: validate says so at the line, diff and render say why they stop, with no internal error", (_name, from, to, message, line, column) => {
    const { dir } = withTarget(from, to);
    const validate = sla(["validate", "sla.yaml"], { cwd: dir });
    expect(validate.stdout).toContain(`error[schema/${message.includes("at least") ? "minimum" : "maximum"}]: ${message}`);
    expect(validate.stdout).toContain(SAFE);
    expect(validate.stdout).toContain(`--> sla.yaml:${line}:${column}\n`);
    expect(validate.code).toBe(1);
    for (const run of [
      sla(["diff", EXAMPLE, "sla.yaml"], { cwd: dir }),
      sla(["diff", "sla.yaml", EXAMPLE], { cwd: dir }),
      sla(["render", "sla.yaml", "-o", "-"], { cwd: dir }),
    ]) {
      expect(run.stderr).not.toContain("internal error");
      expect(run.stdout + run.stderr).not.toMatch(NOT_A_NUMBER);
      expect(run.stdout + run.stderr).toContain(`sla.yaml:${line}:${column}`);
      expect([1, 2]).toContain(run.code);
    }
  });

  it("the largest exact number is valid, and a change to it from a tiny one is shown without a percentage too large to write", () => {
    const { dir } = withTarget("mqlThreshold: 50", "mqlThreshold: 1e-292");
    writeFileSync(
      join(dir, "big.yaml"),
      example.replace("mqlThreshold: 50", "mqlThreshold: 9007199254740991").replace("sqlThreshold: 80", "sqlThreshold: 9007199254740991"),
    );
    expect(sla(["validate", "big.yaml"], { cwd: dir }).stdout).not.toContain("schema/");
    for (const format of ["text", "markdown", "json"]) {
      const diff = sla(["diff", "sla.yaml", "big.yaml", "--format", format], { cwd: dir });
      expect(diff.stderr).toBe("");
      expect(diff.stdout).not.toMatch(NOT_A_NUMBER);
      expect(diff.code).toBe(0);
      if (format === "text") expect(diff.stdout).toContain("mqlThreshold: 0 → 9,007,199,254,740,991 (+9,007,199,254,740,991)  (raised, tightened)");
    }
  });
});

describe("SOURCE_DATE_EPOCH", () => {
  it.each(["99999999999999999", "253402300800"])("%s, beyond the dates a PDF can hold, is a usage error naming the variable and the range", (value) => {
    const dir = tempDir();
    const { code, stdout, stderr } = sla(["render", EXAMPLE, "-o", "a.pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: value } });
    expect(stderr).toBe(`sla: SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799 (9999-12-31T23:59:59Z), not \`${value}\`\n`);
    expect(stdout).toBe("");
    expect(code).toBe(2);
    expect(existsSync(join(dir, "a.pdf"))).toBe(false);
  });

  it("the last second of year 9999 is still a date", () => {
    const dir = tempDir();
    const { code, stderr } = sla(["render", EXAMPLE, "-o", "a.pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "253402300799" } });
    expect(stderr).toBe("Wrote a.pdf\n");
    expect(code).toBe(0);
  });
});

describe("text that YAML would read as a number", () => {
  const VERSION = 'version: "2026.2"';

  // Both readers: the fast one takes the plain file; an anchor sends the file to `yaml`.
  it.each([
    ["the fast reader", (text: string) => text],
    ["the yaml library", (text: string) => text.replace("currency: EUR", "currency: &c EUR")],
  ])("an unquoted version is an error at its line, with the fix (%s)", (_reader, variant) => {
    const dir = tempDir();
    expect(example).toContain(VERSION);
    const text = variant(example.replace(VERSION, "version: 2026.10"));
    writeFileSync(join(dir, "sla.yaml"), text);
    const line = text.split("\n").findIndex((l) => l.includes("version: 2026.10")) + 1;
    const { code, stdout } = sla(["validate", "sla.yaml"], { cwd: dir });
    expect(stdout).toContain("error[schema/type]: `version` must be text: YAML reads `2026.10` as the number 2026.1");
    expect(stdout).toContain(`--> sla.yaml:${line}:12\n`);
    expect(stdout).toContain('= help: quote it: `version: "2026.10"`');
    expect(code).toBe(1);
    // Nothing is signed or compared with the version YAML made of it.
    expect(sla(["render", "sla.yaml", "-o", "a.pdf"], { cwd: dir }).code).toBe(1);
    expect(existsSync(join(dir, "a.pdf"))).toBe(false);
    const diff = sla(["diff", EXAMPLE, "sla.yaml"], { cwd: dir });
    expect(diff.stderr).toContain("version");
    expect(diff.code).toBe(2);
  });

  it("a quoted version is valid and kept as written, in the document and the diff", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), example.replace(VERSION, 'version: "2026.10"'));
    expect(sla(["validate", "sla.yaml"], { cwd: dir }).code).toBe(0);
    expect(sla(["render", "sla.yaml", "-o", "-"], { cwd: dir }).stdout).toContain("2026.10");
    const diff = sla(["diff", EXAMPLE, "sla.yaml"], { cwd: dir });
    expect(diff.stdout).toContain("(2026.10, 2026-07-01 – 2026-12-31)");
    expect(diff.stdout).not.toContain("the version did not increase");
  });

  it("a bare whole-number version is asked to be quoted too, before 2.10 comes along", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), example.replace(VERSION, "version: 3"));
    const { code, stdout } = sla(["validate", "sla.yaml"], { cwd: dir });
    expect(stdout).toContain("error[schema/type]: `version` must be text, found number `3`");
    expect(stdout).toContain('= help: quote it: `version: "3"`');
    expect(code).toBe(1);
    const json = JSON.parse(sla(["validate", "-f", "json", "sla.yaml"], { cwd: dir }).stdout);
    expect(json.files[0].findings[0]).toMatchObject({
      messageId: "schema/text-expected",
      args: { field: "`version`" },
      hintId: "schema/quote-it",
      hintArgs: { quoted: 'version: "3"' },
    });
  });

  it("an id or a name written as a number says why and how to quote it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), example.replace("    - id: sales\n", "    - id: 1.10\n"));
    const { stdout } = sla(["validate", "sla.yaml"], { cwd: dir });
    expect(stdout).toContain("`id` must be text: YAML reads `1.10` as the number 1.1");
    expect(stdout).toContain('= help: quote it: `id: "1.10"`');
  });
});
