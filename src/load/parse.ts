// Parses an SLA file into plain data, with the `yaml` Document (node ranges) beside it so
// every finding can point at file:line:column.
//
// Two readers, for speed: the fast reader (fast-reader.ts) takes most well-formed files, and
// `yaml` reads the rest (its errors are then reported with its positions and wording) and
// any file whose findings need a position.
import type { Document, LineCounter, YAMLError } from "yaml";
import type { Finding, JsonPath } from "../findings.js";
import { word } from "../i18n/catalog.js";
import { message, type Message } from "../i18n/message.js";
import { wordFinding } from "../i18n/worded.js";
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
  /**
   * Problems of the YAML itself (syntax, duplicate keys, aliases, empty file), worded in
   * English; `inLanguage` words them in another.
   */
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

/** `yaml`'s errors and warnings of a parsed document, as findings worded in `locale`. */
export function yamlFindings(parsed: Pick<ParsedSla, "file" | "text" | "document" | "lineCounter">, locale = "en"): Finding[] {
  const { file, text, document, lineCounter } = parsed;
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fromYamlError = (error: YAMLError, severity: "error" | "warning"): YamlFinding => {
    const explained = badIndentation(error, text) ?? fullWidthColon(error, text) ?? overIndentedKey(error, text);
    if (explained)
      return { ruleId: explained.problem.ruleId, problem: explained.problem, severity, file, path: [], start: at(explained.start), end: at(explained.end) };
    const [start, end] = error.pos;
    const lineEnd = text.indexOf("\n", start);
    const problem = describeYamlError(error, text.slice(start, lineEnd < 0 ? undefined : lineEnd));
    return { ruleId: problem.ruleId, problem, severity, file, path: [], start: at(start), end: at(problem.length ? start + problem.length : end) };
  };
  const errors = withoutCascade(
    document.errors.map((e) => fromYamlError(e, "error")),
    text,
    lineCounter.lineStarts,
  );
  return [...errors, ...document.warnings.map((w) => fromYamlError(w, "warning"))].map((f) => wordYamlFinding(f, locale));
}

/** A finding of the YAML before it is worded: its problem, and how many errors it hides. */
interface YamlFinding extends Omit<Finding, "message"> {
  problem: YamlProblem;
  hidden?: number;
}

function wordYamlFinding({ problem, hidden, ...finding }: YamlFinding, locale: string): Finding {
  const worded = wordFinding(problem.message, problem.hint ?? (hidden ? message("yaml/hidden-errors", { count: hidden }) : undefined), locale);
  if (hidden && problem.hint) {
    // The count of hidden errors rides with the hint's own arguments, for machines.
    worded.hint = word(message("yaml/hint-and-hidden", { hint: worded.hint!, hidden: word(message("yaml/hidden-errors", { count: hidden }), locale) }), locale);
    worded.hintArgs = { ...worded.hintArgs, hiddenErrors: hidden };
  }
  return { ...finding, ...worded };
}

/**
 * `findings` of the YAML (ParsedSla.findings) worded in `locale`: from their message ids and
 * arguments, so only when there are any and the language is not English.
 */
export function inLanguage(findings: readonly Finding[], locale: string): Finding[] {
  if (findings.length === 0 || locale === "en") return [...findings];
  return findings.map((f) => {
    if (f.messageId === undefined) return f;
    const again = { ...f, message: word(message(f.messageId, f.args), locale) };
    if (f.hintId === undefined) return again;
    const { hiddenErrors, ...hintArgs } = f.hintArgs ?? {};
    let hint = word(message(f.hintId, hintArgs), locale);
    if (typeof hiddenErrors === "number" && f.hintId !== "yaml/hidden-errors")
      hint = word(message("yaml/hint-and-hidden", { hint, hidden: word(message("yaml/hidden-errors", { count: hiddenErrors }), locale) }), locale);
    return { ...again, hint };
  });
}

/**
 * The first syntax error of a top-level section, and not those after it there: one tab or
 * one misplaced line breaks the structure of what follows, and yaml then reports every later
 * line up to the next top-level key. Errors in later sections, duplicate keys and other
 * errors that stand on their own are all kept.
 */
function withoutCascade(all: YamlFinding[], text: string, lineStarts: readonly number[]): YamlFinding[] {
  // Two of yaml's errors can come down to one over-indented key: said once.
  const said = new Set<string>();
  const errors = all.filter((f) => {
    const key = `${f.start?.line}:${f.start?.column}:${f.problem.message.id}:${JSON.stringify(f.problem.message.args)}`;
    return said.has(key) ? false : (said.add(key), true);
  });
  const kept: YamlFinding[] = [];
  let first = -1; // where the first syntax error of the current section is in `kept`
  let hidden = 0;
  let sectionEnd = 0;
  const noteHidden = () => {
    if (first >= 0 && hidden > 0) kept[first] = { ...kept[first]!, hidden };
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
      message: message("yaml/over-indented", { key: deeper.key, above: line.key }),
      hint: message("yaml/over-indented.hint", { key: deeper.key, column: line.column + 1, above: line.key }),
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
        ...wordFinding(message("yaml/empty"), message("yaml/empty.hint"), "en"),
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
          ...wordFinding(message("yaml/alias-limit", { limit: MAX_ALIAS_COUNT }), message("yaml/alias-limit.hint"), "en"),
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
  message: Message;
  hint?: Message;
  /** Length of the offending text, when yaml's own range is shorter than it. */
  length?: number;
}

/** `source` runs from the error's offset to the end of its line. */
function describeYamlError(error: YAMLError, source: string): YamlProblem {
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = /^("[^"]*"|'[^']*'|[^:\n]+?)\s*:/.exec(source)?.[1] ?? source.trim();
      return { ruleId: "yaml/duplicate-key", message: message("yaml/duplicate-key", { key }), hint: message("yaml/duplicate-key.hint"), length: key.length };
    }
    case "MULTIPLE_DOCS":
      return { ruleId: "yaml/multiple-documents", message: message("yaml/multiple-documents"), hint: message("yaml/multiple-documents.hint") };
    case "TAB_AS_INDENT":
      return { ruleId: "yaml/syntax", message: message("yaml/tab-indent"), hint: message("yaml/tab-indent.hint") };
    case "RESOURCE_EXHAUSTION":
      return { ruleId: "yaml/syntax", message: message("yaml/too-deep"), hint: message("yaml/too-deep.hint") };
    default:
      // yaml's own message, precise but in English: the catalogs say it is YAML's.
      return { ruleId: "yaml/syntax", message: message("yaml/syntax", { detail: yamlErrorMessage(error), code: error.code }) };
  }
}

/**
 * The indentation of a line the error is on or follows, when it has a tab or a full-width
 * space (U+3000, typed by a Japanese input method): YAML indents with spaces only, and reads
 * either as part of the key, so its own error speaks of something else.
 */
function badIndentation(error: YAMLError, text: string): { problem: YamlProblem; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  for (const start of [lineStart, previousContentLine(text, lineStart)]) {
    if (start === undefined) continue;
    let at = start;
    let bad: number | undefined;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === Char.Space) at++;
      else if (c === Char.Tab || c === 0x3000) {
        bad ??= c;
        at++;
      } else break;
    }
    if (bad === undefined || isBlankOrComment(text, start)) continue;
    const key = keyOfLine(text, at)?.key ?? text.slice(at, lineAfter(text, at)).trim().slice(0, 40);
    const tab = bad === Char.Tab;
    return {
      problem: {
        ruleId: "yaml/syntax",
        message: message(tab ? "yaml/tab-indent.before" : "yaml/full-width-indent", { key }),
        hint: message(tab ? "yaml/tab-indent.hint" : "yaml/full-width-indent.hint"),
      },
      start,
      end: at,
    };
  }
  return undefined;
}

/** The start of the last line before `lineStart` that holds more than spaces or a comment. */
function previousContentLine(text: string, lineStart: number): number | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (!isBlankOrComment(text, start)) return start;
    end = start - 1;
  }
  return undefined;
}

/**
 * `owner：営業`: a full-width colon, as a Japanese or Chinese input method types it, does not
 * separate a key from its value, and YAML reads the line as one text.
 */
function fullWidthColon(error: YAMLError, text: string): { problem: YamlProblem; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  for (const start of [lineStart, previousContentLine(text, lineStart)]) {
    if (start === undefined) continue;
    const end = lineAfter(text, start);
    const line = text.slice(start, end).replace(/\r?\n$/, "");
    const match = /^([ ]*(?:- )*)([^\s:："'#][^:：]*?)\s*：\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, indent, key, value] = match as unknown as [string, string, string, string];
    return {
      problem: {
        ruleId: "yaml/syntax",
        message: message("yaml/full-width-colon", { key }),
        hint: message("yaml/full-width-colon.hint", { fixed: `${key}: ${value}`.trimEnd() }),
      },
      start: start + indent.length,
      end: start + line.length,
    };
  }
  return undefined;
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
