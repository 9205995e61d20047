// `sla plan` as a user runs it: the funnel, --write, --dry-run, what-if, --next, every error.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/model.js";
import { EXAMPLE, FIXTURES, ROOT, sla, tempDir } from "../helpers/cli.js";

const THREE_ERRORS = join(FIXTURES, "invalid/three-errors.sla.yaml");

function copyOf(source: string, name = "sla.yaml"): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, name);
  copyFileSync(source, file);
  return { dir, file };
}

/** `git diff --no-index`'s changed lines, without its headers. */
function gitDiff(a: string, b: string): string[] {
  const result = spawnSync("git", ["diff", "--no-index", "--no-color", "-U0", a, b], { encoding: "utf8" });
  return result.stdout.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line));
}

describe("sla plan", () => {
  it("prints the funnel beside the targets and exits 1 when one is too low", () => {
    const result = sla(["plan", THREE_ERRORS]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("MQLs         1,000     166.67  150 per month = 900         too low: at least 167 per month");
    expect(result.stdout).toContain("= 240 proposals ÷ 60% SQL→proposal rate = 400 SQLs ÷ 40% MQL→SQL rate = 1,000 MQLs");
    expect(result.stdout).toContain("✖ 1 target is too low for the revenue target; `sla plan --write` raises it");
    expect(result.stderr).toBe("");
  });

  it("exits 0 on the example, whose targets all deliver the revenue", () => {
    const result = sla(["plan", EXAMPLE, "-f", "json"]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ version: 1, tooLow: [], changes: [], written: false, next: null, funnel: { months: 6, revenue: 1800000 } });
    expect(output.funnel.steps.map((s: { needed: number }) => s.needed)).toEqual([60, 240, 400, 1000, 2858, 142900]);
  });

  it("--write raises the too-low target in place: the file validates but for its two other errors, and only the target line changed", () => {
    const { file } = copyOf(THREE_ERRORS);
    const result = sla(["plan", file, "--write"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("`mqls` (line 540): 150 → 167 per month");
    expect(result.stdout).toContain("1 target raised");
    expect(gitDiff(THREE_ERRORS, file)).toEqual(["-    target: 150", "+    target: 167"]);
    const validated = sla(["validate", file, "-f", "json"]);
    const ruleIds = JSON.parse(validated.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ruleIds.sort()).toEqual(["refs/unknown-icp", "schema/unknown-property"]);
  });

  it("--write leaves a file `sla validate` accepts once the fixture's other two errors are fixed", () => {
    const dir = tempDir();
    const file = join(dir, "sla.yaml");
    writeFileSync(file, readFileSync(THREE_ERRORS, "utf8").replace("icp: water-utility\n", "icp: water-utilities\n").replace("descripton:", "description:"));
    expect(sla(["validate", file]).code).toBe(1);
    expect(sla(["plan", file, "--write"]).code).toBe(0);
    expect(sla(["validate", file])).toMatchObject({ code: 0 });
    expect(sla(["plan", file]).code).toBe(0);
  });

  it("--dry-run shows the change as a unified diff and leaves the file alone", () => {
    const { dir, file } = copyOf(THREE_ERRORS);
    const before = readFileSync(file, "utf8");
    const result = sla(["plan", "sla.yaml", "--dry-run"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "--- a/sla.yaml\n+++ b/sla.yaml\n@@ -537,7 +537,7 @@\n     metric: mqls\n     owner: marketing\n     unit: count\n-    target: 150\n+    target: 167\n     direction: higher\n     cadence: monthly\n     indicator: leading\n",
    );
    expect(result.stderr).toBe("--write would set 1 target\n");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("--allow-lower sets every volume target to what is needed", () => {
    const { file } = copyOf(EXAMPLE);
    expect(sla(["plan", file, "--write"]).stdout).toContain("nothing to change");
    const result = sla(["plan", file, "--write", "--allow-lower"]);
    expect(result.code).toBe(0);
    expect(gitDiff(EXAMPLE, file)).toEqual([
      "-    target: 11",
      "+    target: 10",
      "-    target: 43",
      "+    target: 40",
      "-    target: 71",
      "+    target: 67",
      "-    target: 176",
      "+    target: 167",
      "-    target: 505",
      "+    target: 477",
      "-    target: 25500",
      "+    target: 23817",
    ]);
    expect(sla(["validate", file]).code).toBe(0);
  });

  it("what-if: --set recomputes without touching the file, in the reader's language", () => {
    const { file } = copyOf(EXAMPLE);
    const before = readFileSync(file, "utf8");
    const result = sla(["plan", file, "--set", "close-rate=30%", "--set", "revenue=2400000"], { env: { LANG: "de_DE.UTF-8" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Was-wäre-wenn: `close-rate` 25% → 30\s%/);
    expect(result.stdout).toContain("2.400.000 EUR Umsatz ÷ 30.000 EUR durchschnittlicher Auftragswert = 80 Kunden");
    expect(result.stdout).toContain("✖ mit diesen Zahlen sind 6 Zielwerte zu niedrig für das Umsatzziel");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("words the table in Japanese and Turkish, and writes Markdown", () => {
    expect(sla(["plan", THREE_ERRORS], { env: { LANG: "ja_JP.UTF-8" } }).stdout).toContain("低すぎます: 月あたり 167 以上");
    expect(sla(["plan", THREE_ERRORS, "--locale", "tr"]).stdout).toContain("çok düşük: en az ayda 167");
    const markdown = sla(["plan", THREE_ERRORS, "-f", "markdown"]).stdout;
    expect(markdown).toContain("| MQLs | 1,000 | 166.67 | 150 per month = 900 | **too low: at least 167 per month**<br>");
  });
});

describe("sla plan --next", () => {
  const report: Report = {
    version: 1,
    agreement: { file: "sla.yaml", title: "Anatolia Pumps", version: "2026.2", language: "en", currency: "EUR" },
    period: { start: "2026-07-01", end: "2026-12-31" },
    through: "2026-12",
    months: [],
    periodToDate: { months: 6, periodMonths: 6, kpis: [] },
    funnel: {
      rates: [
        { rate: "closeRate", planned: 0.25, measured: 0.3, numerator: 33, denominator: 110 },
        { rate: "mqlToSqlRate", planned: 0.4, measured: 0.48, numerator: 12, denominator: 25 },
      ],
      volumes: [],
    },
    connect: null,
    returned: null,
    dataQuality: { sources: [] },
  };

  it("writes the next period's agreement from a measured report; it validates and diffs as the reset", () => {
    const { dir, file } = copyOf(EXAMPLE);
    writeFileSync(join(dir, "report.json"), JSON.stringify(report));
    const result = sla(["plan", "sla.yaml", "--next", "--report", "report.json", "--revenue", "2100000", "-o", "next.yaml"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("next period: next.yaml, version 2026.2 → 2027.1, 2027-01-01 – 2027-06-30");
    expect(result.stdout).toContain("`close-rate`: 25% → 30%, measured on 33 of 110 cases");
    expect(result.stdout).toContain("`mql-to-sql-rate`: kept at 40%; measured 48% on only 12 of 25 cases (fewer than --min-sample)");
    expect(sla(["validate", join(dir, "next.yaml")]).code).toBe(0);
    const diff = sla(["diff", file, join(dir, "next.yaml"), "-f", "json"]);
    expect(diff.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(EXAMPLE, "utf8"));
  });

  it("takes a rate on few cases when --min-sample allows", () => {
    const { dir } = copyOf(EXAMPLE);
    writeFileSync(join(dir, "report.json"), JSON.stringify(report));
    const result = sla(["plan", "sla.yaml", "--next", "--report", "report.json", "--min-sample", "10", "-o", "next.yaml", "-f", "json"], { cwd: dir });
    expect(result.code).toBe(0);
    const rates = JSON.parse(result.stdout).next.rates;
    expect(rates.map((r: { kpi: string; to: number; status: string }) => [r.kpi, r.to, r.status])).toEqual([
      ["close-rate", 0.3, "measured"],
      ["mql-to-sql-rate", 0.48, "measured"],
    ]);
  });

  it.each([
    [["--next", "--report", "report.json"], /--next needs -o <file>/],
    [["--next", "--report", "report.json", "-o", "sla.yaml"], /refusing to write the document over its input sla\.yaml/],
    [["--next", "--report", "report.json", "-o", "./sla.yaml"], /refusing to write the document over its input/],
    [["--next", "--report", "missing.json", "-o", "n.yaml"], /missing\.json/],
    [["--next", "--report", "bad.json", "-o", "n.yaml"], /bad\.json: not a JSON report/],
    [["--next", "--report", "other.json", "-o", "n.yaml"], /other\.json: not a report of `sla report --format json`/],
    [["--next", "--report", "report.json", "--min-sample", "-3", "-o", "n.yaml"], /--min-sample `-3`: give a whole number/],
    [["--next", "--report", "report.json", "--revenue", "lots", "-o", "n.yaml"], /--revenue `lots`: give a number above 0/],
    [["--next", "--write", "-o", "n.yaml"], /--next writes a new agreement with -o/],
    [["--next", "-o", "n.yaml"], /examples\/exports\/contacts\.csv: no such file/],
    [["--revenue", "2000000"], /--revenue only goes with --next/],
    [["-o", "n.yaml"], /--output only goes with --next/],
  ])("refuses %j with exit 2", (args, said) => {
    const { dir } = copyOf(EXAMPLE);
    writeFileSync(join(dir, "report.json"), JSON.stringify(report));
    writeFileSync(join(dir, "bad.json"), "{ not json");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ version: 2 }));
    const result = sla(["plan", "sla.yaml", ...args], { cwd: dir });
    expect(result.stderr).toMatch(said);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, "n.yaml"))).toBe(false);
  });
});

describe("sla plan: usage and input errors exit 2", () => {
  it.each([
    [["--set", "close-rate=30%", "--write"], /--set is a what-if and never written/],
    [["--set", "clos-rate=30%"], /did you mean `close-rate`/],
    [["--set", "close-rate"], /write KPI=value/],
    [["--set", "close-rate=viel"], /not a percentage/],
    [["--allow-lower"], /--allow-lower only goes with --write or --dry-run/],
    [["-f", "yaml"], /argument 'yaml' is invalid/],
  ])("refuses %j", (args, said) => {
    const result = sla(["plan", EXAMPLE, ...args]);
    expect(result.stderr).toMatch(said);
    expect(result.code).toBe(2);
  });

  it("refuses --write on standard input", () => {
    const result = sla(["plan", "-", "--write"], { input: readFileSync(EXAMPLE) });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/--write edits a file in place/) });
  });

  it("reads standard input without --write", () => {
    expect(sla(["plan", "-"], { input: readFileSync(THREE_ERRORS) }).code).toBe(1);
  });

  it("refuses a missing file, broken YAML, a broken KPI section, and an agreement with nothing to plan", () => {
    const dir = tempDir();
    expect(sla(["plan", join(dir, "nope.yaml")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope\.yaml/) });
    const text = readFileSync(EXAMPLE, "utf8");
    const write = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return sla(["plan", name], { cwd: dir });
    };
    expect(write("broken.yaml", "kpis: [\n")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^sla: broken\.yaml:\d+:\d+: .*sla validate broken\.yaml/),
    });
    expect(write("kpis.yaml", text.replace("    unit: count\n", "    unit: pieces\n"))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/kpis\.yaml:\d+:\d+: /),
    });
    expect(write("no-revenue.yaml", text.replace("    metric: revenue\n", ""))).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing to plan/) });
    expect(write("zero.yaml", text.replace("    target: 25%\n", "    target: 0%\n"))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/the funnel math cannot be done: the close rate is 0%/),
    });
  });

  it("plans a file whose errors lie outside the agreement and the KPIs", () => {
    // The persona's unknown ICP and the unknown property do not touch the funnel.
    expect(sla(["plan", THREE_ERRORS]).code).toBe(1);
  });
});

describe("sla plan writes only inside the repository", () => {
  /** A Git repository (`repo/`) beside a folder outside it (`outside/`), each with a copy of `source`. */
  function repoAndOutside(source: string): { repo: string; outside: string } {
    const dir = tempDir();
    const repo = join(dir, "repo");
    const outside = join(dir, "outside");
    mkdirSync(join(repo, "teams"), { recursive: true });
    mkdirSync(outside);
    spawnSync("git", ["init", "-q", repo]);
    copyFileSync(source, join(outside, "victim.sla.yaml"));
    copyFileSync(source, join(repo, "teams/vertrieb.sla.yaml"));
    return { repo, outside };
  }

  it("--write on a link that leads out of the repository is refused; the target is unchanged", () => {
    const { repo, outside } = repoAndOutside(THREE_ERRORS);
    symlinkSync("../outside/victim.sla.yaml", join(repo, "sla.yaml"));
    const result = sla(["plan", "sla.yaml", "--write"], { cwd: repo });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "sla: sla.yaml links to a file outside the repository; --write edits only files inside it, so nothing was written: name the file itself\n",
    });
    expect(readFileSync(join(outside, "victim.sla.yaml"), "utf8")).toBe(readFileSync(THREE_ERRORS, "utf8"));
  });

  it("--write on a link inside the repository edits the file it leads to and keeps the link", () => {
    const { repo } = repoAndOutside(THREE_ERRORS);
    symlinkSync("teams/vertrieb.sla.yaml", join(repo, "sla.yaml"));
    const result = sla(["plan", "sla.yaml", "--write"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(lstatSync(join(repo, "sla.yaml")).isSymbolicLink()).toBe(true);
    expect(gitDiff(THREE_ERRORS, join(repo, "teams/vertrieb.sla.yaml"))).toEqual(["-    target: 150", "+    target: 167"]);
  });

  it.each([["examples/exports/contacts.csv"], ["./examples/../examples/exports/deals.csv"]])(
    "--next -o %s, an export the agreement names, is refused",
    (output) => {
      const dir = tempDir();
      cpSync(join(ROOT, "examples/exports"), join(dir, "examples/exports"), { recursive: true });
      copyFileSync(EXAMPLE, join(dir, "sla.yaml"));
      const before = readFileSync(join(dir, output), "utf8");
      const result = sla(["plan", "sla.yaml", "--next", "--through", "2026-10", "-o", output], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^sla: refusing to write the document over its input examples\/exports\/(contacts|deals)\.csv/);
      expect(readFileSync(join(dir, output), "utf8")).toBe(before);
    },
  );
});
