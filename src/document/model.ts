// A document as a tree of blocks, written three ways (Markdown, HTML, PDF) by src/document/
// writers. The signed agreement and the report are both built as such a tree, so a layout
// is written once. Text in the tree is plain user text: each writer escapes it for its format.
// A line break inside a text ("\n") is a line break in every writer (a `<br>` in a Markdown
// table cell, where a real one would end the row).

/** Inline text: plain runs, some strong or emphasised, code (a fingerprint), words deleted or inserted by a change. */
export type Inline = string | { strong: string } | { emphasis: string } | { code: string } | { deleted: string } | { inserted: string };
export type Inlines = Inline[];

/** A signatory's block: who signs, and the blanks they fill in. */
export interface Signatory {
  /** Name, title: printed. */
  lines: Inlines[];
  /** Captions under the lines to write on: "Ort, Datum", "Unterschrift". */
  blanks: Inlines[];
  /** Caption of a box for a seal (印), when the agreement's custom wants one. */
  seal?: Inlines;
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: Inlines; id?: string }
  /** `role`: a subtitle under the title, or a note in small muted type. */
  | { kind: "paragraph"; text: Inlines; role?: "subtitle" | "note" }
  /** `label`: a caption above the list ("Pains"), kept with it on one page. */
  | { kind: "list"; ordered?: boolean; items: Inlines[]; label?: Inlines }
  | { kind: "table"; header?: Inlines[]; rows: Inlines[][]; align?: ("left" | "right")[]; widths?: number[] }
  /** Label/value rows, e.g. the title page's version and dates: no header row. */
  | { kind: "fields"; rows: { label: Inlines; value: Inlines }[] }
  | { kind: "signatures"; parties: { party: Inlines; lines: Inlines[]; signatories?: Signatory[] }[] }
  /** An SVG drawn by a chart library; `alt` is its text for Markdown and screen readers. */
  | { kind: "chart"; svg: string; alt: string; width: number; height: number }
  /** The table of contents: the level-2 headings that have an id, with their pages in the PDF. */
  | { kind: "toc"; title: Inlines }
  | { kind: "pageBreak" }
  | { kind: "section"; id?: string; blocks: Block[] };

export interface DocumentTree {
  /** BCP 47, for hyphenation, line breaking and the HTML lang attribute. */
  language: string;
  title: string;
  /** Written into the file where `sla verify` looks for it (see src/cli/verify). */
  fingerprint?: string;
  /** PDF metadata and the running footer. */
  meta?: {
    author?: string;
    subject?: string;
    /** The running footer: the title and version. */
    footer?: string;
    /** The page number, with `{page}` and `{pages}`: "Page {page} of {pages}". */
    page?: string;
  };
  blocks: Block[];
}

/** The plain text of inlines, as a reader sees it. */
export function plainText(text: Inlines): string {
  return text.map(inlineText).join("");
}

/** The text of one inline, whatever its style. */
export function inlineText(i: Inline): string {
  if (typeof i === "string") return i;
  if ("strong" in i) return i.strong;
  if ("emphasis" in i) return i.emphasis;
  if ("code" in i) return i.code;
  return "deleted" in i ? i.deleted : i.inserted;
}
