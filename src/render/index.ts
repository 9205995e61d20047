// `sla render`: the validated SLA as the document the managers sign. Markdown and HTML come
// from Handlebars templates, the PDF from a pdfkit writer; all three from one view.
import type { Sla } from "../model/index.js";
import type { Paper } from "./html.js";
import { buildView } from "./view-model.js";

export type RenderFormat = "md" | "html" | "pdf";
export type { Paper } from "./html.js";
export { buildView, type DocumentView } from "./view-model.js";
export { TemplateError } from "./templates.js";

export interface RenderOptions {
  format: RenderFormat;
  /** Labels and number formats; default: the agreement's language. */
  locale?: string;
  templateDir?: string;
  paper?: Paper;
  /** The PDF's creation date; default: the effective date, so output is reproducible. */
  date?: Date;
  /** Told the characters the PDF fonts cannot show. */
  onMissingGlyphs?: (characters: string[]) => void;
}

export async function renderDocument(sla: Sla, options: RenderOptions): Promise<string | Buffer> {
  const view = buildView(sla, { locale: options.locale });
  const paper = options.paper ?? "A4";
  switch (options.format) {
    case "md":
      return (await import("./markdown.js")).renderMarkdown(view, options.templateDir);
    case "html":
      return (await import("./html.js")).renderHtml(view, { paper, templateDir: options.templateDir });
    case "pdf": {
      // Before pdf.js loads: it imports pdfkit, an optional dependency (pdf-packages.ts).
      (await import("./pdf-packages.js")).requirePdfPackages();
      const date = options.date ?? new Date(`${sla.agreement.effectiveDate}T00:00:00Z`);
      return (await import("./pdf.js")).renderPdf(view, { paper, date, onMissingGlyphs: options.onMissingGlyphs });
    }
  }
}
