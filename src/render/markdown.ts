import { markdownBlock, markdownInline } from "../util/markdown-text.js";
import { noWorkflowCommands } from "../util/visible.js";
import type { DocumentView } from "./view-model.js";
import { renderTemplate } from "./templates.js";

/** Fields that are paragraphs: their line breaks are kept. Every other text is one line. */
const BLOCK_FIELDS = new Set(["purpose", "description"]);
/**
 * Values that sla formats itself from numbers, dates, durations and fixed words: escaped,
 * but without the escapes for the start of a line, which they never need ("1. Juli 2026").
 */
const FORMATTED = new Set([
  "effectiveDate",
  "reviewPeriod",
  "employees",
  "annualRevenue",
  "maxTimeInStage",
  "timeToFirstAttempt",
  "probability",
  "outcome",
  "category",
  "points",
  "mqlThreshold",
  "sqlThreshold",
  "attempts",
  "window",
  "after",
  "channel",
  "channels",
  "target",
  "direction",
  "cadence",
  "indicator",
  "intro",
  "label",
  "rate",
  "neededPeriod",
  "neededMonth",
  "committedMonth",
  "currency",
]);
/** Not the agreement's text: the built-in labels, and settings the helpers read. */
const NOT_TEXT = new Set(["labels", "locale", "language", "separator", "paper"]);

/**
 * The view with the agreement's text as Markdown text (see markdown-text.ts). Done to the
 * data rather than in the templates, so a team's own templates get it too.
 */
function asMarkdownText(value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    if (key !== undefined && BLOCK_FIELDS.has(key)) return markdownBlock(value);
    return markdownInline(value, { atLineStart: key === undefined || !FORMATTED.has(key) });
  }
  if (Array.isArray(value)) return value.map((item) => asMarkdownText(item));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : asMarkdownText(v, k)]));
  return value;
}

export function renderMarkdown(view: DocumentView, templateDir?: string): string {
  const text = asMarkdownText({ ...view, paper: "A4" }) as DocumentView & { paper: string };
  return noWorkflowCommands(renderTemplate(text, "md", templateDir), "backslash");
}
