// User text in Markdown (the rendered agreement, `sla diff --format markdown`) is text:
// it never becomes HTML (`<script>`, a `<!--` that hides the sections after it), a link,
// emphasis, a code span, a table cell's end, or a block (heading, list, quote, fence,
// thematic break). Characters are backslash-escaped, as CommonMark allows for any ASCII
// punctuation, or written as entities where a backslash would not do; the text reads the
// same once rendered.
import { visible, visibleLines } from "./visible.js";

/** Inline syntax: escapes, code spans, emphasis, strikethrough, links and images, table cells. */
const INLINE = /[\\`*_~[\]|]/g;
/** Entities are recognised only as `&name;`, `&#123;` or `&#x1f;`: other ampersands stay readable. */
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g;
/**
 * What starts a block at the start of a line: a heading, a list item, a setext underline,
 * an ordered list item, and `:`, which starts no block but would start a GitHub workflow
 * command on a line of its own. (`>` and `<` are always entities; fences are escaped
 * backticks and tildes; indentation is trimmed.)
 */
const LINE_START = /^(#|[-+](?=[ \t]|$)|=|:)|^(\d{1,9})([.)])(?=[ \t]|$)/;

function escapeLine(line: string, atLineStart = true): string {
  const escaped = line.replace(INLINE, "\\$&").replace(ENTITY, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return atLineStart
    ? escaped.replace(LINE_START, (_, mark: string | undefined, digits: string, dot: string) => (mark ? `\\${mark}` : `${digits}\\${dot}`))
    : escaped;
}

/**
 * Text for one place in a line (a heading, a list item, a table cell, a run of words): line
 * breaks become spaces, so it never starts a block of its own. Spaces at its ends are kept,
 * for words that are joined to others. `atLineStart: false` is for values sla formats
 * itself, which hold no block syntax, so that a German "1. Juli 2026" keeps its plain dot.
 */
export function markdownInline(text: string, { atLineStart = true }: { atLineStart?: boolean } = {}): string {
  return escapeLine(visible(text.replace(/[ \t]*\r?\n[ \t]*/g, " ")), atLineStart);
}

/**
 * Text that is a paragraph or several (a purpose, a description): its line breaks are
 * kept, each line escaped on its own and its indentation dropped, so no line can start a
 * block (an indented line would be a code block).
 */
export function markdownBlock(text: string): string {
  return visibleLines(text.replace(/\r\n?/g, "\n"))
    .trim()
    .split("\n")
    .map((line) => escapeLine(line.trim()))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
