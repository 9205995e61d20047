import type { Command } from "commander";
import { Option } from "commander";
import { BUILT_IN_LANGUAGES } from "../render/labels.js";
import { completeWith } from "./completion.js";

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("render the agreement to sign: Markdown, printable HTML or PDF")
    .argument("<file>", "the SLA file (`-` for standard input)")
    .option("-o, --output <file>", "file to write; the format follows its extension; `-` writes to standard output (a PDF only to a file or a pipe)")
    .addOption(new Option("-f, --format <format>", "md, html or pdf (default: from the output's extension, else md)").choices(["md", "html", "pdf"]))
    .addOption(
      completeWith(new Option("--locale <tag>", "language of labels, numbers and dates, e.g. de-DE (default: the agreement's language)"), BUILT_IN_LANGUAGES),
    )
    .option("--template <dir>", "your own Handlebars templates (document.md.hbs, document.html.hbs, partials/)")
    .addOption(new Option("--paper <size>", "paper size for HTML and PDF").choices(["a4", "letter"]).default("a4"))
    .action(async (file: string, options) => {
      // The PDF engine, fonts and templates load only here.
      const { runRender } = await import("./actions/render.js");
      process.exitCode = await runRender(file, options);
    });
}
