// The walk behind `sla validate dir/`, `sla validate` in a repository and the glob patterns
// users write: which files it lists, held to the glob library it replaced.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { SLA_FILE_PATTERNS, resolveInputs } from "../../src/load/discover.js";
import { TooManyDirectories, findFiles, isSlaFileName, isYamlFileName } from "../../src/load/walk.js";

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "sla-walk-"));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), "");
  }
  return root;
}

const NAMES = [
  "sla.yaml",
  "sla.yml",
  "sla.emea.yaml",
  "sla..yaml",
  "emea.sla.yml",
  "a.b.sla.yaml",
  ".sla.yaml",
  "SLA.yaml",
  "slab.yaml",
  "mysla.yaml",
  "sla.yaml.bak",
  "sla.json",
  "other.yaml",
  "notes.txt",
];
const FILES = [
  ...NAMES,
  ...NAMES.map((n) => `teams/emea/${n}`),
  ...NAMES.map((n) => `.hidden/${n}`),
  ...NAMES.map((n) => `node_modules/pkg/${n}`),
  ...NAMES.map((n) => `teams/dist/${n}`),
  "teams/ünïcode/sla.yaml",
];

describe("findFiles", () => {
  it("lists the files the old glob patterns matched, in the same order", async () => {
    const root = tree(FILES);
    const options = { cwd: root, ignore: ["**/node_modules/**", "**/dist/**"], onlyFiles: true, dot: false, expandDirectories: false };
    const slaFiles = (
      await glob(
        SLA_FILE_PATTERNS.map((p) => `**/${p}`),
        options,
      )
    ).sort();
    const yamlFiles = (await glob(["**/*.yaml", "**/*.yml"], options)).sort();
    expect(findFiles(root, isSlaFileName)).toEqual(slaFiles);
    expect(findFiles(root, isYamlFileName)).toEqual(yamlFiles);
    expect(slaFiles).toContain("teams/ünïcode/sla.yaml");
    expect(slaFiles).toHaveLength(13);
  });

  it("follows links inside the root, listing each file once under its own path", () => {
    const root = tree(["teams/v2/sla.yaml", "shared/base.sla.yaml"]);
    symlinkSync(join(root, "teams/v2"), join(root, "teams/current"));
    symlinkSync(join(root, "shared"), join(root, "teams/shared"));
    symlinkSync(join(root, "teams/v2/sla.yaml"), join(root, "linked.sla.yaml"));
    symlinkSync(join(root, "teams/v2/sla.yaml"), join(root, "other.sla.yaml"));
    symlinkSync(join(root, "missing.yaml"), join(root, "dangling.sla.yaml"));
    expect(findFiles(root, isSlaFileName)).toEqual(["shared/base.sla.yaml", "teams/v2/sla.yaml"]);
  });

  it("lists a folder reached only by links once, under the first link in order", () => {
    const root = tree(["outside.txt"]);
    const hidden = join(root, ".store/v1");
    mkdirSync(hidden, { recursive: true });
    writeFileSync(join(hidden, "sla.yaml"), "");
    symlinkSync(hidden, join(root, "b"));
    symlinkSync(hidden, join(root, "a"));
    expect(findFiles(root, isSlaFileName)).toEqual(["a/sla.yaml"]);
  });

  it("does not follow a link to a folder outside the root; lists a link to a file outside, for the read to refuse", () => {
    const outside = tree(["sla.yaml"]);
    const root = tree(["teams/sla.yaml"]);
    symlinkSync(outside, join(root, "teams/elsewhere"));
    symlinkSync("/", join(root, "root"));
    symlinkSync(join(outside, "sla.yaml"), join(root, "planted.sla.yaml"));
    symlinkSync(join(outside, "sla.yaml"), join(root, "teams/planted.sla.yaml"));
    expect(findFiles(root, isSlaFileName)).toEqual(["planted.sla.yaml", "teams/planted.sla.yaml", "teams/sla.yaml"]);
  });

  it("stops past its bound of directories", () => {
    const root = tree(["a/sla.yaml", "b/sla.yaml", "c/sla.yaml"]);
    expect(findFiles(root, isSlaFileName, { maxDirectories: 4 })).toHaveLength(3);
    expect(() => findFiles(root, isSlaFileName, { maxDirectories: 3 })).toThrow(TooManyDirectories);
  });

  it("does not follow a link back to a directory it is searching", () => {
    const root = tree(["teams/sla.yaml"]);
    symlinkSync(root, join(root, "teams/loop"));
    symlinkSync(join(root, "teams"), join(root, "teams/self"));
    expect(findFiles(root, isSlaFileName)).toEqual(["teams/sla.yaml"]);
  });

  it("matches paths below the root, and reads no deeper than asked", () => {
    const root = tree(["teams/a/sla.yaml", "teams/a/deep/sla.yaml", "teams/b.yaml", "sla.yaml"]);
    const under = (path: string) => path.startsWith("teams/");
    expect(findFiles(root, (_name, path) => under(path))).toEqual(["teams/a/deep/sla.yaml", "teams/a/sla.yaml", "teams/b.yaml"]);
    expect(findFiles(root, (_name, path) => under(path), { maxDepth: 2 })).toEqual(["teams/a/sla.yaml", "teams/b.yaml"]);
    expect(findFiles(root, () => true, { maxDepth: 0 })).toEqual(["sla.yaml"]);
  });

  it("follows links out of the root when they stay inside the bound given", () => {
    const bound = tree(["shared/base.yaml", "shared/more/sla.yaml", "teams/a/sla.yaml"]);
    const root = join(bound, "teams");
    const outside = tree(["sla.yaml"]);
    symlinkSync(join(bound, "shared/base.yaml"), join(root, "b.sla.yaml"));
    symlinkSync(join(bound, "shared/more"), join(root, "more"));
    symlinkSync(join(outside, "sla.yaml"), join(root, "planted.sla.yaml"));
    symlinkSync(outside, join(root, "elsewhere"));
    expect(findFiles(root, isSlaFileName)).toEqual(["a/sla.yaml", "b.sla.yaml", "planted.sla.yaml"]);
    expect(findFiles(root, isSlaFileName, { bound })).toEqual(["a/sla.yaml", "b.sla.yaml", "more/sla.yaml", "planted.sla.yaml"]);
  });

  it("lists nothing for a directory that cannot be read", () => {
    expect(findFiles(join(tmpdir(), "sla-walk-no-such-directory"), isYamlFileName)).toEqual([]);
  });
});

describe("glob patterns", () => {
  it("match what the glob library matched, without links", async () => {
    const root = tree(FILES);
    const options = { cwd: root, ignore: ["**/node_modules/**", "**/dist/**"], onlyFiles: true, dot: false, expandDirectories: false };
    for (const pattern of [
      "**/*.yaml",
      "teams/**/sla.yaml",
      "*.sla.yml",
      "teams/*/sla.*.yaml",
      "{teams,.hidden}/**/*.y?ml",
      "./teams/emea/[so]*.yaml",
      "t*/**/sla.yaml",
    ]) {
      const expected = (await glob([pattern], options)).sort();
      expect(expected.length, pattern).toBeGreaterThan(0);
      expect(
        (await resolveInputs([pattern], root)).map((input) => input.file),
        pattern,
      ).toEqual(expected);
    }
  });
});

describe("file names", () => {
  it.each([
    ["sla.yaml", true, true],
    ["sla.yml", true, true],
    ["sla.emea.yaml", true, true],
    ["emea.sla.yml", true, true],
    ["slab.yaml", false, true],
    ["SLA.yaml", false, true],
    ["sla.yaml.bak", false, false],
    ["sla.json", false, false],
  ])("%s: SLA file %s, YAML file %s", (name, sla, yaml) => {
    expect(isSlaFileName(name)).toBe(sla);
    expect(isYamlFileName(name)).toBe(yaml);
  });
});
