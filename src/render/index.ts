// `sla render`: the validated SLA as the document the managers sign. The agreement is built
// once as a tree of blocks (document-tree.ts) and written as Markdown, HTML or PDF by the
// writers in src/document/.
import type { Paper } from "../document/html.js";
import type { SlaDiff } from "../diff/index.js";
import type { Sla } from "../model/index.js";
import { buildDocumentTree } from "./document-tree.js";
import { buildView } from "./view-model.js";

export type RenderFormat = "md" | "html" | "pdf";
export type { Paper } from "../document/html.js";
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
  /** Appends "Changes since version X": this diff from the earlier version to this one. */
  changes?: SlaDiff;
}

export async function renderDocument(sla: Sla, options: RenderOptions): Promise<string | Buffer> {
  const view = buildView(sla, { locale: options.locale });
  const paper = options.paper ?? "A4";
  // Worded as `sla diff --format markdown` words it, in the document's language.
  const changes = options.changes
    ? {
        version: options.changes.old.version ?? "?",
        markdown: (await import("../format/diff-markdown.js")).formatDiffMarkdown(options.changes, { locale: view.locale }),
      }
    : undefined;
  const tree = buildDocumentTree(view, { templateDir: options.templateDir, paper, changes });
  switch (options.format) {
    case "md":
      return (await import("../document/markdown.js")).writeMarkdown(tree);
    case "html":
      return (await import("../document/html.js")).writeHtml(tree, { paper });
    case "pdf": {
      const date = options.date ?? new Date(`${sla.agreement.effectiveDate}T00:00:00Z`);
      return (await import("../document/pdf.js")).writePdf(tree, { paper, date, onMissingGlyphs: options.onMissingGlyphs });
    }
  }
}
