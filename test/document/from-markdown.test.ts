import { describe, expect, it } from "vitest";
import { parseInlines, parseMarkdown } from "../../src/document/from-markdown.js";
import { joinCjkLines, minusSign } from "../../src/document/text.js";
import { markdownBlock, markdownInline } from "../../src/util/markdown-text.js";

describe("parseMarkdown: the Markdown a template writes, as blocks", () => {
  it("reads user text escaped as Markdown back as the same text", () => {
    const texts = [
      "# not a heading",
      "1. not a list",
      "[a link](x) and `code` and **bold** | pipe",
      "<img src=x> &amp; R&D",
      "Çağrı İş ÄÖÜß \\ back",
      "営業：見積",
    ];
    for (const text of texts) expect(parseInlines(markdownInline(text))).toEqual([text]);
    expect(parseMarkdown(`${markdownBlock("line one\n# line two")}`.replace(/\n/g, "\\\n"), "en")).toEqual([
      { kind: "paragraph", text: ["line one\n# line two"] },
    ]);
  });

  it("reads headings with ids, giving every level-2 heading one", () => {
    expect(parseMarkdown("# Title\n\n## Zweck {#purpose}\n\n## Ohne\n\n### Unter", "de")).toEqual([
      { kind: "heading", level: 1, text: ["Title"] },
      { kind: "heading", level: 2, text: ["Zweck"], id: "purpose" },
      { kind: "heading", level: 2, text: ["Ohne"], id: "section-1" },
      { kind: "heading", level: 3, text: ["Unter"] },
    ]);
  });

  it("reads a list of labelled values as fields, and a caption before a list as its label", () => {
    expect(parseMarkdown("- **Verantwortlich:** Vertrieb\n- **Kanäle:** Telefon, E-Mail", "de")).toEqual([
      {
        kind: "fields",
        rows: [
          { label: ["Verantwortlich"], value: ["Vertrieb"] },
          { label: ["Kanäle"], value: ["Telefon, E-Mail"] },
        ],
      },
    ]);
    expect(parseMarkdown("**Schmerzpunkte**\n\n- Ausfälle\n- Kosten", "de")).toEqual([
      { kind: "list", label: ["Schmerzpunkte"], items: [["Ausfälle"], ["Kosten"]] },
    ]);
  });

  it("reads tables with alignment and line breaks; a table with an empty header row is fields", () => {
    expect(parseMarkdown("| KPI | Ziel |\n| --- | ---: |\n| **Umsatz**<br>netto | 1\\|2 |", "de")).toEqual([
      { kind: "table", header: [["KPI"], ["Ziel"]], rows: [[[{ strong: "Umsatz" }, "\nnetto"], ["1|2"]]], align: ["left", "right"] },
    ]);
    expect(parseMarkdown("| | |\n| --- | --- |\n| Version | 2026.2 |", "de")).toEqual([{ kind: "fields", rows: [{ label: ["Version"], value: ["2026.2"] }] }]);
  });

  it("reads fenced divs: subtitle, note, page break, table of contents and signature blocks with a seal", () => {
    const blocks = parseMarkdown(
      '::: subtitle\nUntertitel\n:::\n\n::: pagebreak\n:::\n\n::: toc\n目次\n:::\n\n::: {.signature seal="印"}\n**営業部を代表して**\n\n田中 健一\\\n営業本部長\n\n- 場所、日付\n- 署名\n:::\n\n::: signature\n**Für Vertrieb**\n\nKatrin Weber\n:::\n\n::: note\nFußnote\n:::',
      "ja",
    );
    expect(blocks).toEqual([
      { kind: "paragraph", text: ["Untertitel"], role: "subtitle" },
      { kind: "pageBreak" },
      { kind: "toc", title: ["目次"] },
      {
        kind: "signatures",
        parties: [
          {
            party: ["営業部を代表して"],
            lines: [],
            signatories: [{ lines: [["田中 健一"], ["営業本部長"]], blanks: [["場所、日付"], ["署名"]], seal: ["印"] }],
          },
          { party: ["Für Vertrieb"], lines: [], signatories: [{ lines: [["Katrin Weber"]], blanks: [] }] },
        ],
      },
      { kind: "paragraph", text: ["Fußnote"], role: "note" },
    ]);
  });

  it("joins Japanese lines without a space and gives a Japanese label the full-width colon", () => {
    expect(parseMarkdown("合意する。\nこれにより\nSLA を守る", "ja")).toEqual([{ kind: "paragraph", text: ["合意する。これにより SLA を守る"] }]);
    expect(parseMarkdown("**終了時:** 差し戻し", "ja")).toEqual([{ kind: "paragraph", text: [{ strong: "終了時：" }, "差し戻し"] }]);
    expect(joinCjkLines("合意する。 これにより 山田 花子", "ja")).toBe("合意する。これにより 山田 花子");
    expect(joinCjkLines("Satz. Noch einer", "de")).toBe("Satz. Noch einer");
    expect(minusSign("-30")).toBe("−30");
  });

  it("reads the words a change deleted and inserted, and two spaces at a line's end as a line break", () => {
    expect(parseInlines("call <del>within 4 hours</del><ins>within 2 hours</ins> \\<b\\>")).toEqual([
      "call ",
      { deleted: "within 4 hours" },
      { inserted: "within 2 hours" },
      " <b>",
    ]);
    expect(parseMarkdown("Review period: a → b  \nCompared: x → y", "en")).toEqual([{ kind: "paragraph", text: ["Review period: a → b\nCompared: x → y"] }]);
  });
});
