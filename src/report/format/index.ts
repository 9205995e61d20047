// The report in each format `sla report` writes. The document writers (and the PDF engine)
// load only for the format that needs them.
import type { Sla } from "../../model/index.js";
import type { Paint } from "../../format/paint.js";
import { loadLabels, titleWithVersion } from "../../render/labels.js";
import type { Report } from "../model.js";
import { reportDocument } from "./document.js";
import { formatReportJson } from "./json.js";
import { formatReportText } from "./text.js";

export type ReportFormat = "text" | "markdown" | "html" | "pdf" | "json";

export interface FormatReportOptions {
  /** The language of the words, numbers and dates. */
  locale: string;
  /** Colours of the text format. */
  paint: Paint;
  paper: "A4" | "Letter";
  /** The PDF's creation date (fixed for reproducible output). */
  date: Date;
  onMissingGlyphs?: (characters: string[]) => void;
  /** At most this many breaches are listed, the worst; default LISTED_BREACHES of the format. */
  breaches?: number;
}

/**
 * How many breaches each format lists by default: the worst few in the terminal, a meeting's
 * worth in a document (a pull-request comment, a printed page), every one in JSON. A large
 * portal has tens of thousands, which no meeting reads and a PDF would need thousands of pages for.
 */
export const LISTED_BREACHES: Readonly<Record<ReportFormat, number>> = { text: 10, markdown: 50, html: 50, pdf: 50, json: Infinity };

/** The report with only the worst `most` breaches listed; `breached` still counts them all. */
export function withBreachesListed(report: Report, most: number): Report {
  if (!report.connect || report.connect.breaches.length <= most) return report;
  return { ...report, connect: { ...report.connect, breaches: report.connect.breaches.slice(0, most) } };
}

export async function formatReport(full: Report, sla: Sla | undefined, format: ReportFormat, options: FormatReportOptions): Promise<string | Buffer> {
  const report = withBreachesListed(full, options.breaches ?? LISTED_BREACHES[format]);
  switch (format) {
    case "json":
      return formatReportJson(report);
    case "text":
      return formatReportText(report, sla, { paint: options.paint, locale: options.locale });
    case "markdown": {
      const { writeMarkdown } = await import("../../document/markdown.js");
      return writeMarkdown(documentOf(report, sla, options.locale, false));
    }
    case "html": {
      const { writeHtml } = await import("../../document/html.js");
      return writeHtml(documentOf(report, sla, options.locale, true), { paper: options.paper });
    }
    case "pdf": {
      const { writePdf } = await import("../../document/pdf.js");
      return writePdf(documentOf(report, sla, options.locale, true), { paper: options.paper, date: options.date, onMissingGlyphs: options.onMissingGlyphs });
    }
  }
}

function documentOf(report: Report, sla: Sla | undefined, locale: string, charts: boolean) {
  const tree = reportDocument(report, sla, locale, { charts });
  const labels = loadLabels(locale);
  return {
    ...tree,
    meta: { subject: tree.title, footer: titleWithVersion(report.agreement.title, report.agreement.version, labels), page: labels.document.page },
  };
}
