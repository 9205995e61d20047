import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { findFingerprint, fingerprint } from "../domain/fingerprint.js";
import { parseSla } from "../load/parse.js";
import { structuralFindings } from "../validate/index.js";
import { EXIT, describeIoError, readSource, UsageError } from "./io.js";

export function registerFingerprint(program: Command): void {
  program
    .command("fingerprint")
    .description("print the SHA-256 fingerprint of an SLA's content, as printed in its rendered documents")
    .argument("<file>", "the SLA file (`-` for standard input)")
    .action((file: string) => {
      process.stdout.write(`${fingerprintOf(file)}\n`);
    });

  program
    .command("verify")
    .description("check that a rendered (signed) document was made from this SLA file; exit 1 if not")
    .argument("<file>", "the SLA file")
    .argument("<document>", "the rendered document: .md, .html or .pdf")
    .action((file: string, document: string) => {
      const expected = fingerprintOf(file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(document);
      } catch (error) {
        throw new UsageError(`${document}: ${describeIoError(error)}`);
      }
      const found = findFingerprint(bytes);
      if (!found) throw new UsageError(`${document}: no sla fingerprint found; was it rendered by \`sla render\`?`);
      if (found === expected) {
        process.stdout.write(`✔ ${document} was rendered from ${file} (${expected})\n`);
        process.exitCode = EXIT.ok;
      } else {
        process.stdout.write(`✖ ${document} was not rendered from ${file} as it is now\n  document: ${found}\n  file:     ${expected}\n`);
        process.exitCode = EXIT.findings;
      }
    });
}

/** The fingerprint of a well-formed SLA file; malformed files are refused. */
function fingerprintOf(file: string): string {
  const name = file === "-" ? "<stdin>" : file;
  const parsed = parseSla(name, readSource(file));
  const problems = structuralFindings(parsed);
  if (problems.length) {
    const first = problems[0]!;
    throw new UsageError(`${name}${first.start ? `:${first.start.line}:${first.start.column}` : ""}: ${first.message} (run \`sla validate ${name}\`)`);
  }
  return fingerprint(parsed.data);
}
