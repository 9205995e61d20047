import type { Command } from "commander";
import { Option } from "commander";
import { countBySeverity, sortFindings } from "../findings.js";
import { resolveInputs } from "../load/discover.js";
import { loadConfig } from "../load/config-file.js";
import { parseSla } from "../load/parse.js";
import { SourceError } from "../load/read-source.js";
import { validateParsed } from "../validate/index.js";
import { FINDINGS_FORMATS, loadFindingsFormatter, type FindingsFormat, type FileReport } from "../format/index.js";
import { useColor } from "./color.js";
import { EXIT, readSource, UsageError, writeFileAtomic } from "./io.js";
import { toolVersion } from "./version.js";

interface ValidateOptions {
  format: FindingsFormat;
  quiet?: boolean;
  maxWarnings?: number;
  config?: string;
  output?: string;
  stdinFilename?: string;
  color?: boolean;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check SLA files against the schema and the rules; exit 1 on errors")
    .argument("[paths...]", "files, directories or globs; `-` reads standard input; none: the SLA files of this repository")
    .addOption(new Option("-f, --format <format>", "output format").choices(FINDINGS_FORMATS).default("stylish"))
    .option("-q, --quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseCount)
    .option("-c, --config <file>", "rule configuration (default: nearest .slarc.yaml up to the repository root)")
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--stdin-filename <name>", "name to show for standard input")
    .option("--color", "force colour")
    .option("--no-color", "no colour")
    .action(async (paths: string[], options: ValidateOptions) => {
      process.exitCode = await runValidate(paths, options);
    });
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings: \`${value}\` is not a whole number`);
  return Number(value);
}

async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd, options.config);
  const files = await resolveInputs(paths, cwd);
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  let unreadable = 0;
  for (const file of files) {
    const name = file === "-" ? (options.stdinFilename ?? "<stdin>") : file;
    let text: string;
    try {
      text = readSource(file);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      // Reported like any finding so machine formats carry it too; the exit code says 2.
      reports.push({ file: name, findings: [{ ruleId: "file/unreadable", severity: "error", message: error.message, file: name, path: [] }] });
      unreadable++;
      continue;
    }
    sources.set(name, text);
    let findings = validateParsed(parseSla(name, text), config);
    if (options.quiet) findings = findings.filter((f) => f.severity === "error");
    reports.push({ file: name, findings: sortFindings(findings) });
  }

  const format = await loadFindingsFormatter(options.format);
  const stream = options.output ? undefined : process.stdout;
  const report = format(reports, {
    color: stream ? useColor(stream, options.color) : false,
    sources,
    toolVersion: toolVersion(),
  });
  if (options.output) writeFileAtomic(options.output, report);
  else process.stdout.write(report);

  const { error, warning } = countBySeverity(reports.flatMap((r) => r.findings));
  if (unreadable) return EXIT.usage;
  if (error) return EXIT.findings;
  if (options.maxWarnings !== undefined && warning > options.maxWarnings) {
    process.stderr.write(`sla: ${warning} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
