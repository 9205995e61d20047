import type { Command } from "commander";
import { Option } from "commander";
import { UsageError } from "../errors.js";
import { LANGUAGES } from "../i18n/languages.js";
import { message } from "../i18n/message.js";
import { completeWith } from "./completion.js";
import { wordHelp } from "./help.js";
import { parseLocaleOption } from "../i18n/languages.js";
import { FAIL_ON } from "../report/gate.js";

// Listed here rather than imported from src/report/format, so that registering the command
// (done on every run, validate's included) loads nothing of the report. gate.ts imports only types.
export const REPORT_FORMATS = ["text", "markdown", "html", "pdf", "json"] as const;

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("cli/help.report")
    .argument("[file]", "cli/help.report.file")
    .option("--leads <file>", "cli/help.report.leads")
    .option("--deals <file>", "cli/help.report.deals")
    .option("--actuals <file>", "cli/help.report.actuals")
    .addOption(new Option("--through <month>", "cli/help.report.through").argParser(parseMonth))
    .addOption(new Option("-f, --format <format>", "cli/help.report.format").choices(REPORT_FORMATS))
    .option("-o, --output <file>", "cli/help.report.output")
    .addOption(new Option("--fail-on <status>", "cli/help.report.fail-on").choices(FAIL_ON))
    .addOption(completeWith(new Option("--breaches <count>", "cli/help.report.breaches").argParser(parseCount), ["all"]))
    .addOption(completeWith(new Option("--locale <tag>", "cli/help.report.locale").argParser(parseLocaleOption), LANGUAGES))
    .addOption(new Option("--paper <size>", "cli/help.render.paper").choices(["a4", "letter"]).default("a4"))
    .option("--color", "cli/help.color")
    .option("--no-color", "cli/help.no-color")
    .addHelpText("after", () => wordHelp("cli/help.report.after"))
    .action(async (file: string | undefined, options) => {
      // The engine, the measuring and the writers load only here.
      const { runReport } = await import("./actions/report.js");
      process.exitCode = await runReport(file, options);
    });
}

/** `--breaches 100` or `--breaches all` (every one). */
function parseCount(value: string): number {
  if (value === "all") return Infinity;
  // Any whole number: one larger than there are breaches lists them all.
  if (!/^\d+$/.test(value)) throw new UsageError(message("cli/report.breaches", { value }));
  return Number(value);
}

/** `--through 2026-10`: a calendar month, written as the JSON report writes it. */
function parseMonth(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new UsageError(message("cli/report.through", { value }));
  return value;
}
