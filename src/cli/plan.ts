import type { Command } from "commander";
import { Option } from "commander";
import { parseLocaleOption } from "../i18n/languages.js";
import { wordHelp } from "./help.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description("cli/help.plan")
    .argument("<file>", "cli/help.sla-file-stdin")
    .addOption(new Option("-f, --format <format>", "cli/help.format").choices(["text", "markdown", "json"]).default("text"))
    .option("--set <kpi=value>", "cli/help.plan.set", collect)
    .option("--write", "cli/help.plan.write")
    .option("--dry-run", "cli/help.plan.dry-run")
    .option("--allow-lower", "cli/help.plan.allow-lower")
    .option("--next", "cli/help.plan.next")
    .option("--report <file>", "cli/help.plan.report")
    .option("--leads <file>", "cli/help.plan.leads")
    .option("--deals <file>", "cli/help.plan.deals")
    .option("--actuals <file>", "cli/help.plan.actuals")
    .option("--through <month>", "cli/help.plan.through")
    .option("--revenue <amount>", "cli/help.plan.revenue")
    .option("--min-sample <cases>", "cli/help.plan.min-sample")
    .option("--next-version <version>", "cli/help.plan.next-version")
    .option("-o, --output <file>", "cli/help.plan.output")
    .option("--locale <tag>", "cli/help.plan.locale", parseLocaleOption)
    .option("--color", "cli/help.color")
    .option("--no-color", "cli/help.no-color")
    .addHelpText("after", () => wordHelp("cli/help.plan.after"))
    .action(async (file: string, options) => {
      // The planner, its formats and the report's reader load only here.
      const { runPlan } = await import("./actions/plan.js");
      process.exitCode = await runPlan(file, options);
    });
}
