import type { Command } from "commander";
import { localeOption } from "./locale.js";

export function registerFingerprint(program: Command): void {
  program
    .command("fingerprint")
    .description("print the SHA-256 fingerprint of an SLA's content, as printed in its rendered documents")
    .argument("<file>", "the SLA file (`-` for standard input)")
    .addOption(localeOption())
    .action(async (file: string) => {
      process.exitCode = (await import("./actions/fingerprint.js")).runFingerprint(file);
    });

  program
    .command("verify")
    .description("check that a rendered (signed) document was made from this SLA file; exit 1 if not")
    .argument("<file>", "the SLA file")
    .argument("<document>", "the rendered document: .md, .html or .pdf")
    .addOption(localeOption())
    .action(async (file: string, document: string) => {
      process.exitCode = (await import("./actions/fingerprint.js")).runVerify(file, document);
    });
}
