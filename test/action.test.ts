// The GitHub Action (action.yml) as GitHub runs it: `node` on the committed entry point, from a
// copy of the action holding nothing else (no node_modules, no package.json, no build), with
// the environment a runner gives a JavaScript action, in a repository with SLA files.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, parse as parsePath } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { EXAMPLE, ROOT, sla, tempDir } from "./helpers/cli.js";

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; main: string };
}
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionYml;
const INVALID = readFileSync(EXAMPLE, "utf8").replace("target: 25%", "target: 0%");
const WARNS = readFileSync(EXAMPLE, "utf8").replace("end: 2026-12-31", "end: 2027-03-31");

/** action.yml and its entry point, copied where no node_modules can be found above them. */
function actionCopy(): string {
  const dir = tempDir();
  copyFileSync(join(ROOT, "action.yml"), join(dir, "action.yml"));
  mkdirSync(dirname(join(dir, action.runs.main)), { recursive: true });
  cpSync(join(ROOT, action.runs.main), join(dir, action.runs.main));
  for (let up = dir; ; up = dirname(up)) {
    expect(existsSync(join(up, "node_modules")), up).toBe(false);
    if (up === parsePath(up).root) break;
  }
  return dir;
}

/**
 * A run of the action: every input with its default unless given (as the runner passes them,
 * INPUT_ and the name in upper case, hyphens kept), in the workspace, on a bare environment.
 */
function runAction(workspace: string, inputs: Record<string, string> = {}, github: Record<string, string> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: "push",
    ...github,
  };
  for (const [name, { default: value }] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? value ?? "";
  const result = spawnSync(process.execPath, [join(actionCopy(), action.runs.main)], { cwd: workspace, env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, stdio: "pipe", encoding: "utf8" });

/** A repository whose main branch is pushed to a bare `origin`, as a runner's checkout has. */
function repository(files: Record<string, string>): string {
  const origin = tempDir();
  const repo = tempDir();
  git(origin, "init", "-q", "--bare");
  git(repo, "init", "-q", "-b", "main");
  for (const [key, value] of [
    ["user.email", "ci@example.com"],
    ["user.name", "CI"],
    ["commit.gpgsign", "false"],
  ] as const)
    git(repo, "config", key, value);
  write(repo, { "README.md": "# team\n", ...files });
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "in force");
  git(repo, "remote", "add", "origin", origin);
  git(repo, "push", "-q", "origin", "main");
  return repo;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** The pull request: a commit on a branch, with the base branch gone locally, as on a runner. */
function pullRequest(repo: string, files: Record<string, string>): void {
  git(repo, "checkout", "-qb", "proposal");
  write(repo, files);
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "proposal");
  git(repo, "branch", "-qD", "main");
}

describe("the GitHub Action", () => {
  it("is a JavaScript action whose entry point is committed, self-contained, and without render", () => {
    expect(action.runs.using).toBe("node24");
    expect(git(ROOT, "ls-files", "--", action.runs.main).trim()).toBe(action.runs.main);
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
    const bundle = readFileSync(join(ROOT, action.runs.main), "utf8");
    for (const name of ["pdfkit", "fontkit", "handlebars", "noto-sans"]) expect(bundle).not.toContain(name);
    // Reproducible: the same file on every machine.
    expect(bundle).not.toContain(ROOT);
  });

  it("validates as `sla validate --format github` does: the same annotations, messages and exit code", () => {
    const repo = repository({ "sla.yaml": readFileSync(EXAMPLE, "utf8") });
    const valid = runAction(repo);
    expect(valid).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(valid).toEqual(sla(["validate", "--format", "github"], { cwd: repo }));

    write(repo, { "sla.yaml": INVALID });
    const invalid = runAction(repo);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^::error file=sla\.yaml,line=459,col=\d+,endLine=\d+,endColumn=\d+,title=sla funnel\/impossible::/m);
    expect(invalid).toEqual(sla(["validate", "--format", "github"], { cwd: repo }));
  });

  it("hands `paths` to sla as paths: sla expands teams/**/sla.yaml, and `-o x` is no option", () => {
    const repo = repository({ "teams/a/sla.yaml": readFileSync(EXAMPLE, "utf8"), "teams/a/b/sla.yaml": INVALID });
    const nested = runAction(repo, { paths: "teams/**/sla.yaml" });
    expect(nested.stdout).toMatch(/^::error file=teams\/a\/b\/sla\.yaml,line=459,/m);
    expect(nested).toEqual(sla(["validate", "--format", "github", "teams/**/sla.yaml"], { cwd: repo }));
    expect(nested.code).toBe(1);

    const dashed = runAction(repo, { paths: "-o teams/a/b/sla.yaml" });
    expect(dashed).toEqual({ code: 2, stdout: "", stderr: "sla: -o: no such file or directory\n" });
    expect(readFileSync(join(repo, "teams/a/b/sla.yaml"), "utf8")).toBe(INVALID);

    // Several paths, on lines or separated by spaces, each reaches sla whole.
    const listed = runAction(repo, { paths: "teams/a/sla.yaml\n  teams/a/b/sla.yaml " });
    expect(listed.stdout.match(/^::error /gm)).toHaveLength(1);
    expect(listed.code).toBe(1);
  });

  it("fails past max-warnings as sla does, and says what is wrong with a max-warnings that is no count", () => {
    const repo = repository({ "sla.yaml": WARNS });
    const lenient = runAction(repo);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^::warning file=sla\.yaml,.*title=sla period\/length::/m);
    const strict = runAction(repo, { "max-warnings": "0" });
    expect(strict).toMatchObject({ code: 1, stderr: "sla: 1 warning exceeds --max-warnings 0\n" });
    expect(strict).toEqual(sla(["validate", "--format", "github", "--max-warnings", "0"], { cwd: repo }));
    expect(runAction(repo, { "max-warnings": "1" }).code).toBe(0);
    for (const wrong of ["x", "-1"])
      expect(runAction(repo, { "max-warnings": wrong })).toEqual({ code: 2, stdout: "", stderr: `sla: --max-warnings: \`${wrong}\` is not a whole number\n` });
  });

  it("with diff on a pull request, appends the Markdown diff against the base branch to the job summary, also when validation failed", () => {
    const repo = repository({ "sla.yaml": readFileSync(EXAMPLE, "utf8") });
    // The proposal, whose funnel no longer reaches its revenue target.
    pullRequest(repo, { "sla.yaml": readFileSync(join(ROOT, "test/fixtures/diff/proposal.sla.yaml"), "utf8") });
    const summary = join(tempDir(), "summary.md");
    writeFileSync(summary, "earlier step\n");
    const pr = { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: summary };

    const run = runAction(repo, { diff: "true" }, pr);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=sla\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=sla funnel\/unreachable-revenue::/m);
    expect(run.stdout).toBe(sla(["validate", "--format", "github"], { cwd: repo }).stdout);
    // git fetch talks on standard error; sla says nothing there.
    expect(run.stderr).not.toContain("sla:");
    const written = readFileSync(summary, "utf8");
    expect(written).toMatch(/^earlier step\n## Anatolia Pumps Marketing & Sales Service Level Agreement: 2026\.2 → 2026\.2/);
    expect(written).toContain("Compared: `sla.yaml@origin/main` → `sla.yaml`");
    expect(written.slice("earlier step\n".length)).toBe(sla(["diff", "--format", "markdown", "origin/main"], { cwd: repo }).stdout);

    // Not on a push, nor unless asked.
    writeFileSync(summary, "");
    expect(runAction(repo, { diff: "true" }, { ...pr, GITHUB_EVENT_NAME: "push" }).code).toBe(1);
    expect(runAction(repo, {}, pr).code).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe("");
  });

  it("with diff, a pull request that adds the SLA file shows everything added; diff-file names the file", () => {
    const repo = repository({});
    pullRequest(repo, { "sla.yaml": readFileSync(EXAMPLE, "utf8"), "teams/emea.sla.yaml": WARNS });
    const summary = join(tempDir(), "summary.md");
    const run = runAction(
      repo,
      { diff: "true", "diff-file": "sla.yaml" },
      { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.stderr).not.toContain("sla:");
    expect(run.code).toBe(0);
    const written = readFileSync(summary, "utf8");
    expect(written).toContain("Compared: `sla.yaml@origin/main` → `sla.yaml`");
    expect(written).toContain("_sla.yaml@origin/main does not exist: everything in sla.yaml is added_");
    expect(written).toContain("**13 changes: 13 added**");

    // Two SLA files and no diff-file: sla's own message, and the job fails.
    const ambiguous = runAction(repo, { diff: "true" }, { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: summary });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("sla: this repository has 2 SLA files; name one after `--`");
  });

  it("with diff, needs no history: a shallow checkout of the pull request alone gets the base branch itself", () => {
    const repo = repository({ "sla.yaml": readFileSync(EXAMPLE, "utf8") });
    pullRequest(repo, { "sla.yaml": readFileSync(join(ROOT, "test/fixtures/diff/proposal.sla.yaml"), "utf8") });
    const origin = git(repo, "remote", "get-url", "origin").trim();
    git(repo, "push", "-q", "origin", "proposal");
    // As actions/checkout leaves it by default: one commit, and a fetch refspec of one branch.
    const checkout = join(tempDir(), "checkout");
    git(dirname(checkout), "clone", "-q", "--depth=1", "--branch", "proposal", `file://${origin}`, checkout);
    expect(git(checkout, "rev-parse", "--is-shallow-repository").trim()).toBe("true");
    const summary = join(tempDir(), "summary.md");
    const run = runAction(checkout, { diff: "true" }, { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: summary });
    expect(run.stderr).not.toContain("sla:");
    expect(run.code).toBe(1);
    expect(readFileSync(summary, "utf8")).toContain("Compared: `sla.yaml@origin/main` → `sla.yaml`");
  });

  it("refuses inputs it cannot use in one line, with exit code 2", () => {
    const repo = repository({ "sla.yaml": readFileSync(EXAMPLE, "utf8") });
    expect(runAction(repo, { diff: "yes" })).toEqual({ code: 2, stdout: "", stderr: "sla: the input diff is `yes`; use true or false\n" });
    const noSummary = runAction(repo, { diff: "true" }, { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main" });
    expect(noSummary).toEqual({ code: 2, stdout: "", stderr: "sla: GITHUB_STEP_SUMMARY is not set: the diff is written to the job summary\n" });
    // No origin to fetch from: said in one line after Git's own words, no stack trace.
    const noOrigin = tempDir();
    copyFileSync(EXAMPLE, join(noOrigin, "sla.yaml"));
    git(noOrigin, "init", "-q");
    const unfetched = runAction(
      noOrigin,
      { diff: "true" },
      { GITHUB_EVENT_NAME: "pull_request", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: join(noOrigin, "summary.md") },
    );
    expect(unfetched.code).toBe(2);
    expect(unfetched.stderr).toMatch(/\nsla: cannot fetch the base branch main from origin\n$/);
    expect(unfetched.stderr).not.toMatch(/\n\s+at /);
  });
});
