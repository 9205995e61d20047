import type { FindingsFormatter } from "./report.js";

export const FINDINGS_FORMATS = ["stylish", "json", "github", "sarif", "junit"] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** Loads only the formatter asked for. */
export async function loadFindingsFormatter(format: FindingsFormat): Promise<FindingsFormatter> {
  switch (format) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "github":
      return (await import("./github.js")).formatGithub;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "junit":
      return (await import("./junit.js")).formatJunit;
  }
}
export type { FileReport, FindingsFormatter } from "./report.js";
