// Whether a text must be read by `yaml` rather than the fast reader (lightning-yaml). Leave to
// `yaml`:
// - anchors: they make aliases possible, and only `yaml` bounds their expansion (alias bombs);
//   aliases and tags too, which the fast reader reads its own way;
// - directives (`%YAML 1.1` changes what scalars mean; the fast reader ignores them);
// - flow mappings, pairs inside flow lists and explicit `? ` keys, whose keys the count of key
//   lines does not see (key-lines.ts);
// - what a lenient reader may accept but YAML (and `yaml`, and editors using it) rejects: a
//   flow collection or a quoted scalar left open at the end of a line (continued on a wrongly
//   indented next line), a comment glued to a value (`"2026.2"# H2`), a lone carriage return,
//   a tab in the indentation, a byte order mark inside the text; in block context, a scalar
//   starting with an indicator is caught by the count of key lines.
// A false alarm ("Sales &Marketing", a list written over several lines) only costs speed.
//
// Written as a scan from each special character (found with indexOf) rather than one regular
// expression: the expression tried every alternative at every offset and cost more than a
// fifth of validating a large file. The test holds the scan to a set of such expressions.

import { Char } from "./char-codes.js";

/** JavaScript's `\s`: YAML treats fewer characters as space, so this errs toward `yaml`. */
function isSpace(c: number): boolean {
  return (
    c === Char.Space ||
    (c >= Char.Tab && c <= Char.CarriageReturn) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where a line ends for a JavaScript `$` in multiline mode. */
function isLineBreak(c: number): boolean {
  return c === Char.LineFeed || c === Char.CarriageReturn || c === 0x2028 || c === 0x2029;
}

/** Start of text, start of a line, after a space, or after one of `others`. */
function startsToken(text: string, at: number, others: string): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return isSpace(before) || others.includes(text[at - 1]!);
}

/**
 * Whether `found` holds at some offset of `char` in the text. A loop with a callback rather
 * than a generator: until V8 optimises them, generators cost a tenth of the first files'
 * reading.
 */
function someOffset(text: string, char: string, found: (at: number) => boolean): boolean {
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) if (found(at)) return true;
  return false;
}

function anchor(text: string): boolean {
  return someOffset(text, "&", (at) => startsToken(text, at, ":[{,-") && at + 1 < text.length && !isSpace(text.charCodeAt(at + 1)) && !",[]{}".includes(text[at + 1]!));
}

/** An indicator that opens a node: `!tag`, `*alias`, `{` (a flow mapping, but an empty value `{}`), `? ` (explicit key). */
function nodeIndicator(text: string): boolean {
  return (
    someOffset(text, "!", (at) => startsToken(text, at, ":[{,-?")) ||
    someOffset(text, "*", (at) => startsToken(text, at, ":[{,-?")) ||
    someOffset(text, "{", (at) => startsToken(text, at, ":[{,-?") && !isEmptyFlowMappingValue(text, at)) ||
    someOffset(text, "?", (at) => startsToken(text, at, ":[{,-?") && (at + 1 === text.length || isSpace(text.charCodeAt(at + 1))))
  );
}

/** `{}` followed by nothing but a comment, or by the end of a flow list entry: not a key. */
function isEmptyFlowMappingValue(text: string, at: number): boolean {
  if (text[at + 1] !== "}") return false;
  let next = at + 2;
  while (text[next] === " " || text[next] === "\t") next++;
  return next === text.length || isLineBreak(text.charCodeAt(next)) || "#,]".includes(text[next]!);
}

/** A tab in a line's indentation: YAML indents with spaces only. */
function tabIndentation(text: string): boolean {
  return someOffset(text, "\t", (at) => {
    let start = at;
    while (start > 0 && text.charCodeAt(start - 1) === Char.Space) start--;
    return start === 0 || isLineBreak(text.charCodeAt(start - 1));
  });
}

function directive(text: string): boolean {
  return someOffset(text, "%", (at) => at === 0 || isLineBreak(text.charCodeAt(at - 1)));
}

/**
 * A flow list still open at the end of a line, or one whose line holds a `:` after it (a
 * `[key: value]` pair, whose key the count of key lines does not see, or a list used as a key),
 * or an entry starting with an indicator no scalar may start with (`|`, `>`, `@`, `` ` ``,
 * `%`), which the fast reader takes as text. A flow mapping never gets this far.
 */
function flowList(text: string): boolean {
  return someOffset(text, "[", (at) => {
    if (!startsToken(text, at, ":,-")) return false;
    let closed = false;
    let previous = "["; // the last character before this one that is not a space or tab
    for (let i = at + 1; i < text.length && !isLineBreak(text.charCodeAt(i)); i++) {
      const char = text[i]!;
      if (char === "]" || char === "}") closed = true;
      else if (char === ":") return true;
      else if ("|>@`%".includes(char) && (previous === "[" || previous === ",")) return true;
      if (char !== " " && char !== "\t") previous = char;
    }
    return !closed;
  });
}

function openDoubleQuoted(text: string): boolean {
  return someOffset(text, '"', (at) => {
    if (!startsToken(text, at, ":,[{-")) return false;
    for (let i = at + 1; ; i++) {
      if (i === text.length) return true;
      const c = text.charCodeAt(i);
      if (c === Char.DoubleQuote) return false;
      if (isLineBreak(c)) return true;
      if (c === Char.Backslash) {
        // An escaped line break continues the scalar on the next line.
        if (i + 1 === text.length || isLineBreak(text.charCodeAt(i + 1))) return true;
        i++;
      }
    }
  });
}

function openSingleQuoted(text: string): boolean {
  return someOffset(text, "'", (at) => {
    if (!startsToken(text, at, ":,[{-")) return false;
    for (let i = at + 1; ; i++) {
      if (i === text.length) return true;
      const c = text.charCodeAt(i);
      if (isLineBreak(c)) return true;
      if (c === Char.SingleQuote) {
        if (text.charCodeAt(i + 1) !== Char.SingleQuote) return false;
        i++;
      }
    }
  });
}

function gluedComment(text: string): boolean {
  return someOffset(text, "#", (at) => at > 0 && `"']}`.includes(text[at - 1]!));
}

function loneCarriageReturn(text: string): boolean {
  return someOffset(text, "\r", (at) => text.charCodeAt(at + 1) !== Char.LineFeed);
}

export function needsFullReader(text: string): boolean {
  return (
    // A byte order mark inside the text (one at its start is removed when it is read).
    text.includes("\uFEFF") ||
    anchor(text) ||
    nodeIndicator(text) ||
    tabIndentation(text) ||
    directive(text) ||
    flowList(text) ||
    openDoubleQuoted(text) ||
    openSingleQuoted(text) ||
    gluedComment(text) ||
    loneCarriageReturn(text)
  );
}
