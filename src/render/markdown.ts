import type { DocumentView } from "./view-model.js";
import { renderTemplate } from "./templates.js";

export function renderMarkdown(view: DocumentView, templateDir?: string): string {
  return renderTemplate({ ...view, paper: "A4" }, "md", templateDir);
}
