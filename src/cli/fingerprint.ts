import type { Command } from "commander";
import { localeOption } from "./locale.js";

export function registerFingerprint(program: Command): void {
  program
    .command("fingerprint")
    .description("cli/help.fingerprint")
    .argument("<file>", "cli/help.sla-file-stdin")
    .addOption(localeOption())
    .action(async (file: string) => {
      process.exitCode = (await import("./actions/fingerprint.js")).runFingerprint(file);
    });

  program
    .command("verify")
    .description("cli/help.verify")
    .argument("<file>", "cli/help.verify.file")
    .argument("<document>", "cli/help.verify.document")
    .addOption(localeOption())
    .action(async (file: string, document: string) => {
      process.exitCode = (await import("./actions/fingerprint.js")).runVerify(file, document);
    });
}
