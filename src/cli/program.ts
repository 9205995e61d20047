// The command line as a function of its arguments: the program's settings, the guard on what
// reaches the terminal, and the mapping of failures to exit codes (0 ok, 1 findings, 2 usage or
// I/O). No stack trace reaches the user. The `sla` command (main.ts) runs it with every
// command; the GitHub Action (src/action/main.ts) with validate and diff only, in its own
// process, so that its bundle holds nothing else.
import { Command, CommanderError } from "commander";
import { ConfigError, InputError, MissingPackageError, SourceError, UsageError } from "../errors.js";
import { EXIT } from "./exit.js";
import { toolVersion } from "./version.js";
import { terminalText, visible } from "../util/visible.js";

/**
 * Standard error carries messages that quote the agreement, file names and Git's words. Each
 * is made visible where it is written; this last guard keeps any that was not from acting on
 * the terminal or on a CI runner (control sequences, workflow commands). And `sla validate |
 * head`: the reader has gone, which is not an error of ours; any other failure to write (a full
 * disk) is an I/O error, said in one line. Once per process.
 */
export function guardOutput(): void {
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: unknown, ...rest: never[]) =>
    writeStderr((typeof chunk === "string" ? terminalText(chunk) : chunk) as string, ...rest)) as typeof process.stderr.write;

  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    process.stderr.write(`sla: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(EXIT.usage);
  });
}

/** A program with the given commands registered. */
export function createProgram(commands: readonly ((program: Command) => void)[]): Command {
  const program = new Command("sla")
    .description("SLA-as-code for sales and marketing teams: validate, diff and render the agreement")
    .version(toolVersion(), "-V, --version")
    .exitOverride()
    .showHelpAfterError("(run `sla --help` for usage)")
    .configureOutput({ outputError: (text, write) => write(`sla: ${text.replace(/^error: /, "")}`) });
  for (const register of commands) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs `args` (what follows `sla` on the command line) and settles with the exit code. The
 * commands report theirs in process.exitCode; it is read here and cleared, so that a caller
 * running several commands in one process gets each command's own.
 */
export async function runProgram(program: Command, args: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync(args, { from: "user" });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return exitCodeFor(error);
  } finally {
    process.exitCode = undefined;
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and --version end with a CommanderError too, but they are a success.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`sla: ${visible(error.place)}: ${visible(error.message)}\n`);
  } else if (error instanceof SourceError) {
    process.stderr.write(`sla: ${visible(error.file)}: ${visible(error.message)}\n`);
  } else if (error instanceof UsageError || error instanceof InputError || error instanceof MissingPackageError) {
    process.stderr.write(`sla: ${visible(error.message)}\n`);
  } else {
    const detail = process.env.SLA_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`sla: internal error: ${detail}\nPlease report this with the command you ran (set SLA_DEBUG=1 for details).\n`);
  }
  return EXIT.usage;
}
