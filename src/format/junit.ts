// JUnit XML, for CI systems that show test reports: one suite per file, one failing test
// case per error; warnings are reported as passing cases with their text in system-out.
import { countBySeverity } from "../findings.js";
import type { FindingsFormatter } from "./report.js";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export const formatJunit: FindingsFormatter = (reports) => {
  const suites = reports.map(({ file, findings }) => {
    const { error } = countBySeverity(findings);
    const cases = findings.length
      ? findings.map((f) => {
          const where = f.start ? `${file}:${f.start.line}:${f.start.column}` : file;
          const text = escapeXml(`${where}: ${f.message}${f.hint ? `\n${f.hint}` : ""}`);
          const name = escapeXml(`${f.ruleId} at ${where}`);
          return f.severity === "error"
            ? `    <testcase classname="${escapeXml(file)}" name="${name}">\n      <failure type="${escapeXml(f.ruleId)}" message="${escapeXml(f.message)}">${text}</failure>\n    </testcase>`
            : `    <testcase classname="${escapeXml(file)}" name="${name}">\n      <system-out>warning: ${text}</system-out>\n    </testcase>`;
        })
      : [`    <testcase classname="${escapeXml(file)}" name="valid"/>`];
    return `  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${error}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = countBySeverity(reports.flatMap((r) => r.findings)).error;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sla validate" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`;
};
