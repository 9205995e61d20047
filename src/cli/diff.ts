import type { Command } from "commander";
import { Option } from "commander";
import { CHANGE_CLASSES } from "../diff/model.js";
import { UsageError } from "../errors.js";
import { completeWith } from "./completion.js";
import { parseLocaleOption } from "../i18n/languages.js";
import { message } from "../i18n/message.js";
import { helpText, wordHelp } from "./help.js";

const FAIL_ON = ["any", ...CHANGE_CLASSES] as const;

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("cli/help.diff")
    .usage("[options] <old.yaml> <new.yaml> | <rev> [<rev>] [-- <file>] | <rev>..<rev> [-- <file>]")
    .argument("<old>", "cli/help.diff.old")
    .argument("[new]", "cli/help.diff.new")
    .argument("[file...]", "cli/help.diff.file")
    .addOption(new Option("-f, --format <format>", "cli/help.format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(
      completeWith(new Option("--fail-on <classes>", helpText("cli/help.diff.fail-on", { classes: FAIL_ON.join(", ") })).argParser(parseClasses), FAIL_ON),
    )
    .option("-o, --output <file>", "cli/help.output-report")
    .option("--locale <tag>", "cli/help.diff.locale", parseLocaleOption)
    .option("--color", "cli/help.color")
    .option("--no-color", "cli/help.no-color")
    .addHelpText("after", () => wordHelp("cli/help.diff.after"))
    .action(async (_old: string, _new: string | undefined, _files: string[], options, command: Command) => {
      const { runDiff } = await import("./actions/diff.js");
      process.exitCode = await runDiff(command.args, options, argumentsOf(command));
    });
}

/**
 * The arguments the program was run with, for where `--` was: commander passes the operands
 * after it with the others. Commander keeps them in `rawArgs` (not in its typings); they are
 * not always process.argv, as the GitHub Action runs commands in-process.
 */
function argumentsOf(command: Command): string[] {
  let root = command;
  while (root.parent) root = root.parent;
  return (root as Command & { rawArgs?: string[] }).rawArgs ?? process.argv;
}

function parseClasses(value: string): string[] {
  const classes = value
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  // An empty list would make the gate pass silently, which is never what a CI step means.
  if (classes.length === 0) throw new UsageError(message("cli/diff.fail-on-empty", { classes: FAIL_ON.join(", ") }));
  for (const cls of classes)
    if (!(FAIL_ON as readonly string[]).includes(cls)) throw new UsageError(message("cli/diff.fail-on-unknown", { value: cls, classes: FAIL_ON.join(", ") }));
  return classes;
}
