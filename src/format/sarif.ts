// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
import type { FindingsFormatter, RuleMetadata } from "./report.js";
import { jsonVisible } from "../util/visible.js";

/** What the checks that are not rules (file, YAML, schema) hold a file to, by id prefix. */
const BUILT_IN_CHECKS: Readonly<Record<string, string>> = {
  file: "The file can be read as UTF-8 text.",
  yaml: "The file is one well-formed YAML document, without duplicate keys or runaway aliases.",
  schema: "The document follows the JSON Schema of the SLA format (schemas/sla.schema.json).",
};

/** Every result's rule is described in the log, the built-in checks among them, once each. */
function builtInChecks(ruleIds: readonly string[], rules: readonly RuleMetadata[]) {
  const known = new Set(rules.map((rule) => rule.id));
  return [...new Set(ruleIds)]
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, shortDescription: { text: BUILT_IN_CHECKS[id.split("/")[0]!] ?? id }, defaultConfiguration: { level: "error" } }));
}

export const formatSarif: FindingsFormatter = (reports, { toolVersion, rules = [] }) => {
  const results = reports.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.severity,
      message: { text: f.hint ? `${f.message}; ${f.hint}` : f.message },
      // The message as data, for tools that word or group it themselves. Not SARIF's
      // `message.id`: that must name a `messageStrings` entry with {0}-style arguments.
      ...(f.messageId !== undefined && {
        properties: { messageId: f.messageId, args: f.args ?? {}, ...(f.hintId !== undefined && { hintId: f.hintId, hintArgs: f.hintArgs ?? {} }) },
      }),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file.split("\\").join("/") },
            ...(f.start && {
              region: {
                startLine: f.start.line,
                startColumn: f.start.column,
                ...(f.end && { endLine: f.end.line, endColumn: f.end.column }),
              },
            }),
          },
        },
      ],
    })),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "sla",
            ...(toolVersion && { version: toolVersion }),
            rules: [
              ...rules.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                defaultConfiguration: { level: rule.defaultSeverity },
              })),
              ...builtInChecks(
                results.map((r) => r.ruleId),
                rules,
              ),
            ],
          },
        },
        results,
      },
    ],
  };
  return jsonVisible(JSON.stringify(log, null, 2)) + "\n";
};
