// The command line: a thin layer that wires commands to the core and maps failures to
// exit codes (0 ok, 1 findings, 2 usage or I/O). No stack trace reaches the user.
import { Command, CommanderError } from "commander";
import { ConfigError, InputError, MissingPackageError, SourceError, UsageError } from "../errors.js";
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

const program = new Command("sla")
  .description("SLA-as-code for sales and marketing teams: validate, diff and render the agreement")
  .version(toolVersion(), "-V, --version")
  .exitOverride()
  .showHelpAfterError("(run `sla --help` for usage)")
  .configureOutput({ outputError: (text, write) => write(`sla: ${text.replace(/^error: /, "")}`) });

// `sla validate | head`: the reader has gone, which is not an error of ours. Any other failure
// to write (a full disk) is an I/O error, said in one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`sla: cannot write the output: ${error.code ?? error.message}\n`);
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
