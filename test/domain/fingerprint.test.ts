import { describe, expect, it } from "vitest";
import { findFingerprint } from "../../src/domain/fingerprint.js";
import { MAX_VALUE_BYTES, MAX_XREF_ENTRIES, pdfInfoString } from "../../src/domain/pdf-info.js";

const A = `sha256:${"a".repeat(64)}`;
const B = `sha256:${"b".repeat(64)}`;

/** A PDF of the given objects (number → body), with a classic cross-reference table. */
function pdf(objects: Record<number, string>, trailer: string, base = "%PDF-1.3\n", prev?: number): string {
  let text = base;
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), text.length]);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = text.length;
  text += "xref\n";
  for (const [num, offset] of offsets) text += `${num} 1\n${String(offset).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n<<\n${trailer}${prev === undefined ? "" : `\n/Prev ${prev}`}\n>>\nstartxref\n${xref}\n%%EOF\n`;
  return text;
}

describe("pdfInfoString: the document information entry, found through the PDF's structure", () => {
  it("reads a string kept as an indirect object (as pdfkit writes it) or inline", () => {
    expect(pdfInfoString(pdf({ 1: "<<\n/Title 2 0 R\n/SlaFingerprint 3 0 R\n>>", 2: "(A title)", 3: `(${A})` }, "/Info 1 0 R"), "SlaFingerprint")).toBe(A);
    expect(pdfInfoString(pdf({ 1: `<< /Title (x) /SlaFingerprint (${A}) >>` }, "/Info 1 0 R"), "SlaFingerprint")).toBe(A);
  });

  it("ignores the key and a fingerprint inside another entry's text", () => {
    const title = `(Forged /SlaFingerprint \\(${B}\\) /SlaFingerprint 3 0 R)`;
    const doc = pdf({ 1: "<<\n/Title 2 0 R\n/Author 4 0 R\n>>", 2: title, 3: `(${B})`, 4: "(Sales)" }, "/Info 1 0 R");
    expect(pdfInfoString(doc, "SlaFingerprint")).toBeUndefined();
    expect(findFingerprint(Buffer.from(doc, "latin1"))).toBeUndefined();
    expect(pdfInfoString(doc, "Title")).toBe(`Forged /SlaFingerprint (${B}) /SlaFingerprint 3 0 R`);
  });

  it("takes the newest information dictionary of an incremental update", () => {
    const first = pdf({ 1: `<< /SlaFingerprint (${A}) >>` }, "/Info 1 0 R");
    const prev = Number(/startxref\n(\d+)/.exec(first)![1]);
    const updated = pdf({ 5: `<< /SlaFingerprint <${Buffer.from(B).toString("hex")}> >>` }, "/Info 5 0 R", first, prev);
    expect(pdfInfoString(updated, "SlaFingerprint")).toBe(B);
    const untouched = pdf({ 6: "(unrelated)" }, "/Size 7", first, prev);
    expect(pdfInfoString(untouched, "SlaFingerprint")).toBe(A);
  });

  it("decodes UTF-16 text and gives undefined for what it cannot read", () => {
    const utf16 = `(${Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("Satış", "utf16le").swap16()])
      .toString("latin1")
      .replace(/[()\\]/g, "\\$&")})`;
    expect(pdfInfoString(pdf({ 1: `<< /Title ${utf16} >>` }, "/Info 1 0 R"), "Title")).toBe("Satış");
    expect(pdfInfoString("%PDF-1.3\nnot a pdf", "Title")).toBeUndefined();
    expect(pdfInfoString(pdf({ 1: "<< /Title (x) >>" }, "/Info 9 0 R"), "Title")).toBeUndefined();
  });
});

describe("pdfInfoString: a PDF crafted to make the reading long", () => {
  it("ends a loop of /Prev at the first section met again, keeping what it read", () => {
    const startOf = (doc: string) => Number(/startxref\n(\d+)\n%%EOF\n$/.exec(doc)![1]);
    // A section that is its own /Prev; the number is written in the space a placeholder held.
    const self = pdf({ 1: `<< /SlaFingerprint (${A}) >>` }, "/Info 1 0 R /Prev 0000000000");
    expect(pdfInfoString(self.replace("0000000000", String(startOf(self)).padStart(10, "0")), "SlaFingerprint")).toBe(A);
    // Two sections, each the other's /Prev.
    const first = pdf({ 1: `<< /SlaFingerprint (${A}) >>` }, "/Info 1 0 R /Prev 0000000000");
    const second = pdf({ 2: "(unrelated)" }, "/Size 3", first, startOf(first));
    expect(pdfInfoString(second.replace("0000000000", String(startOf(second)).padStart(10, "0")), "SlaFingerprint")).toBe(A);
  });

  it("does not read a trailer or dictionary longer than sla render writes", () => {
    const long = `(${"A".repeat(MAX_VALUE_BYTES)})`;
    expect(pdfInfoString(pdf({ 1: `<< /SlaFingerprint (${A}) >>` }, `/Info 1 0 R /X ${long}`), "SlaFingerprint")).toBeUndefined();
    expect(pdfInfoString(pdf({ 1: `<< /X ${long} /SlaFingerprint (${A}) >>` }, "/Info 1 0 R"), "SlaFingerprint")).toBeUndefined();
    expect(pdfInfoString(pdf({ 1: `<< /X <${"0".repeat(MAX_VALUE_BYTES)}> /SlaFingerprint (${A}) >>` }, "/Info 1 0 R"), "SlaFingerprint")).toBeUndefined();
  });

  it("reads no more cross-reference entries than a document could need", () => {
    const doc = pdf({ 1: `<< /SlaFingerprint (${A}) >>` }, "/Info 1 0 R");
    const at = Number(/startxref\n(\d+)/.exec(doc)![1]);
    const many = (count: number) => `${doc.slice(0, at)}xref\n1000 ${count}\n${"0000000000 65535 f \n".repeat(count)}${doc.slice(at + "xref\n".length)}`;
    expect(pdfInfoString(many(MAX_XREF_ENTRIES - 1), "SlaFingerprint")).toBe(A);
    expect(pdfInfoString(many(MAX_XREF_ENTRIES), "SlaFingerprint")).toBeUndefined();
  });
});

describe("findFingerprint: only where sla render puts it", () => {
  it("Markdown: the comment alone on its line", () => {
    expect(findFingerprint(`<!-- sla-fingerprint:${A} -->\n# Title\n`)).toBe(A);
    expect(findFingerprint(`# Forged <!-- sla-fingerprint:${B} -->\n\nsla-fingerprint ${B}\n`)).toBeUndefined();
  });

  it("HTML: the meta element, not text that mentions it", () => {
    expect(findFingerprint(`<!DOCTYPE html>\n<title>sla-fingerprint ${B}</title>\n<meta name="sla-fingerprint" content="${A}">`)).toBe(A);
    expect(findFingerprint(`<!DOCTYPE html>\n<title>sla-fingerprint ${B} &lt;!-- sla-fingerprint:${B} --&gt;</title>`)).toBeUndefined();
  });
});
