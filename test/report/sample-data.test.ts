// The sample exports and hand computations that `sla report` is tested and shown with: each is
// written by a script, so the committed files must be what the scripts write, and every variant
// must read back losslessly in the encoding its README and mapping state.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ROOT, sla, tempDir } from "../helpers/cli.js";

const VARIANTS = join(ROOT, "test/fixtures/report/exports");

function node(script: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Maven Analytics' sample is not in the repository (no licence beside it): read where the project keeps it. */
function mavenDir(): string | undefined {
  const candidates = [process.env.SLA_MAVEN_CRM, join(ROOT, "../shared/data/maven-crm"), join(ROOT, "../../shared/data/maven-crm")];
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(join(dir, "sales_pipeline.csv")));
}

describe("examples/exports", () => {
  it("are what scripts/sample-exports.mjs writes, byte for byte", () => {
    const out = tempDir();
    node("scripts/sample-exports.mjs", out);
    for (const file of ["contacts.csv", "deals.csv", "actuals.csv"]) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(ROOT, "examples/exports", file))), file).toBe(true);
    }
  });

  it("agree with expected-example.json, computed by hand from them", () => {
    const computed: unknown = JSON.parse(node("test/fixtures/report/expected-example.mjs"));
    expect(computed).toEqual(JSON.parse(readFileSync(join(ROOT, "test/fixtures/report/expected-example.json"), "utf8")));
  });
});

describe("test/fixtures/report/exports", () => {
  const mappings = JSON.parse(readFileSync(join(VARIANTS, "mappings.json"), "utf8")) as Record<
    string,
    { encoding?: string; delimiter?: string; columns: { id: string } }
  >;
  const files = readdirSync(VARIANTS).filter((file) => /\.(csv|txt)$/.test(file));

  it("are what make.mjs writes, byte for byte, with a mapping for each", () => {
    const out = tempDir();
    node("test/fixtures/report/exports/make.mjs", out);
    expect(readdirSync(out).sort()).toEqual([...files, "mappings.json"].sort());
    for (const file of readdirSync(out)) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(VARIANTS, file))), file).toBe(true);
    }
    expect(Object.keys(mappings).sort()).toEqual(files.sort());
  });

  it.each(files)("%s reads back losslessly in its encoding, with the ids of the shared meaning", (file) => {
    const mapping = mappings[file];
    if (mapping === undefined) throw new Error(`mappings.json has no entry for ${file}`);
    const encoding = mapping.encoding ?? "utf-8";
    const bytes = readFileSync(join(VARIANTS, file));
    const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]));
    const text = iconv.decode(bytes, encoding, { stripBOM: true });
    expect(text).not.toMatch(/[\ufffd]/);
    expect(iconv.encode(text, encoding, { addBOM: bom }).equals(bytes)).toBe(true);
    const [header = "", ...rows] = text.trimEnd().split(/\r?\n/);
    const delimiter = mapping.delimiter ?? ",";
    const columns = header.split(delimiter);
    expect(columns).toContain(mapping.columns.id);
    const ids = rows.map((row) => (row.split(delimiter)[columns.indexOf(mapping.columns.id)] ?? "").replace(/^006Qy00000Ab(\d+)AAA$/, "$1"));
    expect(ids).toEqual(file.includes("deals") ? ["801", "802", "803", "804", "805", "806", "807", "808"] : ids.map((_, i) => String(701 + i)));
    expect(ids.length).toBe(file.includes("deals") ? 8 : 12);
  });
});

describe("examples/maven", () => {
  it("sla.yaml is a valid agreement", () => {
    const run = sla(["validate", "examples/maven/sla.yaml"]);
    expect(run.stdout + run.stderr).toContain("1 file valid");
    expect(run.code).toBe(0);
  });

  it.skipIf(mavenDir() === undefined)("expected-maven.json is what the hand computation finds in Maven's sample", () => {
    const computed: unknown = JSON.parse(node("test/fixtures/report/expected-maven.mjs", mavenDir() as string));
    expect(computed).toEqual(JSON.parse(readFileSync(join(ROOT, "test/fixtures/report/expected-maven.json"), "utf8")));
  });
});
