// Validation of one parsed SLA: YAML problems, then the schema, then the semantic rules.
import type { Finding, JsonPath } from "../findings.js";
import { safeLocale } from "../domain/text.js";
import type { Sla } from "../model/index.js";
import { rangeOf, yamlFindings, type ParsedSla } from "../load/parse.js";
import type { SlaConfig } from "./config.js";
import { checkSchema } from "./schema.js";
import { RULES } from "./rules/index.js";

export { RULES } from "./rules/index.js";
export type { Rule } from "./rule.js";

export function validateParsed(parsed: ParsedSla, config: SlaConfig = { rules: {} }): Finding[] {
  const findings = [...parsed.findings];
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    if (data !== undefined) findings.push(...checkSchema(parsed).findings);
    return findings;
  }
  const schema = checkSchema(parsed);
  findings.push(...schema.findings);
  const sla = data as Sla;
  const locale = safeLocale(sla.agreement?.language);
  for (const rule of RULES) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    if (rule.needs.some((section) => schema.invalidPaths.some((path) => touches(path, section)))) continue;
    rule.check({
      sla,
      locale,
      report: ({ path, message, hint, at }) =>
        findings.push({ ruleId: rule.id, severity: setting, message, hint, file: parsed.file, path, ...rangeOf(parsed, path, at) }),
    });
  }
  // The fast reader took the file; if placing these findings needed `yaml` and `yaml` found
  // the YAML itself at fault, that is the first thing to fix, and the positions may be off.
  if (findings.length > parsed.findings.length && parsed.findings.length === 0) findings.unshift(...yamlFindings(parsed).filter((f) => f.severity === "error"));
  return findings;
}

/**
 * Only what makes a document unusable: YAML problems and schema errors. `sla diff` and
 * `sla render` need a well-formed model but not one that passes every rule.
 */
export function structuralFindings(parsed: ParsedSla): Finding[] {
  const findings = parsed.findings.filter((f) => f.severity === "error");
  if (parsed.data !== undefined) findings.push(...checkSchema(parsed).findings);
  return findings;
}

/**
 * The first problem that makes a document unusable, as one line (`file:line:column: message`)
 * ending with how to see them all, or undefined when the document is well-formed.
 */
export function describeStructuralProblem(parsed: ParsedSla, howToSeeAll: string): string | undefined {
  const problems = structuralFindings(parsed);
  const first = problems[0];
  if (!first) return undefined;
  const where = first.start ? `${parsed.file}:${first.start.line}:${first.start.column}` : parsed.file;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return `${where}: ${first.message}${more}; ${howToSeeAll}`;
}

/** Whether a schema error at `path` lies in (or is) the top-level `section`. */
function touches(path: JsonPath, section: string): boolean {
  return path.length === 0 || path[0] === section;
}
