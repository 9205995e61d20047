import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_URL } from "../validate/schema-location.js";
import { UsageError, writeFileAtomic } from "./io.js";

const EXAMPLE_URL = new URL("../../sla.example.yaml", import.meta.url);

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a starter SLA file to edit (the shipped example)")
    .argument("[file]", "file to create", "sla.yaml")
    .option("--force", "overwrite the file if it exists")
    .action((file: string, options: { force?: boolean }) => {
      const target = resolve(file);
      if (existsSync(target) && !options.force) throw new UsageError(`${file} already exists; use --force to overwrite it`);
      if (!existsSync(dirname(target))) throw new UsageError(`cannot write ${file}: directory ${dirname(file)} does not exist`);
      writeFileAtomic(target, starterText(target));
      process.stdout.write(`Created ${file}. Edit it, then run: sla validate ${file}\n`);
    });
}

/** The example, with the editor's schema line pointing at the installed schema. */
function starterText(target: string): string {
  let schema = relative(dirname(target), fileURLToPath(SCHEMA_URL)).split("\\").join("/");
  if (!schema.startsWith(".") && !schema.startsWith("/")) schema = `./${schema}`;
  return readFileSync(EXAMPLE_URL, "utf8").replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`);
}
