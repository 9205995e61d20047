// JUnit XML, for CI systems that show test reports: one suite per file, one failing test
// case per error; warnings are reported as passing cases with their text in system-out.
import { countBySeverity, type Finding } from "../findings.js";
import type { FindingsFormatter } from "./report.js";
import { noWorkflowCommands, visible } from "../util/visible.js";

/**
 * Text as XML 1.0 allows it: most control characters may not appear even as references, so
 * they are shown as escapes (see visible.ts); so are unpaired surrogates and U+FFFE, U+FFFF.
 */
const escapeXml = (s: string) =>
  visible(s)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/**
 * The message as data, as test-case properties (read by Jenkins, GitLab and pytest's own
 * reports): `messageId`, and `args` as JSON; the same for the hint.
 */
function messageProperties(f: Finding): string {
  if (f.messageId === undefined) return "";
  const entries: [string, string][] = [
    ["messageId", f.messageId],
    ["args", JSON.stringify(f.args ?? {})],
  ];
  if (f.hintId !== undefined) entries.push(["hintId", f.hintId], ["hintArgs", JSON.stringify(f.hintArgs ?? {})]);
  return `      <properties>\n${entries.map(([name, value]) => `        <property name="${name}" value="${escapeXml(value)}"/>\n`).join("")}      </properties>\n`;
}

export const formatJunit: FindingsFormatter = (reports) => {
  const suites = reports.map(({ file, findings }) => {
    const { error } = countBySeverity(findings);
    const cases = findings.length
      ? findings.map((f) => {
          const where = f.start ? `${file}:${f.start.line}:${f.start.column}` : file;
          const text = `${escapeXml(`${where}: ${f.message}`)}${f.hint ? `\n${escapeXml(f.hint)}` : ""}`;
          const name = escapeXml(`${f.ruleId} at ${where}`);
          const properties = messageProperties(f);
          return f.severity === "error"
            ? `    <testcase classname="${escapeXml(file)}" name="${name}">\n${properties}      <failure type="${escapeXml(f.ruleId)}" message="${escapeXml(f.message)}">${text}</failure>\n    </testcase>`
            : `    <testcase classname="${escapeXml(file)}" name="${name}">\n${properties}      <system-out>warning: ${text}</system-out>\n    </testcase>`;
        })
      : [`    <testcase classname="${escapeXml(file)}" name="valid"/>`];
    return `  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${error}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = countBySeverity(reports.flatMap((r) => r.findings)).error;
  return noWorkflowCommands(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sla validate" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`,
    "entity",
  );
};
