import type { DocumentView } from "./view-model.js";
import { renderTemplate } from "./templates.js";

export type Paper = "A4" | "Letter";

/** One self-contained HTML file with print CSS for the given paper size. */
export function renderHtml(view: DocumentView, options: { paper: Paper; templateDir?: string }): string {
  return renderTemplate({ ...view, paper: options.paper }, "html", options.templateDir);
}
