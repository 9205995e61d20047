import { describe, expect, it } from "vitest";
import type { Block, DocumentTree } from "../../src/document/model.js";
import { plainText } from "../../src/document/model.js";
import { writeHtml } from "../../src/document/html.js";
import { writeMarkdown } from "../../src/document/markdown.js";
import { writePdf } from "../../src/document/pdf.js";
import { extractPdf } from "../helpers/pdf.js";
import { reportDocument } from "../../src/report/format/document.js";
import { formatReportJson } from "../../src/report/format/json.js";
import { fixtureAgreement, fixtureReport } from "./fixtures.js";

function blocksOf(tree: DocumentTree): Block[] {
  const all: Block[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      all.push(b);
      if (b.kind === "section") walk(b.blocks);
    }
  };
  walk(tree.blocks);
  return all;
}

const headings = (tree: DocumentTree) => blocksOf(tree).flatMap((b) => (b.kind === "heading" ? [`${b.level} ${plainText(b.text)}`] : []));

describe("the report as a document", () => {
  it("has the scorecard, the period to date, the funnel, compliance, returned leads, every month and the data quality", () => {
    const tree = reportDocument(fixtureReport("en"), fixtureAgreement("en"), "en");
    expect(tree.language).toBe("en");
    expect(headings(tree)).toEqual([
      "1 SLA scorecard: Anatolia Pumps Marketing & Sales Service Level Agreement",
      "2 Scorecard for October 2026",
      "2 Period to date (4 of 6 months)",
      "2 Funnel: planned against measured",
      "2 Connect-attempt compliance",
      "3 Worst breaches (8 of 52)",
      "2 Leads returned to marketing (37)",
      "2 Month by month",
      "3 July 2026",
      "3 August 2026",
      "3 September 2026",
      "3 October 2026",
      "2 Data quality",
    ]);
    const scorecard = blocksOf(tree).find((b) => b.kind === "table")!;
    expect(scorecard.kind === "table" && scorecard.rows[0]!.map(plainText)).toEqual(["New-business revenue", "€300,000", "€216,000", "72%", "off track"]);
    // No chart unless asked: Markdown goes without.
    expect(blocksOf(tree).some((b) => b.kind === "chart")).toBe(false);
    // The fixture lists 8 of its 52 breaches: the rest are counted, with how to list them.
    const paragraphs = blocksOf(tree).flatMap((b) => (b.kind === "paragraph" ? [plainText(b.text)] : []));
    expect(paragraphs).toContain("44 more breaches are not listed; --breaches all lists every one.");
  });

  it("draws a chart per measured KPI and one of the funnel's rates when asked", () => {
    const tree = reportDocument(fixtureReport("en"), fixtureAgreement("en"), "en", { charts: true });
    const charts = blocksOf(tree).filter((b): b is Extract<Block, { kind: "chart" }> => b.kind === "chart");
    // 17 KPIs, one never measured (customer lifetime value), two a row; and the funnel.
    expect(charts).toHaveLength(16 / 2 + 1);
    // Two a row within the A4 text width (483 pt), so the PDF prints the axis labels at their size.
    expect(charts[0]!.width).toBe(2 * 240);
    expect(charts[0]!.alt.split("\n")[0]).toBe(
      "New-business revenue, actual against target per month: Jul: €183,000 / €300,000, Aug: €267,000 / €300,000, Sep: €318,000 / €300,000, and Oct: €216,000 / €300,000",
    );
    expect(charts.at(-1)!.alt).toContain("MQL→SQL rate: 40% / 32.5%");
    expect(headings(tree)).toContain("2 Actual against target, month by month");
  });

  it("is worded in the agreement's language", () => {
    const tree = reportDocument(fixtureReport("ja"), fixtureAgreement("ja"), "ja", { charts: true });
    expect(headings(tree)).toContain("2 2026年10月のスコアカード");
    expect(headings(tree)).toContain("2 接触試行の遵守状況");
    const md = writeMarkdown(tree);
    expect(md).toMatch(/- \*\*合意書：\*\* .+ · バージョン 2026\.2\n/);
    expect(md).toContain("- **レビュー期間：** 2026年7月1日～2026年12月31日\n");
    expect(md).toContain("| 新規売上高 | ￥60,000,000 | ￥43,200,000 | 72% | **未達** |");
  });

  it("is written as Markdown for a pull request and as one HTML file with its charts", () => {
    const md = writeMarkdown(reportDocument(fixtureReport("tr"), fixtureAgreement("tr"), "tr"));
    expect(md).toContain("# SLA karnesi: Anadolu Pompa Pazarlama ve Satış Hizmet Seviyesi Sözleşmesi");
    expect(md).toContain("Ölçülen MQL → SQL oranı %36,6 iken dönem boyunca 809 değil 996 MQL gerekiyor.");
    expect(md).not.toContain("<svg");
    const html = writeHtml(reportDocument(fixtureReport("tr"), fixtureAgreement("tr"), "tr", { charts: true }), { paper: "A4" });
    expect(html).toContain('lang="tr"');
    expect(html.match(/data:image\/svg\+xml;base64,/g)).toHaveLength(9);
  });

  it("gives the scorecard's status a column its words fit in on one line: Turkish “hedefin gerisinde”", async () => {
    const tree = reportDocument(fixtureReport("tr"), fixtureAgreement("tr"), "tr");
    const pdf = await writePdf({ ...tree, blocks: tree.blocks.slice(0, 3) }, { paper: "A4", date: new Date("2026-07-01T00:00:00Z") });
    const lines = (await extractPdf(pdf)).pages.join("\n").split("\n");
    expect(lines.filter((l) => l.includes("hedefin gerisinde")).length).toBeGreaterThan(3);
    expect(lines.filter((l) => /^\s*gerisinde\s*$/.test(l) || /hedefin\s*$/.test(l))).toEqual([]);
  });

  it("keeps the exports' text as text", () => {
    const report = fixtureReport("en");
    report.returned!.byReason[0]!.reason = "<script>alert(1)</script> | ## not a heading";
    const md = writeMarkdown(reportDocument(report, fixtureAgreement("en"), "en"));
    expect(md).not.toContain("<script>");
    const html = writeHtml(reportDocument(report, fixtureAgreement("en"), "en", { charts: true }), { paper: "A4" });
    expect(html).not.toContain("<script>alert");
  });
});

describe("the JSON report", () => {
  it("is the Report as it is, version 1, with null where nothing was measured", () => {
    const report = fixtureReport("en");
    const json = formatReportJson(report);
    expect(JSON.parse(json)).toEqual(report);
    const parsed = JSON.parse(json) as typeof report;
    expect(parsed.version).toBe(1);
    expect(parsed.months.at(-1)!.kpis.find((k) => k.id === "customer-lifetime-value")).toMatchObject({ actual: null, attainment: null, status: "no-data" });
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("prints as it parses: no line is a workflow command", () => {
    const report = fixtureReport("en");
    report.connect!.breaches[0]!.owner = "##[error]x\u202e";
    const json = formatReportJson(report);
    expect(json).not.toContain("##[");
    expect(json).toContain("\\u202e");
    expect(JSON.parse(json).connect.breaches[0].owner).toBe("##[error]x\u202e");
  });
});
