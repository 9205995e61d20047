// JSON Schema validation with a validator precompiled at build time, and the translation of
// its errors into findings worded for people and placed at the offending node.
import type { Finding, JsonPath } from "../findings.js";
import { locate } from "../load/locate.js";
import { rangeOf, type ParsedSla } from "../load/parse.js";
import { closestMatch } from "../util/did-you-mean.js";
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

export function checkSchema(parsed: ParsedSla): SchemaResult {
  if (validateSchema(parsed.data)) return { findings: [], invalidPaths: [] };
  const errors = pruneErrors(validateSchema.errors ?? []);
  const findings = errors.map((error) => toFinding(parsed, error));
  // An unknown key leaves the known fields checked and typed, so it does not stop the rules.
  const invalidPaths = findings.filter((f) => f.ruleId !== "schema/unknown-property").map((f) => f.path);
  return { findings, invalidPaths };
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

/** "lifecycle stage `mql`", "agreement", "the document": what the user calls the place. */
function describePlace(parsed: ParsedSla, path: JsonPath, schema: SchemaNode | undefined): string {
  if (path.length === 0) return "the document";
  const title = typeof schema?.title === "string" ? lowerTitle(schema.title) : String(path[path.length - 1]);
  const id = (valueAt(parsed.data, path) as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? `${title} \`${id}\`` : title;
}

/** "Lifecycle stage" -> "lifecycle stage", but "KPI target" stays. */
function lowerTitle(title: string): string {
  return /^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

const DEF_HINTS: Record<string, string> = {
  id: "ids are lowercase letters (any script), digits, `-`, `_` or `.`, e.g. `field-sales` or `satış`",
  duration: "write a duration like `30m`, `4h`, `4 business hours`, `2 business days` or `2 weeks` (also `4 iş saati`, `2 Werktage`, `3営業日`)",
  percent: "write a percentage as `25%`, `25` or `0.25`",
  date: "write dates as YYYY-MM-DD, e.g. `2026-07-01`",
};

const PROPERTY_HINTS: Record<string, string> = {
  version: 'write a version in quotes, like `"3"`, `"2026.2"` or `"1.4.0"`',
  language: "write a BCP 47 language tag like `en`, `de-DE`, `tr` or `ja`",
  currency: "write an ISO 4217 currency code like `EUR`, `TRY`, `JPY` or `USD`",
  target: "write a number, or a percentage like `25%`",
};

function hintFor(path: JsonPath): string | undefined {
  const def = schemaFor(path).def;
  if (def && DEF_HINTS[def]) return DEF_HINTS[def];
  const property = path[path.length - 1];
  return typeof property === "string" ? PROPERTY_HINTS[property] : undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `text \`${value}\``;
  return `${typeof value} \`${String(value)}\``;
}

/** Longest text a message quotes from a value; the source line is shown beside it anyway. */
const MAX_QUOTED = 80;

/**
 * A value as a message quotes it: its first line in the file, cut at MAX_QUOTED characters. A
 * file that is not YAML at all (`.env`, `/etc/passwd`) reads as one long text folded from all
 * its lines, and a message must not carry the whole of it into a CI log or an annotation.
 */
function describeValueAt(parsed: ParsedSla, path: JsonPath, value: unknown): string {
  if (typeof value !== "string") return describeValue(value);
  let shown = value.split("\n", 1)[0]!;
  const { start, end } = rangeOf(parsed, path);
  if (start && end && end.line > start.line) {
    const lineStart = parsed.lineCounter.lineStarts[start.line - 1]! + start.column - 1;
    const lineEnd = parsed.text.indexOf("\n", lineStart);
    // A plain or quoted text folded from several lines: its first line is as long as it is written.
    if (!/^[|>]/.test(parsed.text.slice(lineStart, lineStart + 1))) shown = shown.slice(0, Math.max(1, lineEnd - lineStart));
  }
  if (shown.length > MAX_QUOTED) shown = shown.slice(0, MAX_QUOTED);
  return describeValue(shown.length < value.length ? `${shown.trimEnd()} …` : value);
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping (key: value)",
  array: "a list",
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
};

function toFinding(parsed: ParsedSla, error: SchemaError): Finding {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(parsed.data, path);
  const base = { severity: "error" as const, file: parsed.file };
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      return {
        ...base,
        ruleId: "schema/required",
        message: `${describePlace(parsed, path, schemaFor(path).schema)} is missing \`${missing}\``,
        hint: describeProperty(schemaFor(path).schema, missing),
        path: [...path, missing],
        // At the parent's key ("agreement:"), or at the list item ("- id: mql").
        ...rangeOf(parsed, path, typeof path[path.length - 1] === "string" ? "key" : "value"),
      };
    }
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const owner = schemaFor(path).schema;
      const { known, lowered, allowed } = propertiesOf(owner);
      const suggestion = closestMatch(unknown, known, lowered);
      return {
        ...base,
        ruleId: "schema/unknown-property",
        message: `unknown property \`${unknown}\` in ${describePlace(parsed, path, owner)}`,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : allowed,
        path: [...path, unknown],
        ...rangeOf(parsed, [...path, unknown], "key"),
      };
    }
    case "type": {
      const readAsScalar = textReadAsScalar(parsed, path, value, String(params.type).split(","));
      if (readAsScalar) return { ...base, ruleId: "schema/type", ...readAsScalar, path, ...rangeOf(parsed, path) };
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" or ");
      return {
        ...base,
        ruleId: "schema/type",
        message: `${quotePath(path)} must be ${expected}, found ${describeValueAt(parsed, path, value)}`,
        hint: hintFor(path),
        path,
        ...rangeOf(parsed, path),
      };
    }
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const suggestion = typeof value === "string" ? closestMatch(value, allowed) : undefined;
      return {
        ...base,
        ruleId: "schema/enum",
        message: `${quotePath(path)} must be ${allowed.length === 1 ? "" : "one of "}${allowed.map((a) => `\`${a}\``).join(", ")}; found ${describeValueAt(parsed, path, value)}`,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : undefined,
        path,
        ...rangeOf(parsed, path),
      };
    }
    case "pattern":
    case "format":
      return {
        ...base,
        ruleId: "schema/format",
        message: `${describeValueAt(parsed, path, value)} is not a valid ${describeExpected(error, path)}`,
        hint: hintFor(path),
        path,
        ...rangeOf(parsed, path),
      };
    case "minItems":
      return {
        ...base,
        ruleId: "schema/too-few",
        message: `${quotePath(path)} needs at least ${String(params.limit)} ${Number(params.limit) === 1 ? "entry" : "entries"}`,
        path,
        ...rangeOf(parsed, path),
      };
    case "minLength":
      return { ...base, ruleId: "schema/empty", message: `${quotePath(path)} must not be empty`, path, ...rangeOf(parsed, path) };
    case "minimum":
    case "maximum":
      return {
        ...base,
        ruleId: `schema/${error.keyword}`,
        message: `${quotePath(path)} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${describeLimit(Number(params.limit))}, found ${describeValueAt(parsed, path, value)}`,
        hint: Math.abs(Number(params.limit)) === Number.MAX_SAFE_INTEGER ? BEYOND_SAFE : undefined,
        path,
        ...rangeOf(parsed, path),
      };
    case "uniqueItems": {
      // ajv names the later entry i and the earlier one j.
      const later = Number(params.i);
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      return {
        ...base,
        ruleId: "schema/uniqueItems",
        message: `${quotePath(path)} lists ${describeValue(list[later])} twice (entries ${Number(params.j) + 1} and ${later + 1})`,
        hint: "list each entry once",
        path: [...path, later],
        ...rangeOf(parsed, [...path, later]),
      };
    }
    default:
      // The validator is built without ajv's messages (scripts/build.mjs): each keyword the
      // schema uses has its wording above.
      return { ...base, ruleId: `schema/${error.keyword}`, message: `${quotePath(path)} is invalid (\`${error.keyword}\`)`, path, ...rangeOf(parsed, path) };
  }
}

/**
 * Numbers that an agreement could mean (points, thresholds, counts, employees, money) are
 * bounded by the largest integer a number holds exactly: beyond it, sums and differences are
 * no longer exact, and soon no longer finite.
 */
const BEYOND_SAFE = "no agreement means a number this large, and beyond it numbers are no longer exact";

/** A bound as a reader writes it: `1`, `-9,007,199,254,740,991`. */
function describeLimit(limit: number): string {
  return Math.abs(limit) >= 10_000 ? limit.toLocaleString("en-US") : String(limit);
}

function describeExpected(error: SchemaError, path: JsonPath): string {
  if (error.keyword === "format") return String(error.params.format === "date" ? "date (YYYY-MM-DD)" : error.params.format);
  const def = schemaFor(path).def;
  if (def === "percent") return "percentage";
  if (def && def !== "text") return def;
  return String(path[path.length - 1]);
}

interface Properties {
  known: string[];
  /** `known` in lower case, for did-you-mean. */
  lowered: string[];
  /** The hint that lists them. */
  allowed: string;
}
const propertiesByOwner = new WeakMap<SchemaNode, Properties>();

/** The properties a mapping may have, made once per schema node for all its unknown keys. */
function propertiesOf(owner: SchemaNode | undefined): Properties {
  const cached = owner && propertiesByOwner.get(owner);
  if (cached) return cached;
  const known = Object.keys((owner?.properties as SchemaNode | undefined) ?? {});
  const properties = { known, lowered: known.map((name) => name.toLowerCase()), allowed: `allowed here: ${known.join(", ")}` };
  if (owner) propertiesByOwner.set(owner, properties);
  return properties;
}

function describeProperty(owner: SchemaNode | undefined, property: string): string | undefined {
  const schema = (owner?.properties as Record<string, SchemaNode> | undefined)?.[property];
  return typeof schema?.description === "string" ? `\`${property}\`: ${schema.description}` : undefined;
}

/**
 * Text written plain that YAML reads as a number or true/false: `version: 2026.10` is the
 * number 2026.1, `id: 1` the number 1. Said with the text as written and the quoted form
 * that keeps it, so the fix is one copy away and nobody signs "2026.1".
 */
function textReadAsScalar(parsed: ParsedSla, path: JsonPath, value: unknown, expected: string[]): { message: string; hint: string } | undefined {
  if (!expected.includes("string") || (typeof value !== "number" && typeof value !== "boolean")) return undefined;
  const range = locate(parsed.document, path, "value");
  const written = range ? parsed.text.slice(range[0], range[1]).trim() : String(value);
  const key = path[path.length - 1];
  const quoted = `${typeof key === "string" ? `${key}: ` : "- "}${JSON.stringify(written)}`;
  const readAs = typeof value === "number" ? `the number ${String(value)}` : String(value);
  const message =
    written === String(value)
      ? `${quotePath(path)} must be text, found ${describeValue(value)}`
      : `${quotePath(path)} must be text: YAML reads \`${written}\` as ${readAs}`;
  return { message, hint: `quote it: \`${quoted}\`` };
}

function quotePath(path: JsonPath): string {
  return path.length === 0 ? "the document" : `\`${formatPathTail(path)}\``;
}

/** The last meaningful segment for messages: `owner`, or `kpis[3]` for a list item. */
function formatPathTail(path: JsonPath): string {
  if (path.length === 0) return "the document";
  const last = path[path.length - 1];
  if (typeof last === "number") return `${String(path[path.length - 2] ?? "")}[${last}]`;
  return last ?? "document";
}
