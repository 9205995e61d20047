import type { Command } from "commander";
import { Option } from "commander";
import { existsSync, statSync } from "node:fs";
import { CHANGE_CLASSES, diffSla, type SlaDiff } from "../diff/index.js";
import { InputError, resolveInputs } from "../load/discover.js";
import { readAtRevision } from "../load/git.js";
import { parseSla } from "../load/parse.js";
import { decodeSource } from "../load/read-source.js";
import type { Sla } from "../model/index.js";
import { structuralFindings } from "../validate/index.js";
import { useColor } from "./color.js";
import { EXIT, readSource, UsageError, writeFileAtomic } from "./io.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["any", ...CHANGE_CLASSES] as const;

interface DiffOptions {
  format: (typeof FORMATS)[number];
  failOn?: string[];
  output?: string;
  color?: boolean;
}

interface Side {
  /** Shown in output: `sla.yaml` or `sla.yaml@v2026-H1`. */
  name: string;
  text: string;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("show what changed between two versions of an agreement: two files, or Git revisions of one")
    .usage("[options] <old.yaml> <new.yaml> | <rev> [<rev>] [-- <file>] | <rev>..<rev> [-- <file>]")
    .argument("<old>", "the agreement in force: a file, or a Git revision")
    .argument("[new]", "the proposal: a file, or a Git revision (default: the working copy)")
    .argument("[file...]", "after `--`: the SLA file to compare at the revisions (default: the repository's only SLA file)")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("--fail-on <classes>", `exit 1 when a change has one of these classes, comma-separated: ${FAIL_ON.join(", ")}`, parseClasses)
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .action(async (_old: string, _new: string | undefined, _files: string[], options: DiffOptions, command: Command) => {
      const [before, after] = await resolveSides(command.args, process.argv, process.cwd());
      const diff = diffSla(load(before), load(after));
      const report = await format(diff, options);
      if (options.output) writeFileAtomic(options.output, report);
      else process.stdout.write(report);
      process.exitCode = failed(diff, options.failOn) ? EXIT.findings : EXIT.ok;
    });
}

function parseClasses(value: string): string[] {
  const classes = value.split(",").map((c) => c.trim()).filter(Boolean);
  for (const cls of classes)
    if (!(FAIL_ON as readonly string[]).includes(cls)) throw new UsageError(`--fail-on: \`${cls}\` is not a change class; use ${FAIL_ON.join(", ")}`);
  return classes;
}

function failed(diff: SlaDiff, failOn: string[] | undefined): boolean {
  if (!failOn?.length) return false;
  return diff.changes.some((c) => failOn.includes("any") || c.classes.some((cls) => failOn.includes(cls)));
}

async function format(diff: SlaDiff, options: DiffOptions): Promise<string> {
  switch (options.format) {
    case "json":
      return (await import("../format/diff-json.js")).formatDiffJson(diff);
    case "markdown":
      return (await import("../format/diff-markdown.js")).formatDiffMarkdown(diff);
    case "text":
      return (await import("../format/diff-text.js")).formatDiffText(diff, {
        color: options.output ? false : useColor(process.stdout, options.color),
      });
  }
}

/** Either side must be a well-formed SLA; rule findings (the reason for a proposal) do not matter. */
function load(side: Side): { file: string; sla: Sla } {
  const parsed = parseSla(side.name, side.text);
  const problems = structuralFindings(parsed);
  if (problems.length) {
    const first = problems[0]!;
    const where = first.start ? `${side.name}:${first.start.line}:${first.start.column}` : side.name;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run \`sla validate\` on it)` : "";
    throw new UsageError(`cannot compare: ${where}: ${first.message}${more}`);
  }
  return { file: side.name, sla: parsed.data as Sla };
}

/**
 * Two existing files are compared as files. Otherwise the operands are revisions: `A B`,
 * `A..B`, or `A` alone (against the working copy), of the file named after `--`.
 */
async function resolveSides(operands: string[], argv: string[], cwd: string): Promise<[Side, Side]> {
  const dashdash = argv.indexOf("--");
  const paths = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
  const revs = operands.slice(0, operands.length - paths.length);
  if (paths.length > 1) throw new UsageError("name one SLA file after `--`");

  if (paths.length === 0 && revs.length === 2 && revs.every((r) => isFile(cwd, r))) {
    return [fileSide(revs[0]!), fileSide(revs[1]!)];
  }
  if (revs.length === 0 || revs.length > 2) throw new UsageError("give two files, or one or two Git revisions (see `sla diff --help`)");
  let [from, to] = revs as [string, string | undefined];
  if (revs.length === 1 && from.includes("..")) {
    const [a, b] = from.split(/\.\.\.?/);
    if (!a || !b) throw new UsageError(`\`${from}\`: write a range as <rev>..<rev>`);
    [from, to] = [a, b];
  }
  if (revs.length === 2 && isFile(cwd, revs[1]!) && paths.length === 0)
    throw new UsageError(`\`${from}\` is not a file; to compare a revision with a file, write: sla diff ${from} -- ${revs[1]}`);
  const file = paths[0] ?? (await theOnlySlaFile(cwd));
  const at = (rev: string): Side => ({ name: `${file}@${rev}`, text: decodeSource(`${file}@${rev}`, readAtRevision(rev, file, cwd)) });
  return [at(from), to ? at(to) : fileSide(file)];
}

function isFile(cwd: string, path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function fileSide(file: string): Side {
  return { name: file, text: readSource(file) };
}

async function theOnlySlaFile(cwd: string): Promise<string> {
  const files = await resolveInputs([], cwd);
  if (files.length > 1) throw new InputError(`this repository has ${files.length} SLA files; name one after \`--\`, e.g. sla diff HEAD~1 -- ${files[0]}`);
  return files[0]!;
}
