// The machine-readable shape of `sla validate --format json`. Documented in the README;
// change it only with a new `version`.
import { countBySeverity } from "../findings.js";
import type { FindingsFormatter } from "./report.js";
import { jsonVisible } from "../util/visible.js";

export const JSON_REPORT_VERSION = 1;

export const formatJson: FindingsFormatter = (reports) => {
  const files = reports.map(({ file, findings }) => {
    const counts = countBySeverity(findings);
    return {
      file,
      valid: counts.error === 0,
      errorCount: counts.error,
      warningCount: counts.warning,
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        messageId: f.messageId ?? null,
        args: f.args ?? null,
        hint: f.hint ?? null,
        hintId: f.hintId ?? null,
        hintArgs: f.hintArgs ?? null,
        path: f.path,
        line: f.start?.line ?? null,
        column: f.start?.column ?? null,
        endLine: f.end?.line ?? null,
        endColumn: f.end?.column ?? null,
      })),
    };
  });
  const totals = countBySeverity(reports.flatMap((r) => r.findings));
  return jsonVisible(
    JSON.stringify({ version: JSON_REPORT_VERSION, valid: totals.error === 0, errorCount: totals.error, warningCount: totals.warning, files }, null, 2) + "\n",
  );
};
