// The one way from text to a checked agreement: every command (validate, diff, render,
// fingerprint, verify) and the library start here, so they parse and check alike.
import type { Finding } from "./findings.js";
import { parseSla, type ParsedSla } from "./load/parse.js";
import type { Sla } from "./model/index.js";
import type { SlaConfig } from "./validate/config.js";
import { structuralFindings, validateParsed } from "./validate/index.js";

export interface CheckOptions {
  /** The team's rule settings (`.slarc.yaml`); every rule at its default severity without. */
  config?: SlaConfig;
  /** The language findings are worded in (a tag sla speaks; English by default). */
  locale?: string;
  /**
   * `structure`: only what makes the document unusable (YAML errors, the schema), for a
   * command that needs a well-formed model (diff, fingerprint); `rules` (the default): every
   * check, as `sla validate` runs them.
   */
  level?: "structure" | "rules";
}

export interface CheckedAgreement {
  /** The text parsed, with the document whose node ranges place the findings. */
  parsed: ParsedSla;
  /** The agreement, when no finding is an error; undefined otherwise. */
  sla: Sla | undefined;
  /** In the order the checks found them (sortFindings puts them in document order). */
  findings: Finding[];
}

export function checkAgreement(file: string, text: string, options: CheckOptions = {}): CheckedAgreement {
  const parsed = parseSla(file, text);
  const findings =
    options.level === "structure"
      ? structuralFindings(parsed, options.locale)
      : validateParsed(parsed, options.config, options.locale === undefined ? {} : { locale: options.locale });
  const usable = parsed.data !== undefined && !findings.some((f) => f.severity === "error");
  return { parsed, sla: usable ? (parsed.data as Sla) : undefined, findings };
}
