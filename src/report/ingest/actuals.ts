// The monthly actuals (figures no export holds): a CSV file with the columns month, kpi and
// value, or a YAML file, either a list of { month, kpi, value } or months mapping KPI ids to
// values (`2026-09: { website-visits: 12400 }`). Both become the same text table as an
// export, so they are checked by the same SQL.
import type { DuckDBConnection } from "@duckdb/node-api";
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { MonthlyActuals, Sla } from "../../model/index.js";
import { SourceError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { readBounded, ReadRefusal } from "../../load/bounded-read.js";
import type { SourceProblem, SourceQuality } from "../tables.js";
import { identifier, literal, numberOf } from "./sql.js";
import { openExport, rawTable } from "./raw.js";
import type { Delimiter } from "./header.js";
import type { Encoding } from "./encoding.js";
import { detectDecimal } from "./records.js";
import { listedColumns, MAX_EXAMPLES, quoted } from "./quality.js";

/** A YAML actuals file is read whole: a year of KPIs is a few kilobytes. */
const MAX_YAML_BYTES = 10 * 1024 * 1024;
const COLUMNS = ["month", "kpi", "value"] as const;

export async function loadActuals(connection: DuckDBConnection, sla: Sla, source: MonthlyActuals, path: string, shown: string): Promise<SourceQuality> {
  const yaml = /\.ya?ml$/i.test(path);
  const raw = yaml ? await yamlTable(connection, path, shown) : await csvTable(connection, path, shown, source);
  const index = (name: string) => raw.header.findIndex((column) => column.trim().toLowerCase() === name);
  for (const name of COLUMNS) if (index(name) < 0) throw new SourceError(shown, message("source/actuals-columns", listedColumns(raw.header)));
  const [month, kpi, value] = COLUMNS.map((name) => `nullif(trim(c${index(name)}), '')`) as [string, string, string];
  const decimal = source.decimal ?? (yaml ? "." : await detectDecimal(connection, identifier(raw.table), `c${index("value")}`, raw.delimiter));
  const kpis = (sla.kpis ?? []).map((k) => literal(k.id));
  const known = kpis.length ? `kpi IN (${kpis.join(", ")})` : "FALSE";
  const parsed = identifier("sla_actuals_parsed");
  await connection.run(`CREATE TEMP TABLE ${parsed} AS
    SELECT line, month_raw, kpi, value_raw, value,
      CASE WHEN s.y <> '' AND TRY_CAST(s.m AS INTEGER) BETWEEN 1 AND 12 THEN printf('%s-%02d', s.y, TRY_CAST(s.m AS INTEGER)) END AS month
    FROM (SELECT *, regexp_extract(coalesce(month_raw, ''), '^\\s*(\\d{4})[-/.](\\d{1,2})(?:[-/.]\\d{1,2})?\\s*$', ['y', 'm']) AS s
      FROM (SELECT line, ${month} AS month_raw, ${kpi} AS kpi, ${value} AS value_raw, ${numberOf(value, decimal)} AS value FROM ${identifier(raw.table)}))`);
  const checks: Array<{ reason: SourceProblem["reason"]; column: string; where: string; value: string }> = [
    { reason: "unparseable-date", column: raw.header[index("month")]!, where: "month IS NULL", value: "coalesce(month_raw, '')" },
    { reason: "unknown-kpi", column: raw.header[index("kpi")]!, where: `month IS NOT NULL AND NOT coalesce(${known}, FALSE)`, value: "coalesce(kpi, '')" },
    {
      reason: "unparseable-value",
      column: raw.header[index("value")]!,
      where: `month IS NOT NULL AND ${known} AND value IS NULL`,
      value: "coalesce(value_raw, '')",
    },
  ];
  const problems: SourceProblem[] = [];
  for (const check of checks) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, min_by({'line': line, 'value': ${check.value}}, line, ${MAX_EXAMPLES}) AS examples FROM ${parsed} WHERE ${check.where}`,
    );
    const row = reader.getRowObjectsJS()[0]!;
    if (Number(row.n) === 0) continue;
    const examples = (row.examples as Array<{ line: bigint | number; value: string }>).map((e) => ({
      line: Number(e.line),
      column: quoted(check.column),
      value: quoted(e.value),
    }));
    problems.push({ reason: check.reason, count: Number(row.n), examples });
  }
  const kept = `month IS NOT NULL AND ${known} AND value IS NOT NULL`;
  await connection.run(`INSERT INTO actuals SELECT month, kpi, value FROM ${parsed} WHERE ${kept}`);
  const used = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${parsed} WHERE ${kept}`)).getRows()[0]![0]);
  await connection.run(`DROP TABLE ${parsed}`);
  return { kind: "actuals", file: shown, encoding: raw.encoding, delimiter: raw.delimiter, rows: raw.rows, used, problems };
}

/** The actuals' text table, read like an export. */
interface ActualsTable {
  table: string;
  header: string[];
  encoding: Encoding;
  delimiter: Delimiter;
  rows: number;
}

async function csvTable(connection: DuckDBConnection, path: string, shown: string, source: MonthlyActuals): Promise<ActualsTable> {
  const opened = await openExport(path, shown, source);
  try {
    const table = "sla_actuals_raw";
    const rows = await rawTable(connection, table, opened, shown);
    return { table, header: opened.header, encoding: opened.encoding, delimiter: opened.delimiter, rows };
  } finally {
    opened.remove();
  }
}

/** A YAML actuals file as a text table like an export's: line, month, kpi, value. */
async function yamlTable(connection: DuckDBConnection, path: string, shown: string): Promise<ActualsTable> {
  let text: string;
  try {
    text = readBounded(path, { maxBytes: MAX_YAML_BYTES, what: "actuals" }).toString("utf8");
  } catch (error) {
    if (error instanceof ReadRefusal) throw new SourceError(shown, error.said);
    throw error;
  }
  const lineCounter = new LineCounter();
  // The library's own check for repeated keys compares each key with every one before it, which
  // takes minutes for the 600,000 keys ten megabytes can hold: repeats are found below by a Set.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new SourceError(`${shown}:${line}`, message("source/actuals-yaml", { detail: error.message.split("\n")[0]! }));
  }
  const lineOf = (node: unknown) =>
    node && typeof node === "object" && "range" in node && (node as Node).range ? lineCounter.linePos((node as Node).range![0]).line : 1;
  const scalar = (value: unknown) => (value === null || value === undefined || typeof value === "object" ? null : String(value));
  const rows: Array<[number, string | null, string | null, string | null]> = [];
  const root = document.contents;
  if (isSeq(root)) {
    for (const item of root.items) {
      const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
      rows.push([lineOf(item), scalar(entry.month), scalar(entry.kpi), scalar(entry.value)]);
    }
  } else if (isMap(root)) {
    const months = new Set<string | null>();
    for (const pair of root.items) {
      const month = scalar((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      refuseRepeat(months, month, shown, lineOf(pair.key));
      if (!isMap(pair.value)) {
        rows.push([lineOf(pair.key), month, null, null]);
        continue;
      }
      const kpis = new Set<string | null>();
      for (const inner of pair.value.items) {
        const value = inner.value as { value?: unknown } | null;
        const kpi = scalar((inner.key as { value?: unknown } | null)?.value);
        refuseRepeat(kpis, kpi, shown, lineOf(inner.key));
        rows.push([lineOf(inner.key), month, kpi, scalar(value?.value)]);
      }
    }
  } else if (root !== null) {
    throw new SourceError(`${shown}:${lineOf(root)}`, message("source/actuals-shape"));
  }
  const table = "sla_actuals_raw";
  await connection.run(`CREATE TEMP TABLE ${identifier(table)} (line BIGINT, c0 VARCHAR, c1 VARCHAR, c2 VARCHAR)`);
  const sqlText = (value: string | null) => (value === null ? "NULL" : literal(value));
  for (let start = 0; start < rows.length; start += 1000) {
    const values = rows.slice(start, start + 1000).map((row) => `(${row[0]}, ${sqlText(row[1])}, ${sqlText(row[2])}, ${sqlText(row[3])})`);
    await connection.run(`INSERT INTO ${identifier(table)} VALUES ${values.join(", ")}`);
  }
  return { table, header: [...COLUMNS], encoding: "utf-8", delimiter: ",", rows: rows.length };
}

/** A key met twice in one map is an error, as YAML has it (in the library's words). */
function refuseRepeat(seen: Set<string | null>, key: string | null, shown: string, line: number): void {
  if (seen.has(key)) throw new SourceError(`${shown}:${line}`, message("source/actuals-yaml", { detail: "Map keys must be unique" }));
  seen.add(key);
}
