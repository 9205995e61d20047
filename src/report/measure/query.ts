// The one door to the engine: measuring only reads the tables of ../tables.ts. Typed by the
// little it uses, so the measuring code (and its library users) need not import the engine's
// types, and tests may hand in any in-memory connection.
import { literal } from "../ingest/sql.js";

/** What measuring needs of a DuckDB connection (`@duckdb/node-api`'s DuckDBConnection has it). */
export interface ReportConnection {
  runAndReadAll(sql: string, values?: Param[]): Promise<{ getRowObjectsJS(): Record<string, unknown>[]; getColumnsJS(): unknown[][] }>;
}

export type Row = Record<string, unknown>;
export type Param = string | number;

export async function readRows(connection: ReportConnection, sql: string, values: Param[] = []): Promise<Row[]> {
  return (await connection.runAndReadAll(sql, values)).getRowObjectsJS();
}

/** The columns of a result, for many rows: reading them as columns is several times faster than as row objects. */
export async function readColumns(connection: ReportConnection, sql: string, values: Param[] = []): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql, values)).getColumnsJS();
}

/** More distinct values than this are read as plain text: an ENUM of them would be a long statement for little gain. */
const MAX_DICTIONARY = 10_000;

/**
 * `column` of `table` (in a query: `as`) as an ENUM of the values it holds, for a query that reads it for many
 * rows: the engine hands an ENUM's texts over once, where a VARCHAR longer than 12 bytes is
 * copied and decoded row by row (the hand-offs of a large portal: bench/report.mjs). The values
 * read the same.
 * The column as it is when it holds none, too many, or one with a NUL (which an ENUM's
 * literal cannot hold).
 */
export async function asDictionary(connection: ReportConnection, table: string, column: string, as = column): Promise<string> {
  const [values] = await readColumns(connection, `SELECT DISTINCT ${column} FROM ${table} WHERE ${column} IS NOT NULL LIMIT ${MAX_DICTIONARY + 1}`);
  const texts = (values ?? []) as string[];
  if (texts.length === 0 || texts.length > MAX_DICTIONARY || texts.some((text) => text.includes("\0"))) return as;
  return `CAST(${as} AS ENUM(${texts.map(literal).join(", ")}))`;
}

/** `(?, ?), (?, ?)` and the values, for a small lookup table written inline as VALUES. */
export function valuesList(pairs: readonly (readonly string[])[]): { sql: string; values: string[] } {
  return {
    sql: pairs.map((pair) => `(${pair.map(() => "?").join(", ")})`).join(", "),
    values: pairs.flat(),
  };
}

/** A number the engine returned: BIGINT arrives as bigint (which Number takes as it is), NULL as null. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

/** Bounds of the months measured, as TIMESTAMP literals for `>= from AND < to`. */
export function monthBounds(first: string, afterLast: string): [string, string] {
  return [`${first}-01 00:00:00`, `${afterLast}-01 00:00:00`];
}
