// The `sla` command: every command, run on the process's arguments (program.ts has the rest).
import { registerCompletion } from "./completion.js";
import { registerDiff } from "./diff.js";
import { registerFingerprint } from "./fingerprint.js";
import { registerInit } from "./init.js";
import { registerPlan } from "./plan.js";
import { registerRender } from "./render.js";
import { registerReport } from "./report.js";
import { registerRules } from "./rules.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";
import { createProgram, guardOutput, runProgram } from "./program.js";

guardOutput();
const program = createProgram([
  registerValidate,
  registerDiff,
  registerRender,
  registerReport,
  registerPlan,
  registerFingerprint,
  registerInit,
  registerSchema,
  registerRules,
  registerCompletion,
]);

/** The run of the command line: settles when the command is done, with process.exitCode set. */
export const done: Promise<void> = runProgram(program, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
