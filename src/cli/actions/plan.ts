// `sla plan`: load -> plan (what-if, write, or the next period) -> format -> write.
import { realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkAgreement } from "../../check.js";
import { uncomputableMessage } from "../../diff/funnel.js";
import { InputError, UsageError } from "../../errors.js";
import type { Finding } from "../../findings.js";
import { formatPlanJson, formatPlanMarkdown, formatPlanText } from "../../format/plan.js";
import { loadPaint } from "../../format/paint.js";
import { message } from "../../i18n/message.js";
import { isInside, ReadRefusal, readBounded } from "../../load/bounded-read.js";
import { repositoryRoot } from "../../load/discover.js";
import { parseSla, type ParsedSla } from "../../load/parse.js";
import type { Sla } from "../../model/index.js";
import { proposeNext } from "../../plan/next.js";
import { planOutput, type PlanOutput } from "../../plan/output.js";
import { applyOverrides, readNumber } from "../../plan/overrides.js";
import { hasTooLow, planFunnel, type FunnelPlan } from "../../plan/solve.js";
import { unifiedDiff } from "../../plan/unified-diff.js";
import { raiseTargets } from "../../plan/write.js";
import type { Report } from "../../report/model.js";
import { describeProblems } from "../../validate/index.js";
import { METRIC_WORDS, explainFunnel } from "../../validate/rules/funnel.js";
import { useColor } from "../color.js";
import { agreementExports, EXIT, readSource, refuseOutputOverInput } from "../io.js";
import { say, terminalLocale } from "../locale.js";
import { writeFileAtomic } from "../write-file.js";

export interface PlanCliOptions {
  format: "text" | "markdown" | "json";
  set?: string[];
  write?: boolean;
  dryRun?: boolean;
  allowLower?: boolean;
  next?: boolean;
  report?: string;
  leads?: string;
  deals?: string;
  actuals?: string;
  through?: string;
  revenue?: string;
  minSample?: string;
  nextVersion?: string;
  output?: string;
  locale?: string;
  color?: boolean;
}

/** Below this many cases a measured rate is flagged and the rate in force kept. */
export const DEFAULT_MIN_SAMPLE = 30;

export async function runPlan(file: string, options: PlanCliOptions): Promise<number> {
  checkCombination(file, options);
  const locale = options.locale ?? terminalLocale();
  const name = file === "-" ? "<stdin>" : file;
  if (options.write) refuseWriteOutside(file);
  const parsed = parseSla(name, readSource(file));
  refuseUnusable(parsed, locale);
  const sla = parsed.data as Sla;

  if (options.next) return runNext(file, parsed, sla, options, locale);

  const { sla: planned, overrides } = applyOverrides(sla, options.set ?? []);
  const plan = solve(planned, name);
  if (!options.write && !options.dryRun) {
    await show(planOutput(name, plan, { overrides }), options, locale);
    return hasTooLow(plan) ? EXIT.findings : EXIT.ok;
  }
  const lineCounter = parsed.lineCounter;
  const written = raiseTargets(
    plan,
    sla,
    { text: parsed.text, document: parsed.document, lineOf: (offset) => lineCounter.linePos(offset).line },
    {
      allowLower: options.allowLower,
    },
  );
  if (options.dryRun) {
    if (options.format === "json") await show(planOutput(name, plan, { mode: "dry-run", changes: written.changes }), options, locale);
    else {
      const diff = unifiedDiff(parsed.text, written.text, `a/${name}`, `b/${name}`);
      // In Markdown, a fenced block that a pull-request comment shows coloured.
      process.stdout.write(options.format === "markdown" && diff ? `\`\`\`diff\n${diff}\`\`\`\n` : diff);
      process.stderr.write(`${say(message("plan/summary.would-write", { count: written.changes.length }))}\n`);
    }
    return hasTooLow(plan) ? EXIT.findings : EXIT.ok;
  }
  if (written.changes.length) await writeFileAtomic(file, written.text);
  // The plan of the file as now written: every target it raised holds.
  const after = solve(parseSla(name, written.text).data as Sla, name);
  await show(planOutput(name, after, { mode: "write", changes: written.changes, written: written.changes.length > 0 }), options, locale);
  return hasTooLow(after) ? EXIT.findings : EXIT.ok;
}

/**
 * `--write` edits the file a link leads to, but only inside the repository the named path is in
 * (outside one, its folder): a pull request can make `sla.yaml` a link to anywhere.
 */
function refuseWriteOutside(file: string): void {
  const folder = dirname(resolve(file));
  let real: string;
  let within: string;
  try {
    real = realpathSync.native(file);
    within = realpathSync.native(repositoryRoot(folder) ?? folder);
  } catch {
    return; // A file that cannot be read is said as such when it is read.
  }
  if (!isInside(real, within)) throw new UsageError(message("plan/usage.write-link-outside", { file }));
}

function checkCombination(file: string, options: PlanCliOptions): void {
  const writing = options.write || options.dryRun;
  if (options.set?.length && writing) throw new UsageError(message("plan/usage.set-and-write"));
  if (options.allowLower && !writing) throw new UsageError(message("plan/usage.allow-lower"));
  if (options.write && file === "-") throw new UsageError(message("plan/usage.write-stdin"));
  const nextOnly = (["report", "leads", "deals", "actuals", "through", "revenue", "minSample", "nextVersion", "output"] as const).find(
    (key) => options[key] !== undefined,
  );
  if (!options.next && nextOnly)
    throw new UsageError(message("plan/usage.next-only", { option: `--${nextOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }));
  if (options.next && (writing || options.set?.length)) throw new UsageError(message("plan/usage.next-and-write"));
  if (options.next && (options.output === undefined || options.output === "-")) throw new UsageError(message("plan/usage.next-output"));
}

/**
 * The plan needs the YAML read and the agreement and KPIs as the schema has them; a problem
 * elsewhere in the file (a persona's typo) does not stop it, as it does not stop the funnel rule.
 */
function refuseUnusable(parsed: ParsedSla, locale: string): void {
  const { findings } = checkAgreement(parsed.file, parsed.text, { level: "structure", locale });
  const blocking = findings.filter(
    (f: Finding) =>
      !f.ruleId.startsWith("schema/") || (f.ruleId !== "schema/unknown-property" && (f.path.length === 0 || f.path[0] === "agreement" || f.path[0] === "kpis")),
  );
  const problem = describeProblems(parsed.file, blocking, message("cli/see-all", { command: `sla validate ${parsed.file}` }), locale);
  if (problem) throw new InputError(problem);
}

function solve(sla: Sla, name: string): FunnelPlan {
  const plan = planFunnel(sla);
  if (plan === undefined) throw new InputError(message("plan/nothing-to-derive", { file: name }));
  if (!plan.computable) throw new InputError(message("plan/not-computable", { file: name, problem: uncomputableMessage(plan) }));
  return plan;
}

/** The funnel worded as `sla validate` words it. */
const WORDING = { metrics: METRIC_WORDS, explain: explainFunnel, problem: uncomputableMessage };

async function show(output: PlanOutput, options: PlanCliOptions, locale: string): Promise<void> {
  const text =
    options.format === "json"
      ? formatPlanJson(output)
      : options.format === "markdown"
        ? formatPlanMarkdown(output, { locale, words: WORDING })
        : formatPlanText(output, { paint: await loadPaint(useColor(process.stdout, options.color)), locale, words: WORDING });
  process.stdout.write(text);
}

async function runNext(file: string, parsed: ParsedSla, sla: Sla, options: PlanCliOptions, locale: string): Promise<number> {
  const output = options.output!;
  const exports = options.report
    ? [options.report]
    : [
        ...[options.leads, options.deals, options.actuals].filter((f): f is string => f !== undefined),
        ...agreementExports(sla, file === "-" ? process.cwd() : dirname(resolve(file)), options),
      ];
  refuseOutputOverInput(output, [file, ...exports], "document");
  const minSample = options.minSample === undefined ? DEFAULT_MIN_SAMPLE : wholeNumber("--min-sample", options.minSample);
  const revenue = options.revenue === undefined ? undefined : positive("--revenue", options.revenue);
  solve(sla, parsed.file);
  const report = options.report ? readReport(options.report) : await measure(file, sla, options);
  const proposal = proposeNext(sla, parsed.document, parsed.text, report, {
    minSample,
    ...(revenue === undefined ? {} : { revenue }),
    ...(options.nextVersion === undefined ? {} : { version: options.nextVersion }),
  });
  await writeFileAtomic(output, proposal.text);
  const plan = proposal.plan ?? solve(parseSla(output, proposal.text).data as Sla, output);
  const { text: _text, plan: _plan, ...next } = proposal;
  await show(planOutput(output, plan, { next: { ...next, output } }), options, locale);
  // The proposal is a starting point for the reset: said when it does not validate as it is.
  const errors = checkAgreement(output, proposal.text, { locale }).findings.filter((f) => f.severity === "error");
  if (errors.length) {
    process.stderr.write(`sla: ${say(message("plan/next.not-valid", { output, count: errors.length }))}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function wholeNumber(option: string, value: string): number {
  const n = readNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < 0) throw new UsageError(message("plan/usage.whole-number", { option, value }));
  return n;
}

function positive(option: string, value: string): number {
  const n = readNumber(value);
  if (n === undefined || !(n > 0)) throw new UsageError(message("plan/usage.positive-number", { option, value }));
  return n;
}

/** Far above any report `sla report --format json` writes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** A report `sla report --format json` wrote: measured once, planned from as often as wanted. */
function readReport(file: string): Report {
  let text: string;
  try {
    text = readBounded(file, { maxBytes: MAX_REPORT_BYTES, what: "document" }).toString("utf8");
  } catch (error) {
    if (error instanceof ReadRefusal) throw new InputError(message("cli/file-problem", { file, problem: error.said }));
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(message("plan/report.not-json", { file, detail: (error as Error).message }));
  }
  const report = data as Partial<Report> | null;
  const rates = report?.funnel?.rates;
  if (report?.version !== 1 || !Array.isArray(rates) || !rates.every(isRate)) throw new InputError(message("plan/report.shape", { file }));
  return report as Report;
}

function isRate(rate: unknown): boolean {
  const r = rate as Record<string, unknown> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.rate === "string" &&
    (r.measured === null || typeof r.measured === "number") &&
    typeof r.numerator === "number" &&
    typeof r.denominator === "number"
  );
}

/** Measures the period from the report's sources, as `sla report` does (loaded only for --next). */
async function measure(file: string, sla: Sla, options: PlanCliOptions): Promise<Report> {
  const { runReportPipeline } = await import("../../report/run.js");
  return runReportPipeline(sla, {
    file,
    baseDir: file === "-" ? process.cwd() : dirname(resolve(file)),
    leads: options.leads,
    deals: options.deals,
    actuals: options.actuals,
    through: options.through,
    now: new Date(),
  });
}
