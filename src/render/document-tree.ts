// The agreement as one tree of blocks (src/document/model.ts), from which the Markdown, HTML
// and PDF are all written. The layout is a Handlebars template that writes Markdown (the
// built-in templates/markdown/document.md.hbs, or a team's own with `--template`); that
// Markdown is read into blocks (document/from-markdown.ts). This is pandoc's design (one
// reader, one tree, a writer per format) rather than Markdoc's (a tree of tags built from a
// schema) or a template per format: a team edits one plain Markdown file whose wording,
// order and sections reach every format, and what Markdown cannot say (a subtitle, a page
// break, a signature block, the table of contents) is said with pandoc's fenced divs.
import { parseMarkdown } from "../document/from-markdown.js";
import type { Block, DocumentTree } from "../document/model.js";
import { joinCjkLines } from "../document/text.js";
import { mapStrings } from "../util/map-strings.js";
import { markdownBlock, markdownInline } from "../util/markdown-text.js";
import { fill, titleWithVersion } from "./labels.js";
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
  "summary",
]);
/** Not the agreement's text: the built-in labels, and settings the helpers read. */
const NOT_TEXT = new Set(["labels", "locale", "language", "separator", "paper"]);

/**
 * The view with the agreement's text as Markdown text (see markdown-text.ts). Done to the
 * data rather than in the templates, so a team's own templates get it too.
 */
function asMarkdownText(value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    // The author's line breaks are kept, as hard breaks (a `\` at the line's end), in every format.
    if (key !== undefined && BLOCK_FIELDS.has(key)) return markdownBlock(value).replace(/(?<!\n)\n(?!\n)/g, "\\\n");
    return markdownInline(value, { atLineStart: key === undefined || !FORMATTED.has(key) });
  }
  if (Array.isArray(value)) return value.map((item) => asMarkdownText(item));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : asMarkdownText(v, k)]));
  return value;
}

/** What changed since an earlier version: `sla diff --format markdown`'s report of it. */
export interface ChangesSince {
  version: string;
  markdown: string;
}

/** The agreement's block tree: the template's Markdown, read back as blocks. */
export function buildDocumentTree(view: DocumentView, options: { templateDir?: string; paper?: string; changes?: ChangesSince } = {}): DocumentTree {
  const joined = mapStrings(view, (text, key) => (key === "fingerprint" ? text : joinCjkLines(text, view.locale)));
  const text = asMarkdownText({ ...joined, paper: options.paper ?? "A4" }) as DocumentView & { paper: string };
  const blocks = parseMarkdown(renderTemplate(text, options.templateDir), view.locale);
  if (options.changes) insertChanges(blocks, changesSection(view, options.changes));
  return {
    language: view.language,
    title: view.meta.name,
    fingerprint: view.meta.fingerprint,
    meta: {
      author: view.parties.map((p) => p.name).join(", "),
      subject: view.meta.subtitle,
      footer: titleWithVersion(view.meta.name, view.meta.version, view.labels),
      page: fill(view.labels.document.page!, { page: "{page}", pages: "{pages}" }),
    },
    blocks,
  };
}

/**
 * "Changes since version X": the diff report, its headings one level down under a heading
 * of the document's own, so that the table of contents lists the section and not its parts.
 */
function changesSection(view: DocumentView, changes: ChangesSince): Block {
  const demote = (b: Block): Block =>
    b.kind === "heading"
      ? { kind: "heading", level: Math.min(4, b.level + 1) as 2 | 3 | 4, text: b.text }
      : b.kind === "section"
        ? { ...b, blocks: b.blocks.map(demote) }
        : b;
  const title = fill(view.labels.document.changesSince!, { version: changes.version });
  return {
    kind: "section",
    id: "changes",
    blocks: [{ kind: "heading", level: 2, id: "changes", text: [title] }, ...parseMarkdown(changes.markdown, view.locale).map(demote)],
  };
}

/** Before the signatures, which sign them too (and the page break before them); else at the end. */
function insertChanges(blocks: Block[], section: Block): void {
  const signatures = blocks.findIndex((b) => b.kind === "heading" && b.id === "signatures");
  if (signatures < 0) blocks.push(section);
  else blocks.splice(blocks[signatures - 1]?.kind === "pageBreak" ? signatures - 1 : signatures, 0, section);
}
