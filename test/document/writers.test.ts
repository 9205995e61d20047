import { describe, expect, it } from "vitest";
import type { DocumentTree } from "../../src/document/model.js";
import { writeMarkdown } from "../../src/document/markdown.js";
import { writeHtml } from "../../src/document/html.js";
import { writePdf } from "../../src/document/pdf.js";
import { extractPdf, flat } from "../helpers/pdf.js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="80" height="80" fill="#1f4e79"/><text x="100" y="50">Umsatz İş</text></svg>`;

const tree = (language: string, blocks: DocumentTree["blocks"]): DocumentTree => ({ language, title: "Vereinbarung <Süd>", fingerprint: "sha256:abc", blocks });

const hostile: DocumentTree = tree("de", [
  { kind: "heading", level: 2, id: "purpose", text: ["Zweck <script>alert(1)</script>"] },
  { kind: "paragraph", text: ["# not a heading *nor* [a link](x) | pipe & <b>bold</b>"] },
  { kind: "list", label: ["Schmerzpunkte"], items: [["- dash ", { strong: "stark" }], ["1. Juli"]] },
  {
    kind: "table",
    header: [["Größe"], ["Wert"]],
    align: ["left", "right"],
    rows: [
      [["a|b"], ["−30"]],
      [["Zeile 1\nZeile 2"], ["<i>"]],
    ],
  },
  { kind: "fields", rows: [{ label: ["Version"], value: ["2026.2"] }] },
  { kind: "paragraph", text: ["Erstkontakt ", { deleted: "in 4 <Stunden>" }, { inserted: "in 2 Stunden" }] },
  { kind: "chart", svg: SVG, alt: "Umsatz [Ist] je Monat", width: 200, height: 100 },
]);

describe("writeMarkdown", () => {
  const md = writeMarkdown(hostile);
  it("writes user text as text: no HTML, heading, link, list or cell boundary from it", () => {
    expect(md.startsWith("<!-- sla-fingerprint:sha256:abc -->\n## Zweck &lt;script&gt;")).toBe(true);
    expect(md).toContain("\\# not a heading \\*nor\\* \\[a link\\](x) \\| pipe & &lt;b&gt;bold&lt;/b&gt;");
    expect(md).toContain("**Schmerzpunkte**\n\n- \\- dash **stark**\n- 1\\. Juli");
  });
  it("writes tables with alignment, pipes escaped and line breaks as <br>", () => {
    expect(md).toContain("| Größe | Wert |\n| --- | ---: |\n| a\\|b | −30 |\n| Zeile 1<br>Zeile 2 | &lt;i&gt; |");
  });
  it("writes fields as labelled lines and a chart as an image with its text", () => {
    expect(md).toContain("- **Version:** 2026.2");
    expect(md).toContain("Erstkontakt <del>in 4 &lt;Stunden&gt;</del><ins>in 2 Stunden</ins>");
    expect(md).toMatch(/!\[Umsatz \\\[Ist\\\] je Monat\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });
  it("keeps the space between text and what follows it across a line break", () => {
    expect(
      writeMarkdown(tree("en", [{ kind: "paragraph", text: ["Period: a → b\nCompared: ", { code: "old.yaml" }, " → ", { code: "new.yaml" }] }])),
    ).toContain("Period: a → b\\\nCompared: `old.yaml` → `new.yaml`\n");
  });

  it("uses the full-width colon in Japanese", () => {
    expect(writeMarkdown(tree("ja", [{ kind: "fields", rows: [{ label: ["担当"], value: ["営業"] }] }]))).toContain("- **担当：** 営業");
  });
});

describe("writeHtml", () => {
  const html = writeHtml(hostile, { paper: "A4" });
  it("escapes user text and writes one self-contained file", () => {
    expect(html).toContain("<title>Vereinbarung &lt;Süd&gt;</title>");
    expect(html).toContain('<h2 id="purpose">Zweck &lt;script&gt;alert(1)&lt;/script&gt;</h2>');
    expect(html).not.toContain("<script");
    expect(html).toContain('<meta name="sla-fingerprint" content="sha256:abc">');
    expect(html).toContain("@page { size: A4;");
  });
  it("writes tables with a header, aligned cells, line breaks, and fields without a header row", () => {
    expect(html).toContain('<thead><tr><th>Größe</th><th class="num">Wert</th></tr></thead>');
    expect(html).toContain("<td>Zeile 1<br>Zeile 2</td>");
    expect(html).toContain('<table class="fields"><tbody>\n<tr><th scope="row">Version</th><td>2026.2</td></tr>');
    expect(html).toContain("<p>Erstkontakt <del>in 4 &lt;Stunden&gt;</del><ins>in 2 Stunden</ins></p>");
  });
  it("embeds a chart as an image, so its SVG cannot reach the page", () => {
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Umsatz \[Ist\] je Monat" width="200" height="100">/);
  });
  it("draws a chart across the text width, in one piece, with no indent of the figure's own", () => {
    expect(html).toContain(".chart { margin: .6rem 0 1rem; break-inside: avoid;");
    expect(html).toContain(".chart img { display: block; width: 100%; height: auto; }");
  });
  it("prints tables at the PDF's size, so the same columns fit", () => {
    expect(html).toMatch(/@media print \{[^}]*\}\s*h2, h3, h4 \{[^}]*\}\s*table \{ break-inside: auto; font-size: 9pt; \}/);
  });
  it("keeps Japanese phrases whole when lines break", () => {
    expect(html).toContain("word-break: auto-phrase");
  });
});

/** Every word box drawn on every page: none may overlap another on the same line. */
async function overlaps(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const found: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const items = (await (await doc.getPage(p)).getTextContent()).items.filter((i) => "str" in i && i.str.trim()) as {
      str: string;
      transform: number[];
      width: number;
      height: number;
    }[];
    const boxes = items.map((i) => ({ s: i.str, x0: i.transform[4]!, x1: i.transform[4]! + i.width, y0: i.transform[5]!, y1: i.transform[5]! + i.height }));
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [A, B] = [boxes[a]!, boxes[b]!];
        const dx = Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0);
        const dy = Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0);
        if (dx > 0.5 && dy > 0.5) found.push(`page ${p}: "${A.s}" over "${B.s}"`);
      }
  }
  await doc.destroy();
  return found;
}

describe("writePdf", () => {
  it("draws headings, lists, tables, fields and a chart, with the text extractable", async () => {
    const pdf = await writePdf(hostile, { paper: "A4", date: new Date("2026-07-01T00:00:00Z") });
    const { pages, info } = await extractPdf(pdf);
    const text = flat(pages.join(" "));
    expect(text).toContain("Zweck <script>alert(1)</script>");
    expect(text).toContain("Größe Wert");
    expect(text).toContain("Umsatz İş");
    expect(text).toContain("Erstkontakt in 4 <Stunden>in 2 Stunden");
    expect(info.SlaFingerprint ?? (info.Custom as Record<string, unknown> | undefined)?.SlaFingerprint).toBe("sha256:abc");
    expect(await overlaps(pdf)).toEqual([]);
  });

  it("shows the controls of user text as escapes, as HTML does, not as nothing", async () => {
    const pdf = await writePdf(tree("en", [{ kind: "paragraph", text: ["Owner: \u001b[31mRed\u001b[0m \u202eevil"] }]), {
      paper: "A4",
      date: new Date("2026-07-01T00:00:00Z"),
    });
    const text = flat((await extractPdf(pdf)).pages.join(" "));
    expect(text).toContain("Owner: \\u001b[31mRed\\u001b[0m \\u202eevil");
  });

  it("breaks a narrow Japanese cell between words, never drawing one over another", async () => {
    const ja = tree("ja", [
      {
        kind: "table",
        header: [["KPI"], ["目標"], ["方向"], ["頻度"]],
        widths: [0.7, 0.1, 0.1, 0.1],
        align: ["left", "right"],
        rows: [[["新規事業の売上高"], ["￥120,000,000/期間全体"], ["高いほど良い"], ["四半期ごとに見直す"]]],
      },
    ]);
    const pdf = await writePdf(ja, { paper: "A4", date: new Date("2026-07-01T00:00:00Z") });
    expect(await overlaps(pdf)).toEqual([]);
    const text = (await extractPdf(pdf)).pages.join("");
    expect(text).toMatch(/四半期\s*ごとに\s*見直す/);
    expect(text).not.toMatch(/ご\s+と|見\s+直/);
  });
});

describe("writePdf draws a chart's text", () => {
  it("in the fonts that have its glyphs: an arrow, Japanese and Turkish in one label", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="290" y="20" text-anchor="end">Lead → MQL &#38; 新規売上高 İş</text><text x="10" y="50" font-weight="bold">Ümsatz → 売上</text></svg>`;
    const pdf = await writePdf(tree("en", [{ kind: "chart", svg, alt: "x", width: 300, height: 60 }]), { paper: "A4", date: new Date("2026-07-01T00:00:00Z") });
    const text = flat((await extractPdf(pdf)).pages.join(" "));
    expect(text).toContain("Lead → MQL & 新規売上高 İş");
    expect(text).toContain("Ümsatz → 売上");
    expect(await overlaps(pdf)).toEqual([]);
  });
});

describe("writePdf sizes a chart", () => {
  it("to the room it keeps for it: an SVG pixel is a point, a wide chart is scaled to the text width", async () => {
    const at = async (width: number) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" viewBox="0 0 ${width} 60"><text x="${width - 10}" y="30" text-anchor="end">Ende</text></svg>`;
      const pdf = await writePdf(tree("de", [{ kind: "chart", svg, alt: "x", width, height: 60 }]), { paper: "A4", date: new Date("2026-07-01T00:00:00Z") });
      const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
      const items = (await (await doc.getPage(1)).getTextContent()).items.filter((i) => "str" in i && i.str === "Ende") as {
        transform: number[];
        width: number;
      }[];
      await doc.destroy();
      return Math.round(items[0]!.transform[4]! + items[0]!.width);
    };
    // The left margin is 56 pt; A4's text width 483 pt.
    expect(await at(300)).toBe(56 + 290);
    expect(await at(966)).toBe(56 + 478);
  });
});

describe("writePdf keeps a heading with what follows it", () => {
  const WIDE = `<svg xmlns="http://www.w3.org/2000/svg" width="680" height="300"><rect x="10" y="10" width="600" height="280" fill="#2f7d4f"/><text x="20" y="100">Diagramm Ümsatz</text></svg>`;
  const pageOf = (pages: string[], needle: string) => pages.findIndex((p) => flat(p).includes(needle));

  it("never leaves a heading alone at a page foot above a chart that goes on the next page", async () => {
    // Filler of every length that brings the heading near the page foot.
    for (const lines of [18, 20, 22, 24, 26, 28]) {
      const filler = Array.from({ length: lines }, (_, i) => ({ kind: "paragraph" as const, text: [`Zeile ${i + 1} mit Füllung`] }));
      const pdf = await writePdf(
        tree("de", [
          ...filler,
          { kind: "heading", level: 2, id: "trends", text: ["Ist gegen Ziel, Monat für Monat"] },
          { kind: "chart", svg: WIDE, alt: "x", width: 680, height: 300 },
        ]),
        { paper: "A4", date: new Date("2026-07-01T00:00:00Z") },
      );
      const { pages } = await extractPdf(pdf);
      expect({ lines, heading: pageOf(pages, "Monat für Monat") }).toEqual({ lines, heading: pageOf(pages, "Diagramm Ümsatz") });
    }
  });

  it("keeps a heading with a table whose first rows are tall", async () => {
    for (const lines of [24, 26, 28, 30]) {
      const filler = Array.from({ length: lines }, (_, i) => ({ kind: "paragraph" as const, text: [`Zeile ${i + 1}`] }));
      const tall = (name: string) => [[`${name}\nzweite Zeile\ndritte Zeile\nvierte Zeile`], ["1"]];
      const pdf = await writePdf(
        tree("de", [
          ...filler,
          { kind: "heading", level: 2, id: "period", text: ["Zeitraum bis heute"] },
          { kind: "table", header: [["KPI"], ["Ist"]], rows: [tall("Erste"), tall("Zweite"), tall("Dritte")] },
        ]),
        { paper: "A4", date: new Date("2026-07-01T00:00:00Z") },
      );
      const { pages } = await extractPdf(pdf);
      expect({ lines, heading: pageOf(pages, "Zeitraum bis heute") }).toEqual({ lines, heading: pageOf(pages, "Erste") });
    }
  });

  it("never leaves a table's first row alone at a page foot", async () => {
    for (const lines of [30, 31, 32, 33]) {
      const filler = Array.from({ length: lines }, (_, i) => ({ kind: "paragraph" as const, text: [`Zeile ${i + 1}`] }));
      const rows = ["Kunden", "Angebote", "SQLs", "MQLs", "Leads"].map((v, i) => [[`${v}-Zeile`], [String(60 * (i + 1))]]);
      const pdf = await writePdf(tree("de", [...filler, { kind: "table", header: [["Menge"], ["Nötig"]], rows }]), {
        paper: "A4",
        date: new Date("2026-07-01T00:00:00Z"),
      });
      const { pages } = await extractPdf(pdf);
      expect({ lines, first: pageOf(pages, "Kunden-Zeile") }).toEqual({ lines, first: pageOf(pages, "Angebote-Zeile") });
    }
  });

  it("keeps a section heading with the subheading under it", async () => {
    for (const lines of [30, 32, 34, 36]) {
      const filler = Array.from({ length: lines }, (_, i) => ({ kind: "paragraph" as const, text: [`Zeile ${i + 1}`] }));
      const pdf = await writePdf(
        tree("de", [
          ...filler,
          { kind: "heading", level: 2, id: "months", text: ["Monat für Monat"] },
          { kind: "heading", level: 3, text: ["Juli 2026"] },
          { kind: "table", header: [["KPI"], ["Ziel"]], rows: [[["Umsatz"], ["300.000 €"]]] },
        ]),
        { paper: "A4", date: new Date("2026-07-01T00:00:00Z") },
      );
      const { pages } = await extractPdf(pdf);
      expect({ lines, heading: pageOf(pages, "Monat für Monat") }).toEqual({ lines, heading: pageOf(pages, "Juli 2026") });
    }
  });
});
