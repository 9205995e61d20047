// A finding is data: rule id, severity, where, and the message, as an id with its arguments
// and as worded in the reader's language. Formatters turn findings into text for people or
// machines; nothing else decides how they look.
import type { MessageArgs } from "./i18n/message.js";

export type Severity = "error" | "warning";
export type JsonPath = (string | number)[];

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

export interface Finding {
  /** Stable id, e.g. `refs/unknown-icp`, `schema/unknown-property`, `yaml/duplicate-key`. */
  ruleId: string;
  severity: Severity;
  /** The message, worded in the language asked for (English by default). */
  message: string;
  /** The message's id in the catalogs (locales/<language>/messages/) and its arguments. */
  messageId?: string;
  args?: MessageArgs;
  /** The file as the user named it (or `<stdin>`). */
  file: string;
  /** Where in the document, as keys and list indexes from the root. */
  path: JsonPath;
  start?: Position;
  end?: Position;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
  hintId?: string;
  hintArgs?: MessageArgs;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  let error = 0;
  let warning = 0;
  for (const finding of findings) {
    if (finding.severity === "error") error++;
    else warning++;
  }
  return { error, warning };
}

/** Document order: by file, then line, then column; findings without a place first. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.start?.line ?? 0) - (b.start?.line ?? 0) || (a.start?.column ?? 0) - (b.start?.column ?? 0),
  );
}

/** `lifecycleStages[2].owner` */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out || "(document)";
}
