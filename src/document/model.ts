// A document as a tree of blocks, written three ways (Markdown, HTML, PDF) by src/document/
// writers. The signed agreement and the report are both built as such a tree, so a layout
// is written once. Text in the tree is plain user text: each writer escapes it for its format.

/** Inline text: plain runs, some strong. */
export type Inline = string | { strong: string } | { emphasis: string };
export type Inlines = Inline[];

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: Inlines; id?: string }
  | { kind: "paragraph"; text: Inlines }
  | { kind: "list"; ordered?: boolean; items: Inlines[] }
  | { kind: "table"; header?: Inlines[]; rows: Inlines[][]; align?: ("left" | "right")[] }
  /** Label/value rows, e.g. the title page's version and dates. */
  | { kind: "fields"; rows: { label: Inlines; value: Inlines }[] }
  | { kind: "signatures"; parties: { party: Inlines; lines: Inlines[] }[] }
  /** An SVG drawn by a chart library; `alt` is its text for Markdown and screen readers. */
  | { kind: "chart"; svg: string; alt: string; width: number; height: number }
  | { kind: "pageBreak" }
  | { kind: "section"; id?: string; blocks: Block[] };

export interface DocumentTree {
  /** BCP 47, for hyphenation, line breaking and the HTML lang attribute. */
  language: string;
  title: string;
  blocks: Block[];
}
