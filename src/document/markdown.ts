// The block tree as CommonMark with GitHub tables. Every text of the tree is user text and
// is escaped (util/markdown-text.ts): it never becomes HTML, a link, emphasis or a block.
// The only markup is what the writer itself writes.
import { markdownInline } from "../util/markdown-text.js";
import { noWorkflowCommands } from "../util/visible.js";
import { type Block, type DocumentTree, type Inline, type Inlines, plainText } from "./model.js";
import { labelColon } from "./text.js";

export interface MarkdownOptions {
  /** Where a chart's SVG is found (a file written beside the document); default: a data: URL. */
  chartUrl?: (chart: Extract<Block, { kind: "chart" }>, index: number) => string;
}

/** One inline as Markdown; `first`: it starts a line, where block syntax must be escaped too. */
function inline(part: Inline, first: boolean): string {
  if (typeof part === "string") return markdownInline(part, { atLineStart: first });
  if ("code" in part) {
    const text = part.code.replace(/\s+/g, " ");
    const ticks = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return `${ticks}${pad}${text}${pad}${ticks}`;
  }
  // Changed words as diff-markdown writes them: `~~` and `**` take effect only where
  // CommonMark's flanking rules allow; the tags are the writer's, their text escaped.
  if ("deleted" in part) return `<del>${markdownInline(part.deleted, { atLineStart: false })}</del>`;
  if ("inserted" in part) return `<ins>${markdownInline(part.inserted, { atLineStart: false })}</ins>`;
  const [mark, text] = "strong" in part ? ["**", part.strong] : ["*", part.emphasis];
  // Emphasis cannot open or close next to a space: the spaces go outside the marks.
  const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(text)!;
  if (!core) return markdownInline(text, { atLineStart: first });
  return `${markdownInline(lead!)}${mark}${markdownInline(core, { atLineStart: false })}${mark}${markdownInline(trail!)}`;
}

/**
 * Inlines on one line; their line breaks become `breakWith` (a backslash break in a
 * paragraph, `<br>` in a table cell, where a real line break would end the row).
 */
function line(text: Inlines, breakWith = "\\\n", atLineStart = true): string {
  const parts: string[] = [];
  let first = atLineStart;
  for (const part of text) {
    const content = typeof part === "string" ? part : null;
    if (content !== null && content.includes("\n")) {
      const pieces = content.split(/\r?\n/);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          parts.push(breakWith);
          first = true;
        }
        // Spaces around a break go; those between this text and the next inline stay.
        const text = i > 0 ? (i < pieces.length - 1 ? piece.trim() : piece.trimStart()) : i < pieces.length - 1 ? piece.trimEnd() : piece;
        if (text) parts.push(inline(text, first));
        if (text.trim()) first = false;
      });
      continue;
    }
    parts.push(inline(part, first));
    if (plainText([part]).trim()) first = false;
  }
  return parts.join("").trim();
}

// A cell starts no block, so its text needs no escapes for a line's start ("1. Juli").
const cell = (text: Inlines) => line(text, "<br>", false);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function githubSlug(text: string, taken: Map<string, number>): string {
  const base = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
  const seen = taken.get(base) ?? 0;
  taken.set(base, seen + 1);
  return seen ? `${base}-${seen}` : base;
}

function table(header: Inlines[] | undefined, rows: Inlines[][], align: ("left" | "right")[] = []): string {
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const row = (cells: Inlines[]) => `| ${Array.from({ length: columns }, (_, i) => cell(cells[i] ?? [])).join(" | ")} |`.replace(/ {2}\|/g, " |");
  const rule = `| ${Array.from({ length: columns }, (_, i) => (align[i] === "right" ? "---:" : "---")).join(" | ")} |`;
  return [row(header ?? []), rule, ...rows.map(row)].join("\n");
}

export function writeMarkdown(tree: DocumentTree, options: MarkdownOptions = {}): string {
  const colon = labelColon(tree.language).trimEnd();
  const out: string[] = [];
  const slugs = new Map<string, number>();
  const anchors = new Map<Block, string>();
  let charts = 0;
  // Anchors first, so a table of contents can link forward.
  const collect = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "heading") anchors.set(b, githubSlug(plainText(b.text), slugs));
      if (b.kind === "section") collect(b.blocks);
    }
  };
  collect(tree.blocks);
  const label = (text: Inlines) => `**${line(text)}${colon}**`;

  const write = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.kind) {
        case "heading":
          out.push(`${"#".repeat(b.level)} ${line(b.text, " ", false)}`);
          break;
        case "paragraph":
          out.push(line(b.text));
          break;
        case "list": {
          const items = b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${line(item, "\\\n  ")}`).join("\n");
          out.push(b.label ? `**${line(b.label)}**\n\n${items}` : items);
          break;
        }
        case "table":
          out.push(table(b.header, b.rows, b.align));
          break;
        case "fields":
          out.push(b.rows.map((r) => `- ${label(r.label)} ${line(r.value, "\\\n  ", false)}`).join("\n"));
          break;
        case "signatures":
          for (const party of b.parties) {
            out.push(`**${line(party.party)}**`);
            for (const signer of party.signatories ?? [{ lines: party.lines, blanks: [] }]) {
              out.push(signer.lines.map((l) => line(l)).join("\\\n"));
              const blanks = [...signer.blanks, ...(signer.seal ? [signer.seal] : [])];
              if (blanks.length) out.push(table(blanks, [blanks.map(() => [])]));
            }
          }
          break;
        case "chart": {
          const url = options.chartUrl?.(b, charts) ?? `data:image/svg+xml;base64,${Buffer.from(b.svg).toString("base64")}`;
          charts++;
          out.push(`![${markdownInline(b.alt, { atLineStart: false })}](${url.replace(/[()\s]/g, encodeURIComponent)})`);
          break;
        }
        case "toc": {
          const entries: string[] = [];
          const walk = (blocks: Block[]) => {
            for (const x of blocks) {
              if (x.kind === "heading" && x.level === 2 && x.id) entries.push(`- [${line(x.text, " ")}](#${anchors.get(x)})`);
              if (x.kind === "section") walk(x.blocks);
            }
          };
          walk(tree.blocks);
          out.push(`**${line(b.title)}**`, entries.join("\n"));
          break;
        }
        case "pageBreak":
          break;
        case "section":
          write(b.blocks);
          break;
      }
    }
  };
  write(tree.blocks);
  // The fingerprint on the first line, where `sla verify` looks for it.
  const head = tree.fingerprint ? `<!-- sla-fingerprint:${tree.fingerprint} -->\n` : "";
  return noWorkflowCommands(`${head}${out.filter((s) => s !== "").join("\n\n")}\n`, "backslash");
}
