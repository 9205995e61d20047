// The fast reader: block YAML as SLA files are written, read in one pass about fifty times
// faster than `yaml` composes a document, with the data `yaml` would give. It declines (returns
// undefined, leaving the file to `yaml`) at the first thing outside that subset, so `yaml` alone
// decides and explains everything else: errors, duplicate keys, anchors and aliases (whose
// expansion only `yaml` bounds), tags, directives, flow mappings, explicit `? ` keys, tabs in
// indentation, quoted scalars over several lines, block scalars with an indentation indicator,
// a `__proto__` key, nesting deeper than any agreement's. A false alarm only costs speed; a
// wrong reading would change a verdict, so tests hold the reader to `yaml`'s data on named
// cases and on thousands of generated and mangled documents.
//
// What it reads:
// - mappings of `key: value` lines, keys plain or quoted on one line, each key once; a key the
//   core schema reads as a number, bool or null becomes a string, as `yaml` writes it;
// - sequences of `- ` entries, an entry's mapping starting on the dash line or the next, and a
//   sequence at its key's own indentation (`key:\n- a`);
// - plain scalars, over several lines too, resolved by the YAML 1.2 core schema (null, bool,
//   int, float, else string) exactly as `yaml` resolves them;
// - single- and double-quoted scalars on one line, with double-quoted escapes;
// - literal and folded block scalars, with any chomping (`|`, `>-`, `|+`);
// - one-line flow lists of scalars (`[a, "b", 3]`), `[]` and `{}`;
// - comments, blank lines, tabs as separators, CRLF line ends and a `---` first line.

import { Char } from "./char-codes.js";

/** Thrown to give the file to `yaml`; not an Error, so no stack is captured. */
const DECLINE = Symbol("decline");

function decline(): never {
  throw DECLINE;
}

/**
 * The data of a file whose top level is a block mapping, or undefined when the file is left
 * to `yaml` (anything outside the subset above, broken YAML, an empty file).
 */
export function readFast(text: string): Record<string, unknown> | undefined {
  // Characters whose every use the subset would have to check: left to `yaml` outright.
  if (text.includes("\uFEFF") || hasLoneCarriageReturn(text)) return undefined;
  try {
    return new BlockReader(text).document();
  } catch (error) {
    // A decline, or a stack overflow (readFast called from deep in a stack): `yaml` reads or
    // reports the file either way. Any other error is a bug, and surfaces.
    if (error === DECLINE || (error instanceof RangeError && error.message.includes("call stack"))) return undefined;
    throw error;
  }
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) if (text.charCodeAt(at + 1) !== Char.LineFeed) return true;
  return false;
}

/** Reads the text a line at a time; the cursor is always on a content line, or at the end. */
class BlockReader {
  /**
   * Offsets of the current line: its start, its end (before `\r\n` or `\n`), the start of the
   * next line (past the end of the text after the last line), its first non-space.
   */
  private lineStart = 0;
  private lineEnd = 0;
  private next = 0;
  private content = 0;
  private indent = 0;
  private atEnd = false;
  /** Set by seekContent(): the column of the leftmost comment line it passed over. */
  private leftmostComment = Infinity;
  private depth = 0;
  /** Set by key(): the offset just after the key's `:`. */
  private afterKey = 0;
  // The first `:` and `#` at or after the last place searched from, or -1 when none is left:
  // the reader only moves forward, so each is searched for once per occurrence, not per line.
  private colon = -1;
  private colonFrom = Infinity;
  private hash = -1;
  private hashFrom = Infinity;

  constructor(private readonly text: string) {}

  document(): Record<string, unknown> {
    this.seekContent(0);
    if (!this.atEnd && this.indent === 0 && this.isDocumentMarker()) {
      // `---` may open the document; `...` ends one, and a second marker starts another.
      if (this.text.charCodeAt(this.content) !== Char.Dash || !this.isEmptyAfter(this.content + 3)) decline();
      this.seekContent(this.next);
    }
    if (this.atEnd || this.indent !== 0 || this.isEntry() || this.isDocumentMarker()) decline();
    const data = this.mapping(0, this.content);
    if (!this.atEnd) decline();
    return data;
  }

  // ----- nodes --------------------------------------------------------------------------

  /** A block mapping whose keys sit at column `indent`, the first one at offset `at`. */
  private mapping(indent: number, at: number): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    let written = 0;
    for (;;) {
      const key = this.key(at);
      map[key] = this.value(indent, this.afterKey, true);
      written++;
      if (this.atEnd || this.indent < indent) {
        // Fewer own keys than keys written: a duplicate key, which `yaml` reports, or a
        // `__proto__` key, which set the prototype instead. Counted once per mapping rather
        // than looked up per key: that lookup was a tenth of the reading.
        if (Object.keys(map).length !== written) decline();
        this.depth--;
        return map;
      }
      if (this.indent > indent || this.isEntry()) decline();
      if (indent === 0 && this.isDocumentMarker()) decline();
      at = this.content;
    }
  }

  /**
   * A block sequence whose dashes sit at column `indent`, the first one at offset `dash` on the
   * current line (after another entry's dash in `- - x`).
   */
  private sequence(indent: number, dash: number): unknown[] {
    this.enter();
    const list: unknown[] = [];
    for (;;) {
      const after = dash + 1;
      const at = this.skipSpaces(after);
      let item: unknown;
      if (at < this.lineEnd && this.text.charCodeAt(at) === Char.Dash && this.isSeparated(at + 1)) item = this.sequence(this.compactColumn(after, at), at);
      else if (this.isKey(at)) item = this.mapping(this.compactColumn(after, at), at);
      else item = this.value(indent, after, false);
      list.push(item);
      if (this.atEnd || this.indent < indent) break;
      if (this.indent > indent) decline();
      if (!this.isEntry()) break; // the mapping holding `key:\n- a` goes on
      dash = this.content;
    }
    this.depth--;
    return list;
  }

  /**
   * The column of a collection that starts on its entry's dash line at `at`, its indentation
   * the white space from `from`: spaces only, as for any indentation.
   */
  private compactColumn(from: number, at: number): number {
    for (let i = from; i < at; i++) if (this.text.charCodeAt(i) === Char.Tab) decline();
    return at - this.lineStart;
  }

  /**
   * The node after `key:` or `- ` (from `from` on), in a collection at column `indent`.
   * `sequenceMayShareIndent`: a mapping's value may be a sequence at the key's own column.
   */
  private value(indent: number, from: number, sequenceMayShareIndent: boolean): unknown {
    const at = this.skipSpaces(from);
    if (at < this.lineEnd && this.text.charCodeAt(at) !== Char.Hash) return this.inline(indent, at);
    this.seekContent(this.next);
    if (this.atEnd) return null;
    if (this.indent > indent) {
      if (this.isEntry()) return this.sequence(this.indent, this.content);
      if (this.isKey(this.content)) return this.mapping(this.indent, this.content);
      // A comment line at or left of the parent's column before a scalar on a later line
      // lowers the indentation `yaml` asks of that scalar (its lexer does so for `#c` and
      // for any comment at column 0 after a blank line), so the readers would differ.
      if (this.leftmostComment <= indent) decline();
      return this.inline(indent, this.content);
    }
    if (this.indent === indent && sequenceMayShareIndent && this.isEntry()) return this.sequence(indent, this.content);
    return null;
  }

  /** A scalar or flow list starting at `at` on the current line, in a collection at column `indent`. */
  private inline(indent: number, at: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(at);
    let value: unknown;
    let end: number;
    switch (first) {
      case Char.DoubleQuote:
      case Char.SingleQuote: {
        const close = this.closingQuote(at);
        value = quotedText(text, at, close);
        end = close + 1;
        break;
      }
      case Char.Pipe:
      case Char.Greater:
        return this.blockScalar(indent, at);
      case Char.OpenBracket:
        ({ value, end } = this.flowList(at));
        break;
      case Char.OpenBrace:
        if (text.charCodeAt(at + 1) !== Char.CloseBrace) decline(); // a flow mapping
        value = {};
        end = at + 2;
        break;
      default:
        return this.plain(indent, at);
    }
    if (!this.isEmptyAfter(end)) decline();
    this.seekContent(this.next);
    return value;
  }

  /** A plain scalar from `at`, continued on lines indented deeper than `indent`. */
  private plain(indent: number, at: number): unknown {
    if (!canStartPlain(this.text, at)) decline();
    const limit = this.plainLimit(at);
    const firstLine = this.text.slice(at, trimEnd(this.text, at, limit));
    const commented = limit < this.lineEnd;
    let next = this.next;
    // Usually the next line is the next key: only look further when it is indented deeper.
    this.seekContent(next);
    if (this.atEnd || this.indent <= indent || commented) return resolvePlain(firstLine);
    let folded = firstLine;
    let breaks = 0;
    for (; next < this.text.length; next = this.next) {
      this.load(next);
      if (this.content === this.lineEnd) {
        breaks++;
        continue;
      }
      if (this.indent <= indent || this.text.charCodeAt(this.content) === Char.Hash) {
        this.seekContent(next);
        return folded;
      }
      const lineLimit = this.plainLimit(this.content);
      if (lineLimit < this.lineEnd) decline(); // a comment inside a scalar that goes on
      folded += (breaks ? "\n".repeat(breaks) : " ") + this.text.slice(this.content, trimEnd(this.text, this.content, lineLimit));
      breaks = 0;
    }
    this.atEnd = true;
    return folded;
  }

  /**
   * Where a plain scalar that starts at `at` ends on its line: at a comment, or the line end.
   * A `: ` inside it would make it a key, which is an error where a value is expected.
   */
  private plainLimit(at: number): number {
    const comment = this.commentIn(at, this.lineEnd);
    const limit = comment < 0 ? this.lineEnd : comment;
    for (let colon = this.nextColon(at); colon !== -1 && colon < limit; colon = this.nextColon(colon + 1)) {
      if (this.isSeparated(colon + 1)) decline();
    }
    return limit;
  }

  /** A literal (`|`) or folded (`>`) block scalar at `at`, its lines indented deeper than `indent`. */
  private blockScalar(indent: number, at: number): string {
    const text = this.text;
    const literal = text.charCodeAt(at) === Char.Pipe;
    let header = at + 1;
    // Chomping: `-` strips the final line break, `+` keeps the blank lines after it too.
    const chomping = text.charCodeAt(header);
    const strip = chomping === Char.Dash;
    const keep = chomping === Char.Plus;
    if (strip || keep) header++;
    // An indentation indicator (`|2`) is rare enough to leave to `yaml`.
    if (!this.isSeparated(header)) decline();
    if (!this.isEmptyAfter(header)) decline();

    const lines: string[] = [];
    let contentIndent = -1;
    let widestLeadingBlank = 0;
    let endedAt = -1; // the first line after the scalar, or -1 at the end of the text
    for (let next = this.next; next < text.length; next = this.next) {
      this.load(next);
      if (this.content === this.lineEnd) {
        // A last line of spaces without a line break: the readers would differ on it.
        if (this.next > text.length) decline();
        const width = this.lineEnd - this.lineStart;
        if (contentIndent < 0) widestLeadingBlank = Math.max(widestLeadingBlank, width);
        // Spaces past the content's indentation are content.
        lines.push(contentIndent >= 0 && width > contentIndent ? text.slice(this.lineStart + contentIndent, this.lineEnd) : "");
        continue;
      }
      if (contentIndent < 0) {
        if (this.indent <= indent) {
          endedAt = next;
          break;
        }
        if (widestLeadingBlank > this.indent) decline();
        contentIndent = this.indent;
      }
      if (this.indent < contentIndent) {
        if (this.indent > indent) decline(); // less indented than its first line
        endedAt = next;
        break;
      }
      lines.push(text.slice(this.lineStart + contentIndent, this.lineEnd));
    }
    if (endedAt < 0) this.atEnd = true;
    else this.seekContent(endedAt);

    let last = lines.length;
    while (last > 0 && lines[last - 1] === "") last--;
    const trailingBreaks = keep ? "\n".repeat(lines.length - last) : "";
    if (last === 0) return trailingBreaks;
    const body = literal ? lines.slice(0, last).join("\n") : fold(lines, last);
    return strip ? body : body + "\n" + trailingBreaks;
  }

  /** A flow list on one line, of plain and quoted scalars. */
  private flowList(at: number): { value: unknown[]; end: number } {
    const text = this.text;
    const items: unknown[] = [];
    let i = this.skipSpaces(at + 1);
    while (text.charCodeAt(i) !== Char.CloseBracket) {
      if (i >= this.lineEnd) decline(); // continued on the next line
      const c = text.charCodeAt(i);
      if (c === Char.DoubleQuote || c === Char.SingleQuote) {
        const close = this.closingQuote(i);
        items.push(quotedText(text, i, close));
        i = close + 1;
      } else {
        if (!canStartPlain(text, i)) decline();
        let end = i;
        while (end < this.lineEnd && !isFlowStop(text.charCodeAt(end))) end++;
        const stop = text.charCodeAt(end);
        if (stop !== Char.Comma && stop !== Char.CloseBracket) decline(); // nested, a pair, a comment
        items.push(resolvePlain(text.slice(i, trimEnd(text, i, end))));
        i = end;
      }
      i = this.skipSpaces(i);
      if (text.charCodeAt(i) === Char.Comma) i = this.skipSpaces(i + 1);
      else if (text.charCodeAt(i) !== Char.CloseBracket) decline();
    }
    return { value: items, end: i + 1 };
  }

  /** One level deeper; see MAX_DEPTH. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  // ----- keys ---------------------------------------------------------------------------

  /** Whether the node at `at` starts with an implicit key (`key:` then a space or line end). */
  private isKey(at: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c === Char.DoubleQuote || c === Char.SingleQuote) {
      const close = this.closingQuoteOrNone(at);
      return close >= 0 && this.keyColonAfterQuote(close + 1) >= 0;
    }
    return canStartPlain(this.text, at) && this.plainKeyColon(at) >= 0;
  }

  /** The key at `at`; sets `afterKey` past its `:`, and declines when the line holds no key. */
  private key(at: number): string {
    const c = this.text.charCodeAt(at);
    return c === Char.DoubleQuote || c === Char.SingleQuote ? this.quotedKey(at) : this.plainKey(at);
  }

  private quotedKey(at: number): string {
    const close = this.closingQuote(at);
    const colon = this.keyColonAfterQuote(close + 1);
    if (colon < 0 || colon - at > MAX_KEY_LENGTH) decline();
    this.afterKey = colon + 1;
    return quotedText(this.text, at, close);
  }

  private plainKey(at: number): string {
    const text = this.text;
    if (!canStartPlain(text, at)) decline();
    const colon = this.plainKeyColon(at);
    if (colon < 0 || colon - at > MAX_KEY_LENGTH) decline();
    this.afterKey = colon + 1;
    const end = trimEnd(text, at, colon);
    const known = knownKey(text, at, end);
    if (known !== undefined) return known;
    const source = text.slice(at, end);
    // A key the core schema reads as null, a bool or a number is a string in JavaScript, as
    // `yaml` writes it: `1.0` → "1", `~` → "".
    const key = resolvePlain(source);
    if (typeof key !== "string") return key === null ? "" : String(key);
    if (key === source) rememberKey(text, at, end, key);
    return key;
  }

  /** The `:` ending a plain key that starts at `at`, or -1 (none on the line, or a comment first). */
  private plainKeyColon(at: number): number {
    for (let colon = this.nextColon(at); colon !== -1 && colon < this.lineEnd; colon = this.nextColon(colon + 1)) {
      if (this.isSeparated(colon + 1)) return this.commentIn(at, colon) < 0 ? colon : -1;
    }
    return -1;
  }

  /** The first `#` in [from, before) that starts a comment (after white space), or -1. */
  private commentIn(from: number, before: number): number {
    for (let hash = this.nextHash(from); hash !== -1 && hash < before; hash = this.nextHash(hash + 1)) {
      if (isWhite(this.text.charCodeAt(hash - 1))) return hash;
    }
    return -1;
  }

  /** The `:` after a quoted key that ends before `from`, or -1. */
  private keyColonAfterQuote(from: number): number {
    const at = this.skipSpaces(from);
    return this.text.charCodeAt(at) === Char.Colon && this.isSeparated(at + 1) ? at : -1;
  }

  // ----- quoted scalars -----------------------------------------------------------------

  private closingQuote(at: number): number {
    const close = this.closingQuoteOrNone(at);
    if (close < 0) decline(); // continued on the next line
    return close;
  }

  /** The quote closing the scalar that opens at `at`, if it closes on this line; else -1. */
  private closingQuoteOrNone(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (quote === Char.DoubleQuote && c === Char.Backslash) i++;
      else if (c === quote) {
        if (quote === Char.SingleQuote && text.charCodeAt(i + 1) === Char.SingleQuote) i++;
        else return i;
      }
    }
    return -1;
  }

  // ----- lines --------------------------------------------------------------------------

  /** Makes the line starting at `start` current. */
  private load(start: number): void {
    const text = this.text;
    const newline = text.indexOf("\n", start);
    this.next = newline === -1 ? text.length + 1 : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === Char.CarriageReturn) end--;
    let content = start;
    while (content < end && text.charCodeAt(content) === Char.Space) content++;
    if (text.charCodeAt(content) === Char.Tab) decline(); // YAML indents with spaces only
    this.lineStart = start;
    this.lineEnd = end;
    this.content = content;
    this.indent = content - start;
  }

  /**
   * Makes the first line from `start` on that holds more than spaces and a comment current;
   * `leftmostComment` is then the column of the leftmost comment line passed over.
   */
  private seekContent(start: number): void {
    const text = this.text;
    this.leftmostComment = Infinity;
    while (start < text.length) {
      this.load(start);
      if (this.content < this.lineEnd) {
        if (text.charCodeAt(this.content) !== Char.Hash) {
          this.atEnd = false;
          return;
        }
        if (this.indent < this.leftmostComment) this.leftmostComment = this.indent;
      }
      start = this.next;
    }
    this.atEnd = true;
  }

  /** A `- ` (or a lone `-`) opening a sequence entry on the current line. */
  private isEntry(): boolean {
    return this.text.charCodeAt(this.content) === Char.Dash && this.isSeparated(this.content + 1);
  }

  private isDocumentMarker(): boolean {
    const text = this.text;
    const start = this.content;
    const c = text.charCodeAt(start);
    return (c === Char.Dash || c === Char.Dot) && text.charCodeAt(start + 1) === c && text.charCodeAt(start + 2) === c && this.isSeparated(start + 3);
  }

  /** White space, or the end of the line, at `at`. */
  private isSeparated(at: number): boolean {
    return at >= this.lineEnd || isWhite(this.text.charCodeAt(at));
  }

  /** Nothing but spaces, then perhaps a comment, from `at` to the end of the line. */
  private isEmptyAfter(at: number): boolean {
    const next = this.skipSpaces(at);
    return next >= this.lineEnd || (next > at && this.text.charCodeAt(next) === Char.Hash);
  }

  private skipSpaces(at: number): number {
    while (at < this.lineEnd && isWhite(this.text.charCodeAt(at))) at++;
    return at;
  }

  /** The first `:` at or after `from`. */
  private nextColon(from: number): number {
    if (from < this.colonFrom || (this.colon !== -1 && this.colon < from)) {
      this.colon = this.text.indexOf(":", from);
      this.colonFrom = from;
    }
    return this.colon;
  }

  /** The first `#` at or after `from`. */
  private nextHash(from: number): number {
    if (from < this.hashFrom || (this.hash !== -1 && this.hash < from)) {
      this.hash = this.text.indexOf("#", from);
      this.hashFrom = from;
    }
    return this.hash;
  }
}

/**
 * Plain keys already read, by a hash of their text: the same few dozen keys recur in every
 * agreement, and a known key is compared in place rather than cut out of the text and looked
 * up in V8's table of property names for every mapping that has it (a tenth of the reading).
 * The first key to take a slot keeps it, and only short keys are kept: the table holds at
 * most 4,096 keys of 32 characters, whatever a long-running process reads. A process that
 * reads other kinds of YAML first may find the slots taken; that costs speed, not data.
 */
const KEY_TABLE_SIZE = 4096; // a power of two: the slot is the hash's low bits
const KNOWN_KEYS: (string | undefined)[] = new Array<string | undefined>(KEY_TABLE_SIZE).fill(undefined);
const MAX_KNOWN_KEY_LENGTH = 32;

/** The slot of the key text[start, end) in KNOWN_KEYS; exported for tests. */
export function keySlot(text: string, start: number, end: number): number {
  const length = end - start;
  const hash =
    text.charCodeAt(start) * 961 + text.charCodeAt(start + 1) * 31 + text.charCodeAt(start + (length >> 1)) * 17 + text.charCodeAt(end - 1) + length * 7919;
  return hash & (KEY_TABLE_SIZE - 1);
}

/** Empties the table of known keys, so a test starts from a known state. */
export function forgetKnownKeys(): void {
  KNOWN_KEYS.fill(undefined);
}

/** The known key written at text[start, end), if any. */
function knownKey(text: string, start: number, end: number): string | undefined {
  const known = KNOWN_KEYS[keySlot(text, start, end)];
  return known !== undefined && known.length === end - start && text.startsWith(known, start) ? known : undefined;
}

function rememberKey(text: string, start: number, end: number, key: string): void {
  const slot = keySlot(text, start, end);
  // The key's own copy, as a property name: the slice would keep the whole text alive.
  if (KNOWN_KEYS[slot] === undefined && key.length <= MAX_KNOWN_KEY_LENGTH) KNOWN_KEYS[slot] = Object.keys({ [key]: 0 })[0]!;
}

/** Collections nested deeper than this are left to `yaml`: no agreement nests so deep, and the reader's recursion stays bounded. */
const MAX_DEPTH = 100;

/**
 * YAML's limit for an implicit key is 1024 characters, which `yaml` counts differently
 * from UTF-16 units for some texts; keys near the limit are left to it to judge.
 */
const MAX_KEY_LENGTH = 1000;

/** Characters that may not start a plain scalar (`-`, `?` and `:` may, before a non-space). */
const INDICATORS = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`") INDICATORS[c.charCodeAt(0)] = 1;

function isIndicator(c: number): boolean {
  return c < 128 && INDICATORS[c] === 1;
}

/** Whether a plain scalar may start at `at`; of the indicators, only `-`, `?` and `:` before a non-space. */
function canStartPlain(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!isIndicator(c)) return true;
  if (c !== Char.Dash && c !== Char.Question && c !== Char.Colon) return false;
  const next = text.charCodeAt(at + 1);
  return !Number.isNaN(next) && !isWhite(next) && next !== Char.LineFeed && next !== Char.CarriageReturn && !isFlowStop(next);
}

/** YAML's white space: the space and the tab. */
function isWhite(c: number): boolean {
  return c === Char.Space || c === Char.Tab;
}

/** `end` moved back over the white space before it, but not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Characters that end a plain scalar in a flow list (or make it one the reader leaves to `yaml`). */
function isFlowStop(c: number): boolean {
  return (
    c === Char.Comma ||
    c === Char.CloseBracket ||
    c === Char.OpenBracket ||
    c === Char.OpenBrace ||
    c === Char.CloseBrace ||
    c === Char.Colon ||
    c === Char.Hash
  );
}

/**
 * Folded block scalar lines up to `last`: a line break between two lines becomes a space,
 * unless a line is empty (the break is dropped, each empty line gives one) or more indented
 * (its breaks are kept, as in a literal scalar).
 */
function fold(lines: readonly string[], last: number): string {
  let out = "";
  let empty = 0;
  let started = false;
  let afterMoreIndented = false;
  for (let i = 0; i < last; i++) {
    const line = lines[i]!;
    if (line === "") {
      empty++;
      continue;
    }
    // A tab cannot start a line here: load() declines a tab after a line's indentation.
    if (line.charCodeAt(0) === Char.Space) {
      out += "\n".repeat(started ? empty + 1 : empty);
      afterMoreIndented = true;
    } else if (afterMoreIndented) {
      out += "\n".repeat(empty + 1);
      afterMoreIndented = false;
    } else if (empty > 0) out += "\n".repeat(empty);
    else if (started) out += " ";
    out += line;
    started = true;
    empty = 0;
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** The text of the quoted scalar that opens at `open` and closes at `close`. */
function quotedText(text: string, open: number, close: number): string {
  return text.charCodeAt(open) === Char.DoubleQuote ? unescapeDoubleQuoted(text, open + 1, close) : text.slice(open + 1, close).replaceAll("''", "'");
}

/** The text of a double-quoted scalar between `from` and `close`, its escapes resolved. */
function unescapeDoubleQuoted(source: string, from: number, close: number): string {
  // Searched within the scalar only: a search for the next `\\` in the whole text, once per
  // scalar, made a file of many quoted values quadratic.
  const text = source.slice(from, close);
  let backslash = text.indexOf("\\");
  if (backslash === -1) return text;
  let out = "";
  let at = 0;
  for (; backslash !== -1; backslash = text.indexOf("\\", at)) {
    out += text.slice(at, backslash);
    const letter = text[backslash + 1]!;
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      out += simple;
      at = backslash + 2;
      continue;
    }
    const length = HEX_ESCAPE_LENGTH[letter];
    if (length === undefined) decline();
    const hex = text.slice(backslash + 2, backslash + 2 + length);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) decline();
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) decline();
    out += String.fromCodePoint(code);
    at = backslash + 2 + length;
  }
  return out + text.slice(at);
}

// The YAML 1.2 core schema, as `yaml` applies it to plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value: null, a bool, a number or the text itself. */
function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  // Most scalars start with a letter no core value starts with: one comparison, no pattern.
  if ((c >= Char.Digit0 && c <= Char.Digit9) || c === Char.Dash || c === Char.Plus || c === Char.Dot) {
    if (INT.test(source)) return parseInt(source, 10);
    if (INT_OCTAL.test(source)) return parseInt(source.slice(2), 8);
    if (INT_HEX.test(source)) return parseInt(source.slice(2), 16);
    if (FLOAT.test(source) || FLOAT_EXPONENT.test(source)) return parseFloat(source);
    if (FLOAT_SPECIAL.test(source)) return source.slice(-3).toLowerCase() === "nan" ? NaN : c === Char.Dash ? -Infinity : Infinity;
    return source;
  }
  const length = source.length;
  if (length <= 1) return length === 0 || c === Char.Tilde ? null : source;
  if (length === 4 && (c === Char.LowerN || c === Char.UpperN)) return NULL.test(source) ? null : source;
  if ((length === 4 || length === 5) && (c === Char.LowerT || c === Char.UpperT || c === Char.LowerF || c === Char.UpperF)) {
    return BOOL.test(source) ? c === Char.LowerT || c === Char.UpperT : source;
  }
  return source;
}
