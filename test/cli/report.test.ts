// `sla report`'s command line: what it refuses before reading any export. The measured report
// itself is tested over the hand-made fixtures (test/report/).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, exampleWithoutOwner, sla, tempDir } from "../helpers/cli.js";

describe("sla report: usage errors exit 2 and name the fix", () => {
  it.each([
    [["--through", "2026-13"], "sla: --through: `2026-13` is not a month; write it as YYYY-MM, e.g. 2026-10\n"],
    [["--through", "10/2026"], "sla: --through: `10/2026` is not a month; write it as YYYY-MM, e.g. 2026-10\n"],
    [
      ["--format", "xml"],
      "sla: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, markdown, html, pdf, json.\n(run `sla --help` for usage)\n",
    ],
    [
      ["--fail-on", "late"],
      "sla: option '--fail-on <status>' argument 'late' is invalid. Allowed choices are off-track, at-risk.\n(run `sla --help` for usage)\n",
    ],
    [["-o", "scorecard.docx"], "sla: cannot tell the format from `scorecard.docx`; name it .txt, .md, .html, .pdf or .json, or give --format\n"],
  ])("%j", (args, stderr) => {
    const result = sla(["report", EXAMPLE, ...args]);
    expect(result).toEqual({ code: 2, stdout: "", stderr });
  });

  it("in the user's language", () => {
    const result = sla(["report", EXAMPLE, "--through", "2026/10"], { env: { LANG: "de_DE.UTF-8" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("sla: --through: `2026/10` ist kein Monat; schreiben Sie ihn als JJJJ-MM, z. B. 2026-10\n");
  });

  it("a file that is not there", () => {
    const dir = tempDir();
    expect(sla(["report", "missing.yaml"], { cwd: dir })).toEqual({ code: 2, stdout: "", stderr: "sla: missing.yaml: no such file\n" });
  });

  it("no SLA file to find", () => {
    const dir = tempDir();
    const result = sla(["report"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sla: no SLA files found under .* \(looked for sla\.yaml, .*\); name one/);
  });

  it("an -o that names an input", () => {
    const result = sla(["report", EXAMPLE, "-f", "json", "-o", EXAMPLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("refusing to write the report over its input");
  });
});

describe("sla report on an agreement with errors", () => {
  it("shows the errors, measures nothing and leaves the previous report as it was", () => {
    const dir = tempDir();
    const file = exampleWithoutOwner(dir);
    const out = join(dir, "scorecard.json");
    writeFileSync(out, "previous\n");
    const result = sla(["report", file, "-o", out], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error[stages/missing-owner]");
    expect(result.stderr).toContain(`sla: ${file} is not valid; nothing was measured\n`);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
  });
});

describe("sla report --help", () => {
  it("lists the options and the exit codes", () => {
    const result = sla(["report", "--help"]);
    expect(result.code).toBe(0);
    for (const option of [
      "--leads <file>",
      "--deals <file>",
      "--actuals <file>",
      "--through <month>",
      "-f, --format <format>",
      "-o, --output <file>",
      "--fail-on <status>",
      "--locale <tag>",
    ])
      expect(result.stdout).toContain(option);
    expect(result.stdout).toContain("Exit codes: 0 reported, 1 a KPI has the --fail-on status, 2 usage, input or data error");
  });

  it("is offered by shell completion with its choices", () => {
    const result = sla(["completion", "bash"]);
    expect(result.stdout).toContain("    report)");
    expect(result.stdout).toContain('--fail-on) COMPREPLY=($(compgen -W "off-track at-risk" -- "$cur"))');
  });
});
