// Parses an SLA file into plain data, with the `yaml` Document (node ranges) beside it so
// every finding can point at file:line:column.
//
// Two readers, for speed: the fast reader (fast-reader.ts) takes most well-formed files, and
// `yaml` reads the rest (its errors are then reported with its positions and wording) and
// any file whose findings need a position.
import type { Document, LineCounter, YAMLError } from "yaml";
import type { Finding, JsonPath } from "../findings.js";
import { Char } from "./char-codes.js";
import { composeYaml } from "./compose-yaml.js";
import { readFast } from "./fast-reader.js";
import { locate } from "./locate.js";
import { MAX_ALIAS_COUNT, boundedData, yamlErrorMessage, yamlLib } from "./yaml-lib.js";

export interface ParsedSla {
  file: string;
  text: string;
  /** The document with node ranges; parsed on first use when the fast reader read the data. */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data; undefined when the YAML is broken or empty. */
  data: unknown;
  /** Problems of the YAML itself (syntax, duplicate keys, aliases, empty file). */
  findings: Finding[];
}

export function parseSla(file: string, text: string): ParsedSla {
  const data = readFast(text);
  return data === undefined ? parseWithPositions(file, text) : new FastParsedSla(file, text, data);
}

/**
 * A file the fast reader took: `yaml` composes the document only when a finding needs a
 * position. A class rather than an object literal with getters: V8 gives every such literal
 * its own accessors, which outlive the file and were a tenth of the collector's work.
 */
class FastParsedSla implements ParsedSla {
  findings: Finding[] = [];
  #positioned: { document: Document.Parsed; lineCounter: LineCounter } | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    public data: unknown,
  ) {}

  get document(): Document.Parsed {
    return (this.#positioned ??= composeDocument(this.text)).document;
  }

  get lineCounter(): LineCounter {
    return (this.#positioned ??= composeDocument(this.text)).lineCounter;
  }
}

function composeDocument(text: string): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new (yamlLib().LineCounter)();
  const document = composeYaml(text, lineCounter);
  return { document, lineCounter };
}

/** `yaml`'s errors and warnings of a parsed document, as findings. */
export function yamlFindings(parsed: Pick<ParsedSla, "file" | "text" | "document" | "lineCounter">): Finding[] {
  const { file, text, document, lineCounter } = parsed;
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fromYamlError = (error: YAMLError, severity: "error" | "warning"): Finding => {
    const overIndented = overIndentedKey(error, text);
    if (overIndented) return { ...overIndented.problem, severity, file, path: [], start: at(overIndented.start), end: at(overIndented.end) };
    const [start, end] = error.pos;
    const lineEnd = text.indexOf("\n", start);
    const { ruleId, message, hint, length } = describeYamlError(error, text.slice(start, lineEnd < 0 ? undefined : lineEnd));
    return { ruleId, severity, message, hint, file, path: [], start: at(start), end: at(length ? start + length : end) };
  };
  const errors = withoutCascade(document.errors.map((e) => fromYamlError(e, "error")), text, lineCounter.lineStarts);
  return [...errors, ...document.warnings.map((w) => fromYamlError(w, "warning"))];
}

/**
 * The first syntax error of a top-level section, and not those after it there: one tab or
 * one misplaced line breaks the structure of what follows, and yaml then reports every later
 * line up to the next top-level key. Errors in later sections, duplicate keys and other
 * errors that stand on their own are all kept.
 */
function withoutCascade(all: Finding[], text: string, lineStarts: readonly number[]): Finding[] {
  // Two of yaml's errors can come down to one over-indented key: said once.
  const said = new Set<string>();
  const errors = all.filter((f) => {
    const key = `${f.start?.line}:${f.start?.column}:${f.message}`;
    return said.has(key) ? false : (said.add(key), true);
  });
  const kept: Finding[] = [];
  let first = -1; // where the first syntax error of the current section is in `kept`
  let hidden = 0;
  let sectionEnd = 0;
  const noteHidden = () => {
    if (first < 0 || hidden === 0) return;
    const note = `${hidden} later syntax error${hidden === 1 ? "" : "s"} not shown: they often follow from this one; fix it and run again`;
    const shown = kept[first]!;
    kept[first] = { ...shown, hint: shown.hint ? `${shown.hint}; ${note}` : note };
  };
  for (const f of errors) {
    if (f.ruleId !== "yaml/syntax") kept.push(f);
    else if (first >= 0 && f.start && f.start.line < sectionEnd) hidden++;
    else {
      noteHidden();
      first = kept.length;
      hidden = 0;
      sectionEnd = f.start ? nextTopLevelLine(text, lineStarts, f.start.line) : Infinity;
      kept.push(f);
    }
  }
  noteHidden();
  return kept;
}

/** The 1-based number of the first line after `line` that starts a top-level key or entry. */
function nextTopLevelLine(text: string, lineStarts: readonly number[], line: number): number {
  // lineStarts[n] is where line n + 1 starts.
  for (let n = line; n < lineStarts.length; n++) {
    const c = text.charCodeAt(lineStarts[n]!);
    if (c !== Char.Space && c !== Char.Tab && c !== Char.LineFeed && c !== Char.CarriageReturn && c !== Char.Hash && !Number.isNaN(c)) return n + 1;
  }
  return Infinity;
}

/**
 * A key indented deeper than the key before it (`  currency: EUR` then `    effectiveDate:`)
 * continues that key's value, and yaml reports the value ("nested mappings are not allowed
 * in compact mappings"); the line to fix is the deeper one.
 */
function overIndentedKey(error: YAMLError, text: string): { problem: YamlProblem; start: number; end: number } | undefined {
  if (error.code !== "BLOCK_AS_IMPLICIT_KEY" && error.code !== "MULTILINE_IMPLICIT_KEY") return undefined;
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  const line = keyOfLine(text, lineStart);
  if (!line) return undefined;
  // The next line that holds more than spaces or a comment.
  let next = lineAfter(text, lineStart);
  while (next < text.length && isBlankOrComment(text, next)) next = lineAfter(text, next);
  const deeper = next < text.length ? keyOfLine(text, next) : undefined;
  if (!deeper || deeper.column <= line.column) return undefined;
  return {
    problem: {
      ruleId: "yaml/syntax",
      message: `\`${deeper.key}\` is indented more than \`${line.key}\` above it, so YAML reads it as part of that value`,
      hint: `start \`${deeper.key}\` at column ${line.column + 1}, as \`${line.key}\` does`,
    },
    start: next + deeper.column,
    end: next + deeper.column + deeper.key.length,
  };
}

function lineAfter(text: string, start: number): number {
  const end = text.indexOf("\n", start);
  return end === -1 ? text.length : end + 1;
}

function isBlankOrComment(text: string, start: number): boolean {
  let at = start;
  while (text.charCodeAt(at) === Char.Space || text.charCodeAt(at) === Char.Tab) at++;
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Hash;
}

/**
 * The plain key a line starts with (`key: ` or `key:` at the end), past the dashes of list
 * entries (`  - id: x`), and its column; scanned by hand, in one pass, as a regular
 * expression over adversarial lines of dashes would backtrack.
 */
function keyOfLine(text: string, start: number): { key: string; column: number } | undefined {
  let at = start;
  for (;;) {
    while (text.charCodeAt(at) === Char.Space) at++;
    if (text.charCodeAt(at) === Char.Dash && text.charCodeAt(at + 1) === Char.Space) at += 2;
    else break;
  }
  const c = text.charCodeAt(at);
  if (Number.isNaN(c) || c === Char.Dash || c === Char.Hash || c === Char.Tab || c === Char.LineFeed || c === Char.CarriageReturn) return undefined;
  const end = lineAfter(text, at);
  const colon = text.indexOf(":", at);
  if (colon === -1 || colon >= end) return undefined;
  const after = text.charCodeAt(colon + 1);
  if (!(after === Char.Space || after === Char.Tab || after === Char.LineFeed || after === Char.CarriageReturn || Number.isNaN(after))) return undefined;
  const key = text.slice(at, colon).trimEnd();
  return key ? { key, column: at - start } : undefined;
}

function parseWithPositions(file: string, text: string): ParsedSla {
  const { document, lineCounter } = composeDocument(text);
  const findings = yamlFindings({ file, text, document, lineCounter });

  let data: unknown;
  if (findings.every((f) => f.severity !== "error")) {
    if (isEmpty(document.contents)) {
      findings.push({
        ruleId: "yaml/empty",
        severity: "error",
        message: "file is empty",
        hint: "an SLA file starts with `apiVersion: sla/v1` and `kind: ServiceLevelAgreement`; `sla init` writes a starter file",
        file,
        path: [],
        start: { line: 1, column: 1 },
      });
    } else {
      const read = boundedData(document);
      if (read) data = read.data;
      else
        findings.push({
          ruleId: "yaml/alias-limit",
          severity: "error",
          message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}); the file looks like an alias bomb`,
          hint: "write the repeated content out, or use fewer `*alias` references",
          file,
          path: [],
          start: { line: 1, column: 1 },
        });
    }
  }
  return { file, text, document, lineCounter, data, findings };
}

/** No content at all: nothing, or only `---` and comments (an empty plain scalar). */
function isEmpty(contents: Document.Parsed["contents"]): boolean {
  return contents === null || (yamlLib().isScalar(contents) && contents.value === null && contents.source === "");
}

interface YamlProblem {
  ruleId: string;
  message: string;
  hint?: string;
  /** Length of the offending text, when yaml's own range is shorter than it. */
  length?: number;
}

/** `source` runs from the error's offset to the end of its line. */
function describeYamlError(error: YAMLError, source: string): YamlProblem {
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = /^("[^"]*"|'[^']*'|[^:\n]+?)\s*:/.exec(source)?.[1] ?? source.trim();
      return {
        ruleId: "yaml/duplicate-key",
        message: `duplicate key \`${key}\``,
        hint: "a key may appear once in a mapping; merge the two entries or rename one",
        length: key.length,
      };
    }
    case "MULTIPLE_DOCS":
      return {
        ruleId: "yaml/multiple-documents",
        message: "file holds more than one YAML document (`---`)",
        hint: "keep one agreement per file",
      };
    case "TAB_AS_INDENT":
      return { ruleId: "yaml/syntax", message: "tab used for indentation", hint: "indent with spaces" };
    default:
      // yaml's own messages are precise.
      return { ruleId: "yaml/syntax", message: yamlErrorMessage(error) };
  }
}

/** Source range of the node at `path`: its key (`at: "key"`) or its value. */
export function rangeOf(parsed: ParsedSla, path: JsonPath, at: "key" | "value" = "value") {
  const range = locate(parsed.document, path, at);
  if (!range) return {};
  const toPosition = (offset: number) => {
    const { line, col } = parsed.lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { start: toPosition(range[0]), end: toPosition(range[1]) };
}
