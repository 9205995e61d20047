// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// The only output whose lines are workflow commands: the agreement's text inside them is
// made visible (no control characters) and escaped as GitHub reads them, so it can neither
// end a command nor start another, and holds no `##[` (visible.ts).
import type { FindingsFormatter } from "./report.js";
import { noLegacyCommands, visible } from "../util/visible.js";

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const formatGithub: FindingsFormatter = (reports) => {
  const lines: string[] = [];
  for (const { file, findings } of reports) {
    for (const f of findings) {
      const props = [`file=${escapeProperty(visible(file))}`];
      if (f.start) props.push(`line=${f.start.line}`, `col=${f.start.column}`);
      if (f.end) props.push(`endLine=${f.end.line}`, `endColumn=${f.end.column}`);
      props.push(`title=${escapeProperty(`sla ${f.ruleId}`)}`);
      const text = f.hint ? `${visible(f.message)}\n${visible(f.hint)}` : visible(f.message);
      lines.push(`::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeData(text)}`);
    }
  }
  return lines.length ? noLegacyCommands(lines.join("\n")) + "\n" : "";
};
