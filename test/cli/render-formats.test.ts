// One layout, three writers: the Markdown, HTML and PDF of an agreement carry the same text,
// a team's own template changes all three, and no word of the PDF is drawn over another.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { ROOT, STARTERS, sla, tempDir } from "../helpers/cli.js";

const FILES = ["sla.example.yaml", ...["de", "tr", "ja"].map((l) => `test/fixtures/i18n/${l}.sla.yaml`), STARTERS.ja];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const decode = (text: string) => text.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
/** The letters of a text in order: what a reader reads, whatever the markup and line breaks. */
const letters = (text: string) => [...text].filter((c) => /\p{L}/u.test(c)).join("");

function render(file: string, format: "md" | "html" | "pdf", template?: string): Buffer {
  const dir = tempDir();
  const result = sla(["render", join(ROOT, file), "-o", join(dir, `out.${format}`), ...(template ? ["--template", template] : [])]);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(join(dir, `out.${format}`));
}

const markdownText = (md: string) =>
  decode(
    md
      .replace(/^<!--.*-->\n/, "")
      .replace(/\]\([^)]*\)/g, "]")
      .replace(/\\(.)/g, "$1")
      .replace(/<br>/g, " "),
  );
const htmlText = (html: string) =>
  decode(
    html
      .replace(/<head>[\s\S]*<\/head>/, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  );

/** Each page's text items: where they are and what they say. */
async function pdfItems(pdf: Buffer): Promise<{ text: string; x0: number; x1: number; y0: number; y1: number }[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const items = (await (await doc.getPage(p)).getTextContent()).items.filter((i) => "str" in i && i.str.trim()) as {
      str: string;
      transform: number[];
      width: number;
      height: number;
    }[];
    pages.push(items.map((i) => ({ text: i.str, x0: i.transform[4]!, x1: i.transform[4]! + i.width, y0: i.transform[5]!, y1: i.transform[5]! + i.height })));
  }
  await doc.destroy();
  return pages;
}

/**
 * The letters of the PDF's text above the footers (which repeat the name, the page and the
 * fingerprint below the bottom margin), and without a table's header where it is repeated at
 * the top of a page the table continues on.
 */
function pdfLetters(pages: Awaited<ReturnType<typeof pdfItems>>, expected: string, headers: string[]): string {
  let text = "";
  for (const page of pages) {
    const body = letters(
      page
        .filter((i) => i.y0 > 60)
        .map((i) => i.text)
        .join(" "),
    );
    const repeated = headers.find((h) => body.startsWith(h) && !expected.startsWith(text + body) && expected.startsWith(text + body.slice(h.length)));
    text += repeated ? body.slice(repeated.length) : body;
  }
  return text;
}

/** Word boxes that overlap on a page: text drawn over other text. */
function overlaps(pages: Awaited<ReturnType<typeof pdfItems>>): string[] {
  const found: string[] = [];
  pages.forEach((boxes, p) => {
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [A, B] = [boxes[a]!, boxes[b]!];
        if (Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0) > 0.5 && Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0) > 0.5)
          found.push(`page ${p + 1}: "${A.text}" / "${B.text}"`);
      }
  });
  return found;
}

describe("sla render: one layout, three writers", () => {
  it.each(FILES)("%s: Markdown, HTML and PDF carry the same text, and no word of the PDF overlaps another", async (file) => {
    const md = render(file, "md").toString("utf8");
    const text = letters(markdownText(md));
    expect(letters(htmlText(render(file, "html").toString("utf8")))).toBe(text);
    const pages = await pdfItems(render(file, "pdf"));
    const headers = [...md.matchAll(/^(\|.*)\n\| (?:---:?|:?---) /gm)].map((m) => letters(markdownText(m[1]!))).filter(Boolean);
    expect(pdfLetters(pages, text, headers)).toBe(text);
    expect(overlaps(pages)).toEqual([]);
  });
});

describe("sla render --template: a team's own template reaches every format", () => {
  it("renames one section and drops another in the Markdown, the HTML and the PDF", async () => {
    const builtIn = readFileSync(join(ROOT, "templates/markdown/document.md.hbs"), "utf8");
    const scoring = /\{\{#if leadScoring\}\}\n## [\s\S]*?\n\{\{\/if\}\}\n(?=\{\{#if connectAttempt\}\})/;
    expect(builtIn).toMatch(scoring);
    const own = builtIn.replace("## {{labels.sections.kpis}} {#kpis}", "## Zielwerte, über die wir uns einig sind {#kpis}").replace(scoring, "");
    const dir = tempDir();
    mkdirSync(join(dir, "own"));
    writeFileSync(join(dir, "own", "document.md.hbs"), own);
    const template = join(dir, "own");

    const md = render("test/fixtures/i18n/de.sla.yaml", "md", template).toString("utf8");
    const html = render("test/fixtures/i18n/de.sla.yaml", "html", template).toString("utf8");
    const pdf = (await pdfItems(render("test/fixtures/i18n/de.sla.yaml", "pdf", template))).flat().map((i) => i.text);
    expect(md).toContain("## Zielwerte, über die wir uns einig sind\n");
    expect(html).toContain('<h2 id="kpis">Zielwerte, über die wir uns einig sind</h2>');
    expect(pdf).toContain("Zielwerte, über die wir uns einig sind");
    // Gone from the text and from the table of contents.
    for (const text of [md, html, pdf.join("\n")]) {
      expect(text).not.toContain("Lead-Scoring");
      expect(text).not.toContain("KPI-Zielwerte");
    }
  });
});
