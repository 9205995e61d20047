import { countBySeverity, sortFindings } from "../../findings.js";
import { resolveInputs } from "../../load/discover.js";
import { loadConfig } from "../../load/config-file.js";
import { parseSla } from "../../load/parse.js";
import { SourceError } from "../../errors.js";
import { validateParsed } from "../../validate/index.js";
import { loadFindingsFormatter, type FindingsFormat, type FileReport } from "../../format/index.js";
import { useColor } from "../color.js";
import { EXIT, readSource, writeFileAtomic } from "../io.js";
import { toolVersion } from "../version.js";

export interface ValidateOptions {
  format: FindingsFormat;
  quiet?: boolean;
  maxWarnings?: number;
  config?: string;
  output?: string;
  stdinFilename?: string;
  color?: boolean;
}

export async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
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
    let findings = validateParsed(parseSla(name, text), config);
    if (options.quiet) findings = findings.filter((f) => f.severity === "error");
    // Only files with findings need their text (for code frames): memory stays flat over
    // thousands of valid files.
    if (findings.length) sources.set(name, text);
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
