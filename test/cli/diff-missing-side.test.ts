// A file missing at one revision is a diff in which everything is added (or removed); missing
// at both it is still an error.
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, sla, tempDir } from "../helpers/cli.js";

/** A repository whose `main` has no SLA file and whose `pr` branch adds sla.yaml. */
function repositoryAddingTheFile(): string {
  const repo = tempDir();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  for (const [key, value] of [
    ["user.email", "ci@example.com"],
    ["user.name", "CI"],
    ["commit.gpgsign", "false"],
  ])
    git("config", key!, value!);
  writeFileSync(join(repo, "README.md"), "# team\n");
  git("add", "README.md");
  git("commit", "-qm", "start");
  git("checkout", "-qb", "pr");
  copyFileSync(EXAMPLE, join(repo, "sla.yaml"));
  git("add", "sla.yaml");
  git("commit", "-qm", "the first agreement");
  return repo;
}

describe("sla diff: a file one side does not have", () => {
  it("added since the base revision: everything is added, with a note, in every format", () => {
    const repo = repositoryAddingTheFile();
    const text = sla(["diff", "main"], { cwd: repo });
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(
      /^sla\.yaml@main \(no such file\) → sla\.yaml \(2026\.2, 2026-07-01 – 2026-12-31\)\n\nsla\.yaml@main does not exist: everything in sla\.yaml is added\n/,
    );
    expect(text.stdout).toContain("+ section `kpis` (KPI targets) added");
    expect(text.stdout).toMatch(/13 changes: 13 added\n$/);
    expect(text.code).toBe(0);

    const json = JSON.parse(sla(["diff", "--format", "json", "main..pr"], { cwd: repo }).stdout);
    expect(json.old).toMatchObject({ file: "sla.yaml@main", exists: false, version: null, funnel: null });
    expect(json.new).toMatchObject({ file: "sla.yaml@pr", exists: true, version: "2026.2" });
    expect(json.summary.byClass.added).toBe(13);

    const gate = sla(["diff", "main", "--fail-on", "added"], { cwd: repo });
    expect(gate.code).toBe(1);
  });

  it("removed by the later revision or the working copy: everything is removed", () => {
    const repo = repositoryAddingTheFile();
    const reversed = sla(["diff", "pr", "main", "--", "sla.yaml"], { cwd: repo });
    expect(reversed.stdout).toContain("sla.yaml@main does not exist: everything in sla.yaml@pr is removed");
    expect(reversed.stdout).toMatch(/13 changes: 13 removed\n$/);
    expect(reversed.code).toBe(0);

    rmSync(join(repo, "sla.yaml"));
    const deleted = sla(["diff", "pr", "--", "sla.yaml"], { cwd: repo });
    expect(deleted.stdout).toContain("sla.yaml does not exist: everything in sla.yaml@pr is removed");
    expect(deleted.code).toBe(0);
  });

  it("missing at both revisions: an error, exit 2", () => {
    const repo = repositoryAddingTheFile();
    const { code, stdout, stderr } = sla(["diff", "main", "pr", "--", "other.yaml"], { cwd: repo });
    expect(stderr).toBe("sla: other.yaml does not exist at revision `main`\n");
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });
});

describe("sla diff: a file that is there but cannot be read is not missing", () => {
  it("a file over the size limit at a revision is refused for its size, exit 2", () => {
    const repo = repositoryAddingTheFile();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    // 6 MB of comments after the agreement: over the 5 MB limit, and quick to commit.
    writeFileSync(join(repo, "sla.yaml"), readFileSync(EXAMPLE, "utf8") + `# ${"x".repeat(1022)}\n`.repeat(6 * 1024));
    git("commit", "-qam", "a huge agreement");
    copyFileSync(EXAMPLE, join(repo, "sla.yaml"));
    expect(sla(["diff", "pr", "--", "sla.yaml"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: "sla: sla.yaml@pr: file is 6.0 MB; an SLA file may be at most 5 MB\n",
    });
  });

  it("a revision whose copy of the file git cannot read (a damaged repository) is an error, not a removed file", () => {
    const repo = repositoryAddingTheFile();
    const blob = execFileSync("git", ["rev-parse", "pr:sla.yaml"], { cwd: repo, encoding: "utf8" }).trim();
    rmSync(join(repo, ".git/objects", blob.slice(0, 2), blob.slice(2)));
    const result = sla(["diff", "pr", "--", "sla.yaml"], { cwd: repo });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^sla: cannot read sla\.yaml@pr: fatal: .*\n$/);
  });
});
