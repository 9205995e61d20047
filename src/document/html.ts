// The block tree as one self-contained, printable HTML file. User text is escaped; a chart
// is an <img> of its SVG as a data: URL, so nothing in it can run or reach the page.
import { noWorkflowCommands, visible } from "../util/visible.js";
import { DOCUMENT_CSS } from "./html-style.js";
import { type Block, type DocumentTree, type Inline, type Inlines } from "./model.js";

export type Paper = "A4" | "Letter";

export interface HtmlOptions {
  paper: Paper;
  /** Added after the built-in style sheet, so it wins. */
  css?: string;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => visible(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function inline(part: Inline): string {
  if (typeof part === "string") return part.split(/\r?\n/).map(escapeHtml).join("<br>");
  if ("strong" in part) return `<strong>${inline(part.strong)}</strong>`;
  if ("emphasis" in part) return `<em>${inline(part.emphasis)}</em>`;
  if ("deleted" in part) return `<del>${inline(part.deleted)}</del>`;
  if ("inserted" in part) return `<ins>${inline(part.inserted)}</ins>`;
  return `<code>${escapeHtml(part.code)}</code>`;
}
const text = (inlines: Inlines) => inlines.map(inline).join("");

/** An id as an HTML attribute and URL fragment: what an id may not hold is dropped. */
const anchor = (id: string) => id.replace(/[^\p{L}\p{N}_.-]/gu, "-");

export function writeHtml(tree: DocumentTree, options: HtmlOptions): string {
  const headings: { id: string; text: Inlines }[] = [];
  const collect = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "heading" && b.level === 2 && b.id) headings.push({ id: b.id, text: b.text });
      if (b.kind === "section") collect(b.blocks);
    }
  };
  collect(tree.blocks);

  const block = (b: Block): string => {
    switch (b.kind) {
      case "heading": {
        const id = b.id ? ` id="${escapeHtml(anchor(b.id))}"` : "";
        return `<h${b.level}${id}>${text(b.text)}</h${b.level}>`;
      }
      case "paragraph":
        return `<p${b.role ? ` class="${b.role}"` : ""}>${text(b.text)}</p>`;
      case "list": {
        const tag = b.ordered ? "ol" : "ul";
        const list = `<${tag}>${b.items.map((i) => `<li>${text(i)}</li>`).join("")}</${tag}>`;
        return b.label ? `<div class="labelled"><p class="label">${text(b.label)}</p>${list}</div>` : list;
      }
      case "table": {
        const cls = (i: number) => (b.align?.[i] === "right" ? ' class="num"' : "");
        const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col style="width:${(w * 100).toFixed(1)}%">`).join("")}</colgroup>` : "";
        const head = b.header ? `<thead><tr>${b.header.map((h, i) => `<th${cls(i)}>${text(h)}</th>`).join("")}</tr></thead>` : "";
        const body = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${text(c)}</td>`).join("")}</tr>`).join("\n");
        return `<table>${cols}${head}<tbody>\n${body}\n</tbody></table>`;
      }
      case "fields":
        return `<table class="fields"><tbody>\n${b.rows.map((r) => `<tr><th scope="row">${text(r.label)}</th><td>${text(r.value)}</td></tr>`).join("\n")}\n</tbody></table>`;
      case "signatures": {
        const blocks = b.parties.flatMap((party) =>
          (party.signatories ?? [{ lines: party.lines, blanks: [] }]).map((signer) => {
            const lines = signer.lines.map((l, i) => (i === 0 ? `<strong>${text(l)}</strong>` : text(l))).join("<br>");
            const blanks = signer.blanks.map((caption) => `<div class="line"></div><div class="caption">${text(caption)}</div>`).join("");
            const seal = signer.seal ? `<div class="seal"><span>${text(signer.seal)}</span></div>` : "";
            return `<div class="signature${seal ? " with-seal" : ""}"><p class="label">${text(party.party)}</p><p>${lines}</p><div class="blanks">${blanks}</div>${seal}</div>`;
          }),
        );
        return `<div class="signatures">\n${blocks.join("\n")}\n</div>`;
      }
      case "chart": {
        const src = `data:image/svg+xml;base64,${Buffer.from(b.svg).toString("base64")}`;
        return `<figure class="chart"><img src="${src}" alt="${escapeHtml(b.alt)}" width="${b.width}" height="${b.height}"></figure>`;
      }
      case "toc":
        return `<nav class="toc"><p class="label">${text(b.title)}</p><ol>${headings.map((h) => `<li><a href="#${escapeHtml(anchor(h.id))}">${text(h.text)}</a></li>`).join("")}</ol></nav>`;
      case "pageBreak":
        return `<div class="page-break"></div>`;
      case "section":
        return `<section${b.id ? ` class="${escapeHtml(anchor(b.id))}"` : ""}>\n${b.blocks.map(block).join("\n")}\n</section>`;
    }
  };

  const fingerprint = tree.fingerprint ? `\n<meta name="sla-fingerprint" content="${escapeHtml(tree.fingerprint)}">` : "";
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(tree.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${fingerprint}
<title>${escapeHtml(tree.title)}</title>
<style>
@page { size: ${options.paper}; margin: 18mm 16mm 20mm; }
${DOCUMENT_CSS}${options.css ? `\n${options.css}` : ""}
</style>
</head>
<body>
${tree.blocks.map(block).join("\n")}
</body>
</html>
`;
  return noWorkflowCommands(html, "entity");
}
