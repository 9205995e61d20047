import { findFingerprint, fingerprint } from "../../domain/fingerprint.js";
import { checkAgreement } from "../../check.js";
import { describeProblems } from "../../validate/index.js";
import { UsageError } from "../../errors.js";
import { ReadRefusal, readBounded } from "../../load/bounded-read.js";
import { EXIT, readSource } from "../io.js";
import { message } from "../../i18n/message.js";
import { say, terminalLocale } from "../locale.js";
import { displayWidth } from "../../util/text-width.js";
import { noWorkflowCommands, visible } from "../../util/visible.js";

/** The report on standard output: it names the files as given, shown as visible.ts shows text. */
const report = (text: string) => process.stdout.write(noWorkflowCommands(text, "backslash"));

/** Far above any document `sla render` writes (tens of kilobytes, a few megabytes with fonts). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export function runFingerprint(file: string): number {
  process.stdout.write(`${fingerprintOf(file)}\n`);
  return EXIT.ok;
}

export function runVerify(file: string, document: string): number {
  const expected = fingerprintOf(file);
  let bytes: Buffer;
  try {
    bytes = readBounded(document, { maxBytes: MAX_DOCUMENT_BYTES, what: "document" });
  } catch (error) {
    if (error instanceof ReadRefusal) throw new UsageError(message("cli/file-problem", { file: document, problem: error.said }));
    throw error;
  }
  const found = findFingerprint(bytes);
  if (!found) throw new UsageError(message("cli/verify.no-fingerprint", { document }));
  if (found === expected) {
    report(`✔ ${say(message("cli/verify.match", { document: visible(document), file: visible(file), fingerprint: expected }))}\n`);
    return EXIT.ok;
  }
  report(`✖ ${say(message("cli/verify.mismatch", { document: visible(document), file: visible(file) }))}\n${fingerprintLines(visible(found), expected)}`);
  return EXIT.findings;
}

/** The two fingerprints under each other, their labels padded to the wider one as shown. */
function fingerprintLines(found: string, expected: string): string {
  const labels = [say(message("cli/verify.document-label")), say(message("cli/verify.file-label"))];
  const width = Math.max(...labels.map(displayWidth));
  return labels.map((label, i) => `  ${label}:${" ".repeat(width - displayWidth(label) + 1)}${i === 0 ? found : expected}\n`).join("");
}

/** The fingerprint of a well-formed SLA file; malformed files are refused. */
function fingerprintOf(file: string): string {
  const name = file === "-" ? "<stdin>" : file;
  const locale = terminalLocale();
  const { parsed, findings } = checkAgreement(name, readSource(file), { level: "structure", locale });
  const problem = describeProblems(name, findings, message("cli/see-all", { command: `sla validate ${file}` }), locale);
  if (problem) throw new UsageError(problem);
  return fingerprint(parsed.data);
}
