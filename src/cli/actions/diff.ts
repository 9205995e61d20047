import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { diffSla, type SlaDiff } from "../../diff/index.js";
import { InputError, UsageError } from "../../errors.js";
import { type Input, resolveInputs } from "../../load/discover.js";
import { isInsideRepository, isRevision, MissingAtRevisionError, readAtRevision } from "../../load/git.js";
import { checkAgreement } from "../../check.js";
import { decodeSource } from "../../load/read-source.js";
import type { Sla } from "../../model/index.js";
import { describeProblems } from "../../validate/index.js";
import { loadPaint } from "../../format/paint.js";
import { useColor } from "../color.js";
import { EXIT, readSource, refuseOutputOverInput } from "../io.js";
import { writeFileAtomic } from "../write-file.js";
import { environmentLocale, languageOf } from "../../i18n/languages.js";
import { safeLocale } from "../../domain/text.js";
import { message } from "../../i18n/message.js";
import { terminalLocale } from "../locale.js";

export interface DiffOptions {
  format: "text" | "markdown" | "json";
  failOn?: string[];
  output?: string;
  color?: boolean;
  /** From `--locale`, already checked. */
  locale?: string;
}

interface Side {
  /** Shown in output: `sla.yaml` or `sla.yaml@v2026-H1`. */
  name: string;
  /** Undefined when the file does not exist at this revision (or in the working copy). */
  text: string | undefined;
  /** For a side read from Git: the revision, and the file's path in the working copy. */
  rev?: string;
  path?: string;
}

/** `argv`: the command line the operands came from, which says where `--` was. */
export async function runDiff(operands: string[], options: DiffOptions, argv: readonly string[] = process.argv): Promise<number> {
  const [before, after] = await resolveSides(operands, argv, process.cwd());
  // A side read from Git still names a file of the working copy: a report there would replace it.
  refuseOutputOverInput(
    options.output,
    [before, after].map((side) => side.path ?? side.name),
    "report",
  );
  const diff = diffSla(load(before), load(after));
  const report = await format(diff, options);
  if (options.output) await writeFileAtomic(options.output, report);
  else process.stdout.write(report);
  return failed(diff, options.failOn) ? EXIT.findings : EXIT.ok;
}

function failed(diff: SlaDiff, failOn: string[] | undefined): boolean {
  if (!failOn?.length) return false;
  return diff.changes.some((c) => failOn.includes("any") || c.classes.some((cls) => failOn.includes(cls)));
}

/**
 * The language of the output: `--locale` if given; else Markdown, a document for the review
 * meeting, speaks the agreement's language (the proposal's, else the one in force), and the
 * terminal and JSON speak the user's (LC_ALL, LC_MESSAGES, LANG); English otherwise.
 */
export function diffLocale(diff: SlaDiff, format: DiffOptions["format"], option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return option;
  if (format === "markdown") {
    const tag = safeLocale(diff.new.language ?? diff.old.language);
    return tag !== undefined && languageOf(tag) !== undefined ? tag : "en";
  }
  return environmentLocale(env);
}

async function format(diff: SlaDiff, options: DiffOptions): Promise<string> {
  const locale = diffLocale(diff, options.format, options.locale);
  switch (options.format) {
    case "json":
      return (await import("../../format/diff-json.js")).formatDiffJson(diff, { locale });
    case "markdown":
      return (await import("../../format/diff-markdown.js")).formatDiffMarkdown(diff, { locale });
    case "text":
      return (await import("../../format/diff-text.js")).formatDiffText(diff, {
        paint: await loadPaint(options.output ? false : useColor(process.stdout, options.color)),
        locale,
      });
  }
}

/** Either side must be a well-formed SLA; rule findings (the reason for a proposal) do not matter. */
function load(side: Side): { file: string; sla: Sla | undefined } {
  if (side.text === undefined) return { file: side.name, sla: undefined };
  const locale = terminalLocale();
  const { sla, findings } = checkAgreement(side.name, side.text, { level: "structure", locale });
  const problem = describeProblems(
    side.name,
    findings,
    message("cli/see-all", { command: side.rev ? `git show ${side.rev}:${side.path} | sla validate -` : `sla validate ${side.name}` }),
    locale,
  );
  if (problem) throw new UsageError(message("cli/diff.cannot-compare", { problem }));
  return { file: side.name, sla };
}

/**
 * Two existing files are compared as files. Otherwise the operands are revisions: `A B`,
 * `A..B`, or `A` alone (against the working copy), of the file named after `--`.
 */
async function resolveSides(operands: string[], argv: readonly string[], cwd: string): Promise<[Side, Side]> {
  // commander passes the operands after `--` with the others; only argv says where it was.
  const dashdash = argv.indexOf("--");
  const paths = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
  const revs = operands.slice(0, operands.length - paths.length);
  if (paths.length > 1) throw new UsageError(message("cli/diff.one-file-after-dashes"));

  if (paths.length === 0 && revs.length === 2 && revs.every((r) => isFile(cwd, r))) {
    return [fileSide(revs[0]!), fileSide(revs[1]!)];
  }
  if (revs.length === 0 || revs.length > 2) throw new UsageError(message("cli/diff.operands"));
  // A directory is named as such, unless it is also a revision (a branch `docs` beside `docs/`).
  const directory = revs.find((r) => existsSync(r) && statSync(r).isDirectory() && !(isInsideRepository(cwd) && isRevision(r, cwd)));
  if (directory !== undefined) throw new UsageError(message("cli/diff.directory", { directory }));
  // A name ending in .yaml is meant as a file, not a revision: say it is missing.
  const missing = revs.find((r) => /\.ya?ml$/i.test(r) && !isFile(cwd, r));
  if (missing) throw new InputError(message("cli/file-problem", { file: missing, problem: message("cli/io.no-such-file") }));
  let [from, to] = revs as [string, string | undefined];
  if (revs.length === 1 && from.includes("..")) {
    const [a, b] = from.split(/\.\.\.?/);
    if (!a || !b) throw new UsageError(message("cli/diff.range", { range: from }));
    [from, to] = [a, b];
  }
  if (revs.length === 2 && isFile(cwd, revs[1]!) && paths.length === 0)
    throw new UsageError(message("cli/diff.revision-and-file", { rev: from, file: revs[1]! }));
  // Named relative to the working directory, as git names paths (`../sla.yaml` from below).
  const found = paths[0] === undefined ? await theOnlySlaFile(cwd) : undefined;
  const file = paths[0] ?? relative(cwd, resolve(cwd, found!.file));
  const at = (rev: string): Side => ({ name: `${file}@${rev}`, text: decodeSource(`${file}@${rev}`, readAtRevision(rev, file, cwd)), rev, path: file });
  return oneMayBeMissing(
    () => at(from),
    () => (to ? at(to) : workingCopySide(file, found?.within)),
    () => (to ? { name: `${file}@${to}`, text: undefined, rev: to, path: file } : { name: file, text: undefined }),
    { name: `${file}@${from}`, text: undefined, rev: from, path: file },
  );
}

/**
 * A file missing on one side is a diff in which everything is added (a pull request that
 * adds the SLA) or removed; missing on both sides it is an error, as any unknown file is.
 */
function oneMayBeMissing(readOld: () => Side, readNew: () => Side, missingNew: () => Side, missingOld: Side): [Side, Side] {
  const attempt = (read: () => Side): Side | MissingAtRevisionError => {
    try {
      return read();
    } catch (error) {
      if (error instanceof MissingAtRevisionError) return error;
      throw error;
    }
  };
  const before = attempt(readOld);
  const after = attempt(readNew);
  if (before instanceof MissingAtRevisionError && after instanceof MissingAtRevisionError) throw before;
  return [before instanceof MissingAtRevisionError ? missingOld : before, after instanceof MissingAtRevisionError ? missingNew() : after];
}

function isFile(cwd: string, path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function fileSide(file: string, within?: string): Side {
  return { name: file, text: readSource(file, within) };
}

/** The working copy beside a revision: a file deleted there is missing, as at a revision. */
function workingCopySide(file: string, within?: string): Side {
  if (!existsSync(file)) throw new MissingAtRevisionError(message("cli/diff.missing-in-working-copy", { file }));
  return fileSide(file, within);
}

async function theOnlySlaFile(cwd: string): Promise<Input> {
  if (!isInsideRepository(cwd)) throw new InputError(message("cli/diff.not-a-repository"));
  const files = await resolveInputs([], cwd);
  if (files.length > 1) throw new InputError(message("cli/diff.many-sla-files", { count: files.length, example: files[0]!.file }));
  return files[0]!;
}
