import { relative } from "node:path";
import { countBySeverity } from "../../findings.js";
import { resolveInputs } from "../../load/discover.js";
import { loadConfig } from "../../validate/config.js";
import { loadFindingsFormatter, type FindingsFormat } from "../../format/index.js";
import { loadPaint } from "../../format/paint.js";
import { useColor } from "../color.js";
import { EXIT, refuseOutputOverInput } from "../io.js";
import { writeFileAtomic } from "../write-file.js";
import { checkFiles, type Concurrency } from "./check-many.js";
import { toolVersion } from "../version.js";
import { message } from "../../i18n/message.js";
import { say, terminalLocale } from "../locale.js";

/** Where `--cache` keeps the files found clean, unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_FILE = ".slacache";

export interface ValidateOptions {
  format: FindingsFormat;
  quiet?: boolean;
  maxWarnings?: number;
  config?: string;
  output?: string;
  stdinFilename?: string;
  color?: boolean;
  concurrency?: Concurrency;
  cache?: boolean;
  cacheLocation?: string;
  /** The language of the findings; by default the user's (LC_ALL, LC_MESSAGES, LANG). */
  locale?: string;
}

export async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
  const cwd = process.cwd();
  const { config, file: configFile } = loadConfig(cwd, options.config);
  const files = await resolveInputs(paths, cwd);
  const cacheFile = options.cacheLocation ?? (options.cache ? DEFAULT_CACHE_FILE : undefined);
  const configName = configFile === undefined ? undefined : relative(cwd, configFile);
  refuseOutputOverInput(options.output, [...files.map((input) => input.file), ...[configName, cacheFile].filter((file) => file !== undefined)], "report");
  const jobs = files.map(({ file, within }) => ({
    file,
    name: file === "-" ? (options.stdinFilename ?? "<stdin>") : file,
    ...(within === undefined ? {} : { within }),
  }));
  const cache = cacheFile === undefined ? undefined : (await import("./clean-cache.js")).openCleanCache(cacheFile, config);
  const locale = options.locale ?? terminalLocale();
  const results = await checkFiles(jobs, { config, locale, quiet: options.quiet === true, clean: cache?.clean }, options.concurrency ?? "auto");
  await cache?.save(jobs, results);
  const reports = results.map((r) => r.report);
  const sources = new Map(results.flatMap((r) => (r.source === undefined ? [] : [[r.report.file, r.source] as const])));
  const unreadable = results.filter((r) => r.unreadable).length;

  const format = await loadFindingsFormatter(options.format);
  const stream = options.output ? undefined : process.stdout;
  const report = format(reports, {
    paint: await loadPaint(stream ? useColor(stream, options.color) : false),
    sources,
    toolVersion: toolVersion(),
    // Only SARIF describes the rules; the other formats need not load them.
    ...(options.format === "sarif" && { rules: (await import("../../validate/rules/index.js")).RULES }),
    locale,
  });
  if (options.output) await writeFileAtomic(options.output, report);
  else process.stdout.write(report);

  const { error, warning: shownWarnings } = countBySeverity(reports.flatMap((r) => r.findings));
  const warning = results.reduce((sum, r) => sum + (r.hiddenWarnings ?? 0), shownWarnings);
  if (unreadable) return EXIT.usage;
  if (error) return EXIT.findings;
  if (options.maxWarnings !== undefined && warning > options.maxWarnings) {
    const said = message(options.quiet ? "cli/validate.max-warnings.quiet" : "cli/validate.max-warnings", { count: warning, most: options.maxWarnings });
    process.stderr.write(`sla: ${say(said)}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
