// The block tree as PDF, drawn with pdfkit: no browser. Lines are laid out here, not by
// pdfkit: text is split into font runs (see fonts.ts: no one font has Latin, Turkish
// and Japanese), broken where the Unicode line-breaking rules (UAX #14, the `linebreak`
// package pdfkit carries) allow and, in Japanese, only between words (Intl.Segmenter), so
// 四半期ごと breaks as 四半期/ごと and never inside a word. Every run is measured in the
// font it is drawn in and placed at its own x on a shared baseline, so runs never overlap.
// pdfkit, fontkit and svg-to-pdfkit are optional packages, loaded when a PDF is written.
import { createRequire } from "node:module";
import type { FontSet, Weight } from "./fonts.js";
import { type Block, type DocumentTree, type Inline, type Inlines, type Signatory, inlineText } from "./model.js";
import { isCjk, labelColon } from "./text.js";
import type { Paper } from "./html.js";
import { escapeSvg, unescapeSvg } from "../util/svg-text.js";
import { visible } from "../util/visible.js";

export interface PdfOptions {
  paper: Paper;
  /** Written as the creation and modification date; fixed so output is reproducible. */
  date: Date;
  /** Told the characters that no font has (emoji, scripts beyond Latin and Japanese). */
  onMissingGlyphs?: (characters: string[]) => void;
}

const INK = "#1d2430";
const MUTED = "#5b6472";
const ACCENT = "#1f4e79";
const RULE = "#d5dae1";
const HEADER_FILL = "#f1f4f8";
const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };
/** Line height as a share of the font size: room for Noto Sans JP's ascent and descent. */
const LEADING = 1.45;
const PAD = 4;
const TABLE_SIZE = 9;

interface Style {
  size?: number;
  weight?: Weight;
  color?: string;
  align?: "left" | "right";
}

/** Words a change deleted (struck through) or inserted (underlined). */
type Decoration = "strike" | "underline";

/** Styled text before it is split into fonts. */
interface Span {
  text: string;
  weight: Weight;
  decoration?: Decoration;
}

/** A run of text in one font, measured. */
interface Piece {
  text: string;
  font: string;
  width: number;
  decoration?: Decoration;
}
interface Line {
  pieces: Piece[];
  width: number;
}

type LineBreakerClass = new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

class Layout {
  private readonly segmenter: Intl.Segmenter;
  private readonly graphemes: Intl.Segmenter;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontSet,
    private readonly LineBreaker: LineBreakerClass,
    language: string,
  ) {
    this.segmenter = new Intl.Segmenter(language, { granularity: "word" });
    this.graphemes = new Intl.Segmenter(language, { granularity: "grapheme" });
  }

  /** Widths at 1 pt by font and text: each word is measured once however often it is laid out. */
  private readonly widths = new Map<string, number>();

  /**
   * The text's runs in their fonts, measured at the size by the font engine that draws
   * them (pdfkit shapes text word by word, at spaces, so a line is as wide as its words).
   */
  pieces(text: string, weight: Weight, size: number): Piece[] {
    return this.fonts.runs(text, weight).map((run) => {
      const key = `${run.font}\u0000${run.text}`;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = this.doc.font(run.font).fontSize(1).widthOfString(run.text);
        this.widths.set(key, width);
      }
      return { ...run, width: width * size };
    });
  }

  /**
   * Where a line may break: a UAX #14 opportunity that is also a word boundary (so a
   * Japanese word stays whole), and every required break. `loose` keeps all of UAX #14's,
   * for a word too wide for its line.
   */
  private breaks(text: string, loose: boolean): number[] {
    const words = new Set<number>();
    if (!loose) for (const s of this.segmenter.segment(text)) words.add(s.index);
    const breaker = new this.LineBreaker(text);
    const positions: number[] = [];
    for (let b = breaker.nextBreak(); b; b = breaker.nextBreak())
      if (loose || b.required || words.has(b.position) || b.position === text.length) positions.push(b.position);
    return positions;
  }

  /** The pieces of words from the given styled spans, split where lines may break. */
  private words(spans: Span[], loose: boolean): { spans: Span[]; hard: boolean }[] {
    const text = spans.map((s) => s.text).join("");
    const out: { spans: Span[]; hard: boolean }[] = [];
    let last = 0;
    for (const position of this.breaks(text, loose)) {
      const hard = /[\n\r\u2028\u2029]$/.test(text.slice(last, position));
      out.push({ spans: slice(spans, last, position), hard });
      last = position;
    }
    return out;
  }

  /** Laid-out lines by text, width and style: a block is often measured before it is drawn. */
  private readonly laidOut = new Map<string, Line[]>();

  /** Lines of the inlines at the width; a word wider than the line is broken inside, never drawn over its neighbour. */
  lines(text: Inlines, width: number, style: Style = {}): Line[] {
    const key = JSON.stringify([text, width, style.size, style.weight]);
    let lines = this.laidOut.get(key);
    if (!lines) {
      lines = this.layoutLines(text, width, style);
      this.laidOut.set(key, lines);
    }
    // Copies: a caller may trim or move what it draws.
    return lines.map((l) => ({ width: l.width, pieces: l.pieces.map((p) => ({ ...p })) }));
  }

  private layoutLines(text: Inlines, width: number, style: Style): Line[] {
    const size = style.size ?? 10;
    const spans = text.map((part) => spanOf(part, style.weight ?? "regular"));
    const lines: Line[] = [];
    let current: Line = { pieces: [], width: 0 };
    const flush = () => {
      trimEnd(current);
      lines.push(current);
      current = { pieces: [], width: 0 };
    };
    const measure = (word: Span[]) =>
      word.flatMap((s) => this.pieces(shown(s.text), s.weight, size).map((p) => (s.decoration ? { ...p, decoration: s.decoration } : p))).filter((p) => p.text);
    const place = (word: { spans: Span[]; hard: boolean }, depth: number) => {
      const pieces = measure(word.spans);
      const total = pieces.reduce((sum, p) => sum + p.width, 0);
      const visible = total - trailingSpace(pieces);
      if (current.pieces.length && current.width + visible > width) flush();
      if (!current.pieces.length && visible > width && depth < 2) {
        // Too wide alone: every UAX #14 opportunity, then between characters.
        const loose = depth === 0 ? this.words(word.spans, true) : [];
        const inner = loose.length > 1 ? loose : this.characters(word.spans);
        if (inner.length > 1) {
          inner.forEach((w, i) => place({ spans: w.spans, hard: word.hard && i === inner.length - 1 }, depth + 1));
          return;
        }
      }
      if (!current.pieces.length) pieces[0] = { ...pieces[0]!, text: pieces[0]?.text.trimStart() ?? "" };
      for (const piece of pieces) {
        const previous = current.pieces[current.pieces.length - 1];
        if (previous?.font === piece.font && previous.decoration === piece.decoration) {
          previous.text += piece.text;
          previous.width += piece.width;
        } else current.pieces.push({ ...piece });
        current.width += piece.width;
      }
      if (word.hard) flush();
    };
    for (const word of this.words(spans, false)) place(word, 0);
    if (current.pieces.length || !lines.length) flush();
    return lines;
  }

  private characters(spans: Span[]) {
    const text = spans.map((s) => s.text).join("");
    return [...this.graphemes.segment(text)].map((g) => ({ spans: slice(spans, g.index, g.index + g.segment.length), hard: false }));
  }

  /** The widest word of the text: the narrowest a column can be without breaking inside one. */
  widestWord(text: Inlines, style: Style = {}): number {
    const size = style.size ?? 10;
    let widest = 0;
    for (const word of this.words(
      text.map((part) => spanOf(part, style.weight ?? "regular")),
      false,
    )) {
      // Measured with its space, as it is laid out (one measurement for both), less the space.
      const pieces = word.spans.flatMap((s) => this.pieces(shown(s.text), s.weight, size));
      widest = Math.max(widest, pieces.reduce((sum, p) => sum + p.width, 0) - trailingSpace(pieces));
    }
    return widest;
  }

  /** Draws the lines from (x, y), the top of the first line; returns the height used. */
  draw(lines: Line[], x: number, y: number, width: number, style: Style = {}): number {
    const size = style.size ?? 10;
    const height = size * LEADING;
    // pdfkit moves its cursor to where it drew; the writer keeps its own.
    const [savedX, savedY] = [this.doc.x, this.doc.y];
    this.doc.fillColor(style.color ?? INK);
    lines.forEach((line, i) => {
      // One baseline for every font of the line: each run is placed on it by its own ascent.
      const baseline = y + i * height + size * 1.12;
      let left = style.align === "right" ? x + width - line.width : x;
      for (const piece of line.pieces) {
        this.doc.font(piece.font).fontSize(size);
        this.doc.text(piece.text, left, baseline, { lineBreak: false, baseline: "alphabetic" });
        // Deleted words struck through, inserted ones underlined, across what was drawn.
        if (piece.decoration) {
          const y = piece.decoration === "strike" ? baseline - size * 0.3 : baseline + size * 0.15;
          this.doc
            .moveTo(left, y)
            .lineTo(left + piece.width, y)
            .lineWidth(size * 0.06)
            .strokeColor(style.color ?? INK)
            .stroke();
        }
        left += piece.width;
      }
    });
    [this.doc.x, this.doc.y] = [savedX, savedY];
    return lines.length * height;
  }
}

function spanOf(part: Inline, weight: Weight): Span {
  if (typeof part === "string") return { text: part, weight };
  if ("strong" in part) return { text: part.strong, weight: "bold" };
  if ("deleted" in part) return { text: part.deleted, weight, decoration: "strike" };
  if ("inserted" in part) return { text: part.inserted, weight, decoration: "underline" };
  return { text: inlineText(part), weight };
}

/** The spans' text between two offsets of their joined text. */
function slice(spans: Span[], start: number, end: number) {
  const out: Span[] = [];
  let offset = 0;
  for (const span of spans) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + span.text.length);
    if (from < to) out.push({ ...span, text: span.text.slice(from - offset, to - offset) });
    offset += span.text.length;
  }
  return out;
}

function trailingSpace(pieces: Piece[]): number {
  const last = pieces[pieces.length - 1];
  if (!last) return 0;
  const trimmed = last.text.trimEnd();
  return trimmed.length === last.text.length ? 0 : (last.width * (last.text.length - trimmed.length)) / Math.max(1, last.text.length);
}

function trimEnd(line: Line): void {
  const last = line.pieces[line.pieces.length - 1];
  if (!last) return;
  const cut = trailingSpace(line.pieces);
  last.text = last.text.trimEnd();
  last.width -= cut;
  line.width -= cut;
}

class Writer {
  readonly layout: Layout;
  /** Level-2 headings with an id, and the page each starts on, for the table of contents. */
  readonly headings: { id: string; text: Inlines; page: number }[] = [];
  private toc?: { page: number; y: number; title: Inlines };
  private readonly colon: string;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontSet,
    LineBreaker: LineBreakerClass,
    readonly tree: DocumentTree,
    private readonly SVGtoPDF: typeof import("svg-to-pdfkit").default | undefined,
  ) {
    this.layout = new Layout(doc, fonts, LineBreaker, tree.language);
    this.colon = labelColon(tree.language);
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }
  private get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }
  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > MARGIN.top + 1) this.newPage();
  }
  newPage(): void {
    this.doc.addPage();
    this.doc.y = MARGIN.top;
  }

  /** Text across the width (or from x), moving the cursor below it. */
  text(text: Inlines, style: Style & { x?: number; width?: number; after?: number } = {}): void {
    const x = style.x ?? MARGIN.left;
    const width = style.width ?? this.width - (x - MARGIN.left);
    const lines = this.layout.lines(text, width, style);
    const lineHeight = (style.size ?? 10) * LEADING;
    // Line by line, so a long paragraph continues on the next page.
    for (const line of lines) {
      this.ensure(lineHeight);
      this.doc.y += this.layout.draw([line], x, this.doc.y, width, style);
    }
    this.doc.y += style.after ?? 0;
  }

  heightOf(text: Inlines, width: number, style: Style = {}): number {
    return this.layout.lines(text, width, style).length * (style.size ?? 10) * LEADING;
  }

  blocks(blocks: Block[]): void {
    blocks.forEach((b, i) => this.block(b, blocks[i + 1]));
  }

  block(b: Block, next?: Block): void {
    switch (b.kind) {
      case "heading":
        return this.heading(b.text, b.level, b.id, next);
      case "paragraph": {
        const style = b.role === "subtitle" ? { size: 13, color: MUTED, after: 24 } : b.role === "note" ? { size: 8, color: MUTED, after: 6 } : { after: 6 };
        return this.text(b.text, style);
      }
      case "list":
        return this.list(b.items, b.ordered === true, b.label);
      case "table":
        return this.table(b.header, b.rows, b.align ?? [], b.widths);
      case "fields":
        return this.fields(b.rows);
      case "signatures":
        for (const party of b.parties) for (const signer of party.signatories ?? [{ lines: party.lines, blanks: [] }]) this.signature(party.party, signer);
        return;
      case "chart":
        return this.chart(b);
      case "toc":
        // Drawn at the end, when the pages of the headings are known; it has a page of its own.
        this.toc = { page: this.page, y: this.doc.y, title: b.title };
        this.newPage();
        return;
      case "pageBreak":
        if (this.doc.y > MARGIN.top + 1) this.newPage();
        return;
      case "section":
        return this.blocks(b.blocks);
    }
  }

  heading(text: Inlines, level: 1 | 2 | 3 | 4, id: string | undefined, next?: Block): void {
    const size = level === 1 ? 24 : level === 2 ? 15 : level === 3 ? 11.5 : 10.5;
    // Room for the heading and the start of what follows, so a heading never ends a page alone.
    const follows = next ? this.firstHeight(next) : 40;
    this.ensure(this.heightOf(text, this.width, { size, weight: "bold" }) + 20 + follows);
    if (this.doc.y > MARGIN.top + 1) this.doc.y += level <= 2 ? 14 : 6;
    if (level === 2 && id) {
      this.headings.push({ id, text, page: this.page });
      this.doc.addNamedDestination(id, "XYZ", MARGIN.left, this.doc.page.height - this.doc.y, null);
    }
    this.text(text, { size, weight: "bold", color: level === 1 || level === 2 ? ACCENT : INK, after: 2 });
    if (level === 2) {
      this.rule(this.doc.y, 1.2, ACCENT);
      this.doc.y += 8;
    } else this.doc.y += level === 1 ? 8 : 3;
  }

  /** The height of a block's first line or row: what must follow a heading on its page. */
  private firstHeight(b: Block): number {
    switch (b.kind) {
      case "paragraph":
        return 3 * 10 * LEADING;
      case "list":
        return (b.label ? 2 : 1) * 10 * LEADING + 4;
      case "table":
        return this.tableStart(b.header, b.rows, b.widths);
      case "fields":
        return 2 * 10 * LEADING;
      case "signatures":
        return 170;
      case "chart":
        // A chart is not split: all of it, or as much as a page holds.
        return Math.min(b.height * Math.min(1, this.width / b.width) + 8, this.bottom - MARGIN.top - 80);
      case "heading":
        // A subheading and a row or two of what it heads.
        return 100;
      case "section":
        return b.blocks[0] ? this.firstHeight(b.blocks[0]) : 0;
      default:
        return 0;
    }
  }

  private rule(y: number, width: number, color: string, x = MARGIN.left, length = this.width): void {
    this.doc
      .moveTo(x, y)
      .lineTo(x + length, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  list(items: Inlines[], ordered: boolean, label?: Inlines): void {
    if (!items.length) return;
    const indent = ordered ? 18 : 14;
    const first = items[0] ? this.heightOf(items[0], this.width - indent) : 0;
    if (label) {
      // The caption never ends a page without the first item.
      this.ensure(10 * LEADING + 2 + first);
      this.text(label, { weight: "bold", color: MUTED, after: 2 });
    }
    items.forEach((item, i) => {
      const lines = this.layout.lines(item, this.width - indent);
      this.ensure(Math.min(lines.length, 2) * 10 * LEADING);
      this.layout.draw(this.layout.lines([ordered ? `${i + 1}.` : "•"], indent), MARGIN.left + 2, this.doc.y, indent - 4);
      this.text(item, { x: MARGIN.left + indent, after: 2 });
    });
    this.doc.y += 4;
  }

  fields(rows: { label: Inlines; value: Inlines }[]): void {
    // The labels in a column as wide as the widest one, up to a third of the page.
    const labelOf = (label: Inlines) => [...label, this.colon.trimEnd()];
    const labelWidth = Math.min(
      this.width / 3,
      Math.max(...rows.map((r) => this.layout.lines(labelOf(r.label), this.width, { weight: "bold" }).reduce((w, l) => Math.max(w, l.width), 0))) + 10,
    );
    for (const row of rows) {
      const label = this.layout.lines(labelOf(row.label), labelWidth - 8, { weight: "bold" });
      const value = this.layout.lines(row.value, this.width - labelWidth);
      const height = Math.max(label.length, value.length) * 10 * LEADING;
      this.ensure(height);
      const y = this.doc.y;
      this.layout.draw(label, MARGIN.left, y, labelWidth - 8, { weight: "bold", color: MUTED });
      this.layout.draw(value, MARGIN.left + labelWidth, y, this.width - labelWidth);
      this.doc.y = y + height + 3;
    }
    this.doc.y += 4;
  }

  /**
   * A table's column widths, and a row's lines and height as drawn (`row`), for the header and
   * then one body row at a time: a table of 80,000 rows laid out all at once held gigabytes.
   */
  private tableLayout(header: Inlines[] | undefined, rows: Inlines[][], shares: number[] | undefined) {
    const size = TABLE_SIZE;
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    const widths = this.columnWidths(header, rows, columns, shares);
    const row = (cells: Inlines[], bold = false) => {
      const lines = Array.from({ length: columns }, (_, i) =>
        this.layout.lines(cells[i] ?? [], widths[i]! - 2 * PAD, { size, weight: bold ? "bold" : "regular" }),
      );
      return { lines, height: Math.max(...lines.map((l) => l.length)) * size * LEADING + 2 * PAD };
    };
    return { widths, head: header ? row(header, true) : undefined, row };
  }

  /** The height of a table's header and first two rows: where it may start. */
  private tableStart(header: Inlines[] | undefined, rows: Inlines[][], shares?: number[]): number {
    const { head, row } = this.tableLayout(header, rows, shares);
    return (head?.height ?? 0) + rows.slice(0, 2).reduce((sum, cells) => sum + row(cells).height, 0);
  }

  table(header: Inlines[] | undefined, rows: Inlines[][], align: ("left" | "right")[], shares?: number[]): void {
    const size = TABLE_SIZE;
    const { widths, head, row: layoutRow } = this.tableLayout(header, rows, shares);
    type Row = ReturnType<typeof layoutRow>;
    const drawRow = (row: Row, isHeader: boolean) => {
      const y = this.doc.y;
      if (isHeader) this.doc.rect(MARGIN.left, y, this.width, row.height).fillColor(HEADER_FILL).fill();
      let x = MARGIN.left;
      row.lines.forEach((lines, i) => {
        this.layout.draw(lines, x + PAD, y + PAD, widths[i]! - 2 * PAD, { size, weight: isHeader ? "bold" : "regular", align: align[i] });
        x += widths[i]!;
      });
      this.rule(y + row.height, 0.5, RULE);
      this.doc.y = y + row.height;
    };
    // Each row is laid out when it is drawn, the one after it just before (it decides a break).
    let current = rows.length ? layoutRow(rows[0]!) : undefined;
    let following = rows.length > 1 ? layoutRow(rows[1]!) : undefined;
    // The header and the first two rows start on one page: a first row alone at a page's foot,
    // the rest of the table overleaf, read as a table of one row.
    this.ensure((head?.height ?? 0) + (current?.height ?? 0) + (following?.height ?? 0));
    if (head) drawRow(head, true);
    for (let i = 0; current !== undefined; i++) {
      // A row that does not fit starts a page, under the header again; the last row never goes alone.
      const breakHere =
        this.doc.y + current.height > this.bottom ||
        (i > 0 && i === rows.length - 2 && following !== undefined && this.doc.y + current.height + following.height > this.bottom);
      if (breakHere) {
        this.newPage();
        if (head) drawRow(head, true);
      }
      drawRow(current, false);
      current = following;
      following = i + 2 < rows.length ? layoutRow(rows[i + 2]!) : undefined;
    }
    this.doc.y += 8;
  }

  /**
   * The columns' widths. Given shares are kept, widened where a column's widest word would
   * not fit, at the cost of columns with room to spare. Without them, as a browser lays out
   * a table: each column between its widest word and its longest cell on one line, the room
   * between shared in proportion, so short columns (a number, "monthly") stay narrow.
   */
  private columnWidths(header: Inlines[] | undefined, rows: Inlines[][], columns: number, shares?: number[]): number[] {
    const cellsOf = (i: number) => [...(header?.[i] ? [{ text: header[i], bold: true }] : []), ...rows.map((r) => ({ text: r[i] ?? [], bold: false }))];
    const style = (bold: boolean) => ({ size: 9, weight: bold ? ("bold" as const) : ("regular" as const) });
    const needed = Array.from({ length: columns }, (_, i) =>
      Math.min(this.width * 0.45, Math.max(0, ...cellsOf(i).map((c) => this.layout.widestWord(c.text, style(c.bold)))) + 2 * PAD + 1),
    );
    if (!shares) {
      const natural = Array.from({ length: columns }, (_, i) =>
        Math.max(needed[i]!, ...cellsOf(i).map((c) => Math.max(0, ...this.layout.lines(c.text, 1e6, style(c.bold)).map((l) => l.width)) + 2 * PAD + 1)),
      );
      const most = natural.reduce((a, b) => a + b, 0);
      if (most <= this.width) return natural.map((w) => w + (this.width - most) / columns);
      // Columns whose every cell fits on one line in a fair share keep them whole ("higher is
      // better", 高いほど良い); the long ones share what is left, none below its widest word.
      const widths: (number | undefined)[] = Array.from({ length: columns });
      let [room, open] = [this.width, columns];
      for (let fitted = true; fitted && open > 0;) {
        fitted = false;
        for (let i = 0; i < columns; i++)
          if (widths[i] === undefined && natural[i]! <= room / open) {
            widths[i] = natural[i]!;
            room -= natural[i]!;
            open--;
            fitted = true;
          }
      }
      const rest = widths.map((w, i) => (w === undefined ? i : -1)).filter((i) => i >= 0);
      const [least, wanted] = [rest.reduce((a, i) => a + needed[i]!, 0), rest.reduce((a, i) => a + natural[i]!, 0)];
      for (const i of rest)
        widths[i] = least >= room ? (needed[i]! * room) / least : needed[i]! + ((natural[i]! - needed[i]!) * (room - least)) / Math.max(1e-9, wanted - least);
      return widths as number[];
    }
    const widths = Array.from({ length: columns }, (_, i) => (shares[i] ?? 1 / columns) * this.width);
    const shortfall = widths.reduce((sum, w, i) => sum + Math.max(0, needed[i]! - w), 0);
    const slack = widths.reduce((sum, w, i) => sum + Math.max(0, w - needed[i]!), 0);
    if (shortfall === 0 || slack < shortfall) return widths;
    return widths.map((w, i) => (w < needed[i]! ? needed[i]! : w - ((w - needed[i]!) / slack) * shortfall));
  }

  signature(party: Inlines, signer: Signatory): void {
    const inner = this.width - 24;
    const seal = signer.seal ? 72 : 0;
    const textHeight = signer.lines.reduce(
      (h, l, i) => h + this.heightOf(l, inner - seal, { size: i === 0 ? 11 : 10, weight: i === 0 ? "bold" : "regular" }),
      0,
    );
    const blanksHeight = Math.ceil(signer.blanks.length / 2) * 46;
    const height = Math.max(28 + textHeight + 16 + blanksHeight, seal + 40);
    // A signature block never splits across pages.
    this.ensure(height + 12);
    const top = this.doc.y;
    this.doc.rect(MARGIN.left, top, this.width, height).lineWidth(0.8).strokeColor(RULE).stroke();
    this.doc.y = top + 10;
    this.text(party, { x: MARGIN.left + 12, width: inner - seal, weight: "bold", color: MUTED, after: 4 });
    signer.lines.forEach((l, i) => this.text(l, { x: MARGIN.left + 12, width: inner - seal, size: i === 0 ? 11 : 10, weight: i === 0 ? "bold" : "regular" }));
    // The blanks two to a row: a line to write on, its caption below.
    const half = (inner - seal - 12) / 2;
    signer.blanks.forEach((caption, i) => {
      const x = MARGIN.left + 12 + (i % 2) * (half + 12);
      const y = top + height - blanksHeight + Math.floor(i / 2) * 46 + 22;
      this.rule(y, 0.8, INK, x, half);
      this.layout.draw(this.layout.lines(caption, half, { size: 8.5 }), x, y + 4, half, { size: 8.5, color: MUTED });
    });
    if (signer.seal) {
      const cx = MARGIN.left + this.width - 12 - seal / 2;
      const cy = top + height - 12 - seal / 2;
      this.doc
        .circle(cx, cy, seal / 2 - 4)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke();
      const lines = this.layout.lines(signer.seal, seal - 16, { size: 8.5 });
      this.layout.draw(lines, cx - lines[0]!.width / 2, cy - (lines.length * 8.5 * LEADING) / 2, lines[0]!.width, { size: 8.5, color: MUTED });
    }
    this.doc.y = top + height + 12;
  }

  chart(b: Extract<Block, { kind: "chart" }>): void {
    if (!this.SVGtoPDF) return;
    const scale = Math.min(1, this.width / b.width);
    const height = b.height * scale;
    this.ensure(height + 8);
    const regular = this.fonts.runs(isCjk(this.tree.language) ? "\u3042" : "a", "regular")[0]!.font;
    const bold = this.fonts.runs(isCjk(this.tree.language) ? "\u3042" : "a", "bold")[0]!.font;
    const faces = new Set<string>();
    const svg = this.svgTextInFonts(b.svg, faces);
    this.SVGtoPDF(this.doc, svg, MARGIN.left, this.doc.y, {
      width: b.width * scale,
      height,
      // The SVG fills the room kept for it: otherwise its pixels are taken as 3/4 of a point and
      // the chart is drawn a quarter smaller than that room, with a gap under it.
      assumePt: true,
      preserveAspectRatio: "xMinYMin meet",
      fontCallback: (family, isBold) => (faces.has(family) ? family : isBold ? bold : regular),
    });
    this.doc.y += height + 8;
  }

  /**
   * Each text of the SVG in spans by the font that has its glyphs, as body text is: no one font
   * has "→" and Japanese, and the chart library draws a text in one font. `faces` gets the names.
   */
  private svgTextInFonts(svg: string, faces: Set<string>): string {
    return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (_whole, open: string, body: string, close: string) => {
      const runs = this.fonts.runs(unescapeSvg(body), /font-weight="bold"/.test(open) ? "bold" : "regular");
      const spans = runs.map((run) => {
        faces.add(run.font);
        return `<tspan font-family="${run.font}">${escapeSvg(run.text)}</tspan>`;
      });
      return `${open}${spans.join("")}${close}`;
    });
  }

  /** The table of contents on the page kept for it, with each section's page. */
  drawToc(): void {
    if (!this.toc) return;
    this.doc.switchToPage(this.toc.page);
    this.doc.y = this.toc.y;
    this.heading(this.toc.title, 2, undefined);
    for (const h of this.headings) {
      const number = String(h.page + 1);
      const numberWidth = this.layout.widestWord([number]) + 4;
      const lines = this.layout.lines(h.text, this.width - numberWidth - 20);
      const y = this.doc.y;
      this.layout.draw(lines, MARGIN.left, y, this.width - numberWidth - 20);
      this.layout.draw(this.layout.lines([number], numberWidth), MARGIN.left + this.width - numberWidth, y, numberWidth, { align: "right" });
      const height = lines.length * 10 * LEADING;
      this.doc.goTo(MARGIN.left, y, this.width, height, h.id);
      this.doc.y = y + height + 4;
    }
  }

  /** The footer's text on one line: a long title is shortened with an ellipsis. */
  private footerTitle(text: string, width: number): string {
    const fits = (t: string) => this.layout.lines([t], 1e6, { size: 8 })[0]!.width <= width;
    if (fits(text)) return text;
    const characters = Array.from(new Intl.Segmenter(this.tree.language, { granularity: "grapheme" }).segment(text), (p) => p.segment);
    const suffix = text.includes(" · ") ? text.slice(text.lastIndexOf(" · ")) : "";
    const head = suffix ? characters.slice(0, characters.length - Array.from(suffix).length) : characters;
    const shortened = (n: number) => `${head.slice(0, n).join("").trimEnd()}…${suffix}`;
    let [good, bad] = [1, head.length];
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      if (fits(shortened(middle))) good = middle;
      else bad = middle;
    }
    return shortened(good);
  }

  /** Page numbers and the running footer, drawn once every page exists. */
  footers(): void {
    const { doc, tree } = this;
    const range = doc.bufferedPageRange();
    const title = this.footerTitle(tree.meta?.footer ?? tree.title, this.width * 0.72);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN.bottom + 28;
      this.rule(y - 8, 0.5, RULE);
      const style = { size: 8, color: MUTED };
      this.layout.draw(this.layout.lines([title], 1e6, style), MARGIN.left, y, this.width * 0.72, style);
      const page = (tree.meta?.page ?? "{page} / {pages}").replace("{page}", String(i + 1)).replace("{pages}", String(range.count));
      this.layout.draw(this.layout.lines([page], this.width * 0.28, style), MARGIN.left + this.width * 0.72, y, this.width * 0.28, {
        ...style,
        align: "right",
      });
      if (tree.fingerprint)
        this.layout.draw(this.layout.lines([tree.fingerprint], 1e6, { size: 6.5 }), MARGIN.left, y + 11, this.width, { size: 6.5, color: MUTED });
    }
  }
}

function hasChart(blocks: Block[]): boolean {
  return blocks.some((b) => b.kind === "chart" || (b.kind === "section" && hasChart(b.blocks)));
}

/**
 * A run's text as drawn: line breaks are the layout's to make, and the controls a font has no
 * glyph for (ESC, bidirectional overrides) are shown as escapes, as HTML and text show them.
 */
function shown(text: string): string {
  return visible(text.replace(/[\n\r\u2028\u2029]/g, ""));
}

/** The tree as a PDF. Needs the optional PDF packages (see pdf-packages.ts). */
export async function writePdf(tree: DocumentTree, options: PdfOptions): Promise<Buffer> {
  const { CHART_PACKAGES, requirePdfPackages } = await import("./pdf-packages.js");
  requirePdfPackages(hasChart(tree.blocks) ? CHART_PACKAGES : []);
  const { default: PDFDocument } = await import("pdfkit");
  const { FontSet } = await import("./fonts.js");
  // pdfkit's own line breaker: the package comes with pdfkit, so it is found from there.
  const fromPdfkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
  const LineBreaker = fromPdfkit("linebreak") as LineBreakerClass;
  const SVGtoPDF = hasChart(tree.blocks) ? (await import("svg-to-pdfkit")).default : undefined;

  const doc = new PDFDocument({
    size: options.paper === "Letter" ? "LETTER" : "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: tree.language,
    displayTitle: true,
    info: {
      Title: tree.title,
      ...(tree.meta?.author ? { Author: tree.meta.author } : {}),
      ...(tree.meta?.subject ? { Subject: tree.meta.subject } : {}),
      ...(tree.fingerprint ? { Keywords: `sla-fingerprint ${tree.fingerprint}` } : {}),
      Creator: "sla",
      Producer: "sla",
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  if (tree.fingerprint) (doc.info as Record<string, unknown>).SlaFingerprint = tree.fingerprint;
  const fonts = new FontSet();
  fonts.onLoad.push((name, data) => doc.registerFont(name, data));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const writer = new Writer(doc, fonts, LineBreaker, tree, SVGtoPDF);
  doc.y = MARGIN.top;
  writer.blocks(tree.blocks);
  writer.drawToc();
  writer.footers();
  doc.end();
  await finished;
  if (fonts.missing.size) options.onMissingGlyphs?.([...fonts.missing]);
  return Buffer.concat(chunks);
}
