// Dependencies point forward through the pipeline (load -> validate -> format): a module
// that reached back would make a cycle, or tie a formatter to the rule registry.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

/** The modules under src/`folder` (not its subfolders) that import from any of `forbidden`. */
function importing(folder: string, forbidden: RegExp): string[] {
  const dir = join(ROOT, "src", folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .filter((name) =>
      [...readFileSync(join(dir, name), "utf8").matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/g)].some((m) =>
        forbidden.test(m[1] ?? m[2]!),
      ),
    )
    .map((name) => `src/${folder}/${name}`);
}

describe("the direction of dependencies", () => {
  it("load does not import validate", () => {
    expect(importing("load", /^\.\.\/validate\//)).toEqual([]);
  });

  it("the formatters are handed rule metadata, not the rule registry", () => {
    expect(importing("format", /^\.\.\/validate\//)).toEqual([]);
  });

  it("src does not read dist", () => {
    const reading = (folder: string): string[] =>
      readdirSync(join(ROOT, "src", folder), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? reading(join(folder, entry.name))
          : entry.name.endsWith(".ts") && /["'`][./]*\/dist\//.test(readFileSync(join(ROOT, "src", folder, entry.name), "utf8"))
            ? [`src/${join(folder, entry.name)}`]
            : [],
      );
    expect(reading(".")).toEqual([]);
  });
});
