import type { Command } from "commander";
import { Option } from "commander";
import { BUILT_IN_LANGUAGES } from "../render/labels.js";
import { completeWith } from "./completion.js";

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("cli/help.render")
    .argument("<file>", "cli/help.sla-file-stdin")
    .option("-o, --output <file>", "cli/help.render.output")
    .addOption(new Option("-f, --format <format>", "cli/help.render.format").choices(["md", "html", "pdf"]))
    .addOption(completeWith(new Option("--locale <tag>", "cli/help.render.locale"), BUILT_IN_LANGUAGES))
    .option("--template <dir>", "cli/help.render.template")
    .addOption(new Option("--paper <size>", "cli/help.render.paper").choices(["a4", "letter"]).default("a4"))
    .option("--changes-since <rev|file>", "cli/help.render.changes-since")
    .action(async (file: string, options) => {
      // The PDF engine, fonts and templates load only here.
      const { runRender } = await import("./actions/render.js");
      process.exitCode = await runRender(file, options);
    });
}
