// What-if: `--set close-rate=30% --set revenue=2400000` recomputes the funnel with other
// figures, on a copy of the agreement; the file is never touched.
import type { RateMetric } from "../domain/funnel.js";
import { toFraction } from "../domain/percent.js";
import { UsageError } from "../errors.js";
import { message } from "../i18n/message.js";
import type { FunnelMetric, Kpi, Sla } from "../model/index.js";
import { closestMatch } from "../util/did-you-mean.js";

export interface Override {
  /** The KPI whose target was replaced (or added, for a rate the agreement does not set). */
  kpi: string;
  metric: FunnelMetric;
  /** The target as written in the file; null for a KPI the what-if adds. */
  from: number | string | null;
  /** The target used: a rate as a fraction, other figures as numbers. */
  to: number;
}

const FUNNEL_METRICS: readonly FunnelMetric[] = [
  "revenue",
  "averageDealSize",
  "customers",
  "proposals",
  "sqls",
  "mqls",
  "leads",
  "visits",
  "closeRate",
  "sqlToProposalRate",
  "mqlToSqlRate",
  "leadToMqlRate",
  "visitToLeadRate",
];

/** `closeRate` as teams type it on a command line: `close-rate`. */
export const kebabCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const isRate = (metric: FunnelMetric): metric is RateMetric => metric.endsWith("Rate");

/** Splits `key=value`; the key names a KPI by id or a funnel metric (`closeRate`, `close-rate`). */
export function parseSetting(text: string): { key: string; value: string } {
  const at = text.indexOf("=");
  const key = at < 0 ? "" : text.slice(0, at).trim();
  const value = at < 0 ? "" : text.slice(at + 1).trim();
  if (key === "" || value === "") throw new UsageError(message("plan/set.malformed", { setting: text }));
  return { key, value };
}

/**
 * The agreement with the given targets replaced, and what was replaced. A key is a KPI's id
 * first (what the file shows), else a funnel metric; a rate the agreement leaves out (the
 * lead→MQL rate) may be added. Only funnel figures can be set: no other target moves the math.
 */
export function applyOverrides(sla: Sla, settings: readonly string[]): { sla: Sla; overrides: Override[] } {
  const kpis: Kpi[] = [...(sla.kpis ?? [])];
  const overrides: Override[] = [];
  for (const setting of settings) {
    const { key, value } = parseSetting(setting);
    const metric = FUNNEL_METRICS.find((m) => m === key || kebabCase(m) === key);
    let index = kpis.findIndex((kpi) => kpi.id === key);
    if (index < 0 && metric) index = kpis.findIndex((kpi) => kpi.metric === metric);
    const kpi = index < 0 ? undefined : kpis[index];
    const kpiMetric = kpi?.metric ?? (kpi ? undefined : metric);
    if (kpiMetric === undefined) {
      if (kpi) throw new UsageError(message("plan/set.not-funnel", { kpi: kpi.id }));
      const names = [...kpis.filter((k) => k.metric).map((k) => k.id), ...FUNNEL_METRICS.map(kebabCase)];
      const suggestion = closestMatch(key, names);
      throw new UsageError(
        suggestion === undefined
          ? message("plan/set.unknown", { key, names: [...new Set(names)] })
          : message("plan/set.unknown.suggestion", { key, suggestion }),
      );
    }
    if (!kpi && !isRate(kpiMetric)) throw new UsageError(message("plan/set.no-kpi", { key, metric: kpiMetric }));
    const to = readFigure(key, value, isRate(kpiMetric));
    // A rate is kept as written text ("30%"): a bare 1 would read as 1%, not as all of them.
    const target = isRate(kpiMetric) ? `${to * 100}%` : to;
    const replaced: Kpi = kpi
      ? { ...kpi, target }
      : {
          id: kebabCase(kpiMetric),
          name: kebabCase(kpiMetric),
          metric: kpiMetric,
          owner: "",
          unit: "percent",
          target,
          direction: "higher",
          cadence: "monthly",
        };
    if (index < 0) kpis.push(replaced);
    else kpis[index] = replaced;
    overrides.push({ kpi: replaced.id, metric: kpiMetric, from: kpi ? kpi.target : null, to });
  }
  return { sla: { ...sla, kpis }, overrides };
}

/** A rate as a percentage in any notation the file takes; any other figure as a plain number. */
function readFigure(key: string, value: string, rate: boolean): number {
  if (rate) {
    const fraction = toFraction(/^[\d.]+$/.test(value) ? Number(value) : value);
    if (fraction === undefined || !Number.isFinite(fraction)) throw new UsageError(message("plan/set.not-percent", { key, value }));
    return fraction;
  }
  const n = readNumber(value);
  if (n === undefined) throw new UsageError(message("plan/set.not-number", { key, value }));
  return n;
}

/** A plain decimal number from the command line, or undefined; full-width digits (２４０００００) read too. */
export function readNumber(value: string): number | undefined {
  const text = value.normalize("NFKC").trim();
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
