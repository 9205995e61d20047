// Compiler-style output for people: the finding, file:line:column, the source line and a
// caret under the offending text.
import { countBySeverity, type Finding } from "../findings.js";
import { displayWidth } from "../util/text-width.js";
import type { Paint } from "./paint.js";
import type { FindingsFormatter } from "./report.js";
import { noLegacyCommands, noWorkflowCommands, visible } from "../util/visible.js";
import { word } from "../i18n/catalog.js";
import { message } from "../i18n/message.js";

export const formatStylish: FindingsFormatter = (reports, { paint: c, sources, locale = "en" }) => {
  const out: string[] = [];
  for (const { file, findings } of reports) {
    const lines = sources?.get(file)?.split(/\r?\n/);
    for (const finding of findings) {
      out.push(formatFinding(finding, lines, c));
      if (finding.start) out.push("");
    }
  }
  const all = reports.flatMap((r) => r.findings);
  const { error, warning } = countBySeverity(all);
  const files = reports.length;
  if (error + warning === 0) {
    out.push(c.green(`✔ ${word(message("cli/summary.valid", { files }), locale)}`));
  } else {
    const errors = message("cli/summary.errors", { count: error });
    const warnings = message("cli/summary.warnings", { count: warning });
    const problems = error && warning ? message("cli/summary.errors-and-warnings", { errors, warnings }) : error ? errors : warnings;
    // "in 6 of 300 files": how many files need work, not only how many were read.
    const withFindings = reports.filter((r) => r.findings.length > 0).length;
    const summary =
      withFindings === files
        ? message("cli/summary.in-files", { problems, files })
        : message("cli/summary.in-some-files", { problems, some: withFindings, files });
    out.push((error ? c.red.bold : c.yellow.bold)(`${error ? "✖" : "⚠"} ${word(summary, locale)}`));
  }
  return noWorkflowCommands(out.join("\n") + "\n", "backslash");
};

function formatFinding(finding: Finding, lines: string[] | undefined, c: Paint): string {
  const label = finding.severity === "error" ? c.red.bold("error") : c.yellow.bold("warning");
  const rule = `${label}${c.dim(`[${finding.ruleId}]`)}`;
  // The agreement's text (in messages, hints, file names and source lines) is shown, never acted on.
  const help = finding.hint ? `${c.blue("=")} ${c.bold("help")}: ${visible(finding.hint)}` : undefined;
  const message = c.bold(visible(finding.message));
  const file = visible(finding.file);
  // A finding about the whole file (unreadable, binary) fits on one line.
  if (!finding.start) return [`${rule}: ${file}: ${message}`, ...(help ? [`  ${help}`] : [])].join("\n");

  const { start, end } = finding;
  const out = [`${rule}: ${message}`, `  ${c.blue("-->")} ${file}:${start.line}:${start.column}`];
  const line = lines?.[start.line - 1];
  const gutter = " ".repeat(String(start.line).length);
  if (line !== undefined) {
    // Measured as shown: a control character takes the width of its escape, a `##[` that of `##\[`.
    const shown = (text: string) => noLegacyCommands(visible(text));
    const before = shown(line.slice(0, start.column - 1));
    const endColumn = end && end.line === start.line && end.column > start.column ? end.column : line.length + 1;
    const marked = shown(line.slice(start.column - 1, endColumn - 1)).trimEnd() || " ";
    const caret = " ".repeat(displayWidth(before)) + "^".repeat(Math.max(1, displayWidth(marked)));
    const colorCaret = finding.severity === "error" ? c.red : c.yellow;
    out.push(`${gutter} ${c.blue("|")}`, `${c.blue(String(start.line))} ${c.blue("|")} ${shown(line)}`, `${gutter} ${c.blue("|")} ${colorCaret(caret)}`);
  }
  if (help) out.push(`${gutter} ${help}`);
  return out.join("\n");
}
