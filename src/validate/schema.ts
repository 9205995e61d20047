// JSON Schema validation with a validator precompiled at build time, and the translation of
// its errors into findings worded for people and placed at the offending node.
import type { Finding, JsonPath } from "../findings.js";
import { locate } from "../load/locate.js";
import { rangeOf, type ParsedSla } from "../load/parse.js";
import { currencyAlias } from "../domain/currency.js";
import { catalog } from "../i18n/catalog.js";
import { formatTemplate } from "../i18n/format.js";
import { languageOf } from "../i18n/languages.js";
import { message, type Message, type MessageArgs } from "../i18n/message.js";
import { closestMatch, lowerCase } from "../util/did-you-mean.js";
import { loadSchemaValidator, readSchemaDocument, type SchemaError, type SchemaNode } from "./schema-files.js";

const validateSchema = loadSchemaValidator();

let schemaCache: SchemaNode | undefined;
/** The schema document, read only when an error needs its titles and property names. */
export function loadSchema(): SchemaNode {
  return (schemaCache ??= readSchemaDocument());
}

export interface SchemaResult {
  findings: Finding[];
  /** Paths whose values break the schema; rules reading those sections are skipped. */
  invalidPaths: JsonPath[];
}

/** The schema's findings, worded in `locale`'s language (English by default). */
export function checkSchema(parsed: ParsedSla, locale = "en"): SchemaResult {
  if (validateSchema(parsed.data)) return { findings: [], invalidPaths: [] };
  if (widenFullWidthNumbers(parsed.data, validateSchema.errors ?? []) && validateSchema(parsed.data)) return { findings: [], invalidPaths: [] };
  const errors = pruneErrors(validateSchema.errors ?? []);
  const wording = new Wording(locale);
  const findings = errors.map((error) => toFinding(parsed, error, wording));
  // An unknown key leaves the known fields checked and typed, so it does not stop the rules.
  const invalidPaths = findings.filter((f) => f.ruleId !== "schema/unknown-property").map((f) => f.path);
  return { findings, invalidPaths };
}

/**
 * Numbers written in full-width digits (`points: ２０`, `target: １７`), as a Japanese input
 * method types them: both readers give text, and where the schema takes a number they are
 * read as the number, as full-width percentages (`２５％`) are. Done on the schema's errors,
 * so a file without them pays nothing. Whether any value changed.
 */
function widenFullWidthNumbers(data: unknown, errors: readonly SchemaError[]): boolean {
  let changed = false;
  for (const error of errors) {
    if (error.keyword !== "type" && error.keyword !== "pattern") continue;
    const path = pointerToPath(error.instancePath);
    const key = path[path.length - 1];
    const parent = valueAt(data, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    const value = parent?.[key!];
    if (key === undefined || typeof value !== "string" || !/[０-９]/.test(value)) continue;
    const normal = value.normalize("NFKC").trim();
    if (/^-?\d+(\.\d+)?$/.test(normal) && schemaTakesNumber(path)) {
      parent![key] = Number(normal);
      changed = true;
    }
  }
  return changed;
}

/** Keeps one error per place: a wrong type makes the other keywords at that place noise. */
function pruneErrors(errors: SchemaError[]): SchemaError[] {
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === "if") return false;
    if (typed.has(error.instancePath) && error.keyword !== "type") return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerToPath(pointer: string): JsonPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

interface SchemaLookup {
  schema: SchemaNode | undefined;
  /** Name of the last `$defs` entry passed through: tells what kind of value this is. */
  def: string | undefined;
}

/**
 * Lookups by the shape of the path (list indices left out): a file with thousands of errors
 * has them at a few places of the schema. Bounded all the same, as paths come from the file.
 */
const lookups = new Map<string, SchemaLookup>();
const MAX_LOOKUPS = 1000;

/**
 * The subschema that governs the value at `path`, found by walking the schema along the
 * document (ajv's schemaPath is relative to each referenced definition, so it cannot be used).
 */
function schemaFor(path: JsonPath): SchemaLookup {
  const shape = path.map((segment) => (typeof segment === "number" ? "[]" : `.${segment}`)).join("\0");
  let lookup = lookups.get(shape);
  if (!lookup) {
    if (lookups.size >= MAX_LOOKUPS) lookups.clear();
    lookups.set(shape, (lookup = walkSchema(path)));
  }
  return lookup;
}

function walkSchema(path: JsonPath): SchemaLookup {
  const root = loadSchema();
  let lookup = resolveRef(root, { schema: root, def: undefined });
  for (const segment of path) {
    const node = lookup.schema;
    const next =
      typeof segment === "number"
        ? (node?.items as SchemaNode | undefined)
        : ((node?.properties as Record<string, SchemaNode> | undefined)?.[segment] as SchemaNode | undefined);
    lookup = resolveRef(root, { schema: next, def: undefined });
  }
  return lookup;
}

function resolveRef(root: SchemaNode, lookup: SchemaLookup): SchemaLookup {
  let { schema, def } = lookup;
  // A property may carry its own title/description beside the $ref; merge them over it.
  while (typeof schema?.$ref === "string") {
    def = schema.$ref.replace("#/$defs/", "");
    const target = (root.$defs as Record<string, SchemaNode>)[def];
    const { $ref: _ref, ...own } = schema;
    schema = { ...target, ...own };
  }
  return { schema, def };
}

/**
 * The findings' wording, in the reader's language: each message is an id with its arguments.
 * Parts of a message that are themselves worded (the place, a value's description, the kind
 * of value expected) are worded first and given as text arguments. One per check, so a file
 * with thousands of errors looks its language and catalog up once, and words each message
 * without arguments (a title, a hint) once.
 */
class Wording {
  readonly #templates: ReadonlyMap<string, string>;
  readonly #english: ReadonlyMap<string, string>;
  /** The locale numbers and lists are formatted in. */
  readonly #format: string;
  readonly #plain = new Map<string, string>();

  constructor(readonly locale: string) {
    const language = languageOf(locale);
    this.#templates = catalog(language ?? "en");
    this.#english = catalog("en");
    this.#format = language === undefined ? "en" : locale;
  }

  /** The message in the reader's language (as catalog.ts's `word`), or its id if no catalog has it. */
  word(id: string, args?: MessageArgs): string {
    if (args === undefined) {
      let worded = this.#plain.get(id);
      if (worded === undefined) this.#plain.set(id, (worded = this.#word(id, undefined)));
      return worded;
    }
    return this.#word(id, args);
  }

  #word(id: string, args: MessageArgs | undefined): string {
    const template = this.#templates.get(id) ?? this.#english.get(id);
    return template === undefined ? id : formatTemplate(template, args, this.#format);
  }
}

/** "lifecycle stage `mql`", "agreement", "the document": what the user calls the place. */
function describePlace(parsed: ParsedSla, path: JsonPath, schema: SchemaNode | undefined, wording: Wording): string {
  if (path.length === 0) return wording.word("schema/place.document");
  const title = typeof schema?.title === "string" ? wordTitle(schema.title, wording) : String(path[path.length - 1]);
  const id = (valueAt(parsed.data, path) as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? wording.word("schema/place.with-id", { title, id }) : title;
}

/** A schema title in the reader's language: `Lifecycle stage` is `schema/title.lifecycle-stage`. */
function wordTitle(title: string, wording: Wording): string {
  const id = `schema/title.${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  const worded = wording.word(id);
  return worded === id ? lowerTitle(title) : worded;
}

/** "Lifecycle stage" -> "lifecycle stage", but "KPI target" stays. */
function lowerTitle(title: string): string {
  return /^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

/** Kinds of value ($defs) and properties with a hint of how to write them. */
const DEF_HINTS = new Set(["id", "duration", "percent", "date"]);
const PROPERTY_HINTS = new Set(["version", "language", "currency", "target"]);

function hintFor(path: JsonPath): Message | undefined {
  const def = schemaFor(path).def;
  if (def && DEF_HINTS.has(def)) return message(`schema/hint.${def}`);
  const property = path[path.length - 1];
  return typeof property === "string" && PROPERTY_HINTS.has(property) ? message(`schema/hint.${property}`) : undefined;
}

/** "text `x`", "a list", "nothing (null)": a value as a message names it. */
function describeValue(value: unknown, wording: Wording): string {
  if (value === null) return wording.word("schema/value.null");
  if (Array.isArray(value)) return wording.word("schema/value.list");
  if (typeof value === "object") return wording.word("schema/value.mapping");
  if (typeof value === "string") return wording.word("schema/value.text", { value });
  return wording.word(typeof value === "number" ? "schema/value.number" : "schema/value.boolean", { value: String(value) });
}

/** Longest text a message quotes from a value; the source line is shown beside it anyway. */
const MAX_QUOTED = 80;

/**
 * A value as a message quotes it: its first line in the file, cut at MAX_QUOTED characters. A
 * file that is not YAML at all (`.env`, `/etc/passwd`) reads as one long text folded from all
 * its lines, and a message must not carry the whole of it into a CI log or an annotation.
 */
function describeValueAt(parsed: ParsedSla, path: JsonPath, value: unknown, wording: Wording): string {
  if (typeof value !== "string") return describeValue(value, wording);
  let shown = value.split("\n", 1)[0]!;
  const { start, end } = rangeOf(parsed, path);
  if (start && end && end.line > start.line) {
    const lineStart = parsed.lineCounter.lineStarts[start.line - 1]! + start.column - 1;
    const lineEnd = parsed.text.indexOf("\n", lineStart);
    // A plain or quoted text folded from several lines: its first line is as long as it is written.
    if (!/^[|>]/.test(parsed.text.slice(lineStart, lineStart + 1))) shown = shown.slice(0, Math.max(1, lineEnd - lineStart));
  }
  if (shown.length > MAX_QUOTED) shown = shown.slice(0, MAX_QUOTED);
  return describeValue(shown.length < value.length ? `${shown.trimEnd()} …` : value, wording);
}

/** "a number", "a list or text": the types the schema expects, worded. */
function describeTypes(types: readonly string[], wording: Wording): string {
  const names = types.map((type) => {
    const id = `schema/type-name.${type}`;
    const worded = wording.word(id);
    return worded === id ? type : worded;
  });
  return names.reduce((either, name) => wording.word("schema/either", { first: either, second: name }));
}

/** A schema error as sla says it: rule, message and hint, and the place to point at. */
interface Problem {
  ruleId: string;
  message: Message;
  hint?: Message | undefined;
  path: JsonPath;
  /** The node to point at, when not `path`'s value. */
  at?: { path: JsonPath; part: "key" | "value" };
}

/**
 * The finding, made in one shape for every error: a file can have a hundred thousand of them,
 * and objects spread together from parts of several shapes cost the collector twice as much.
 */
function toFinding(parsed: ParsedSla, error: SchemaError, wording: Wording): Finding {
  const problem = describeError(parsed, error, wording);
  const { start, end } = rangeOf(parsed, problem.at?.path ?? problem.path, problem.at?.part);
  const { message: text, hint } = problem;
  return {
    ruleId: problem.ruleId,
    severity: "error",
    message: wording.word(text.id, text.args),
    messageId: text.id,
    args: text.args ?? {},
    hint: hint && wording.word(hint.id, hint.args),
    hintId: hint?.id,
    hintArgs: hint && (hint.args ?? {}),
    file: parsed.file,
    path: problem.path,
    start,
    end,
  };
}

function describeError(parsed: ParsedSla, error: SchemaError, wording: Wording): Problem {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(parsed.data, path);
  const params = error.params;
  const field = fieldName(path, wording);
  switch (error.keyword) {
    case "required": {
      const property = String(params.missingProperty);
      const owner = schemaFor(path).schema;
      const description = describeProperty(owner, property);
      return {
        ruleId: "schema/required",
        message: message("schema/required", { place: describePlace(parsed, path, owner, wording), property }),
        hint: description === undefined ? undefined : message("schema/required.hint", { property, description }),
        path: [...path, property],
        // At the parent's key ("agreement:"), or at the list item ("- id: mql").
        at: { path, part: typeof path[path.length - 1] === "string" ? "key" : "value" },
      };
    }
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      const at = { path: [...path, property], part: "key" as const };
      // `owner:` after full-width spaces (U+3000) at the start of a line is a key of the
      // mapping above, with the spaces in its name.
      const indented = /^\s*\u3000\s*(?=\S)/.exec(property);
      if (indented) {
        const key = property.slice(indented[0].length);
        return {
          ruleId: "schema/unknown-property",
          message: message("yaml/full-width-indent", { key }),
          hint: message("yaml/full-width-indent.hint"),
          path: at.path,
          at,
        };
      }
      const owner = schemaFor(path).schema;
      const { known, lowered, allowed } = propertiesOf(owner);
      const suggestion = closestMatch(property, known, lowered);
      return {
        ruleId: "schema/unknown-property",
        message: message("schema/unknown-property", { property, place: describePlace(parsed, path, owner, wording) }),
        hint: suggestion ? message("schema/did-you-mean", { suggestion }) : message("schema/unknown-property.allowed", { allowed }),
        path: at.path,
        at,
      };
    }
    case "type": {
      const types = String(params.type).split(",");
      const explained =
        textReadAsScalar(parsed, path, value, types, field, wording) ??
        textReadAsMapping(parsed, path, value, types, field) ??
        writtenNumber(path, value, types, field);
      if (explained) return { ruleId: "schema/type", ...explained, path };
      return {
        ruleId: "schema/type",
        message: message("schema/type", { field, expected: describeTypes(types, wording), found: describeValueAt(parsed, path, value, wording) }),
        hint: hintFor(path),
        path,
      };
    }
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const suggestion = typeof value === "string" ? closestMatch(value, allowed) : undefined;
      return {
        ruleId: "schema/enum",
        message: message(allowed.length === 1 ? "schema/enum.one" : "schema/enum", {
          field,
          allowed: allowed.map((a) => `\`${a}\``).join(", "),
          found: describeValueAt(parsed, path, value, wording),
        }),
        hint: suggestion ? message("schema/did-you-mean", { suggestion }) : undefined,
        path,
      };
    }
    case "pattern":
    case "format": {
      const explained = writtenNumber(path, value, ["number"], field) ?? impossibleDate(error, value, wording);
      if (explained) return { ruleId: "schema/format", message: explained.message, hint: explained.hint ?? hintFor(path), path };
      return {
        ruleId: "schema/format",
        message: message("schema/format", { found: describeValueAt(parsed, path, value, wording), expected: describeExpected(error, path, wording) }),
        hint: suggestedValue(path, value) ?? hintFor(path),
        path,
      };
    }
    case "minItems":
      return { ruleId: "schema/too-few", message: message("schema/too-few", { field, limit: Number(params.limit) }), path };
    case "minLength":
      return { ruleId: "schema/empty", message: message("schema/empty", { field }), path };
    case "minimum":
      return {
        ruleId: "schema/minimum",
        message: message("schema/minimum", { field, limit: Number(params.limit), found: describeValueAt(parsed, path, value, wording) }),
        path,
      };
    case "maximum":
      return {
        ruleId: "schema/maximum",
        message: message("schema/maximum", { field, limit: Number(params.limit), found: describeValueAt(parsed, path, value, wording) }),
        ...(Math.abs(Number(params.limit)) === Number.MAX_SAFE_INTEGER ? { hint: message("schema/beyond-safe.hint") } : {}),
        path,
      };
    case "uniqueItems": {
      // ajv names the later entry i and the earlier one j.
      const later = Number(params.i);
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      return {
        ruleId: "schema/uniqueItems",
        message: message("schema/unique-items", { field, found: describeValue(list[later], wording), first: Number(params.j) + 1, second: later + 1 }),
        hint: message("schema/unique-items.hint"),
        path: [...path, later],
      };
    }
    default:
      // The validator is built without ajv's messages (scripts/build.mjs): each keyword the
      // schema uses has its wording above.
      return { ruleId: `schema/${error.keyword}`, message: message("schema/invalid", { field, keyword: error.keyword }), path };
  }
}

/** "date (YYYY-MM-DD)", "percentage", "currency": the kind of value, or the property's name. */
function describeExpected(error: SchemaError, path: JsonPath, wording: Wording): string {
  const def = schemaFor(path).def;
  const kind = error.keyword === "format" ? String(error.params.format) : def && def !== "text" ? def : String(path[path.length - 1]);
  const id = `schema/kind.${kind}`;
  const worded = wording.word(id);
  return worded === id ? kind : worded;
}

interface Explained {
  message: Message;
  hint?: Message;
}
interface Properties {
  known: string[];
  /** `known` in lower case, for did-you-mean. */
  lowered: string[];
  /** `known`, as the hint lists them. */
  allowed: string;
}
const propertiesByOwner = new WeakMap<SchemaNode, Properties>();

/** The properties a mapping may have, made once per schema node for all its unknown keys. */
function propertiesOf(owner: SchemaNode | undefined): Properties {
  const cached = owner && propertiesByOwner.get(owner);
  if (cached) return cached;
  const known = Object.keys((owner?.properties as SchemaNode | undefined) ?? {});
  const properties = { known, lowered: known.map(lowerCase), allowed: known.join(", ") };
  if (owner) propertiesByOwner.set(owner, properties);
  return properties;
}

function describeProperty(owner: SchemaNode | undefined, property: string): string | undefined {
  const schema = (owner?.properties as Record<string, SchemaNode> | undefined)?.[property];
  return typeof schema?.description === "string" ? schema.description : undefined;
}

/** The value as written in the file, or undefined without a position. */
function writtenAt(parsed: ParsedSla, path: JsonPath): string | undefined {
  const range = locate(parsed.document, path, "value");
  return range ? parsed.text.slice(range[0], range[1]).trim() : undefined;
}

/** `key: "text"` or `- "text"`: the line that keeps `written` as text. */
function quotedLine(path: JsonPath, written: string): string {
  const key = path[path.length - 1];
  return `${typeof key === "string" ? `${key}: ` : "- "}${JSON.stringify(written)}`;
}

/**
 * Text written plain that YAML reads as a number or true/false: `version: 2026.10` is the
 * number 2026.1, `id: 1` the number 1. Said with the text as written and the quoted form
 * that keeps it, so the fix is one copy away and nobody signs "2026.1".
 */
function textReadAsScalar(parsed: ParsedSla, path: JsonPath, value: unknown, expected: string[], field: string, wording: Wording): Explained | undefined {
  if (!expected.includes("string") || (typeof value !== "number" && typeof value !== "boolean")) return undefined;
  const written = writtenAt(parsed, path) ?? String(value);
  const hint = message("schema/quote-it", { quoted: quotedLine(path, written) });
  if (written === String(value)) return { message: message("schema/text-expected", { field, found: describeValue(value, wording) }), hint };
  return {
    message:
      typeof value === "number"
        ? message("schema/text-read-as-number", { field, written, number: String(value) })
        : message("schema/text-read-as-boolean", { field, written, value: String(value) }),
    hint,
  };
}

/**
 * A list item with `: ` in it, where the list holds text: YAML reads `- Nicht erfasst:
 * Bestandskunden` as a mapping of one key. Said with the line that keeps it as text.
 */
function textReadAsMapping(parsed: ParsedSla, path: JsonPath, value: unknown, expected: string[], field: string): Explained | undefined {
  if (!expected.includes("string") || typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1 || (typeof entries[0]![1] !== "string" && typeof entries[0]![1] !== "number")) return undefined;
  const written = writtenAt(parsed, path) ?? `${entries[0]![0]}: ${String(entries[0]![1])}`;
  if (written.includes("\n")) return undefined;
  return {
    message: message("schema/text-read-as-mapping", { field, written }),
    hint: message("schema/quote-it", { quoted: quotedLine(path, written) }),
  };
}

/**
 * A number written with a decimal comma (`95,50`) or thousands separators (`1,800,000`), where
 * the schema takes a number: YAML reads either as text.
 */
function writtenNumber(path: JsonPath, value: unknown, expected: string[], field: string): Explained | undefined {
  if (typeof value !== "string" || !(expected.includes("number") || expected.includes("integer"))) return undefined;
  if (!schemaTakesNumber(path)) return undefined;
  const written = value.trim();
  if (/^-?\d{1,3}(,\d{3})+$/.test(written))
    return { message: message("schema/thousands-separator", { field, written }), hint: message("schema/write-instead", { fixed: written.replace(/,/g, "") }) };
  if (/^-?\d+,\d+$/.test(written))
    return { message: message("schema/decimal-comma", { field, written }), hint: message("schema/write-instead", { fixed: written.replace(",", ".") }) };
  return undefined;
}

/** Whether the schema takes a number at `path` (alone or beside text, as a target does). */
function schemaTakesNumber(path: JsonPath): boolean {
  const type = schemaFor(path).schema?.type;
  const types = Array.isArray(type) ? (type as unknown[]) : [type];
  return types.includes("number") || types.includes("integer");
}

/** `2026-09-31`: a date of the right shape whose day its month does not have. */
function impossibleDate(error: SchemaError, value: unknown, wording: Wording): Explained | undefined {
  if (error.keyword !== "format" || error.params.format !== "date" || typeof value !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day <= days) return undefined;
  const monthName = new Intl.DateTimeFormat(wording.locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
  const last = `${match[1]}-${match[2]}-${String(days).padStart(2, "0")}`;
  return { message: message("schema/date-day", { date: value, month: monthName, days }), hint: message("schema/date-day.hint", { month: monthName, last }) };
}

/**
 * A value one step from a valid one, as "did you mean": an id written with capitals
 * (`Pazarlama`), a currency's common name (`TL`, `YEN`, `€`).
 */
function suggestedValue(path: JsonPath, value: unknown): Message | undefined {
  if (typeof value !== "string") return undefined;
  const def = schemaFor(path).def;
  if (def === "id") {
    const lowered = lowerCase(value);
    const pattern = schemaFor(path).schema?.pattern;
    if (lowered !== value && typeof pattern === "string" && new RegExp(pattern, "u").test(lowered))
      return message("schema/id-lower-case", { suggestion: lowered });
  }
  if (path[path.length - 1] === "currency") {
    const code = currencyAlias(value);
    if (code) return message("schema/did-you-mean", { suggestion: code });
  }
  return undefined;
}

/** The field a message names: `owner`, or `kpis[3]` for a list item; the document at the root. */
function fieldName(path: JsonPath, wording: Wording): string {
  return path.length === 0 ? wording.word("schema/place.document") : `\`${formatPathTail(path)}\``;
}

/** The last meaningful segment for messages: `owner`, or `kpis[3]` for a list item. */
function formatPathTail(path: JsonPath): string {
  const last = path[path.length - 1];
  if (typeof last === "number") return `${String(path[path.length - 2] ?? "")}[${last}]`;
  return last ?? "";
}
