import type { Command } from "commander";
import { Option } from "commander";
import { FINDINGS_FORMATS } from "../format/index.js";
import { UsageError } from "../errors.js";
import { completeWith } from "./completion.js";
import { message } from "../i18n/message.js";
import { localeOption } from "./locale.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check SLA files against the schema and the rules; exit 1 on errors")
    .argument("[paths...]", "files, directories or globs; `-` reads standard input; none: the SLA files of this repository")
    .addOption(new Option("-f, --format <format>", "output format").choices(FINDINGS_FORMATS).default("stylish"))
    .option("-q, --quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseCount)
    .option("-c, --config <file>", "rule configuration (default: nearest .slarc.yaml up to the repository root)")
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--stdin-filename <name>", "name to show for standard input")
    .addOption(localeOption())
    .addOption(
      completeWith(
        new Option("--concurrency <n>", "threads checking files: a number, `auto` (by the number of files and cores) or `off`")
          .argParser(parseConcurrency)
          .default("auto"),
        ["auto", "off"],
      ),
    )
    .option("--cache", "skip files found clean before while they are unchanged (remembered in .slacache)")
    .option("--cache-location <file>", "where --cache keeps what it remembers (implies --cache)")
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      "\nExamples:\n  sla validate                       the SLA files of this repository\n  sla validate sla.yaml -f github    annotations for a GitHub Actions log\n\nExit codes: 0 valid, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error.",
    )
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
