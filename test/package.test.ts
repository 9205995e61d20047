import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE, ROOT, tempDir } from "./helpers/cli.js";
import { PDF_PACKAGES } from "../src/render/pdf-packages.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

// One pack for every install below: packing and installing are most of these tests' time.
let tarball = "";
const made: string[] = [];
function dir(): string {
  const path = mkdtempSync(join(tmpdir(), "sla-package-"));
  made.push(path);
  return path;
}
beforeAll(() => {
  const packDir = dir();
  // dist/ is built by `npm test`'s pretest; packing need not build again.
  execFileSync(npm, ["pack", "--ignore-scripts", "--pack-destination", packDir, "--loglevel=error"], { cwd: ROOT, stdio: "pipe" });
  tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);
}, 60_000);
afterAll(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** The packed tarball installed into a fresh prefix, as a user's `npm install` does. */
function install(...flags: string[]): { prefix: string; sla: (args: string[], env?: Record<string, string>) => SpawnSyncReturns<string> } {
  const prefix = dir();
  execFileSync(npm, ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...flags, tarball], { stdio: "pipe" });
  const bin = join(prefix, "node_modules/.bin/sla");
  return { prefix, sla: (args, env) => spawnSync(bin, args, { cwd: prefix, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } }) };
}

const JAPANESE = join(ROOT, "test/fixtures/i18n/ja.sla.yaml");

describe("the npm package", () => {
  it("packs only what users need, and the installed tarball gives a working sla on this Node", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(listing.some((f) => f.startsWith("package/test/") || f.startsWith("package/src/") || f.startsWith("package/node_modules/"))).toBe(false);
    for (const needed of ["package/bin/sla.js", "package/bin/package.json", "package/dist/bin/sla.cjs", "package/dist/bin/sla.cache", "package/dist/bin/precompiled.cjs", "package/dist/cli/main.js", "package/dist/bin/validate-worker.js", "package/dist/validate/schema-validator.cjs", "package/dist/validate/schema-validator.cache", "package/schemas/sla.schema.json", "package/locales/ja/labels.json", "package/locales/ja/messages/rules.json", "package/sla.example.yaml", "package/locales/ja/starter.sla.yaml", "package/CHANGELOG.md"])
      expect(listing).toContain(needed);

    const { sla } = install();
    const result = sla(["validate", EXAMPLE]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`✔ 1 file valid\n`);
    expect(result.status).toBe(0);
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(sla(["--version"]).stdout).toBe(`${version}\n`);

    // The full install draws PDFs, Japanese included (a missing font would warn of missing glyphs).
    const out = dir();
    const pdf = sla(["render", JAPANESE, "-o", join(out, "ja.pdf")]);
    expect(pdf.stderr).toBe(`Wrote ${join(out, "ja.pdf")}\n`);
    expect(pdf.status).toBe(0);
    expect(readFileSync(join(out, "ja.pdf")).subarray(0, 5).toString()).toBe("%PDF-");

    // Worker threads start from the installed files too (a missing worker would only warn).
    // Threads are capped at the cores, so this needs two.
    if (availableParallelism() < 2) return;
    const many = dir();
    const example = readFileSync(EXAMPLE);
    for (let i = 0; i < 300; i++) writeFileSync(join(many, `team-${i}.sla.yaml`), example);
    const shared = sla(["validate", "--concurrency", "2", many], { SLA_DEBUG: "1" });
    expect(shared.stdout).toBe("✔ 300 files valid\n");
    expect(shared.stderr).toMatch(/^sla: 300 files: \d+ \+ [1-9]\d* by 2 threads, 0 checked again\n$/);
  }, 240_000);

  it("installed with --omit=optional: validate, diff, Markdown and HTML work, and a PDF says which package it needs", () => {
    const { prefix, sla } = install("--omit=optional");
    // The test means what it says only if npm left them out.
    for (const name of PDF_PACKAGES) expect(existsSync(join(prefix, "node_modules", name)), name).toBe(false);

    expect(sla(["validate", EXAMPLE])).toMatchObject({ status: 0, stdout: "✔ 1 file valid\n", stderr: "" });
    expect(sla(["diff", EXAMPLE, join(ROOT, "test/fixtures/diff/proposal.sla.yaml")]).status).toBe(0);
    const markdown = sla(["render", JAPANESE, "-o", "-"]);
    expect(markdown).toMatchObject({ status: 0, stderr: "" });
    expect(markdown.stdout).toMatch(/^<!-- sla-fingerprint:sha256:[0-9a-f]{64} -->\n# /);
    const html = sla(["render", EXAMPLE, "--format", "html", "-o", "-"]);
    expect(html).toMatchObject({ status: 0, stderr: "" });
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);

    const pdf = sla(["render", EXAMPLE, "-o", "agreement.pdf"]);
    expect(pdf.status).toBe(2);
    expect(pdf.stdout).toBe("");
    // One line, no stack trace, naming what is missing and how to get it.
    expect(pdf.stderr).toMatch(/^sla: [^\n]+\n$/);
    for (const name of PDF_PACKAGES) expect(pdf.stderr).toContain(name);
    expect(pdf.stderr).toContain("npm install");
    expect(pdf.stderr).toContain("--omit=optional");
    expect(existsSync(join(prefix, "agreement.pdf"))).toBe(false);
  }, 240_000);

  it("declares as optional exactly the packages only a PDF needs", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
    expect(Object.keys(pkg.optionalDependencies ?? {}).sort()).toEqual([...PDF_PACKAGES].sort());
    for (const name of PDF_PACKAGES) expect(pkg.dependencies[name], name).toBeUndefined();
  });
});

describe("CI integrations", () => {
  it("action.yml is a composite action that installs sla from its own checkout and validates with annotations", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    expect(action.runs.using).toBe("composite");
    const script = action.runs.steps.map((s: { run?: string }) => s.run ?? "").join("\n");
    expect(script).toContain('npm ci --prefix "$GITHUB_ACTION_PATH"');
    expect(script).toContain("validate --format github");
    expect(script).toContain("diff --format markdown");
    for (const step of action.runs.steps) expect(step.shell).toBe("bash");
    for (const input of Object.values(action.inputs) as { description: string }[]) expect(input.description.length).toBeGreaterThan(10);
  });

  it("action.yml's steps run as GitHub runs them: annotations, then the pull request's diff in the job summary", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    const step = (name: string) => action.runs.steps.find((s: { name: string }) => s.name.startsWith(name)) as { run: string; if?: string };
    const origin = tempDir();
    const repo = tempDir();
    const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, stdio: "pipe" });
    git(origin, "init", "-q", "--bare");
    git(repo, "init", "-q", "-b", "main");
    for (const [key, value] of [["user.email", "ci@example.com"], ["user.name", "CI"], ["commit.gpgsign", "false"]]) git(repo, "config", key!, value!);
    copyFileSync(EXAMPLE, join(repo, "sla.yaml"));
    git(repo, "add", "sla.yaml");
    git(repo, "commit", "-qm", "in force");
    git(repo, "remote", "add", "origin", origin);
    git(repo, "push", "-q", "origin", "main");
    // The pull request: the proposal, whose funnel no longer reaches its revenue target.
    copyFileSync(join(ROOT, "test/fixtures/diff/proposal.sla.yaml"), join(repo, "sla.yaml"));
    git(repo, "commit", "-qam", "proposal");

    const summary = join(repo, "summary.md");
    const env = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_STEP_SUMMARY: summary, SLA_PATHS: "", SLA_MAX_WARNINGS: "", BASE_REF: "main", SLA_DIFF_FILE: "" };
    const validate = spawnSync("bash", ["-c", step("Validate").run], { cwd: repo, env, encoding: "utf8" });
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^::error file=sla\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=sla funnel\/unreachable-revenue::/m);

    // It runs after a failed validation too: reviewers want the diff most then.
    expect(step("Summarise").if).toContain("!cancelled()");
    expect(step("Summarise").if).toContain(`steps.${(step("Install") as { id?: string }).id}.outcome == 'success'`);
    const diff = spawnSync("bash", ["-c", step("Summarise").run], { cwd: repo, env, encoding: "utf8" });
    expect(diff.status).toBe(0);
    const written = readFileSync(summary, "utf8");
    expect(written).toMatch(/^## Anatolia Pumps Marketing & Sales Service Level Agreement: 2026\.2 → 2026\.2/);
    expect(written).toContain("Compared: `sla.yaml@origin/main` → `sla.yaml`");
  });

  /** A step of action.yml run as GitHub runs a `shell: bash` step. */
  function runStep(name: string, cwd: string, env: Record<string, string>) {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    const step = action.runs.steps.find((s: { name: string }) => s.name.startsWith(name)) as { run: string };
    return spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], { cwd, env: { ...process.env, GITHUB_ACTION_PATH: ROOT, ...env }, encoding: "utf8" });
  }

  it("action.yml hands `paths` to sla unexpanded and as paths: sla expands teams/**/sla.yaml, and `-o x` is no option", () => {
    const repo = tempDir();
    mkdirSync(join(repo, "teams/a/b"), { recursive: true });
    copyFileSync(EXAMPLE, join(repo, "teams/a/sla.yaml"));
    const invalid = readFileSync(EXAMPLE, "utf8").replace("target: 25%", "target: 0%");
    writeFileSync(join(repo, "teams/a/b/sla.yaml"), invalid);
    const env = { SLA_MAX_WARNINGS: "" };

    // bash without globstar read ** as *, checked teams/a/sla.yaml alone and passed.
    const nested = runStep("Validate", repo, { ...env, SLA_PATHS: "teams/**/sla.yaml" });
    expect(nested.stdout).toMatch(/^::error file=teams\/a\/b\/sla\.yaml,line=459,/m);
    expect(nested.status).toBe(1);

    // Before, `-o` became sla's option and overwrote the file with an empty report.
    const dashed = runStep("Validate", repo, { ...env, SLA_PATHS: "-o teams/a/b/sla.yaml" });
    expect(dashed.stderr).toContain("sla: -o: no such file or directory");
    expect(dashed.status).toBe(2);
    expect(readFileSync(join(repo, "teams/a/b/sla.yaml"), "utf8")).toBe(invalid);

    // Several paths, on lines or separated by spaces, each reaches sla whole.
    const listed = runStep("Validate", repo, { ...env, SLA_PATHS: "teams/a/sla.yaml\n  teams/a/b/sla.yaml " });
    expect(listed.stdout.match(/^::error /gm)).toHaveLength(1);
    expect(listed.status).toBe(1);
  });

  it("action.yml's diff summary: a pull request that adds the SLA file shows everything added", () => {
    const origin = tempDir();
    const repo = tempDir();
    const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, stdio: "pipe" });
    git(origin, "init", "-q", "--bare");
    git(repo, "init", "-q", "-b", "main");
    for (const [key, value] of [["user.email", "ci@example.com"], ["user.name", "CI"], ["commit.gpgsign", "false"]]) git(repo, "config", key!, value!);
    writeFileSync(join(repo, "README.md"), "# team\n");
    git(repo, "add", "README.md");
    git(repo, "commit", "-qm", "start");
    git(repo, "remote", "add", "origin", origin);
    git(repo, "push", "-q", "origin", "main");
    // The pull request adds the agreement.
    copyFileSync(EXAMPLE, join(repo, "sla.yaml"));
    git(repo, "add", "sla.yaml");
    git(repo, "commit", "-qm", "the first agreement");

    const summary = join(repo, "summary.md");
    const diff = runStep("Summarise", repo, { GITHUB_STEP_SUMMARY: summary, BASE_REF: "main", SLA_DIFF_FILE: "" });
    // git fetch talks on standard error; sla says nothing there.
    expect(diff.stderr).not.toContain("sla:");
    expect(diff.status).toBe(0);
    const written = readFileSync(summary, "utf8");
    expect(written).toContain("Compared: `sla.yaml@origin/main` → `sla.yaml`");
    expect(written).toContain("_sla.yaml@origin/main does not exist: everything in sla.yaml is added_");
    expect(written).toContain("**12 changes: 12 added**");
  });

  it(".pre-commit-hooks.yaml runs sla validate on the SLA file names sla looks for", () => {
    const [hook] = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
    expect(hook).toMatchObject({ id: "sla-validate", entry: "sla validate", language: "node", pass_filenames: true });
    const files = new RegExp(hook.files);
    for (const name of ["sla.yaml", "sla.yml", "sla.example.yaml", "teams/emea.sla.yaml", "a/b/sla.2026.yml"]) expect(files.test(name)).toBe(true);
    for (const name of ["slack.yaml", ".github/workflows/ci.yml", "atlas.yaml"]) expect(files.test(name)).toBe(false);
  });
});
