// Reads one entry of a PDF's document information dictionary the way a PDF reader finds it:
// `startxref`, the cross-reference table, the trailer's `/Info`, then the entry in that
// dictionary. Searching the bytes for a key instead would also find it inside the title or
// any other string the agreement's own text ends up in.
//
// Only what `sla render` (pdfkit) writes, and what an incremental update appends to it, is
// understood: classic cross-reference tables, `/Prev` chains, string values inline or as
// indirect objects. Anything else gives undefined, never a guess.

type PdfValue =
  | { kind: "dict"; entries: Map<string, PdfValue> }
  | { kind: "ref"; num: number }
  | { kind: "string"; bytes: string }
  | { kind: "number"; value: number }
  | { kind: "other" };

// A crafted file must not make the reading long (`sla verify` runs on documents from anyone):
// each section is read once, however many `/Prev` lead to it, and every value parsed, the
// number of sections and the entries read are bounded, so the work is at most linear in the
// file's size and small beside reading it. Past a bound the entry is not found.

/** How many cross-reference sections are followed (a document updated incrementally many times). */
const MAX_SECTIONS = 64;
/**
 * The most bytes a trailer, the information dictionary or the entry's value may span. pdfkit
 * writes a trailer of a few hundred bytes and the dictionary's strings as objects of their own.
 */
export const MAX_VALUE_BYTES = 64 * 1024;
/** The most cross-reference entries read, over all sections: far more objects than any agreement's PDF holds. */
export const MAX_XREF_ENTRIES = 1_000_000;
const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[\0\t\n\f\r ()<>[\]{}/%]/;

/** The text of the information entry `key`, or undefined when there is none or it cannot be read. */
export function pdfInfoString(pdf: string, key: string): string | undefined {
  const offsets = new Map<number, number>();
  const read = new Set<number>();
  const budget = { entries: MAX_XREF_ENTRIES };
  let info: PdfValue | undefined;
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.slice(-1024));
  let at: number | undefined = start ? Number(start[1]) : undefined;
  // A section met again (a loop of `/Prev`) has nothing new: the chain ends there.
  for (let sections = 0; at !== undefined && !read.has(at) && sections < MAX_SECTIONS; sections++) {
    read.add(at);
    const trailer = readXrefSection(pdf, at, offsets, budget);
    if (!trailer) return undefined;
    info ??= trailer.entries.get("Info");
    const prev = trailer.entries.get("Prev");
    at = prev?.kind === "number" ? prev.value : undefined;
  }
  const dict = resolve(pdf, info, offsets);
  if (dict?.kind !== "dict") return undefined;
  const value = resolve(pdf, dict.entries.get(key), offsets);
  return value?.kind === "string" ? decodeText(value.bytes) : undefined;
}

/**
 * Adds the section's objects not yet known (newer sections come first) and returns its trailer;
 * undefined when it cannot be read or holds more entries than the budget has left.
 */
function readXrefSection(pdf: string, at: number, offsets: Map<number, number>, budget: { entries: number }): { entries: Map<string, PdfValue> } | undefined {
  const header = /xref\s+/y;
  header.lastIndex = at;
  if (!header.test(pdf)) return undefined;
  let pos = header.lastIndex;
  const subsection = /(\d+)\s+(\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s{1,2}/y;
  for (;;) {
    subsection.lastIndex = pos;
    const sub = subsection.exec(pdf);
    if (!sub) break;
    pos = subsection.lastIndex;
    for (let i = 0; i < Number(sub[2]); i++) {
      if (--budget.entries < 0) return undefined;
      entry.lastIndex = pos;
      const e = entry.exec(pdf);
      if (!e) return undefined;
      pos = entry.lastIndex;
      const num = Number(sub[1]) + i;
      if (e[3] === "n" && !offsets.has(num)) offsets.set(num, Number(e[1]));
    }
  }
  const trailer = /trailer\s*/y;
  trailer.lastIndex = pos;
  if (!trailer.test(pdf)) return undefined;
  const value = parseBounded(pdf, trailer.lastIndex);
  return value?.kind === "dict" ? value : undefined;
}

/** The value at `pos`, if it ends within MAX_VALUE_BYTES. */
function parseBounded(pdf: string, pos: number): PdfValue | undefined {
  return parseValue(pdf.slice(pos, pos + MAX_VALUE_BYTES), 0)?.value;
}

/** Follows an indirect reference to the object it names (`12 0 obj … endobj`). */
function resolve(pdf: string, value: PdfValue | undefined, offsets: Map<number, number>): PdfValue | undefined {
  if (value?.kind !== "ref") return value;
  const offset = offsets.get(value.num);
  if (offset === undefined) return undefined;
  const header = /(\d+)\s+(\d+)\s+obj\s*/y;
  header.lastIndex = offset;
  const match = header.exec(pdf);
  if (!match || Number(match[1]) !== value.num) return undefined;
  const parsed = parseBounded(pdf, header.lastIndex);
  return parsed?.kind === "ref" ? undefined : parsed;
}

function skipSpace(pdf: string, pos: number): number {
  while (pos < pdf.length) {
    if (WHITESPACE.test(pdf[pos]!)) pos++;
    else if (pdf[pos] === "%") while (pos < pdf.length && pdf[pos] !== "\n" && pdf[pos] !== "\r") pos++;
    else break;
  }
  return pos;
}

/** Parses the value at `pos`: dictionaries, strings and references in full; the rest skipped. */
function parseValue(pdf: string, pos: number, depth = 0): { value: PdfValue; end: number } | undefined {
  if (depth > 32) return undefined;
  pos = skipSpace(pdf, pos);
  if (pdf.startsWith("<<", pos)) {
    const entries = new Map<string, PdfValue>();
    pos += 2;
    for (;;) {
      pos = skipSpace(pdf, pos);
      if (pdf.startsWith(">>", pos)) return { value: { kind: "dict", entries }, end: pos + 2 };
      if (pdf[pos] !== "/") return undefined;
      const name = readName(pdf, pos);
      const item = parseValue(pdf, name.end, depth + 1);
      if (!item) return undefined;
      if (!entries.has(name.name)) entries.set(name.name, item.value);
      pos = item.end;
    }
  }
  if (pdf[pos] === "[") {
    pos++;
    for (;;) {
      pos = skipSpace(pdf, pos);
      if (pdf[pos] === "]") return { value: { kind: "other" }, end: pos + 1 };
      const item = parseValue(pdf, pos, depth + 1);
      if (!item) return undefined;
      pos = item.end;
    }
  }
  if (pdf[pos] === "(") return readLiteralString(pdf, pos);
  if (pdf[pos] === "<") {
    const close = pdf.indexOf(">", pos);
    if (close < 0) return undefined;
    const hex = pdf.slice(pos + 1, close).replace(/\s+/g, "");
    if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
    return { value: { kind: "string", bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex").toString("latin1") }, end: close + 1 };
  }
  if (pdf[pos] === "/") return { value: { kind: "other" }, end: readName(pdf, pos).end };
  const reference = /(\d+)\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/y;
  reference.lastIndex = pos;
  const ref = reference.exec(pdf);
  if (ref) return { value: { kind: "ref", num: Number(ref[1]) }, end: reference.lastIndex };
  const token = /[^\0\t\n\f\r ()<>[\]{}/%]+/y;
  token.lastIndex = pos;
  const word = token.exec(pdf);
  if (!word) return undefined;
  // Whole numbers are kept for `/Prev`; other words (true, null, 1.5) are only skipped.
  const value: PdfValue = /^\d+$/.test(word[0]) ? { kind: "number", value: Number(word[0]) } : { kind: "other" };
  return { value, end: token.lastIndex };
}

function readName(pdf: string, pos: number): { name: string; end: number } {
  let end = pos + 1;
  while (end < pdf.length && !DELIMITER.test(pdf[end]!)) end++;
  return { name: pdf.slice(pos + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), end };
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };

/** A `( … )` string: balanced parentheses, backslash escapes, octal codes. */
function readLiteralString(pdf: string, pos: number): { value: PdfValue; end: number } | undefined {
  let bytes = "";
  let nesting = 0;
  for (let i = pos + 1; i < pdf.length; i++) {
    const c = pdf[i]!;
    if (c === "\\") {
      const next = pdf[++i];
      if (next === undefined) return undefined;
      const octal = /[0-7]{1,3}/y;
      octal.lastIndex = i;
      const digits = octal.exec(pdf);
      if (digits) {
        bytes += String.fromCharCode(parseInt(digits[0], 8) & 0xff);
        i += digits[0].length - 1;
      } else if (next === "\r") {
        if (pdf[i + 1] === "\n") i++;
      } else if (next !== "\n") bytes += ESCAPES[next] ?? next;
    } else if (c === "(") {
      nesting++;
      bytes += c;
    } else if (c === ")") {
      if (nesting === 0) return { value: { kind: "string", bytes }, end: i + 1 };
      nesting--;
      bytes += c;
    } else bytes += c;
  }
  return undefined;
}

/** A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (Latin-1 for our purpose). */
function decodeText(bytes: string): string {
  if (!bytes.startsWith("\xfe\xff")) return bytes;
  const data = Buffer.from(bytes.slice(2), "latin1");
  return data
    .subarray(0, data.length - (data.length % 2))
    .swap16()
    .toString("utf16le");
}
