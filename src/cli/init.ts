import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_URL } from "../validate/schema-location.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "./write-file.js";

const EXAMPLE_URL = new URL("../../sla.example.yaml", import.meta.url);

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a starter SLA file to edit (the shipped example)")
    .argument("[file]", "file to create", "sla.yaml")
    .option("--force", "overwrite the file if it exists")
    .action(async (file: string, options: { force?: boolean }) => {
      const target = resolve(file);
      if (existsSync(target) && !options.force) throw new UsageError(`${file} already exists; use --force to overwrite it`);
      if (!existsSync(dirname(target))) throw new UsageError(`cannot write ${file}: directory ${dirname(file)} does not exist`);
      const schema = await schemaReference(target, options.force === true);
      await writeFileAtomic(target, readFileSync(EXAMPLE_URL, "utf8").replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema.path}`));
      process.stdout.write(`Created ${file}${schema.copied ? ` and ${schema.copied}` : ""}. Edit it, then run: sla validate ${file}\n`);
    });
}

/**
 * The schema path for the editor line: the installed package's schema when sla is installed
 * inside the project (node_modules/sla/...), which teammates have too; otherwise a copy written
 * beside the file, as a path into a global install would break on every other machine.
 */
async function schemaReference(target: string, force: boolean): Promise<{ path: string; copied?: string }> {
  const installed = relative(dirname(target), fileURLToPath(SCHEMA_URL)).split("\\").join("/");
  if (/^(\.\/)?node_modules\//.test(installed)) return { path: `./${installed.replace(/^\.\//, "")}` };
  const copy = resolve(dirname(target), "sla.schema.json");
  const name = relative(process.cwd(), copy) || "sla.schema.json";
  if (existsSync(copy) && !force) return { path: "./sla.schema.json" };
  await writeFileAtomic(copy, readFileSync(SCHEMA_URL, "utf8"));
  return { path: "./sla.schema.json", copied: name };
}
