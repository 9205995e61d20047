import type { DocumentView } from "./view-model.js";
import { renderTemplate } from "./templates.js";
import { mapStrings } from "../util/map-strings.js";
import { noWorkflowCommands, visible } from "../util/visible.js";

export type Paper = "A4" | "Letter";

/**
 * One self-contained HTML file with print CSS for the given paper size. The templates
 * escape HTML; the agreement's text also has its control characters shown (visible.ts) and
 * its line breaks as spaces (as HTML shows them), so none of its lines can start a GitHub
 * workflow command when the document is printed in a CI log.
 */
export function renderHtml(view: DocumentView, options: { paper: Paper; templateDir?: string }): string {
  const text = mapStrings({ ...view, paper: options.paper }, (s, key) => (key === "fingerprint" ? s : visible(s.replace(/[ \t]*\r?\n[ \t]*/g, " "))));
  return noWorkflowCommands(renderTemplate(text, "html", options.templateDir), "entity");
}
