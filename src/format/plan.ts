// `sla plan` worded: a table for the terminal, the same table in Markdown, and JSON (the
// PlanOutput object as it is). Every word comes from the catalogs (locales/*/messages/plan.json);
// the funnel's terms and computation are the validator's, handed in (FunnelWording), so that
// the math is worded one way and formatters do not reach into the rules.
import type { FunnelMath } from "../domain/funnel.js";
import type { FunnelMetric } from "../model/index.js";
import { word } from "../i18n/catalog.js";
import { message, type Message, type MessageArgs } from "../i18n/message.js";
import type { PlanOutput } from "../plan/output.js";
import type { PlanStep } from "../plan/solve.js";
import { markdownInline } from "../util/markdown-text.js";
import { displayWidth } from "../util/text-width.js";
import { noWorkflowCommands, visible } from "../util/visible.js";
import type { Paint } from "./paint.js";

/** The funnel's terms ("close rate") and the computation of a step, as the validator words them. */
export interface FunnelWording {
  metrics: Readonly<Record<FunnelMetric, Message>>;
  explain: (funnel: FunnelMath, upTo: number) => Message;
  /** Why the funnel math cannot be done ("the visit→lead rate is too small…"). */
  problem: (why: { cause: string; reason: string; figure?: string }) => Message;
}

export function formatPlanJson(output: PlanOutput): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}

type Say = (id: string, args?: MessageArgs) => string;
const sayer =
  (locale: string): Say =>
  (id, args) =>
    word(message(id, args), locale);

/** The plan's funnel as the validator's math, for its explanation of a step. */
function asFunnel(output: PlanOutput): FunnelMath {
  const { funnel } = output;
  return {
    computable: true,
    months: funnel.months,
    currency: funnel.currency ?? undefined,
    revenue: funnel.revenue,
    averageDealSize: funnel.averageDealSize,
    steps: funnel.steps.map((s) => ({
      metric: s.metric,
      needed: s.needed,
      perMonth: s.perMonth,
      ...(s.rateMetric ? { rateMetric: s.rateMetric, rate: s.rate! } : {}),
    })),
    missing: funnel.missing,
  };
}

const money = (amount: number, currency: string | null) => (currency ? { amount, currency } : amount);
/** A figure as the validator shows a target's total: never rounded up past what it is. */
const figure = (n: number) => Math.floor(n * 100 + 1e-9) / 100;

/** The table's rows, worded: volume, needed, per month, target, status. */
function rows(output: PlanOutput, t: Say, words: FunnelWording): string[][] {
  return output.funnel.steps.map((step) => [
    t("plan/cell.volume", { volume: words.metrics[step.metric] }),
    t("plan/cell.number", { n: step.needed }),
    t("plan/cell.number", { n: Math.round(step.perMonth * 100) / 100 }),
    targetCell(step, t),
    statusCell(step, t),
  ]);
}

function targetCell(step: PlanStep, t: Say): string {
  if (step.target === null) return t("plan/cell.no-target");
  return t("plan/cell.target", { target: step.target, span: step.span!, total: figure(step.targetOverPeriod!) });
}

function statusCell(step: PlanStep, t: Say): string {
  if (step.status === "too-low") return t("plan/status.too-low", { minimum: step.minimum!, span: step.span! });
  return t(step.status === "ok" ? "plan/status.ok" : "plan/status.no-target");
}

const headers = (t: Say) => ["volume", "needed", "per-month", "target", "status"].map((c) => t(`plan/column.${c}`));

function heading(output: PlanOutput, t: Say): string {
  const { funnel } = output;
  return t("plan/heading", {
    file: output.file,
    revenue: money(funnel.revenue, funnel.currency),
    averageDealSize: money(funnel.averageDealSize, funnel.currency),
    months: Number(funnel.months.toFixed(2)),
  });
}

function overrideLines(output: PlanOutput, t: Say): string[] {
  return output.overrides.map((o) =>
    o.metric.endsWith("Rate")
      ? t("plan/override.rate", { kpi: o.kpi, from: o.from ?? "—", to: o.to })
      : t("plan/override", { kpi: o.kpi, from: o.from ?? "—", to: o.to }),
  );
}

function missingLines(output: PlanOutput, t: Say, words: FunnelWording): string[] {
  return output.funnel.missing.map((rate) => t("plan/missing-rate", { rate: words.metrics[rate] }));
}

function changeLines(output: PlanOutput, t: Say): string[] {
  return output.changes.map((c) => t("plan/change", { kpi: c.kpi, line: c.line, from: c.from, to: c.to, span: c.span ?? "period" }));
}

function nextLines(next: NonNullable<PlanOutput["next"]>, t: Say, words: FunnelWording): string[] {
  const out = [t("plan/next.heading", { output: next.output, from: next.version.from, to: next.version.to, start: next.period.start, end: next.period.end })];
  for (const rate of next.rates) {
    const args = { kpi: rate.kpi, numerator: rate.numerator, sample: rate.denominator };
    if (rate.status === "measured") out.push(t("plan/next.rate", { ...args, from: rate.from ?? 0, to: rate.to! }));
    else if (rate.status === "small-sample") out.push(t("plan/next.rate.small-sample", { ...args, measured: rate.measured!, kept: rate.from ?? 0 }));
    else if (rate.status === "zero") out.push(t("plan/next.rate.zero", { ...args, kept: rate.from ?? 0 }));
    else if (rate.status === "above-100") out.push(t("plan/next.rate.above-100", { ...args, measured: rate.measured!, kept: rate.from ?? 0 }));
    else if (rate.status === "uncomputable") {
      const { cause, reason, figure } = rate.problem!;
      const problem = words.problem({ cause, reason, ...(figure === null ? {} : { figure }) });
      out.push(t("plan/next.rate.uncomputable", { ...args, measured: rate.measured!, kept: rate.from ?? 0, problem }));
    } else out.push(t("plan/next.rate.not-measured", { kpi: rate.kpi, kept: rate.from ?? 0 }));
  }
  if (next.revenue) out.push(t("plan/next.revenue", { kpi: next.revenue.kpi, from: next.revenue.from, to: next.revenue.to }));
  for (const volume of next.volumes) out.push(t("plan/next.volume", { kpi: volume.kpi, from: volume.from, to: volume.to }));
  return out;
}

function summary(output: PlanOutput, t: Say): string {
  if (output.next) return t("plan/summary.next", { output: output.next.output });
  if (output.mode === "write") return t("plan/summary.written", { file: output.file, count: output.changes.length });
  if (output.mode === "dry-run") return t("plan/summary.would-write", { count: output.changes.length });
  if (output.tooLow.length) return t(output.overrides.length ? "plan/summary.too-low.what-if" : "plan/summary.too-low", { count: output.tooLow.length });
  return t("plan/summary.ok");
}

/** Pads each column to its widest cell as the terminal shows it (Japanese counts twice). */
function table(cells: string[][], numeric: readonly boolean[]): string[] {
  const widths = cells[0]!.map((_, col) => Math.max(...cells.map((row) => displayWidth(row[col]!))));
  return cells.map((row) =>
    row
      .map((cell, col) => {
        const pad = " ".repeat(widths[col]! - displayWidth(cell));
        return numeric[col] ? pad + cell : col === row.length - 1 ? cell : cell + pad;
      })
      .join("  "),
  );
}

export function formatPlanText(output: PlanOutput, options: { paint: Paint; words: FunnelWording; locale?: string }): string {
  const t = sayer(options.locale ?? "en");
  const c = options.paint;
  const shown = { ...output, file: visible(output.file) };
  const out = [c.bold(heading(shown, t)), ...overrideLines(shown, t).map((l) => `  ${visible(l)}`), ""];
  const body = rows(shown, t, options.words).map((row) => row.map(visible));
  const lines = table([headers(t), ...body], [false, true, true, false, false]);
  out.push(c.bold(`  ${lines[0]!}`));
  shown.funnel.steps.forEach((step, index) => {
    const line = `  ${lines[index + 1]!}`;
    out.push(step.status === "too-low" ? c.red(line) : line);
    if (step.status === "too-low") out.push(c.dim(`      ${word(options.words.explain(asFunnel(shown), index), options.locale ?? "en")}`));
  });
  const notes = [...missingLines(shown, t, options.words), ...changeLines(shown, t), ...(shown.next ? nextLines(shown.next, t, options.words) : [])];
  if (notes.length) out.push("", ...notes.map((l) => visible(l)));
  out.push("", summary(shown, t));
  return noWorkflowCommands(`${out.join("\n")}\n`, "backslash");
}

export function formatPlanMarkdown(output: PlanOutput, options: { words: FunnelWording; locale?: string }): string {
  const t = sayer(options.locale ?? "en");
  const escape = (text: string) => markdownInline(text, { atLineStart: false });
  const out = [`## ${markdownInline(heading(output, t))}`, ""];
  for (const line of overrideLines(output, t)) out.push(`- ${escape(line)}`);
  if (output.overrides.length) out.push("");
  out.push(`| ${headers(t).map(escape).join(" | ")} |`, "| --- | ---: | ---: | --- | --- |");
  const body = rows(output, t, options.words);
  output.funnel.steps.forEach((step, index) => {
    const cells = body[index]!.map(escape);
    if (step.status === "too-low") cells[4] = `**${cells[4]}**<br>${escape(word(options.words.explain(asFunnel(output), index), options.locale ?? "en"))}`;
    out.push(`| ${cells.join(" | ")} |`);
  });
  const notes = [...missingLines(output, t, options.words), ...changeLines(output, t), ...(output.next ? nextLines(output.next, t, options.words) : [])];
  if (notes.length) out.push("", ...notes.map((l) => `- ${escape(l)}`));
  out.push("", escape(summary(output, t)));
  return noWorkflowCommands(`${out.join("\n")}\n`, "backslash");
}
