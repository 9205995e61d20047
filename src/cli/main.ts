// The command line: a thin layer that wires commands to the core and maps failures to
// exit codes (0 ok, 1 findings, 2 usage or I/O). No stack trace reaches the user.
import { Command, CommanderError } from "commander";
import { ConfigError, SlaError, SourceError } from "../errors.js";
import { message, type Message } from "../i18n/message.js";
import { say } from "./locale.js";
import { registerCompletion } from "./completion.js";
import { registerDiff } from "./diff.js";
import { registerFingerprint } from "./fingerprint.js";
import { registerInit } from "./init.js";
import { registerRender } from "./render.js";
import { EXIT } from "./exit.js";
import { registerRules } from "./rules.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";
import { toolVersion } from "./version.js";
import { terminalText, visible } from "../util/visible.js";

// Standard error carries messages that quote the agreement, file names and Git's words. Each
// is made visible where it is written; this last guard keeps any that was not from acting
// on the terminal or on a CI runner (control sequences, workflow commands).
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: unknown, ...rest: never[]) =>
  writeStderr((typeof chunk === "string" ? terminalText(chunk) : chunk) as string, ...rest)) as typeof process.stderr.write;

/**
 * commander's own errors (an unknown option, a missing argument, a value not among the
 * choices, too many arguments) worded in the terminal's language; recognised by their code,
 * their details taken from commander's English text. Any other is left as commander says it.
 */
class SlaCommand extends Command {
  override createCommand(name?: string): Command {
    return new SlaCommand(name);
  }

  override error(text: string, options?: { code?: string; exitCode?: number }): never {
    const said = commanderMessage(text.replace(/^error: /, ""), options?.code);
    return super.error(said === undefined ? text : say(said), options);
  }
}

/** commander's error codes, the English text it words each with, and the message it becomes. */
const COMMANDER_ERRORS: Readonly<Record<string, { text: RegExp; said: (m: RegExpMatchArray) => Message }>> = {
  "commander.unknownOption": {
    text: /^unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/,
    said: (m) => (m[2] === undefined ? message("cli/commander.unknown-option", { name: m[1]! }) : message("cli/commander.unknown-option.suggestion", { name: m[1]!, suggestion: m[2] })),
  },
  "commander.unknownCommand": {
    text: /^unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/,
    said: (m) => (m[2] === undefined ? message("cli/commander.unknown-command", { name: m[1]! }) : message("cli/commander.unknown-command.suggestion", { name: m[1]!, suggestion: m[2] })),
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

const program = new SlaCommand("sla")
  .description("SLA-as-code for sales and marketing teams: validate, diff and render the agreement")
  .version(toolVersion(), "-V, --version")
  .exitOverride()
  .showHelpAfterError(say(message("cli/commander.help-hint")))
  .configureOutput({ outputError: (text, write) => write(`sla: ${text.replace(/^error: /, "")}`) });

// `sla validate | head`: the reader has gone, which is not an error of ours. Any other failure
// to write (a full disk) is an I/O error, said in one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`sla: ${say(message("cli/write.output", { detail: error.code ?? error.message }))}\n`);
  process.exit(EXIT.usage);
});

registerValidate(program);
registerDiff(program);
registerRender(program);
registerFingerprint(program);
registerInit(program);
registerSchema(program);
registerRules(program);
registerCompletion(program);
for (const command of program.commands) command.exitOverride();

/** The run of the command line: settles when the command is done, with process.exitCode set. */
export const done: Promise<void> = (async () => {
  try {
    if (process.argv.length <= 2) {
      program.outputHelp({ error: true });
      process.exitCode = EXIT.usage;
    } else {
      await program.parseAsync(process.argv);
    }
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
})();

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
