import { findFingerprint, fingerprint } from "../../domain/fingerprint.js";
import { parseSla } from "../../load/parse.js";
import { describeStructuralProblem } from "../../validate/index.js";
import { UsageError } from "../../errors.js";
import { ReadRefusal, readBounded } from "../../load/bounded-read.js";
import { EXIT, readSource } from "../io.js";
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
    bytes = readBounded(document, { maxBytes: MAX_DOCUMENT_BYTES, what: "a document to verify" });
  } catch (error) {
    if (error instanceof ReadRefusal) throw new UsageError(`${document}: ${error.message}`);
    throw error;
  }
  const found = findFingerprint(bytes);
  if (!found) throw new UsageError(`${document}: no sla fingerprint found; was it rendered by \`sla render\`?`);
  if (found === expected) {
    report(`✔ ${visible(document)} was rendered from ${visible(file)} (${expected})\n`);
    return EXIT.ok;
  }
  report(`✖ ${visible(document)} was not rendered from ${visible(file)} as it is now\n  document: ${visible(found)}\n  file:     ${expected}\n`);
  return EXIT.findings;
}

/** The fingerprint of a well-formed SLA file; malformed files are refused. */
function fingerprintOf(file: string): string {
  const parsed = parseSla(file === "-" ? "<stdin>" : file, readSource(file));
  const problem = describeStructuralProblem(parsed, file === "-" ? "see them all with: sla validate -" : `see them all with: sla validate ${file}`);
  if (problem) throw new UsageError(problem);
  return fingerprint(parsed.data);
}
