import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE, FIXTURES, sla, tempDir } from "../helpers/cli.js";

const PROPOSAL = join(FIXTURES, "diff/proposal.sla.yaml");

describe("sla diff: two files", () => {
  it("text: the proposal's changes by section, with KPI deltas and the funnel", () => {
    const result = sla(["diff", "sla.example.yaml", PROPOSAL]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toContain('~ persona `procurement-petra` renamed: "Procurement Petra" → "Purchasing Petra"');
    expect(out).toContain("↕ order changed; moved: `sql`");
    expect(out).toContain('- lead type `existing-customer-upsell` "Existing customer upsell" removed');
    expect(out).toContain('~ KPI `revenue` "New-business revenue" target: 1,800,000 EUR → 2,160,000 EUR (+360,000 EUR, +20%)  (raised, tightened)');
    expect(out).toContain('~ KPI `cost-per-lead` "Cost per lead" target: 85 EUR → 75 EUR (−10 EUR, −11.8%)  (lowered, tightened)');
    expect(out).toContain("~ MQLs: 167 → 200 per month (+33, +19.8%)  (raised)");
    expect(out.trim().split("\n").at(-1)).toBe("5 changes: 1 removed, 1 renamed, 1 reordered, 2 tightened");
    expect(out).not.toContain("Reset checks");
  });

  it("markdown: a KPI table, then the other changes by section", () => {
    const out = sla(["diff", "--format", "markdown", "sla.example.yaml", PROPOSAL]).stdout;
    expect(out).toContain("| KPI | Old | New | Change | Effect |");
    expect(out).toContain("| New-business revenue (`revenue`) | 1,800,000 EUR | 2,160,000 EUR | +360,000 EUR, +20% | tightened |");
    expect(out).toContain("| Cost per lead (`cost-per-lead`) | 85 EUR | 75 EUR | −10 EUR, −11.8% | tightened |");
    expect(out).toContain("| MQLs | 167 | 200 | +33, +19.8% |");
    expect(out).toContain("- **Renamed** persona `procurement-petra`: Procurement Petra → **Purchasing Petra**");
    expect(out).toContain('- **Removed** lead type `existing-customer-upsell` "Existing customer upsell"');
    expect(out).toMatch(/### Lifecycle stages\n\n- \*\*Reordered\*\*: moved `sql`/);
  });

  it("markdown: reworded criteria as <del>/<ins>, which render whatever punctuation the change starts with", () => {
    const dir = tempDir();
    const example = readFileSync(EXAMPLE, "utf8");
    writeFileSync(join(dir, "new.yaml"), example.replace("a direct request for a quote, demo or site audit.", "a direct request for a quote or demo."));
    const out = sla(["diff", EXAMPLE, join(dir, "new.yaml"), "-f", "markdown"]).stdout;
    expect(out).toContain("a direct request for a quote<del>, demo </del> or <del>site audit</del><ins>demo</ins>.");
    expect(out).not.toContain("~~");
    // A change with no other class is named in the summary, so its parts add up.
    expect(
      sla(["diff", EXAMPLE, join(dir, "new.yaml")])
        .stdout.trim()
        .split("\n")
        .at(-1),
    ).toBe("1 change: 1 changed");
    writeFileSync(
      join(dir, "raised.yaml"),
      readFileSync(EXAMPLE, "utf8").replace("probability: 0.5\n", "probability: 0.55\n").replace("target: 25%", "target: 0.3"),
    );
    expect(
      sla(["diff", EXAMPLE, join(dir, "raised.yaml")])
        .stdout.trim()
        .split("\n")
        .at(-1),
    ).toBe("2 changes: 1 tightened, 1 raised");
  });

  it("text: a KPI whose unit changed keeps its old target in the old unit", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "hours.yaml"),
      readFileSync(EXAMPLE, "utf8").replace(
        "    unit: days\n    measure: salesCycle\n    target: 75\n",
        "    unit: hours\n    measure: salesCycle\n    target: 1800\n",
      ),
    );
    expect(sla(["diff", EXAMPLE, join(dir, "hours.yaml")]).stdout).toContain(
      "target: 75 days → 1,800 h [the unit changed (days → hours); targets are not compared]",
    );
  });

  it("json: a stable shape with classes and deltas", () => {
    const report = JSON.parse(sla(["diff", "--format", "json", "sla.example.yaml", PROPOSAL]).stdout);
    expect(report.version).toBe(1);
    expect(report.old).toMatchObject({ file: "sla.example.yaml", version: "2026.2", reviewPeriod: { start: "2026-07-01", end: "2026-12-31" } });
    expect(report.new.funnel.neededPerMonth.mqls).toBe(200);
    expect(report.summary.byClass).toMatchObject({ renamed: 1, reordered: 1, removed: 1, tightened: 2 });
    const revenue = report.changes.find((c: { entity: { id: string } | null }) => c.entity?.id === "revenue");
    expect(revenue).toMatchObject({
      section: "kpis",
      kind: "changed",
      field: "target",
      before: 1800000,
      after: 2160000,
      unit: "currency",
      classes: ["changed", "raised", "tightened"],
    });
  });

  it("identical inputs: no changes, exit 0 even with --fail-on any", () => {
    const result = sla(["diff", "--fail-on", "any", "sla.example.yaml", "sla.example.yaml"]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/\nNo changes\.\n$/);
  });

  it("--fail-on fails only on the classes named", () => {
    expect(sla(["diff", "--fail-on", "removed", "sla.example.yaml", PROPOSAL]).code).toBe(1);
    expect(sla(["diff", "--fail-on", "loosened,reset", "sla.example.yaml", PROPOSAL]).code).toBe(0);
    expect(sla(["diff", "--fail-on", "any", "sla.example.yaml", PROPOSAL]).code).toBe(1);
  });

  it("names a removed section and fails --fail-on removed", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "new.yaml"), readFileSync(EXAMPLE, "utf8").replace(/^leadScoring:\n(?: .*\n|\n)*/m, ""));
    const result = sla(["diff", "--fail-on", "removed", "sla.example.yaml", join(dir, "new.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("- section `leadScoring` (Lead scoring) removed");
  });

  it("json: byClass counts every change, reset problems included", () => {
    const dir = tempDir();
    const next = readFileSync(EXAMPLE, "utf8")
      .replace("start: 2026-07-01", "start: 2027-01-15")
      .replace("end: 2026-12-31", "end: 2027-06-30")
      .replace("effectiveDate: 2026-07-01", "effectiveDate: 2027-01-15");
    writeFileSync(join(dir, "next.yaml"), next);
    const report = JSON.parse(sla(["diff", "-f", "json", "sla.example.yaml", join(dir, "next.yaml")]).stdout);
    const { summary } = report;
    expect(summary).toMatchObject({ changes: 3, resetProblems: 2, byClass: { reset: 2 } });
    // byClass covers funnel rows too: each document change and funnel row is `changed`.
    expect(summary.funnel).toBe(6);
    expect(summary.byClass.changed).toBe(summary.changes + summary.funnel);
  });

  it("prints versions as written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "new.yaml"), readFileSync(EXAMPLE, "utf8").replace('version: "2026.2"', 'version: "2026.1"'));
    expect(sla(["diff", "sla.example.yaml", join(dir, "new.yaml")]).stdout).toContain("~ version: 2026.2 → 2026.1");
  });

  it("diffs Turkish and Japanese agreements with their text intact", () => {
    const dir = tempDir();
    const tr = readFileSync(join(FIXTURES, "i18n/tr.sla.yaml"), "utf8");
    const name = /^ {4}name: (.*)$/m.exec(tr.slice(tr.indexOf("personas:")))![1]!;
    writeFileSync(join(dir, "new.yaml"), tr.replace(`name: ${name}`, `name: ${name} (İstanbul)`));
    const out = sla(["diff", join(FIXTURES, "i18n/tr.sla.yaml"), join(dir, "new.yaml")]).stdout;
    expect(out).toContain(`renamed: "${name}" → "${name} (İstanbul)"`);
  });
});

describe("sla diff: errors", () => {
  it.each([
    ["a missing file", ["diff", "sla.example.yaml", "nope.yaml"], /^sla: nope\.yaml: no such file\n$/],
    ["a missing first file", ["diff", "typo.yaml", "sla.example.yaml"], /^sla: typo\.yaml: no such file\n$/],
    ["a bad --fail-on class", ["diff", "--fail-on", "worse", "sla.example.yaml", PROPOSAL], /^sla: --fail-on: `worse` is not a change class; use any, added/],
    ["three operands", ["diff", "a", "b", "c"], /^sla: give two files, or one or two Git revisions/],
    ["no operand", ["diff"], /^sla: missing required argument 'old'/],
    ["a directory", ["diff", "sla.example.yaml", "test"], /^sla: test is a directory; give two SLA files, or Git revisions\n$/],
    ["an empty --fail-on", ["diff", "--fail-on", "", "sla.example.yaml", PROPOSAL], /^sla: --fail-on: name at least one change class: any, added/],
  ])("%s: exit 2", (_name, args, stderr) => {
    const result = sla(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(stderr as RegExp);
  });

  it("refuses --output naming either input, and leaves both alone", () => {
    const dir = tempDir();
    const proposal = readFileSync(PROPOSAL, "utf8");
    writeFileSync(join(dir, "old.yaml"), readFileSync(EXAMPLE, "utf8"));
    writeFileSync(join(dir, "new.yaml"), proposal);
    for (const output of ["old.yaml", "new.yaml"]) {
      const result = sla(["diff", "old.yaml", "new.yaml", "-o", output], { cwd: dir });
      expect(result).toMatchObject({ code: 2, stdout: "", stderr: `sla: refusing to write the report over its input ${output}; choose another -o\n` });
    }
    expect(readFileSync(join(dir, "new.yaml"), "utf8")).toBe(proposal);
  });

  it("refuses a side that is not a well-formed SLA, naming the place", () => {
    const bad = join(tempDir(), "bad.yaml");
    writeFileSync(bad, readFileSync(EXAMPLE, "utf8").replace("    direction: higher", "    direction: up"));
    const result = sla(["diff", "sla.example.yaml", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^sla: cannot compare: .*bad\.yaml:\d+:16: `direction` must be one of `higher`, `lower`; found text `up`; see them all with: sla validate .*bad\.yaml\n$/,
    );
  });
});

describe("sla diff: Git revisions", () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });

  beforeEach(() => {
    repo = tempDir();
    git("init", "-q");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "Test");
    git("config", "commit.gpgsign", "false");
    copyFileSync(EXAMPLE, join(repo, "sla.yaml"));
    git("add", "sla.yaml");
    git("commit", "-qm", "2026 H2");
    git("tag", "v2026-H2");
    copyFileSync(PROPOSAL, join(repo, "sla.yaml"));
    git("commit", "-qam", "proposal");
    mkdirSync(join(repo, "docs"));
  });

  it("compares two revisions of the file named after --", () => {
    const result = sla(["diff", "v2026-H2", "HEAD", "--", "sla.yaml"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sla\.yaml@v2026-H2 \(2026\.2, .*\) → sla\.yaml@HEAD /);
    expect(result.stdout).toContain("5 changes: 1 removed, 1 renamed, 1 reordered, 2 tightened");
  });

  it("takes a range and finds the repository's SLA file, from a subdirectory", () => {
    const result = sla(["diff", "--format", "json", "v2026-H2..HEAD"], { cwd: join(repo, "docs") });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.old.file).toBe("../sla.yaml@v2026-H2");
    expect(report.changes.filter((c: { section: string }) => c.section !== "funnel")).toHaveLength(5);
  });

  it("reads a path after -- from the current directory, as git does, and says so when the file is at the root", () => {
    const result = sla(["diff", "v2026-H2", "HEAD", "--", "sla.yaml"], { cwd: join(repo, "docs") });
    expect(result).toMatchObject({
      code: 2,
      stderr: "sla: sla.yaml does not exist at revision `v2026-H2`; paths are read from the current directory: did you mean ../sla.yaml?\n",
    });
    expect(sla(["diff", "v2026-H2", "HEAD", "--", "../sla.yaml"], { cwd: join(repo, "docs") }).code).toBe(0);
  });

  it("takes a branch named like a directory as the branch", () => {
    git("branch", "docs", "v2026-H2");
    const result = sla(["diff", "docs", "HEAD", "--", "sla.yaml"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sla\.yaml@docs \(/);
  });

  it("tells how to see every problem of a broken side read from Git", () => {
    writeFileSync(join(repo, "sla.yaml"), readFileSync(EXAMPLE, "utf8").replace("    direction: higher", "    direction: up"));
    git("commit", "-qam", "broken");
    const result = sla(["diff", "v2026-H2", "HEAD", "--", "sla.yaml"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/; see them all with: git show HEAD:sla\.yaml \| sla validate -\n$/);
  });

  it("compares a revision with the working copy", () => {
    writeFileSync(join(repo, "sla.yaml"), readFileSync(PROPOSAL, "utf8").replace("target: 75", "target: 70"));
    const result = sla(["diff", "HEAD", "--", "sla.yaml"], { cwd: repo });
    expect(result.stdout).toMatch(/^sla\.yaml@HEAD \(.*\) → sla\.yaml \(/);
    expect(result.stdout).toContain("target: 75 EUR → 70 EUR (−5 EUR, −6.7%)  (lowered, tightened)");
  });

  it("refuses --output naming the file whose revisions it compares, however it is spelt, and leaves the working copy alone", () => {
    const edited = readFileSync(PROPOSAL, "utf8").replace("target: 75", "target: 70");
    writeFileSync(join(repo, "sla.yaml"), edited);
    symlinkSync("sla.yaml", join(repo, "link.txt"));
    linkSync(join(repo, "sla.yaml"), join(repo, "hard.txt"));
    const spellings = ["sla.yaml", "./sla.yaml", join(repo, "sla.yaml"), "docs/../sla.yaml", "link.txt", "hard.txt"];
    const commands = [["v2026-H2", "HEAD", "--", "sla.yaml"], ["v2026-H2..HEAD"], ["v2026-H2..HEAD", "--", "./sla.yaml"], ["HEAD"]];
    for (const output of spellings)
      for (const operands of commands) {
        const result = sla(["diff", "-o", output, ...operands], { cwd: repo });
        expect({ output, operands, ...result }).toEqual({
          output,
          operands,
          code: 2,
          stdout: "",
          stderr: expect.stringMatching(/^sla: refusing to write the report over its input (\.\/)?sla\.yaml; choose another -o\n$/),
        });
      }
    // From a subdirectory, the same file by another path.
    expect(sla(["diff", "-o", "../sla.yaml", "v2026-H2..HEAD"], { cwd: join(repo, "docs") })).toMatchObject({
      code: 2,
      stderr: "sla: refusing to write the report over its input ../sla.yaml; choose another -o\n",
    });
    expect(readFileSync(join(repo, "sla.yaml"), "utf8")).toBe(edited);
    // Deleted from the working copy, it is still the file being compared: no report in its place.
    rmSync(join(repo, "sla.yaml"));
    expect(sla(["diff", "-o", "sla.yaml", "v2026-H2", "HEAD", "--", "sla.yaml"], { cwd: repo }).code).toBe(2);
    expect(existsSync(join(repo, "sla.yaml"))).toBe(false);
    // Any other file is fine.
    expect(sla(["diff", "-o", "report.txt", "v2026-H2", "HEAD", "--", "sla.yaml"], { cwd: repo })).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(repo, "report.txt"), "utf8")).toContain("5 changes");
  });

  it.each([
    ["an unknown revision", ["diff", "v1999", "--", "sla.yaml"], "sla: unknown revision `v1999` (not a branch, tag or commit of this repository)\n"],
    ["a file missing at a revision", ["diff", "v2026-H2", "--", "other.yaml"], "sla: other.yaml does not exist at revision `v2026-H2`\n"],
  ])("%s: exit 2 with a clear error", (_name, args, stderr) => {
    const result = sla(args, { cwd: repo });
    expect(result).toMatchObject({ code: 2, stdout: "", stderr });
  });

  it("outside a repository, says so", () => {
    const result = sla(["diff", "HEAD~1", "--", "sla.yaml"], { cwd: tempDir() });
    expect(result).toMatchObject({ code: 2, stderr: "sla: not inside a Git repository, so `HEAD~1` cannot be read; compare two files instead\n" });
    const found = sla(["diff", "HEAD~1"], { cwd: tempDir() });
    expect(found).toMatchObject({ code: 2, stderr: "sla: not inside a Git repository; compare two files instead (sla diff old.yaml new.yaml)\n" });
  });
});
