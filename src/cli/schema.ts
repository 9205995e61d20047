import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { SCHEMA_URL } from "../validate/schema-location.js";
import { localeOption } from "./locale.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("cli/help.schema")
    .addOption(localeOption())
    .action(() => {
      process.stdout.write(readFileSync(SCHEMA_URL, "utf8"));
    });
}
