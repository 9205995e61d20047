// The command line as a function of its arguments: the program's settings, the guard on what
// reaches the terminal, and the mapping of failures to exit codes (0 ok, 1 findings, 2 usage or
// I/O). No stack trace reaches the user. The `sla` command (main.ts) runs it with every
// command; the GitHub Action (src/action/main.ts) with validate and diff only, in its own
// process, so that its bundle holds nothing else.
import { Command, CommanderError, type Help } from "commander";
import { ConfigError, SlaError, SourceError } from "../errors.js";
import { message, type Message } from "../i18n/message.js";
import { EXIT } from "./exit.js";
import { say } from "./locale.js";
import { SlaHelp } from "./help.js";
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
    process.stderr.write(`sla: ${say(message("cli/write.output", { detail: error.code ?? error.message }))}\n`);
    process.exit(EXIT.usage);
  });
}

/**
 * commander's own errors (an unknown option, a missing argument, a value not among the
 * choices, too many arguments) worded in the terminal's language; recognised by their code,
 * their details taken from commander's English text. Any other is left as commander says it.
 */
class SlaCommand extends Command {
  override createCommand(name?: string): Command {
    return new SlaCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new SlaHelp(), this.configureHelp());
  }

  override error(text: string, options?: { code?: string; exitCode?: number }): never {
    const said = commanderMessage(text.replace(/^error: /, ""), options?.code);
    // The hint is worded here, not given to showHelpAfterError when the program is made: that
    // would read the catalogs on every run, also the many with nothing to say.
    return super.error(`${said === undefined ? text : say(said)}\n${say(message("cli/commander.help-hint"))}`, options);
  }
}

/** commander's error codes, the English text it words each with, and the message it becomes. */
const COMMANDER_ERRORS: Readonly<Record<string, { text: RegExp; said: (m: RegExpMatchArray) => Message }>> = {
  "commander.unknownOption": {
    text: /^unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/,
    said: (m) =>
      m[2] === undefined
        ? message("cli/commander.unknown-option", { name: m[1]! })
        : message("cli/commander.unknown-option.suggestion", { name: m[1]!, suggestion: m[2] }),
  },
  "commander.unknownCommand": {
    text: /^unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/,
    said: (m) =>
      m[2] === undefined
        ? message("cli/commander.unknown-command", { name: m[1]! })
        : message("cli/commander.unknown-command.suggestion", { name: m[1]!, suggestion: m[2] }),
  },
  "commander.missingArgument": {
    text: /^missing required argument '([^']*)'$/,
    said: (m) => message("cli/commander.missing-argument", { argument: m[1]! }),
  },
  "commander.optionMissingArgument": {
    text: /^option '([^']*)' argument missing$/,
    said: (m) => message("cli/commander.option-missing-argument", { option: m[1]! }),
  },
  "commander.invalidArgument": {
    text: /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s,
    said: (m) => message("cli/commander.invalid-choice", { option: m[1]!, value: m[2]!, choices: m[3]! }),
  },
  "commander.excessArguments": {
    text: /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    said: (m) => message("cli/commander.too-many-arguments", { command: m[1] ?? "sla", expected: Number(m[2]), got: Number(m[3]) }),
  },
};

function commanderMessage(text: string, code: string | undefined): Message | undefined {
  const known = code === undefined ? undefined : COMMANDER_ERRORS[code];
  const m = known && text.match(known.text);
  return known && m ? known.said(m) : undefined;
}

/** A program with the given commands registered. */
export function createProgram(commands: readonly ((program: Command) => void)[]): Command {
  const program = new SlaCommand("sla")
    .description("cli/help.sla")
    .version(toolVersion(), "-V, --version", "cli/help.version")
    .helpOption("-h, --help", "cli/help.help")
    .helpCommand("help [command]", "cli/help.help")
    .exitOverride()
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
  // Worded here, in the terminal's language; `.message` stays English for library users.
  if (error instanceof ConfigError) {
    process.stderr.write(`sla: ${visible(error.place)}: ${visible(say(error.said))}\n`);
  } else if (error instanceof SourceError) {
    process.stderr.write(`sla: ${visible(error.file)}: ${visible(say(error.said))}\n`);
  } else if (error instanceof SlaError) {
    process.stderr.write(`sla: ${visible(say(error.said))}\n`);
  } else {
    const detail = process.env.SLA_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`sla: ${say(message("cli/internal-error", { detail: String(detail) }))}\n${say(message("cli/internal-error.report"))}\n`);
  }
  return EXIT.usage;
}
