// `sla report --format json`: the Report as it is (src/report/model.ts, version 1), documented
// in the README. Stable: a field changes meaning only with a new `version`.
import { jsonVisible } from "../../util/visible.js";
import type { Report } from "../model.js";

export function formatReportJson(report: Report): string {
  return `${jsonVisible(JSON.stringify(report, null, 2))}\n`;
}
