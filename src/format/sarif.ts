// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
import { RULES } from "../validate/rules/index.js";
import type { FindingsFormatter } from "./report.js";

export const formatSarif: FindingsFormatter = (reports, { toolVersion }) => {
  const results = reports.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.severity,
      message: { text: f.hint ? `${f.message}. ${f.hint}` : f.message },
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
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.defaultSeverity },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};
