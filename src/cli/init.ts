import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_URL } from "../validate/schema-location.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "./write-file.js";
import { message } from "../i18n/message.js";
import { localeOption, say } from "./locale.js";

const EXAMPLE_URL = new URL("../../sla.example.yaml", import.meta.url);

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a starter SLA file to edit (the shipped example)")
    .argument("[file]", "file to create", "sla.yaml")
    .option("--force", "overwrite the file if it exists")
    .addOption(localeOption())
    .action((file: string, options: { force?: boolean }) => {
      const target = resolve(file);
      if (existsSync(target) && !options.force) throw new UsageError(message("cli/init.exists", { file }));
      if (!existsSync(dirname(target))) throw new UsageError(message("cli/write.failed", { file, reason: message("cli/write.no-directory", { directory: dirname(file) }) }));
      const schema = schemaReference(target, options.force === true);
      writeFileAtomic(target, readFileSync(EXAMPLE_URL, "utf8").replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema.path}`));
      process.stdout.write(`${say(schema.copied ? message("cli/init.created-with-schema", { file, schema: schema.copied }) : message("cli/init.created", { file }))}\n`);
    });
}

/**
 * The schema path for the editor line: the installed package's schema when sla is installed
 * inside the project (node_modules/sla/...), which teammates have too; otherwise a copy written
 * beside the file, as a path into a global install would break on every other machine.
 */
function schemaReference(target: string, force: boolean): { path: string; copied?: string } {
  const installed = relative(dirname(target), fileURLToPath(SCHEMA_URL)).split("\\").join("/");
  if (/^(\.\/)?node_modules\//.test(installed)) return { path: `./${installed.replace(/^\.\//, "")}` };
  const copy = resolve(dirname(target), "sla.schema.json");
  const name = relative(process.cwd(), copy) || "sla.schema.json";
  if (existsSync(copy) && !force) return { path: "./sla.schema.json" };
  writeFileAtomic(copy, readFileSync(SCHEMA_URL, "utf8"));
  return { path: "./sla.schema.json", copied: name };
}
