import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { BIN, EXAMPLE, FIXTURES, ROOT, sla, tempDir } from "../helpers/cli.js";

const THREE_ERRORS = join(FIXTURES, "invalid/three-errors.sla.yaml");
const I18N = ["tr", "de", "ja"].map((lang) => join(FIXTURES, `i18n/${lang}.sla.yaml`));
const example = readFileSync(EXAMPLE, "utf8");

/** Writes `text` to a file in a fresh directory and returns its path. */
function fileWith(text: string | Buffer, name = "sla.yaml"): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

function json(stdout: string) {
  return JSON.parse(stdout) as {
    valid: boolean;
    errorCount: number;
    warningCount: number;
    files: {
      file: string;
      valid: boolean;
      findings: { ruleId: string; severity: string; message: string; line: number | null; column: number | null; path: (string | number)[] }[];
    }[];
  };
}

describe("sla validate: valid files", () => {
  it("accepts the shipped example", () => {
    const result = sla(["validate", "sla.example.yaml"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("✔ 1 file valid\n");
  });

  it.each(I18N)("accepts the same agreement written in another language: %s", (file) => {
    const result = sla(["validate", file]);
    expect(result.stdout).toContain("✔ 1 file valid");
    expect(result.code).toBe(0);
  });

  it("accepts percentages and durations written with full-width digits, as a Japanese keyboard types them", () => {
    const file = fileWith(
      example.replace("timeToFirstAttempt: 4 business hours", "timeToFirstAttempt: ４営業時間").replace(/^ {4}target: 25%$/m, "    target: ２５％"),
    );
    expect(readFileSync(file, "utf8")).toContain("２５％");
    expect(sla(["validate", file])).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    // A slower first attempt than the sequence plans is still caught in full-width digits.
    const late = sla(["validate", fileWith(example.replace("timeToFirstAttempt: 4 business hours", "timeToFirstAttempt: １営業時間"))]);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain("later than the time to first attempt (１営業時間)");
  });

  it("handles a UTF-8 BOM and CRLF line endings with the right line numbers", () => {
    const crlf = "\uFEFF" + example.replace(/\n/g, "\r\n").replace("icp: water-utilities", "icp: nowhere");
    const result = sla(["validate", "--format", "json", fileWith(crlf)]);
    const line = example.split("\n").findIndex((l) => l.includes("icp: water-utilities")) + 1;
    expect(result.code).toBe(1);
    expect(json(result.stdout).files[0]!.findings).toMatchObject([{ ruleId: "refs/unknown-icp", line, column: 10 }]);
  });
});

describe("sla validate: findings", () => {
  it("reports a misspelled key, a dangling persona reference and an unreachable revenue target at their lines", () => {
    const result = sla(["validate", THREE_ERRORS]);
    expect(result.code).toBe(1);
    const heads = result.stdout.split("\n").filter((l) => l.startsWith("error"));
    expect(heads).toHaveLength(3);
    expect(result.stdout).toMatch(
      /error\[refs\/unknown-icp\]: persona `maintenance-mehmet` refers to ICP `water-utility`, which is not defined\n {2}--> .*three-errors.sla.yaml:131:10/,
    );
    expect(result.stdout).toContain("help: did you mean `water-utilities`?");
    expect(result.stdout).toMatch(
      /error\[funnel\/unreachable-revenue\]: KPI `mqls` cannot deliver the revenue target: 150 per month = 900 over 6 months, but 1,000 MQLs are needed/,
    );
    expect(result.stdout).toContain("1,800,000 EUR revenue ÷ 30,000 EUR average deal = 60 customers ÷ 25% close rate = 240 proposals");
    expect(result.stdout).toMatch(/three-errors.sla.yaml:540:13/);
    expect(result.stdout).toMatch(
      /error\[schema\/unknown-property\]: unknown property `descripton` in KPI target `cost-per-lead`\n {2}--> .*three-errors.sla.yaml:566:5/,
    );
    expect(result.stdout).toContain("help: did you mean `description`?");
    expect(result.stdout).toContain("✖ 3 errors in 1 file");
  });

  it("shows the source line with a caret under the offending text", () => {
    const result = sla(["validate", THREE_ERRORS]);
    expect(result.stdout).toContain("131 |     icp: water-utility\n    |          ^^^^^^^^^^^^^\n");
  });

  it("quotes Turkish and Japanese text intact and aligns the caret under wide characters", () => {
    const tr = readFileSync(I18N[0]!, "utf8").replace("icp: belediye-su-işletmeleri", "icp: büyük-şirketler");
    const trResult = sla(["validate", fileWith(tr)]);
    expect(trResult.code).toBe(1);
    expect(trResult.stdout).toContain("refers to ICP `büyük-şirketler`, which is not defined");

    const ja = readFileSync(I18N[2]!, "utf8").replace("icp: 上下水道", "icp: 上下水道局");
    const jaResult = sla(["validate", fileWith(ja)]);
    expect(jaResult.code).toBe(1);
    expect(jaResult.stdout).toContain("ICP `上下水道局`, which is not defined");
    expect(jaResult.stdout).toContain("help: did you mean `上下水道`?");
    // Five columns of indentation and "icp: ", then six carets for three wide characters.
    expect(jaResult.stdout).toMatch(/\| {5}icp: 上下水道局\n\s+\| {10}\^{10}\n/);
  });

  it("reports a key too long for YAML, which a lenient reader would take", () => {
    const text = example.replace("kind: ServiceLevelAgreement", `kind: ServiceLevelAgreement\n${"x".repeat(1100)}: a key too long for YAML`);
    const result = sla(["validate", "--format", "json", fileWith(text)]);
    expect(result.code).toBe(1);
    const line = example.split("\n").indexOf("kind: ServiceLevelAgreement") + 2;
    expect(json(result.stdout).files[0]!.findings).toMatchObject([{ ruleId: "yaml/syntax", line, column: 1 }]);
  });

  it("reports an unknown enum value with a suggestion", () => {
    const text = example.replace("    cadence: monthly", "    cadence: montly");
    const result = sla(["validate", fileWith(text)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("`cadence` must be one of `weekly`, `monthly`");
    expect(result.stdout).toContain("did you mean `monthly`?");
  });

  it("reports a missing required property at its parent", () => {
    const text = example.replace(/^ {2}name: .*\n/m, "");
    const result = sla(["validate", "--format", "json", fileWith(text)]);
    const finding = json(result.stdout).files[0]!.findings[0]!;
    expect(finding).toMatchObject({
      ruleId: "schema/required",
      path: ["agreement", "name"],
      line: example.split("\n").indexOf("agreement:") + 1,
      column: 1,
      endColumn: 10,
    });
    expect(finding.message).toBe("agreement is missing `name`");
  });
});

describe("sla validate: output formats", () => {
  it("json: a stable, documented shape", () => {
    const result = sla(["validate", "--format", "json", THREE_ERRORS, "sla.example.yaml"]);
    expect(result.code).toBe(1);
    const report = json(result.stdout);
    expect(report).toMatchObject({ valid: false, errorCount: 3, warningCount: 0 });
    expect(report.files.map((f) => f.valid)).toEqual([false, true]);
    expect(report.files[0]!.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ["refs/unknown-icp", 131, 10],
      ["funnel/unreachable-revenue", 540, 13],
      ["schema/unknown-property", 566, 5],
    ]);
    expect(report.files[0]!.findings[1]!.path).toEqual(["kpis", 10, "target"]);
  });

  it("github: workflow-command annotations with escaped data", () => {
    const result = sla(["validate", "--format", "github", THREE_ERRORS]);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=.*three-errors\.sla\.yaml,line=131,col=10,endLine=131,endColumn=23,title=sla refs\/unknown-icp::persona `maintenance-mehmet` refers to ICP `water-utility`, which is not defined%0Adid you mean `water-utilities`\?$/,
    );
  });

  it("sarif: a 2.1.0 log with rules and regions", () => {
    const result = sla(["validate", "--format", "sarif", THREE_ERRORS]);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("sla");
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain("funnel/unreachable-revenue");
    // Every result's rule is described, the schema's own checks too, and only once.
    for (const r of run.results) expect(ruleIds).toContain(r.ruleId);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === "schema/unknown-property").shortDescription.text).toMatch(/JSON Schema/);
    expect(run.results[0].message.text).toBe(
      "persona `maintenance-mehmet` refers to ICP `water-utility`, which is not defined; did you mean `water-utilities`?",
    );
    expect(run.results).toHaveLength(3);
    expect(run.results[0]).toMatchObject({
      ruleId: "refs/unknown-icp",
      level: "error",
      locations: [{ physicalLocation: { region: { startLine: 131, startColumn: 10 } } }],
    });
  });

  it("junit: one failing test case per error", () => {
    const result = sla(["validate", "--format", "junit", THREE_ERRORS, "sla.example.yaml"]);
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="sla validate" tests="4" failures="3">/);
    expect(result.stdout.match(/<failure /g)).toHaveLength(3);
    expect(result.stdout).toContain('<testcase classname="sla.example.yaml" name="valid"/>');
  });

  it("stylish: the summary says how many of the files read need work", () => {
    expect(sla(["validate", THREE_ERRORS, "sla.example.yaml"]).stdout).toMatch(/\n✖ 3 errors in 1 of 2 files\n$/);
    expect(sla(["validate", THREE_ERRORS]).stdout).toMatch(/\n✖ 3 errors in 1 file\n$/);
  });

  it("writes the report to a file with --output", () => {
    const out = join(tempDir(), "report.sarif");
    const result = sla(["validate", "--format", "sarif", "--output", out, THREE_ERRORS]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).runs[0].results).toHaveLength(3);
  });

  it("refuses --output naming one of the files it checks, and leaves that file alone", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), example);
    for (const output of ["sla.yaml", "./sla.yaml", join(dir, "sla.yaml")]) {
      const result = sla(["validate", ".", "-o", output], { cwd: dir });
      expect(result).toMatchObject({ code: 2, stdout: "", stderr: "sla: refusing to write the report over its input sla.yaml; choose another -o\n" });
    }
    // A link to the file is the file.
    symlinkSync(join(dir, "sla.yaml"), join(dir, "link.json"));
    expect(sla(["validate", "sla.yaml", "-o", "link.json"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: refusing to write the report over its input sla.yaml; choose another -o\n",
    });
    expect(readFileSync(join(dir, "sla.yaml"), "utf8")).toBe(example);
    expect(sla(["validate", ".", "-o", "no/such/dir/report.json"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "sla: cannot write no/such/dir/report.json: directory no/such/dir does not exist\n",
    });
  });

  it("colours only when asked, and never with NO_COLOR", () => {
    expect(sla(["validate", THREE_ERRORS]).stdout).not.toContain("\u001b[");
    expect(sla(["validate", THREE_ERRORS], { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(sla(["validate", THREE_ERRORS], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(sla(["validate", "--color", THREE_ERRORS]).stdout).toContain("\u001b[");
  });
});

describe("sla validate: warnings", () => {
  const nineMonths = example.replace("end: 2026-12-31", "end: 2027-03-31");

  it("reports warnings with exit 0, hides them with --quiet, and fails past --max-warnings", () => {
    const file = fileWith(nineMonths);
    const plain = sla(["validate", file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("warning[period/length]: the review period is 9 months long");
    expect(plain.stdout).toContain("⚠ 1 warning in 1 file");

    const quiet = sla(["validate", "--quiet", file]);
    expect(quiet).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });

    const strict = sla(["validate", "--max-warnings", "0", file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("sla: 1 warning exceeds --max-warnings 0\n");
    expect(sla(["validate", "--max-warnings", "1", file]).code).toBe(0);

    // --quiet hides warnings from the report, not from the gate.
    const quietGate = sla(["validate", "--quiet", "--max-warnings", "0", file]);
    expect(quietGate).toMatchObject({ code: 1, stdout: "✔ 1 file valid\n", stderr: "sla: 1 warning (hidden by --quiet) exceeds --max-warnings 0\n" });
    expect(sla(["validate", "--quiet", "--max-warnings", "0", "--concurrency", "2", file, EXAMPLE]).code).toBe(1);
  });

  it("follows the team's .slarc.yaml: rules off or with another severity", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), nineMonths);
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  period/length: error\n");
    expect(sla(["validate", "sla.yaml"], { cwd: dir }).stdout).toContain("error[period/length]");
    expect(sla(["validate", "sla.yaml"], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  period/length: off\n");
    expect(sla(["validate", "sla.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
  });

  it("takes --config and rejects a bad configuration with exit 2", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "sla.yaml"), nineMonths);
    writeFileSync(join(dir, "team.yaml"), "rules:\n  period/lenght: off\n");
    const typo = sla(["validate", "--config", "team.yaml", "sla.yaml"], { cwd: dir });
    expect(typo).toMatchObject({ code: 2, stdout: "" });
    expect(typo.stderr).toBe("sla: team.yaml:2:3: unknown rule `period/lenght`; did you mean `period/length`?\n");
    writeFileSync(join(dir, "team.yaml"), "rules:\n  period/length: loud\n");
    expect(sla(["validate", "-c", "team.yaml", "sla.yaml"], { cwd: dir }).stderr).toContain("`loud` is not a setting");
    writeFileSync(join(dir, "team.yaml"), "rules:\n  schema/type: off\n");
    expect(sla(["validate", "-c", "team.yaml", "sla.yaml"], { cwd: dir }).stderr).toContain("cannot be configured");
    expect(sla(["validate", "-c", "missing.yaml", "sla.yaml"], { cwd: dir }).stderr).toBe("sla: missing.yaml: configuration file not found\n");
  });
});

describe("sla validate: inputs", () => {
  it("reads standard input with -", () => {
    const result = sla(["validate", "-"], { input: example });
    expect(result).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    const broken = sla(["validate", "-", "--stdin-filename", "proposal.yaml"], { input: example.replace("icp: water-utilities", "icp: x") });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/--> proposal\.yaml:\d+:10/);
  });

  it("expands directories and globs", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "teams/emea"), { recursive: true });
    copyFileSync(EXAMPLE, join(dir, "teams/emea/sla.yaml"));
    copyFileSync(THREE_ERRORS, join(dir, "teams/broken.yml"));
    const byDir = sla(["validate", "--format", "json", "teams"], { cwd: dir });
    expect(json(byDir.stdout).files.map((f) => f.file)).toEqual(["teams/broken.yml", "teams/emea/sla.yaml"]);
    const byGlob = sla(["validate", "--format", "json", "teams/**/sla.yaml"], { cwd: dir });
    expect(json(byGlob.stdout).files.map((f) => f.file)).toEqual(["teams/emea/sla.yaml"]);
    expect(byGlob.code).toBe(0);
  });

  it("finds the repository's SLA files when no path is given", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "docs/sub"), { recursive: true });
    mkdirSync(join(dir, "node_modules/x"), { recursive: true });
    copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
    copyFileSync(EXAMPLE, join(dir, "docs/emea.sla.yaml"));
    copyFileSync(THREE_ERRORS, join(dir, "node_modules/x/sla.yaml"));
    writeFileSync(join(dir, "docs/other.yaml"), "not: an sla\n");
    const result = sla(["validate", "--format", "json"], { cwd: join(dir, "docs/sub") });
    expect(result.code).toBe(0);
    expect(json(result.stdout).files.map((f) => f.file)).toEqual([join(dir, "docs/emea.sla.yaml"), join(dir, "sla.yaml")]);
  });

  it("says what it looked for when the repository has no SLA file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    const result = sla(["validate"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sla: no SLA files found under .* \(looked for sla\.yaml, sla\.yml, sla\.\*\.yaml/);
  });
});

describe("sla validate: many files at once", () => {
  // 320 files, every eighth with a dangling reference, one with a duplicate key and one
  // unreadable: enough for `auto` to start worker threads on a machine with four cores or more.
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sla-many-"));
    const broken = example.replace("icp: water-utilities", "icp: nowhere");
    const duplicated = example.replace(/^kind: .*$/m, "$&\nkind: ServiceLevelAgreement");
    for (let i = 0; i < 320; i++) {
      const text = i === 100 ? duplicated : i % 8 === 3 ? broken : example;
      writeFileSync(join(dir, `team-${String(i).padStart(3, "0")}.sla.yaml`), text);
    }
    writeFileSync(join(dir, "team-200.sla.yaml"), Buffer.from([0xff, 0xfe, 0x61, 0x00]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["auto", "2", "3"])("--concurrency %s reports exactly what one thread reports, in the same order", (concurrency) => {
    const single = sla(["validate", "--format", "json", "--concurrency", "off", dir]);
    const shared = sla(["validate", "--format", "json", "--concurrency", concurrency, dir]);
    expect(single.code).toBe(2); // the unreadable file
    expect(shared).toEqual(single);
    const report = json(single.stdout);
    expect(report.files).toHaveLength(320);
    expect(report.files.filter((f) => !f.valid)).toHaveLength(1 + 40 + 1);
    expect(report.files[100]!.findings.map((f) => f.ruleId)).toEqual(["yaml/duplicate-key"]);
    expect(report.files.map((f) => f.file)).toEqual([...report.files.map((f) => f.file)].sort());
  });

  it("stops quietly when the reader of its output goes away (`| head`)", () => {
    const many = tempDir();
    for (let i = 0; i < 400; i++) writeFileSync(join(many, `f${i}.yaml`), "apiVersion: sla/v1\n");
    // pipefail: the shell's status is sla's, which keeps its own (1: these files are invalid).
    const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" validate --format json "${many}" | head -c 10`], {
      encoding: "utf8",
    });
    expect(result.stdout).toBe('{\n  "versi');
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
  });

  it.runIf(existsSync("/dev/full"))("says in one line that it cannot write to a full disk, and exits 2", () => {
    const result = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" validate sla.example.yaml > /dev/full`], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("sla: cannot write the output: ENOSPC\n");
    expect(result.status).toBe(2);
  });

  // Threads are capped at the cores.
  it.runIf(availableParallelism() >= 2)("shares the files between threads (SLA_DEBUG tells how)", () => {
    const result = sla(["validate", "--quiet", "--concurrency", "2", dir], { env: { SLA_DEBUG: "1" } });
    const [, here, worker] = /sla: 320 files: (\d+) \+ (\d+) by 2 threads/.exec(result.stderr) ?? [];
    expect(Number(here) + Number(worker)).toBe(320);
    expect(Number(worker)).toBeGreaterThan(0);
  });
});

describe("sla validate --cache", () => {
  const hashOf = (text: string) => createHash("sha1").update(text).digest("base64url");
  const cacheOf = (dir: string, name = ".slacache") =>
    JSON.parse(readFileSync(join(dir, name), "utf8")) as { slaCache: number; settings: string; clean: Record<string, string> };
  const forge = (dir: string, settings: string, clean: Record<string, string>) =>
    writeFileSync(join(dir, ".slacache"), JSON.stringify({ slaCache: 1, settings, clean }));
  const broken = readFileSync(THREE_ERRORS, "utf8");

  function project() {
    const dir = tempDir();
    writeFileSync(join(dir, "good.sla.yaml"), example);
    writeFileSync(join(dir, "bad.sla.yaml"), broken);
    return dir;
  }

  it("remembers clean files only, and reports the same on the next run", () => {
    const dir = project();
    const first = sla(["validate", "--cache", "--format", "json", "."], { cwd: dir });
    expect(first.code).toBe(1);
    expect(cacheOf(dir)).toMatchObject({ slaCache: 1, clean: { "good.sla.yaml": hashOf(example) } });
    expect(Object.keys(cacheOf(dir).clean)).toEqual(["good.sla.yaml"]);
    expect(sla(["validate", "--cache", "--format", "json", "."], { cwd: dir })).toEqual(first);
  });

  it("does not remember a file with warnings only, even when --quiet hides them", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "late.sla.yaml"), example.replace("end: 2026-12-31", "end: 2027-03-31"));
    expect(sla(["validate", "--cache", "--quiet", "late.sla.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    expect(cacheOf(dir).clean).toEqual({});
    expect(sla(["validate", "--cache", "late.sla.yaml"], { cwd: dir }).stdout).toContain("warning[period/length]");
  });

  it("checks a changed file again and forgets it when it has findings", () => {
    const dir = project();
    sla(["validate", "--cache", "."], { cwd: dir });
    writeFileSync(join(dir, "good.sla.yaml"), example.replace("icp: water-utilities", "icp: nowhere"));
    const again = sla(["validate", "--cache", "--format", "json", "."], { cwd: dir });
    expect(
      json(again.stdout)
        .files.find((f) => f.file === "good.sla.yaml")!
        .findings.map((f) => f.ruleId),
    ).toEqual(["refs/unknown-icp"]);
    expect(cacheOf(dir).clean).toEqual({});
  });

  it("trusts a remembered verdict only for the same text and the same settings", () => {
    const dir = project();
    sla(["validate", "--cache", "."], { cwd: dir });
    const { settings } = cacheOf(dir);
    // A verdict forged for the broken file shows that the cache is what decides...
    forge(dir, settings, { "bad.sla.yaml": hashOf(broken) });
    expect(sla(["validate", "--cache", "bad.sla.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    // ...that other settings (another build of sla, other readers, other rules) void it...
    forge(dir, "another build", { "bad.sla.yaml": hashOf(broken) });
    expect(sla(["validate", "--cache", "bad.sla.yaml"], { cwd: dir }).code).toBe(1);
    forge(dir, settings, { "bad.sla.yaml": hashOf(broken) });
    writeFileSync(join(dir, ".slarc.yaml"), "rules:\n  period/length: off\n");
    expect(sla(["validate", "--cache", "bad.sla.yaml"], { cwd: dir }).code).toBe(1);
    // ...and that standard input named like a file neither uses nor changes its verdict.
    rmSync(join(dir, ".slarc.yaml"));
    forge(dir, settings, { "good.sla.yaml": hashOf(example), "bad.sla.yaml": hashOf(broken) });
    expect(sla(["validate", "--cache", "--stdin-filename", "bad.sla.yaml", "-"], { cwd: dir, input: broken }).code).toBe(1);
    expect(cacheOf(dir).clean).toEqual({ "good.sla.yaml": hashOf(example), "bad.sla.yaml": hashOf(broken) });
  });

  it("keeps verdicts that worker threads return", () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `team-${i}.sla.yaml`), i === 7 ? broken : example);
    expect(sla(["validate", "--cache", "--concurrency", "2", "."], { cwd: dir }).code).toBe(1);
    expect(Object.keys(cacheOf(dir).clean)).toHaveLength(39);
  });

  it.each([
    ["an empty cache file", ""],
    ["a damaged cache of its own", '{"slaCache":1,"settings":"x","clean":{"a": '],
    ["a cache of its own of another shape", '{"slaCache":1,"settings":"x","clean":[]}'],
  ])("starts afresh from %s", (_name, text) => {
    const dir = project();
    writeFileSync(join(dir, ".slacache"), text);
    expect(sla(["validate", "--cache", "good.sla.yaml"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
    expect(cacheOf(dir).clean).toEqual({ "good.sla.yaml": hashOf(example) });
  });

  it.each([
    ["an SLA file", "good.sla.yaml", "is not a cache written by sla"],
    ["a file that is not JSON", "notes.txt", "is not a cache written by sla"],
    ["JSON of another shape", "package.json", "is not a cache written by sla"],
    ["a directory", "folder", "is not a regular file"],
  ])("never overwrites %s named as the cache", (_name, location, why) => {
    const dir = project();
    writeFileSync(join(dir, "notes.txt"), "{ not json");
    writeFileSync(join(dir, "package.json"), '{"name": "x", "clean": []}');
    mkdirSync(join(dir, "folder"));
    const before = location === "folder" ? "" : readFileSync(join(dir, location), "utf8");
    const result = sla(["validate", "--cache-location", location, "good.sla.yaml"], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    expect(result.stderr).toBe(`sla: warning: ${location} ${why}, so it is left as it is and nothing is cached; delete it, or give another --cache-location\n`);
    if (location !== "folder") expect(readFileSync(join(dir, location), "utf8")).toBe(before);
  });

  it("takes --cache-location, and only warns when it cannot write there", () => {
    const dir = project();
    expect(sla(["validate", "--cache-location", "cache.json", "good.sla.yaml"], { cwd: dir }).code).toBe(0);
    expect(cacheOf(dir, "cache.json").clean).toEqual({ "good.sla.yaml": hashOf(example) });
    const unwritable = sla(["validate", "--cache-location", "no/such/dir/cache.json", "good.sla.yaml"], { cwd: dir });
    expect(unwritable).toMatchObject({ code: 0, stdout: "✔ 1 file valid\n" });
    expect(unwritable.stderr).toMatch(/^sla: warning: cannot write no\/such\/dir\/cache.json: .*; the cache is not updated\n$/);
  });
});

describe("sla validate: bad input, one clear line each", () => {
  const bomb = [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`),
  ].join("\n");

  it.each([
    ["malformed YAML", "apiVersion: sla/v1\nkind: [unclosed\n", "yaml/syntax"],
    ["duplicate keys", "apiVersion: sla/v1\nkind: ServiceLevelAgreement\nkind: other\n", "yaml/duplicate-key"],
    ["an alias bomb", bomb, "yaml/alias-limit"],
    ["an empty file", "", "yaml/empty"],
    ["a comment-only file", "# nothing yet\n", "yaml/empty"],
    ["a list instead of a mapping", "- a\n- b\n", "schema/type"],
    ["two documents", "a: 1\n---\nb: 2\n", "yaml/multiple-documents"],
  ])("%s: exit 1 with a content error", (_name, text, ruleId) => {
    const result = sla(["validate", fileWith(text)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const heads = result.stdout.split("\n").filter((l) => /^(error|warning)\[/.test(l));
    expect(heads).toHaveLength(1);
    expect(heads[0]).toMatch(new RegExp(`^error\\[${ruleId}\\]: `));
    expect(result.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it.each([
    ["a binary file", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), "file is binary, not YAML text"],
    ["a UTF-16 file", Buffer.from("\ufeffa: 1\n", "utf16le"), "file is UTF-16 encoded; save it as UTF-8"],
    ["a Latin-1 file", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x3a, 0x20, 0x31, 0x0a]), "file is not valid UTF-8 text; save it as UTF-8"],
  ])("%s: exit 2 with one line", (_name, bytes, message) => {
    const file = fileWith(bytes);
    const result = sla(["validate", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`error[file/unreadable]: ${file}: ${message}\n✖ 1 error in 1 file\n`);
  });

  it("refuses a file over the size limit without reading it all", () => {
    const result = sla(["validate", fileWith(Buffer.alloc(6 * 1024 * 1024, 0x20))]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("an SLA file may be at most 5 MB");
  });

  it.each([
    ["a missing file", ["validate", "nope.yaml"], "sla: nope.yaml: no such file or directory\n"],
    ["a pattern matching nothing", ["validate", "nothing/*.yaml"], "sla: nothing/*.yaml: no files match this pattern\n"],
    ["a directory without YAML", ["validate", "bin"], "sla: bin: directory holds no .yaml or .yml files\n"],
    ["an unknown format", ["validate", "--format", "xml", "sla.example.yaml"], undefined],
    ["a bad --max-warnings", ["validate", "--max-warnings", "many", "sla.example.yaml"], "sla: --max-warnings: `many` is not a whole number\n"],
    [
      "a bad --concurrency",
      ["validate", "--concurrency", "0", "sla.example.yaml"],
      "sla: --concurrency: `0` is not a positive whole number, `auto` or `off`\n",
    ],
    ["an unknown command", ["valdate"], undefined],
  ])("%s: exit 2 with a usage error", (_name, args, stderr) => {
    const result = sla(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    if (stderr) expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(/^sla: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
