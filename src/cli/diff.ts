import type { Command } from "commander";
import { Option } from "commander";
import { CHANGE_CLASSES } from "../diff/model.js";
import { UsageError } from "../errors.js";
import { completeWith } from "./completion.js";
import { parseLocaleOption } from "../i18n/languages.js";
import { message } from "../i18n/message.js";

const FAIL_ON = ["any", ...CHANGE_CLASSES] as const;

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("show what changed between two versions of an agreement: two files, or Git revisions of one")
    .usage("[options] <old.yaml> <new.yaml> | <rev> [<rev>] [-- <file>] | <rev>..<rev> [-- <file>]")
    .argument("<old>", "the agreement in force: a file, or a Git revision")
    .argument("[new]", "the proposal: a file, or a Git revision (default: the working copy)")
    .argument("[file...]", "after `--`: the SLA file to compare at the revisions (default: the repository's only SLA file)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(
      completeWith(
        new Option("--fail-on <classes>", `exit 1 when a change has one of these classes, comma-separated: ${FAIL_ON.join(", ")}`).argParser(parseClasses),
        FAIL_ON,
      ),
    )
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option(
      "--locale <tag>",
      "language of the report: en, de, tr or ja (default: Markdown in the agreement's language, text and JSON from LC_ALL, LC_MESSAGES or LANG)",
      parseLocaleOption,
    )
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .addHelpText(
      "after",
      "\nExamples:\n  sla diff sla.yaml proposal.yaml\n  sla diff v2026-H1 v2026-H2 -- sla.yaml\n  sla diff main..HEAD -f markdown\n  sla diff HEAD~1 --fail-on loosened,removed\n\nExit codes: 0 compared, 1 a --fail-on class occurred, 2 usage, I/O, Git or parse error.",
    )
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
