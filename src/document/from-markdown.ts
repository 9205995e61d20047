// The block tree from the Markdown a document template writes. A template is written once,
// in Markdown (a team's own too, with `--template`), and reaches every format through the
// tree: the pandoc model (reader -> AST -> writers), with pandoc's fenced divs for what
// Markdown has no syntax for. Only the subset that templates need is read:
//
//   # Heading {#id}                 levels 1 to 4; an id makes a level-2 heading a TOC entry
//   paragraphs, `\` at a line's end for a line break, **strong**, *emphasis*, `code`
//   - items / 1. items              a list; a **Caption** paragraph just before it is its label
//   - **Label:** value              a list whose every item starts so is a label/value block
//   | a | b |  GitHub tables         `<br>` is a line break in a cell; an empty header row
//                                   over two columns is a label/value block (a title page)
//   ::: toc / ::: subtitle / ::: note / ::: pagebreak / ::: {.signature seal="印"}  ... :::
//
// The agreement's text reaches the template already escaped as Markdown text (see
// util/markdown-text.ts and render/document-tree.ts), so whatever it holds, it is read back here as the same plain text.
import { type Block, type Inline, type Inlines, type Signatory, inlineText } from "./model.js";
import { isCjk } from "./text.js";

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Inline Markdown as inlines; `cjk`: a soft line break between CJK characters is no space. */
export function parseInlines(source: string, cjk = false): Inlines {
  const out: Inline[] = [];
  let text = "";
  let mark: { kind: "strong" | "emphasis"; token: string; text: string } | undefined;
  const add = (s: string) => {
    if (mark) mark.text += s;
    else text += s;
  };
  const flush = () => {
    if (text) out.push(text);
    text = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const rest = source.slice(i);
    if (c === "\\" && source[i + 1] === "\n") {
      add("\n");
      i++;
    } else if (c === "\\" && /^[!-/:-@[-`{-~]$/.test(source[i + 1] ?? "")) {
      add(source[i + 1]!);
      i++;
    } else if (c === "\n" && / {2,}$/.test(mark ? mark.text : text)) {
      // Two spaces at a line's end: a hard break, as a backslash.
      if (mark) mark.text = mark.text.trimEnd();
      else text = text.trimEnd();
      add("\n");
      while (source[i + 1] === " ") i++;
    } else if (c === "\n") {
      // A soft line break: a space, but none between two Japanese characters.
      const before = (mark ? mark.text : text).trimEnd();
      const after = source.slice(i + 1).trimStart();
      if (!(cjk && CJK_CHAR.test(before.at(-1) ?? "") && CJK_CHAR.test(after[0] ?? ""))) add(" ");
      while (source[i + 1] === " ") i++;
    } else if (c === "&" && /^&(#?\w+);/.test(rest)) {
      const name = /^&(#?\w+);/.exec(rest)![1]!;
      const code = /^#(\d+)$/.exec(name)?.[1] ?? (/^#x([0-9a-f]+)$/i.exec(name) ? String(parseInt(name.slice(2), 16)) : undefined);
      const decoded = ENTITIES[name] ?? (code !== undefined ? String.fromCodePoint(Number(code)) : undefined);
      add(decoded ?? `&${name};`);
      i += name.length + 1;
    } else if (!mark && /^<(del|ins)>/.test(rest) && rest.includes(`</${rest.slice(1, 4)}>`)) {
      // Words a change deleted or inserted, as `sla diff --format markdown` marks them.
      const tag = rest.slice(1, 4);
      const end = source.indexOf(`</${tag}>`, i);
      flush();
      const inner = plainOf(parseInlines(source.slice(i + 5, end), cjk));
      out.push(tag === "del" ? { deleted: inner } : { inserted: inner });
      i = end + 5;
    } else if (/^<br\s*\/?>/i.test(rest)) {
      add("\n");
      i += /^<br\s*\/?>/i.exec(rest)![0].length - 1;
    } else if (c === "`" && !mark) {
      const ticks = /^`+/.exec(rest)![0];
      const end = source.indexOf(ticks, i + ticks.length);
      if (end < 0) {
        add(ticks);
        i += ticks.length - 1;
        continue;
      }
      flush();
      const code = source.slice(i + ticks.length, end);
      out.push({ code: code.length > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.slice(1, -1) : code });
      i = end + ticks.length - 1;
    } else if (c === "*" || c === "_") {
      const token = rest.startsWith(c + c) ? c + c : c;
      if (mark && mark.token === token) {
        out.push(mark.kind === "strong" ? { strong: mark.text } : { emphasis: mark.text });
        mark = undefined;
      } else if (!mark && rest.length > token.length && !/\s/.test(rest[token.length]!)) {
        flush();
        mark = { kind: token.length === 2 ? "strong" : "emphasis", token, text: "" };
      } else add(token);
      i += token.length - 1;
    } else add(c);
  }
  // An emphasis never closed was text.
  if (mark) text += mark.token + mark.text;
  flush();
  return merge(out);
}

const plainOf = (inlines: Inlines) => inlines.map(inlineText).join("");

function merge(inlines: Inlines): Inlines {
  const out: Inlines = [];
  for (const i of inlines) {
    if (typeof i === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] += i;
    else out.push(i);
  }
  return out;
}

/** The inlines with white space trimmed at both ends. */
function trim(inlines: Inlines): Inlines {
  const out = [...inlines];
  if (typeof out[0] === "string") out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === "string") out[last] = out[last].trimEnd();
  return out.filter((i) => i !== "");
}

/** Splits inlines at their line breaks. */
function splitLines(inlines: Inlines): Inlines[] {
  const lines: Inlines[] = [[]];
  for (const i of inlines) {
    if (typeof i !== "string") lines[lines.length - 1]!.push(i);
    else
      i.split("\n").forEach((piece, n) => {
        if (n > 0) lines.push([]);
        if (piece) lines[lines.length - 1]!.push(piece);
      });
  }
  return lines.map(trim).filter((l) => l.length);
}

const HEADING = /^(#{1,4})[ \t]+(.*?)(?:[ \t]+\{#([^}\s]+)\})?[ \t]*#*[ \t]*$/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const FENCE = /^:{3,}[ \t]*(.*?)[ \t]*$/;
const TABLE_RULE = /^\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC = /^(?:-[ \t]*){3,}$|^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$/;

/** A table row's cells: split at pipes that are not escaped. */
function cells(line: string): string[] {
  const row = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)((?:\\\\)*)\|$/, "$1");
  const out: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    if (row[i] === "\\" && i + 1 < row.length) {
      cell += row[i]! + row[i + 1]!;
      i++;
    } else if (row[i] === "|") {
      out.push(cell.trim());
      cell = "";
    } else cell += row[i];
  }
  out.push(cell.trim());
  return out;
}

/** `{.signature seal="印"}` or a bare class name: the div's class and attributes. */
function fenceInfo(info: string): { kind: string; attributes: Record<string, string> } {
  const braces = /^\{(.*)\}$/.exec(info)?.[1];
  if (braces === undefined) return { kind: info.toLowerCase(), attributes: {} };
  const kind = /\.([\w-]+)/.exec(braces)?.[1]?.toLowerCase() ?? "";
  const attributes: Record<string, string> = {};
  for (const m of braces.matchAll(/([\w-]+)="((?:[^"\\]|\\.)*)"/g)) attributes[m[1]!] = m[2]!.replace(/\\(.)/g, "$1");
  return { kind, attributes };
}

const isFieldLabel = (i: Inline | undefined) => typeof i === "object" && "strong" in i && /[:：]\s*$/.test(i.strong);
const fieldLabel = (s: string) => s.replace(/\s*[:：]\s*$/, "");

/** Blocks of the Markdown a template wrote; level-2 headings without an id get one. */
export function parseMarkdown(source: string, language: string): Block[] {
  const cjk = isCjk(language);
  const inl = (s: string) => trim(parseInlines(s, cjk));
  let autoId = 0;

  const parse = (lines: string[]): Block[] => {
    const blocks: Block[] = [];
    let i = 0;
    const startsBlock = (line: string, next?: string) =>
      HEADING.test(line) ||
      LIST_ITEM.test(line) ||
      FENCE.test(line) ||
      line.trimStart().startsWith("<!--") ||
      THEMATIC.test(line.trim()) ||
      (line.trimStart().startsWith("|") && next !== undefined && TABLE_RULE.test(next.trim()));
    while (i < lines.length) {
      const line = lines[i]!;
      const trimmed = line.trim();
      if (!trimmed) {
        i++;
        continue;
      }
      if (trimmed.startsWith("<!--")) {
        while (i < lines.length && !lines[i]!.includes("-->")) i++;
        i++;
        continue;
      }
      const heading = HEADING.exec(trimmed);
      if (heading) {
        const level = heading[1]!.length as 1 | 2 | 3 | 4;
        const id = heading[3] ?? (level === 2 ? `section-${++autoId}` : undefined);
        blocks.push({ kind: "heading", level, text: inl(heading[2]!), ...(id ? { id } : {}) });
        i++;
        continue;
      }
      const fence = FENCE.exec(trimmed);
      if (fence && fence[1]) {
        // The div's lines up to its closing fence; divs may nest.
        let depth = 1;
        const inner: string[] = [];
        for (i++; i < lines.length; i++) {
          const f = FENCE.exec(lines[i]!.trim());
          if (f) depth += f[1] ? 1 : -1;
          if (depth === 0) break;
          inner.push(lines[i]!);
        }
        i++;
        blocks.push(...div(fenceInfo(fence[1]), parse(inner)));
        continue;
      }
      if (fence || THEMATIC.test(trimmed)) {
        i++;
        continue;
      }
      if (trimmed.startsWith("|") && TABLE_RULE.test(lines[i + 1]?.trim() ?? "")) {
        const header = cells(trimmed);
        const align = cells(lines[i + 1]!.trim()).map((c) => (c.endsWith(":") && !c.startsWith(":") ? "right" : "left") as "left" | "right");
        const rows: Inlines[][] = [];
        for (i += 2; i < lines.length && lines[i]!.trim().startsWith("|"); i++) rows.push(cells(lines[i]!).map(inl));
        if (header.every((h) => !h) && header.length === 2)
          blocks.push({ kind: "fields", rows: rows.map(([label, value]) => ({ label: label ?? [], value: value ?? [] })) });
        else
          blocks.push({
            kind: "table",
            ...(header.every((h) => !h) ? {} : { header: header.map(inl) }),
            rows,
            ...(align.includes("right") ? { align } : {}),
          });
        continue;
      }
      const item = LIST_ITEM.exec(trimmed);
      if (item) {
        const ordered = /\d/.test(item[1]!);
        const items: string[] = [];
        while (i < lines.length) {
          const current = lines[i]!;
          const m = LIST_ITEM.exec(current.trim());
          if (m && /\d/.test(m[1]!) === ordered && !/^\s{2,}/.test(current)) items.push(m[2]!);
          else if (current.trim() && /^\s+/.test(current) && items.length) items[items.length - 1] += `\n${current.trim()}`;
          else if (!current.trim() && LIST_ITEM.exec(lines[i + 1]?.trim() ?? "") && /\d/.test(LIST_ITEM.exec(lines[i + 1]!.trim())![1]!) === ordered) {
            i++;
            continue;
          } else break;
          i++;
        }
        const parsed = items.map(inl);
        if (parsed.length && parsed.every((p) => isFieldLabel(p[0]))) {
          blocks.push({
            kind: "fields",
            rows: parsed.map((p) => ({ label: [fieldLabel((p[0] as { strong: string }).strong)], value: trim(p.slice(1)) })),
          });
          continue;
        }
        // A caption paragraph (one strong run) just before the list is its label.
        const previous = blocks[blocks.length - 1];
        const label =
          previous?.kind === "paragraph" && !previous.role && previous.text.length === 1 && typeof previous.text[0] === "object" && "strong" in previous.text[0]
            ? previous.text
            : undefined;
        if (label) blocks.pop();
        blocks.push({ kind: "list", ...(ordered ? { ordered } : {}), items: parsed, ...(label ? { label: [(label[0] as { strong: string }).strong] } : {}) });
        continue;
      }
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !(paragraph.length && startsBlock(lines[i]!.trim(), lines[i + 1]?.trim())))
        paragraph.push(lines[i++]!.trimStart());
      const text = inl(paragraph.join("\n"));
      // A label's colon is the language's: "：" in Japanese.
      if (cjk && isFieldLabel(text[0])) {
        text[0] = { strong: `${fieldLabel((text[0] as { strong: string }).strong)}：` };
        if (typeof text[1] === "string") text[1] = text[1].trimStart();
      }
      blocks.push({ kind: "paragraph", text });
    }
    return blocks;
  };
  return mergeSignatures(parse(source.replace(/\r\n?/g, "\n").split("\n")));
}

function div({ kind, attributes }: { kind: string; attributes: Record<string, string> }, inner: Block[]): Block[] {
  const paragraphs = inner.filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph");
  switch (kind) {
    case "toc":
      return [{ kind: "toc", title: paragraphs[0]?.text ?? [] }];
    case "pagebreak":
      return [{ kind: "pageBreak" }];
    case "subtitle":
    case "note":
      return inner.map((b) => (b.kind === "paragraph" ? { ...b, role: kind } : b));
    case "signature": {
      // The party, then the signatory's lines, then a list of the blanks to fill in.
      const [party, lines] = paragraphs;
      const list = inner.find((b) => b.kind === "list");
      const signatory: Signatory = {
        lines: lines ? splitLines(lines.text) : [],
        blanks: list?.kind === "list" ? list.items : [],
        ...(attributes.seal ? { seal: [attributes.seal] } : {}),
      };
      const partyText = (party?.text ?? []).map((i) => (typeof i === "object" && "strong" in i ? i.strong : i));
      return [{ kind: "signatures", parties: [{ party: partyText, lines: [], signatories: [signatory] }] }];
    }
    default:
      return [{ kind: "section", ...(kind ? { id: kind } : {}), blocks: inner }];
  }
}

/** Signature divs one after another are one block: the writers lay them out together. */
function mergeSignatures(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const previous = out[out.length - 1];
    if (b.kind === "signatures" && previous?.kind === "signatures") previous.parties.push(...b.parties);
    else out.push(b.kind === "section" ? { ...b, blocks: mergeSignatures(b.blocks) } : b);
  }
  return out;
}
