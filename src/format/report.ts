import type { Finding, Severity } from "../findings.js";
import type { Paint } from "./paint.js";

/** What every findings formatter receives: the files checked, in order, with their findings. */
export interface FileReport {
  file: string;
  findings: Finding[];
}

export interface FormatOptions {
  /** Colours (stylish only): NO_PAINT, or loadPaint(true) for a terminal. */
  paint: Paint;
  /** Source text by file, for code frames (stylish only). */
  sources?: ReadonlyMap<string, string>;
  /** The language of the summary and the formatter's own words (English by default). */
  locale?: string;
  /** Version of sla, for SARIF. */
  toolVersion?: string;
  /** The rules the findings were checked against, described in the log (SARIF only). */
  rules?: readonly RuleMetadata[];
}

/** What a formatter may say of a rule; the registry (validate/rules/) is handed in, not imported. */
export interface RuleMetadata {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

export type FindingsFormatter = (reports: readonly FileReport[], options: FormatOptions) => string;
