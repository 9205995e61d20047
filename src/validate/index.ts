// Validation of one parsed SLA: YAML problems, then the schema, then the semantic rules.
import type { Finding, JsonPath, Severity } from "../findings.js";
import { safeLocale } from "../domain/text.js";
import { collections, type Collection } from "../model/collections.js";
import type { Sla } from "../model/index.js";
import { inLanguage, rangeOf, yamlFindings, type ParsedSla } from "../load/parse.js";
import type { SlaConfig } from "./config.js";
import { checkSchema } from "./schema.js";
import { word } from "../i18n/catalog.js";
import { message, type Message } from "../i18n/message.js";
import { wordFinding } from "../i18n/worded.js";
import type { RuleContext } from "./rule.js";
import { RULES } from "./rules/index.js";

export { RULES } from "./rules/index.js";
export type { Rule } from "./rule.js";

export interface ValidateOptions {
  /** The language findings are worded in (a tag sla speaks; English by default). */
  locale?: string;
}

// Findings are joined with concat, not push(...): a file may have more findings than a call
// takes arguments.
export function validateParsed(parsed: ParsedSla, config: SlaConfig = { rules: {} }, options: ValidateOptions = {}): Finding[] {
  const wording = options.locale ?? "en";
  const data = parsed.data;
  const ofYaml = inLanguage(parsed.findings, wording);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return data === undefined ? ofYaml : ofYaml.concat(checkSchema(parsed, wording).findings);
  }
  const schema = checkSchema(parsed, wording);
  let findings = ofYaml.concat(schema.findings);
  const sla = data as Sla;
  // One context for all the rules of this file, told which rule is running: the rules run
  // for every file of a large call, and a context per rule was a closure per rule per file.
  let rule = RULES[0]!;
  let severity: Severity = rule.defaultSeverity;
  let listed: Collection[] | undefined;
  const context: RuleContext = {
    sla,
    locale: safeLocale(sla.agreement?.language),
    report: ({ path, message, hint, at }) =>
      findings.push({ ruleId: rule.id, severity, ...wordFinding(message, hint, wording), file: parsed.file, path, ...rangeOf(parsed, path, at) }),
    collections: () => (listed ??= collections(sla)),
  };
  const { invalidPaths } = schema;
  for (rule of RULES) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    if (invalidPaths.length > 0 && rule.needs.some((section) => invalidPaths.some((path) => touches(path, section)))) continue;
    severity = setting;
    rule.check(context);
  }
  // The fast reader took the file; if placing these findings needed `yaml` and `yaml` found
  // the YAML itself at fault, that is the first thing to fix, and the positions may be off.
  if (findings.length > parsed.findings.length && parsed.findings.length === 0)
    findings = yamlFindings(parsed, wording)
      .filter((f) => f.severity === "error")
      .concat(findings);
  return findings;
}

/**
 * Only what makes a document unusable: YAML problems and schema errors. `sla diff` and
 * `sla render` need a well-formed model but not one that passes every rule.
 */
export function structuralFindings(parsed: ParsedSla, locale = "en"): Finding[] {
  const findings = inLanguage(
    parsed.findings.filter((f) => f.severity === "error"),
    locale,
  );
  return parsed.data === undefined ? findings : findings.concat(checkSchema(parsed, locale).findings);
}

/**
 * The first of `problems` (findings worded in `locale`) as one line (`file:line:column: message`)
 * ending with how to see them all, or undefined when there is none.
 */
export function describeProblems(file: string, problems: readonly Finding[], howToSeeAll: Message, locale = "en"): string | undefined {
  const first = problems[0];
  if (!first) return undefined;
  const where = first.start ? `${file}:${first.start.line}:${first.start.column}` : file;
  const said = problems.length > 1 ? word(message("schema/and-more", { problem: first.message, count: problems.length - 1 }), locale) : first.message;
  return `${where}: ${said}; ${word(howToSeeAll, locale)}`;
}

/** Whether a schema error at `path` lies in (or is) the top-level `section`. */
function touches(path: JsonPath, section: string): boolean {
  return path.length === 0 || path[0] === section;
}
