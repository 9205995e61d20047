// The fast reader (lightning-yaml) keeps the last of two equal keys without a word, where YAML
// says a key may appear once. Rather than trust it, the fast path counts the keys written in
// the text, a line at a time, and the keys in the data it read: a duplicate key makes the data
// hold fewer. Any layout this count does not vouch for leaves the file to `yaml`, which reports
// duplicates with their positions.
//
// The line count covers block YAML as SLA files are written: `key: value`, `- ` entries, plain,
// quoted and block scalars, comments, one-line flow lists. Flow mappings, pairs inside flow
// lists, explicit `? ` keys, tags and aliases never get here (fast-path.ts).

import { Char } from "./char-codes.js";

/** Keys in every mapping of `data`, nested ones included. */
export function countKeys(data: unknown): number {
  if (typeof data !== "object" || data === null) return 0;
  let count = 0;
  if (Array.isArray(data)) {
    for (const item of data) if (typeof item === "object" && item !== null) count += countKeys(item);
    return count;
  }
  // for...in rather than Object.values: no array per mapping. Only own keys count: a key
  // inherited from a polluted Object.prototype would make up for a duplicate.
  for (const key in data) {
    if (!Object.hasOwn(data, key)) continue;
    count++;
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null) count += countKeys(value);
  }
  return count;
}

/** A block scalar header after a key or `-`: `|`, `>-`, `|+`, with an optional comment. */
const BLOCK_SCALAR_HEADER = /^[|>][-+]?(?:[ \t]+#.*)?$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t]|$)/;

/** Indicators a plain scalar may not start with, which the fast reader does not always refuse. */
function isNotAScalarStart(c: number): boolean {
  return c === Char.At || c === Char.Backtick || c === Char.Percent || c === Char.Comma || c === Char.CloseBracket || c === Char.CloseBrace;
}

/** YAML's limit for an implicit key, less a margin for how characters are counted. */
const MAX_KEY_LENGTH = 1000;


/**
 * Keys written in the text, one per `key:` line, or undefined for a layout the count cannot
 * vouch for (a block scalar with an explicit indentation, a document marker with content).
 * Walks the text by offsets: it runs on every file the fast reader takes.
 */
export function countKeyLines(text: string): number | undefined {
  let keys = 0;
  // Inside a block scalar (blockParent >= 0): its content is indented deeper than blockParent,
  // as deep as its first line (blockIndent, once seen).
  let blockParent = -1;
  let blockIndent = -1;
  let keepsTrailingLines = false;
  // The first `:` at or after the current node, and the first `#` after its first character,
  // or -1 when none is left: each found once for all the lines up to it, not searched again
  // from every line (most lines hold no `#` at all).
  let nextColon = text.indexOf(":");
  let nextHash = text.indexOf("#");

  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const lineEnd = end > start && text.charCodeAt(end - 1) === Char.CarriageReturn ? end - 1 : end;
    const next = end + 1;
    let at = start;
    while (at < lineEnd && text.charCodeAt(at) === Char.Space) at++;
    const indent = at - start;
    const blank = at === lineEnd;

    if (blockParent >= 0) {
      if (blank) {
        start = next;
        continue;
      }
      if (blockIndent < 0 && indent > blockParent) blockIndent = indent;
      if (blockIndent >= 0 && indent >= blockIndent) {
        start = next;
        continue;
      }
      if (blockIndent >= 0 && indent > blockParent) return undefined; // less indented than its first line
      blockParent = blockIndent = -1;
    }
    if (blank || text.charCodeAt(at) === Char.Hash) {
      start = next;
      continue;
    }

    if (indent === 0 && DOCUMENT_MARKER.test(text.slice(at, at + 4))) {
      if (/^(?:---|\.\.\.)[ \t]*(?:#.*)?$/.test(text.slice(at, lineEnd))) {
        start = next;
        continue;
      }
      return undefined;
    }

    // `- - key: value`: each `- ` opens an entry; the node starts after the last one.
    let node = at;
    let dash = -1;
    while (text.charCodeAt(node) === Char.Dash && (node + 1 === lineEnd || isBlank(text.charCodeAt(node + 1)))) {
      dash = node - start;
      node++;
      while (node < lineEnd && isBlank(text.charCodeAt(node))) node++;
    }

    // No scalar may start with a reserved or closing indicator; the fast reader takes some as text.
    if (isNotAScalarStart(text.charCodeAt(node))) return undefined;
    if (nextColon !== -1 && nextColon < node) nextColon = text.indexOf(":", node);
    if (nextHash !== -1 && nextHash <= node) nextHash = text.indexOf("#", node + 1);
    const value = valueAfterKey(text, node, lineEnd, nextColon, nextHash);
    if (value >= 0) {
      keys++;
      // A key may not start with a block scalar indicator, nor run over 1024 characters.
      const first = text.charCodeAt(node);
      if (first === Char.Pipe || first === Char.Greater || value - node > MAX_KEY_LENGTH) return undefined;
    }
    let scalar = value >= 0 ? value : node;
    while (scalar < lineEnd && isBlank(text.charCodeAt(scalar))) scalar++;
    if (scalar < lineEnd && isNotAScalarStart(text.charCodeAt(scalar))) return undefined;
    const first = text.charCodeAt(scalar);
    if (first === Char.Pipe || first === Char.Greater) {
      // An explicit indentation indicator (`|2`) is rare enough to leave to `yaml`.
      if (!BLOCK_SCALAR_HEADER.test(text.slice(scalar, lineEnd))) return undefined;
      // Content is indented deeper than the key that holds it, or than the `-` of its entry.
      blockParent = value >= 0 ? node - start : dash >= 0 ? dash : indent;
      blockIndent = -1;
      keepsTrailingLines ||= text.slice(scalar, lineEnd).includes("+");
    }
    start = next;
  }
  // `|+` keeps trailing blank lines; the two readers disagree on a last line of spaces alone.
  const lastLine = text.slice(text.lastIndexOf("\n") + 1);
  if (keepsTrailingLines && lastLine !== "" && lastLine.trim() === "") return undefined;
  return keys;
}

function isBlank(c: number): boolean {
  return c === Char.Space || c === Char.Tab;
}

/**
 * Where the value starts when the node at text[from, end) starts with an implicit key (the
 * offset just after its `:`), else -1. `firstColon` is the first `:` at or after `from`,
 * `firstHash` the first `#` after it (-1 for none).
 */
function valueAfterKey(text: string, from: number, end: number, firstColon: number, firstHash: number): number {
  const first = text.charCodeAt(from);
  if (first === Char.Hash) return -1; // `- # note: ...` is a comment
  if (first === Char.DoubleQuote || first === Char.SingleQuote) {
    let after = closingQuote(text, from, end);
    if (after < 0) return -1;
    after++;
    while (after < end && isBlank(text.charCodeAt(after))) after++;
    return text.charCodeAt(after) === Char.Colon && isBlankOrEnd(text, after + 1, end) ? after + 1 : -1;
  }
  // A plain key ends at the first `: ` (or `:` ending the line), unless a comment starts first.
  for (let colon = firstColon; colon !== -1 && colon < end; colon = text.indexOf(":", colon + 1)) {
    if (!isBlankOrEnd(text, colon + 1, end)) continue;
    if (firstHash !== -1) for (let i = firstHash; i < colon; i++) if (text.charCodeAt(i) === Char.Hash && isBlank(text.charCodeAt(i - 1))) return -1;
    return colon + 1;
  }
  return -1;
}

function isBlankOrEnd(text: string, at: number, end: number): boolean {
  return at >= end || isBlank(text.charCodeAt(at));
}

/** Offset of the quote closing the scalar that opens at `from`, or -1 if not on this line. */
function closingQuote(text: string, from: number, end: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === Char.DoubleQuote && c === Char.Backslash) i++;
    else if (c === quote) {
      if (quote === Char.SingleQuote && text.charCodeAt(i + 1) === Char.SingleQuote) i++;
      else return i;
    }
  }
  return -1;
}
