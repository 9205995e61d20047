// The signed agreement as PDF, drawn with pdfkit from the document view: no browser. Text
// is split into font runs (see fonts.ts) so Turkish, German and Japanese are real text.
import PDFDocument from "pdfkit";
import { FontSet, type Weight } from "./fonts.js";
import { fill } from "./labels.js";
import type { Paper } from "./html.js";
import type { DocumentView } from "./view-model.js";

export interface PdfOptions {
  paper: Paper;
  /** Told the characters that no font has (emoji, scripts beyond Latin and Japanese). */
  onMissingGlyphs?: (characters: string[]) => void;
  /** Written as the creation and modification date; fixed so output is reproducible. */
  date: Date;
}

const INK = "#1d2430";
const MUTED = "#5b6472";
const ACCENT = "#1f4e79";
const RULE = "#d5dae1";
const MARGIN = { top: 64, bottom: 72, left: 56, right: 56 };

interface TextStyle {
  size?: number;
  weight?: Weight;
  color?: string;
  width?: number;
  x?: number;
  y?: number;
  align?: "left" | "right" | "center";
  /** Space after the paragraph, in points. */
  after?: number;
}

interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: "left" | "right";
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts = new FontSet();

  constructor(
    private readonly view: DocumentView,
    options: PdfOptions,
  ) {
    this.doc = new PDFDocument({
      size: options.paper === "Letter" ? "LETTER" : "A4",
      margins: MARGIN,
      bufferPages: true,
      lang: view.language,
      displayTitle: true,
      info: {
        Title: view.meta.name,
        Author: view.parties.map((p) => p.name).join(", "),
        Subject: view.meta.subtitle,
        Keywords: `sla-fingerprint ${view.meta.fingerprint}`,
        Creator: "sla",
        Producer: "sla",
        CreationDate: options.date,
        ModDate: options.date,
      },
    });
    (this.doc.info as Record<string, unknown>).SlaFingerprint = view.meta.fingerprint;
    this.fonts.onLoad.push((name, data) => this.doc.registerFont(name, data));
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Writes text in font runs, moving the cursor below it. */
  text(text: string, style: TextStyle = {}): void {
    const { doc } = this;
    let x = style.x ?? MARGIN.left;
    const runs = this.fonts.runs(text, style.weight);
    doc.fontSize(style.size ?? 10).fillColor(style.color ?? INK);
    let width = style.width ?? this.width - (x - MARGIN.left);
    let align = style.align ?? "left";
    // pdfkit aligns each run of a continued line on its own; a line that fits is placed by
    // measuring it whole instead.
    if (align !== "left" && runs.length > 1) {
      const measured = this.widthOf(text, style);
      if (measured <= width) {
        x += align === "right" ? width - measured : (width - measured) / 2;
        width = measured + 1;
        align = "left";
      }
    }
    runs.forEach((run, i) => {
      doc.font(run.font);
      const options: PDFKit.Mixins.TextOptions = { continued: i < runs.length - 1, lineGap: 1.5 };
      if (i === 0) {
        options.width = width;
        options.align = align;
        doc.text(run.text, x, style.y ?? doc.y, options);
      } else doc.text(run.text, options);
    });
    doc.x = MARGIN.left;
    if (style.after) doc.y += style.after;
  }

  /** Width of the text on one line, run by run. */
  widthOf(text: string, style: TextStyle = {}): number {
    const { doc } = this;
    doc.fontSize(style.size ?? 10);
    return this.fonts.runs(text, style.weight).reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0);
  }

  /** Height the text takes at the width, measured in the font that needs most room. */
  heightOf(text: string, width: number, style: TextStyle = {}): number {
    const { doc } = this;
    doc.fontSize(style.size ?? 10);
    const runs = this.fonts.runs(text, style.weight);
    return Math.max(...[...new Set(runs.map((r) => r.font))].map((font) => doc.font(font).heightOfString(text, { width, lineGap: 1.5 })));
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 15 : 11.5;
    // Room for the heading and the start of what follows (a sub-heading, a table's header and
    // first row), so a heading never ends a page alone.
    this.ensure(level === 3 ? 90 : 140);
    this.doc.y += level === 3 ? 6 : 14;
    this.text(text, { size, weight: "bold", color: level === 3 ? INK : ACCENT, after: 2 });
    if (level === 2) {
      const y = this.doc.y;
      this.doc
        .moveTo(MARGIN.left, y)
        .lineTo(MARGIN.left + this.width, y)
        .lineWidth(1.2)
        .strokeColor(ACCENT)
        .stroke();
      this.doc.y += 8;
    } else this.doc.y += 3;
  }

  paragraph(text: string | null): void {
    if (text) this.text(text, { after: 6 });
  }

  bullets(items: readonly string[], label?: string): void {
    if (!items.length) return;
    if (label) {
      this.ensure(30);
      this.text(label, { weight: "bold", color: MUTED, after: 2 });
    }
    for (const item of items) {
      this.ensure(this.heightOf(item, this.width - 14) + 2);
      const y = this.doc.y;
      this.text("•", { x: MARGIN.left + 2, y, width: 10 });
      this.text(item, { x: MARGIN.left + 14, y, after: 2 });
    }
    this.doc.y += 4;
  }

  field(label: string, value: string | null): void {
    if (!value) return;
    const line = `${label}: ${value}`;
    this.ensure(this.heightOf(line, this.width));
    const y = this.doc.y;
    // The label in bold, the value after it on the same line.
    const labelRuns = `${label}: `;
    this.text(labelRuns, { weight: "bold", color: MUTED, y });
    const labelWidth = this.widthOf(labelRuns, { weight: "bold" });
    if (labelWidth < this.width * 0.45) {
      this.text(value, { x: MARGIN.left + labelWidth, y, after: 2 });
    } else {
      this.text(value, { after: 2 });
    }
  }

  table(columns: Column[], rows: string[][]): void {
    const pad = 4;
    const widths = this.columnWidths(columns, rows, pad);
    const heightOfRow = (cells: string[], header: boolean) =>
      Math.max(...cells.map((cell, i) => this.heightOf(cell, widths[i]! - 2 * pad, { size: 9, weight: header ? "bold" : "regular" }))) + 2 * pad;
    const drawRow = (cells: string[], header: boolean, height = heightOfRow(cells, header)) => {
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!header)
          drawRow(
            columns.map((c) => c.header),
            true,
          );
      }
      const y = this.doc.y;
      if (header) this.doc.rect(MARGIN.left, y, this.width, height).fillColor("#f1f4f8").fill();
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        this.text(cell, { x: x + pad, y: y + pad, width: widths[i]! - 2 * pad, size: 9, weight: header ? "bold" : "regular", align: columns[i]!.align });
        x += widths[i]!;
      });
      this.doc
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + this.width, y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.y = y + height;
      this.doc.x = MARGIN.left;
    };
    const headers = columns.map((c) => c.header);
    this.ensure(heightOfRow(headers, true) + (rows[0] ? heightOfRow(rows[0], false) : 0));
    drawRow(headers, true);
    rows.forEach((row, i) => {
      const height = heightOfRow(row, false);
      // The last row never goes alone under a repeated header: the one before goes with it.
      const last = rows[i + 1];
      if (i > 0 && i === rows.length - 2 && last && this.doc.y + height <= this.bottom && this.doc.y + height + heightOfRow(last, false) > this.bottom) {
        this.doc.addPage();
        drawRow(headers, true);
      }
      drawRow(row, false, height);
    });
    this.doc.y += 8;
  }

  /**
   * The columns' shares of the width, widened where a column's longest word would not fit
   * (a German "Verantwortlich" in a narrow column would break inside the word), at the cost
   * of columns with room to spare.
   */
  private columnWidths(columns: Column[], rows: string[][], pad: number): number[] {
    const widths = columns.map((c) => c.width * this.width);
    const longestWord = columns.map((c, i) => {
      // A loop, not Math.max(...): a long table has more words than a call takes arguments.
      let widest = 0;
      for (const word of words(c.header)) widest = Math.max(widest, this.widthOf(word, { size: 9, weight: "bold" }));
      for (const row of rows) for (const word of words(row[i] ?? "")) widest = Math.max(widest, this.widthOf(word, { size: 9 }));
      return Math.min(this.width * 0.4, widest + 2 * pad + 1);
    });
    const shortfall = widths.reduce((sum, width, i) => sum + Math.max(0, longestWord[i]! - width), 0);
    const slack = widths.reduce((sum, width, i) => sum + Math.max(0, width - longestWord[i]!), 0);
    if (shortfall === 0 || slack < shortfall) return widths;
    return widths.map((width, i) => (width < longestWord[i]! ? longestWord[i]! : width - ((width - longestWord[i]!) / slack) * shortfall));
  }

  signatureBlock(party: string, name: string, title: string): void {
    const { fields } = this.view.labels;
    const height = 150;
    // A signature block never splits across pages.
    this.ensure(height + 10);
    const y = this.doc.y;
    this.doc.rect(MARGIN.left, y, this.width, height).lineWidth(0.8).strokeColor(RULE).stroke();
    this.text(party, { x: MARGIN.left + 12, y: y + 10, weight: "bold", color: MUTED });
    this.text(name, { x: MARGIN.left + 12, y: y + 28, weight: "bold", size: 11 });
    this.text(title, { x: MARGIN.left + 12, y: y + 44 });
    const lineY = y + 100;
    const half = (this.width - 36) / 2;
    for (const [i, label] of [fields.date!, fields.signature!].entries()) {
      const x = MARGIN.left + 12 + i * (half + 12);
      this.doc
        .moveTo(x, lineY)
        .lineTo(x + half, lineY)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke();
      this.text(label, { x, y: lineY + 5, width: half, size: 8.5, color: MUTED });
    }
    this.doc.y = y + height + 12;
    this.doc.x = MARGIN.left;
  }

  /**
   * The agreement's name and version on one line: a second line would be drawn over the
   * fingerprint below it, so a long name is shortened with an ellipsis.
   */
  private footerTitle(width: number): string {
    const { view } = this;
    const suffix = ` · ${view.labels.document.version} ${view.meta.version}`;
    const style = { size: 8 };
    if (this.widthOf(view.meta.name + suffix, style) <= width) return view.meta.name + suffix;
    // The longest start of the name that fits, found by halving: a name of thousands of
    // characters is measured a dozen times, not once per character.
    const characters = Array.from(new Intl.Segmenter(view.locale, { granularity: "grapheme" }).segment(view.meta.name), (part) => part.segment);
    const shortened = (length: number) => `${characters.slice(0, length).join("").trimEnd()}…${suffix}`;
    let [fits, tooLong] = [1, characters.length];
    while (tooLong - fits > 1) {
      const middle = (fits + tooLong) >> 1;
      if (this.widthOf(shortened(middle), style) <= width) fits = middle;
      else tooLong = middle;
    }
    return shortened(fits);
  }

  /** Page numbers and the running footer, drawn once every page exists. */
  footers(): void {
    const { doc, view } = this;
    const range = doc.bufferedPageRange();
    const title = this.footerTitle(this.width * 0.72);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin must not start a new page.
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN.bottom + 28;
      doc
        .moveTo(MARGIN.left, y - 8)
        .lineTo(MARGIN.left + this.width, y - 8)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      const page = fill(view.labels.document.page!, { page: i + 1, pages: range.count });
      this.text(title, { y, width: this.width * 0.72, size: 8, color: MUTED });
      this.text(page, { x: MARGIN.left + this.width * 0.72, y, width: this.width * 0.28, size: 8, color: MUTED, align: "right" });
      this.text(view.meta.fingerprint, { y: y + 11, size: 6.5, color: MUTED });
      doc.page.margins.bottom = savedBottom;
    }
  }
}

/** The words a line may break between: Japanese and Chinese break between characters. */
function words(text: string): string[] {
  // A katakana word (マーケティング) is kept whole: breaking inside one reads badly.
  return text.match(/[\u30a0-\u30ff]+|[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+/gu) ?? [];
}

export async function renderPdf(view: DocumentView, options: PdfOptions): Promise<Buffer> {
  const w = new Writer(view, options);
  const { doc } = w;
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  writeDocument(w, view);
  w.footers();
  doc.end();
  await finished;
  if (w.fonts.missing.size) options.onMissingGlyphs?.([...w.fonts.missing]);
  return Buffer.concat(chunks);
}

function writeDocument(w: Writer, view: DocumentView): void {
  const { labels } = view;
  const { sections: s, fields: f, document: d } = labels;

  // Title page.
  w.doc.y = 140;
  w.text(view.meta.name, { size: 24, weight: "bold", color: ACCENT, after: 10 });
  w.text(view.meta.subtitle, { size: 13, color: MUTED, after: 30 });
  w.table(
    [
      { header: "", width: 0.35 },
      { header: "", width: 0.65 },
    ].map((c, i) => ({ ...c, header: i === 0 ? d.version! : view.meta.version })),
    [
      [d.effectiveDate!, view.meta.effectiveDate],
      [d.reviewPeriod!, view.meta.reviewPeriod],
      [d.parties!, view.parties.map((p) => p.name).join(view.separator)],
      [d.fingerprint!, view.meta.fingerprint],
    ],
  );
  w.doc.addPage();

  w.heading(s.purpose!, 2);
  w.paragraph(view.purpose);
  w.bullets(view.scope, s.scope);
  w.bullets(view.goals, s.goals);

  w.heading(s.parties!, 2);
  for (const party of view.parties) {
    w.heading(party.name, 3);
    w.bullets(party.responsibilities, f.responsibilities);
  }

  w.heading(s.icps!, 2);
  for (const icp of view.icps) {
    w.heading(icp.name, 3);
    w.paragraph(icp.description);
    w.field(f.employees!, icp.employees);
    w.field(f.annualRevenue!, icp.annualRevenue);
    w.field(f.industries!, icp.industries.join(view.separator) || null);
    w.field(f.regions!, icp.regions.join(view.separator) || null);
    w.field(f.technologies!, icp.technologies.join(view.separator) || null);
    w.bullets(icp.pains, f.pains);
  }

  w.heading(s.personas!, 2);
  for (const p of view.personas) {
    w.heading(p.name, 3);
    w.field(f.icp!, p.icp);
    w.field(f.role!, p.role);
    w.field(f.channels!, p.channels.join(view.separator) || null);
    w.bullets(p.goals, f.goals);
    w.bullets(p.pains, f.pains);
    w.bullets(p.objections, f.objections);
  }

  if (view.buyerJourney.length) {
    w.heading(s.buyerJourney!, 2);
    for (const j of view.buyerJourney) {
      w.heading(`${j.name} (${j.funnel})`, 3);
      w.paragraph(j.description);
      w.bullets(j.content, f.content);
    }
  }

  w.heading(s.lifecycleStages!, 2);
  for (const st of view.lifecycleStages) {
    w.heading(`${st.number}. ${st.name}`, 3);
    w.field(f.owner!, st.owner);
    w.field(f.journeyStage!, st.journeyStage);
    w.field(f.maxTimeInStage!, st.maxTimeInStage);
    w.field(f.automation!, st.automation);
    w.bullets(st.entryCriteria, f.entryCriteria);
    w.bullets(st.exitCriteria, f.exitCriteria);
  }

  if (view.leadTypes.length) {
    w.heading(s.leadTypes!, 2);
    for (const t of view.leadTypes) {
      w.heading(t.name, 3);
      w.paragraph(t.description);
      w.field(f.owner!, t.owner);
      w.field(f.timeToFirstAttempt!, t.timeToFirstAttempt);
      w.bullets(t.criteria, f.criteria);
    }
  }

  if (view.leadStatuses.length) {
    w.heading(s.leadStatuses!, 2);
    w.table(
      [
        { header: f.leadStatus!, width: 0.45 },
        { header: f.stage!, width: 0.2 },
        { header: f.returnsToMarketing!, width: 0.35 },
      ],
      view.leadStatuses.map((st) => [
        st.description ? `${st.name}\n${st.description}` : st.name,
        st.stage ?? "",
        st.returnsToMarketing ? [labels.values.yes!, ...st.returnReasons.map((reason) => `• ${reason}`)].join("\n") : labels.values.no!,
      ]),
    );
  }

  if (view.dealStages.length) {
    w.heading(s.dealStages!, 2);
    w.table(
      [
        { header: f.dealStage!, width: 0.6 },
        { header: f.probability!, width: 0.2, align: "right" },
        { header: f.outcome!, width: 0.2 },
      ],
      view.dealStages.map((st) => [st.description ? `${st.name}\n${st.description}` : st.name, st.probability, st.outcome]),
    );
  }

  if (view.leadScoring) {
    w.heading(s.leadScoring!, 2);
    w.table(
      [
        { header: f.criterion!, width: 0.6 },
        { header: f.category!, width: 0.25 },
        { header: f.points!, width: 0.15, align: "right" },
      ],
      view.leadScoring.criteria.map((c) => [c.name, c.category, c.points]),
    );
    w.field(f.mqlThreshold!, view.leadScoring.mqlThreshold);
    w.field(f.sqlThreshold!, view.leadScoring.sqlThreshold);
    w.field(f.decay!, view.leadScoring.decay);
  }

  if (view.connectAttempt) {
    const c = view.connectAttempt;
    w.heading(s.connectAttempt!, 2);
    w.field(f.timeToFirstAttempt!, c.timeToFirstAttempt);
    w.field(f.attempts!, c.attempts);
    w.field(f.window!, c.window);
    w.field(f.channels!, c.channels);
    w.doc.y += 4;
    w.bullets(c.counts, f.counts);
    w.bullets(c.doesNotCount, f.doesNotCount);
    if (c.sequence.length) {
      w.table(
        [
          { header: f.attempt!, width: 0.12, align: "right" },
          { header: f.after!, width: 0.22 },
          { header: f.channel!, width: 0.16 },
          { header: f.note!, width: 0.5 },
        ],
        c.sequence.map((x) => [String(x.number), x.after, x.channel, x.note ?? ""]),
      );
    }
    if (c.whenExhausted) w.field(f.whenExhausted!, [c.whenExhausted.status, c.whenExhausted.action].filter(Boolean).join(". "));
  }

  w.heading(s.kpis!, 2);
  w.table(
    [
      { header: f.kpi!, width: 0.3 },
      { header: f.owner!, width: 0.13 },
      { header: f.target!, width: 0.2, align: "right" },
      { header: f.direction!, width: 0.15 },
      { header: f.cadence!, width: 0.11 },
      { header: f.indicator!, width: 0.11 },
    ],
    view.kpis.map((k) => [k.name, k.owner ?? "", k.target, k.direction, k.cadence, k.indicator ?? ""]),
  );

  w.heading(s.funnel!, 2);
  w.paragraph(view.funnel.intro);
  if (view.funnel.available) {
    w.table(
      [
        { header: f.volume!, width: 0.2 },
        { header: f.rate!, width: 0.26 },
        { header: f.neededPeriod!, width: 0.18, align: "right" },
        { header: f.neededMonth!, width: 0.18, align: "right" },
        { header: f.committedMonth!, width: 0.18, align: "right" },
      ],
      view.funnel.rows.map((r) => [r.label, r.rate ?? "", r.neededPeriod, r.neededMonth, r.committedMonth ?? ""]),
    );
  }

  if (view.reporting) {
    const r = view.reporting;
    w.heading(s.reporting!, 2);
    w.field(f.cadence!, r.cadence);
    w.field(f.owner!, r.owner);
    w.field(f.report!, r.report);
    if (r.reviewMeeting) {
      w.field(f.reviewMeeting!, [r.reviewMeeting.name, r.reviewMeeting.cadence].filter(Boolean).join(view.separator));
      w.bullets(r.reviewMeeting.participants, f.participants);
      w.bullets(r.reviewMeeting.agenda, f.agenda);
    }
  }

  w.doc.addPage();
  w.heading(s.signatures!, 2);
  for (const sig of view.signatures) for (const person of sig.signatories) w.signatureBlock(sig.party, person.name, person.title);
  w.text(`${d.fingerprint}: ${view.meta.fingerprint}`, { size: 8, color: MUTED });
}
