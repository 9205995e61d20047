// The GitHub Action (action.yml): `sla validate --format github` on the paths it is given, and
// on pull requests, when asked, the Markdown `sla diff` against the base branch appended to the
// job summary. Both run in this process through the CLI's own program, so that options, exit
// codes and messages are the CLI's; only validate and diff are registered, so that the bundle
// (scripts/build-action.mjs) holds nothing of render. Inputs come as GitHub passes them to a
// JavaScript action: INPUT_<NAME> in upper case, hyphens kept (INPUT_MAX-WARNINGS).
import { message } from "../i18n/message.js";
import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { registerDiff } from "../cli/diff.js";
import { EXIT } from "../cli/exit.js";
import { createProgram, guardOutput, runProgram } from "../cli/program.js";
import { registerValidate } from "../cli/validate.js";
import { UsageError } from "../errors.js";
import { visible } from "../util/visible.js";

type Env = Readonly<Record<string, string | undefined>>;

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
}

/** What the action runs, read from its environment; UsageError for an input it cannot take. */
export function actionPlan(env: Env): { validate: string[]; diff?: { baseRef: string; args: string[]; summary: string } } {
  // Split on white space only: a path is data, never glob-expanded here (sla expands
  // teams/**/sla.yaml itself) and, after `--`, never an option, even `-o`.
  const paths = input(env, "paths").split(/\s+/).filter(Boolean);
  const maxWarnings = input(env, "max-warnings");
  // `=`: the value is one argument, whatever it holds; sla checks it and says what is wrong.
  // Threads pay only from hundreds of files, and the action is one file: no worker beside it.
  const validate = ["validate", "--format", "github", "--concurrency", "off", ...(maxWarnings ? [`--max-warnings=${maxWarnings}`] : []), "--", ...paths];

  const diff = input(env, "diff");
  if (!["", "true", "false"].includes(diff)) throw new UsageError(message("cli/action.diff-input", { value: diff }));
  if (diff !== "true" || env.GITHUB_EVENT_NAME !== "pull_request") return { validate };
  const baseRef = env.GITHUB_BASE_REF ?? "";
  // A branch name never starts with `-`; an empty one means the event lacks what diff needs.
  if (!baseRef || baseRef.startsWith("-")) throw new UsageError(message("cli/action.base-ref", { value: baseRef }));
  const summary = env.GITHUB_STEP_SUMMARY ?? "";
  if (!summary) throw new UsageError(message("cli/action.no-summary"));
  const file = input(env, "diff-file");
  return { validate, diff: { baseRef, summary, args: ["diff", "--format", "markdown", `origin/${baseRef}`, ...(file ? ["--", file] : [])] } };
}

/** The exit code: validate's; when validation passed, 2 if the summary could not be made. */
export async function runAction(env: Env = process.env): Promise<number> {
  let plan: ReturnType<typeof actionPlan>;
  try {
    plan = actionPlan(env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sla: ${visible(error.message)}\n`);
    return EXIT.usage;
  }
  if (env.GITHUB_WORKSPACE) process.chdir(env.GITHUB_WORKSPACE);
  const validated = await runProgram(createProgram([registerValidate]), plan.validate);
  // Also after a failed validation: reviewers want to see what the pull request changes.
  const summarised = plan.diff ? await summarise(plan.diff) : EXIT.ok;
  return validated !== EXIT.ok ? validated : summarised;
}

async function summarise({ baseRef, args, summary }: { baseRef: string; args: string[]; summary: string }): Promise<number> {
  // The base branch, as actions/checkout fetches only the commit it checks out. Its one commit
  // is all the diff reads. The destination is spelled out: `git fetch origin <branch>` updates
  // origin/<branch> only when the checkout's fetch refspec covers it, and a single-branch
  // clone's does not. Git's progress goes to standard error, keeping standard output for
  // annotations.
  const refspec = `+refs/heads/${baseRef}:refs/remotes/origin/${baseRef}`;
  const fetched = spawnSync("git", ["fetch", "--no-tags", "--depth=1", "origin", refspec], { stdio: ["ignore", 2, 2] });
  if (fetched.error || fetched.status !== 0) {
    process.stderr.write(`sla: cannot fetch the base branch ${visible(baseRef)} from origin${fetched.error ? `: ${fetched.error.message}` : ""}\n`);
    return EXIT.usage;
  }
  // The diff writes its report to standard output; here it goes to the summary instead.
  const report: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => (
    report.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")),
    true
  )) as typeof process.stdout.write;
  let code: number;
  try {
    code = await runProgram(createProgram([registerDiff]), args);
  } finally {
    process.stdout.write = write;
  }
  try {
    appendFileSync(summary, report.join(""));
  } catch (error) {
    process.stderr.write(`sla: cannot write the job summary: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.usage;
  }
  return code;
}

guardOutput();
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = process.env.SLA_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`sla: internal error: ${detail}\nPlease report this with the workflow that ran the action (set SLA_DEBUG=1 for details).\n`);
    process.exitCode = EXIT.usage;
  },
);
