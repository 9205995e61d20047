import type { Command } from "commander";
import { Option } from "commander";
import { localeOption } from "./locale.js";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("cli/help.rules")
    .addOption(new Option("-f, --format <format>", "cli/help.format").choices(["text", "json", "markdown"]).default("text"))
    .addOption(localeOption())
    .action(async (options: { format: "text" | "json" | "markdown" }) => {
      process.stdout.write((await import("./actions/rules.js")).formatRules(options.format));
    });
}
