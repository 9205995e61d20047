// The directory search behind `sla validate dir/` and `sla validate` in a repository: which
// files it lists, held to the glob patterns it replaced.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { SLA_FILE_PATTERNS } from "../../src/load/discover.js";
import { findFiles, isSlaFileName, isYamlFileName } from "../../src/load/walk.js";

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
    const slaFiles = (await glob(SLA_FILE_PATTERNS.map((p) => `**/${p}`), options)).sort();
    const yamlFiles = (await glob(["**/*.yaml", "**/*.yml"], options)).sort();
    expect(findFiles(root, isSlaFileName)).toEqual(slaFiles);
    expect(findFiles(root, isYamlFileName)).toEqual(yamlFiles);
    expect(slaFiles).toContain("teams/ünïcode/sla.yaml");
    expect(slaFiles).toHaveLength(13);
  });

  it("follows symbolic links as the glob patterns did, listing a linked directory under each path", async () => {
    const root = tree(["teams/v2/sla.yaml", "shared/base.sla.yaml"]);
    symlinkSync(join(root, "teams/v2"), join(root, "teams/current"));
    symlinkSync(join(root, "shared"), join(root, "teams/shared"));
    symlinkSync(join(root, "teams/v2/sla.yaml"), join(root, "linked.sla.yaml"));
    symlinkSync(join(root, "missing.yaml"), join(root, "dangling.sla.yaml"));
    const options = { cwd: root, ignore: ["**/node_modules/**", "**/dist/**"], onlyFiles: true, dot: false, expandDirectories: false };
    const globbed = (await glob(SLA_FILE_PATTERNS.map((p) => `**/${p}`), options)).sort();
    expect(findFiles(root, isSlaFileName)).toEqual(globbed);
    expect(globbed).toEqual(["linked.sla.yaml", "shared/base.sla.yaml", "teams/current/sla.yaml", "teams/shared/base.sla.yaml", "teams/v2/sla.yaml"]);
  });

  it("does not follow a link back to a directory it is searching", () => {
    const root = tree(["teams/sla.yaml"]);
    symlinkSync(root, join(root, "teams/loop"));
    symlinkSync(join(root, "teams"), join(root, "teams/self"));
    expect(findFiles(root, isSlaFileName)).toEqual(["teams/sla.yaml"]);
  });

  it("lists nothing for a directory that cannot be read", () => {
    expect(findFiles(join(tmpdir(), "sla-walk-no-such-directory"), isYamlFileName)).toEqual([]);
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
