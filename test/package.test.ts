import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE, ROOT } from "./helpers/cli.js";
import { ENGINE_PACKAGE } from "../src/report/ingest/engine.js";
import { PDF_PACKAGES } from "../src/document/pdf-packages.js";

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
  tarball = join(
    packDir,
    readdirSync(packDir).find((f) => f.endsWith(".tgz"))!,
  );
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
    for (const needed of [
      "package/bin/sla.js",
      "package/bin/package.json",
      "package/dist/bin/sla.cjs",
      "package/dist/bin/sla.cache",
      "package/dist/bin/precompiled.cjs",
      "package/dist/cli/main.js",
      "package/dist/bin/validate-worker.js",
      "package/dist/validate/schema-validator.cjs",
      "package/dist/validate/schema-validator.cache",
      "package/schemas/sla.schema.json",
      "package/locales/ja/labels.json",
      "package/locales/ja/messages/rules.json",
      "package/sla.example.yaml",
      "package/locales/ja/starter.sla.yaml",
      "package/CHANGELOG.md",
    ])
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

  it("declares as optional exactly the packages only a PDF or a report needs", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    // Besides the PDF's: the report's engine, its calendar's public holidays and the drawing of its charts into a PDF.
    const reportPackages = [ENGINE_PACKAGE, "date-holidays", "svg-to-pdfkit"];
    expect(Object.keys(pkg.optionalDependencies ?? {}).sort()).toEqual([...PDF_PACKAGES, ...reportPackages].sort());
    for (const name of [...PDF_PACKAGES, ...reportPackages]) expect(pkg.dependencies[name], name).toBeUndefined();
  });
});

describe("CI integrations", () => {
  // The GitHub Action: test/action.test.ts.
  it(".pre-commit-hooks.yaml runs sla validate on the SLA file names sla looks for", () => {
    const [hook] = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
    expect(hook).toMatchObject({ id: "sla-validate", entry: "sla validate", language: "node", pass_filenames: true });
    const files = new RegExp(hook.files);
    for (const name of ["sla.yaml", "sla.yml", "sla.example.yaml", "teams/emea.sla.yaml", "a/b/sla.2026.yml"]) expect(files.test(name)).toBe(true);
    for (const name of ["slack.yaml", ".github/workflows/ci.yml", "atlas.yaml"]) expect(files.test(name)).toBe(false);
  });
});
