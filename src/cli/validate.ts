import type { Command } from "commander";
import { Option } from "commander";
import { FINDINGS_FORMATS } from "../format/index.js";
import { UsageError } from "../errors.js";
import { completeWith } from "./completion.js";
import { message } from "../i18n/message.js";
import { localeOption } from "./locale.js";
import { wordHelp } from "./help.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("cli/help.validate")
    .argument("[paths...]", "cli/help.validate.paths")
    .addOption(new Option("-f, --format <format>", "cli/help.format").choices(FINDINGS_FORMATS).default("stylish"))
    .option("-q, --quiet", "cli/help.validate.quiet")
    .option("--max-warnings <n>", "cli/help.validate.max-warnings", parseCount)
    .option("-c, --config <file>", "cli/help.validate.config")
    .option("-o, --output <file>", "cli/help.output-report")
    .option("--stdin-filename <name>", "cli/help.validate.stdin-filename")
    .addOption(localeOption())
    .addOption(completeWith(new Option("--concurrency <n>", "cli/help.validate.concurrency").argParser(parseConcurrency).default("auto"), ["auto", "off"]))
    .option("--cache", "cli/help.validate.cache")
    .option("--cache-location <file>", "cli/help.validate.cache-location")
    .option("--color", "cli/help.color")
    .option("--no-color", "cli/help.no-color")
    .addHelpText("after", () => wordHelp("cli/help.validate.after"))
    .action(async (paths: string[], options) => {
      // Loaded here, so that `sla --version` or `sla diff` never load the validator.
      const { runValidate } = await import("./actions/validate.js");
      process.exitCode = await runValidate(paths, options);
    });
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(message("cli/option.not-a-count", { option: "--max-warnings", value }));
  return Number(value);
}

function parseConcurrency(value: string): number | "auto" | "off" {
  if (value === "auto" || value === "off") return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(message("cli/option.concurrency", { value }));
}
