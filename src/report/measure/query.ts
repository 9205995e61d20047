// The one door to the engine: measuring only reads the tables of ../tables.ts. Typed by the
// little it uses, so the measuring code (and its library users) need not import the engine's
// types, and tests may hand in any in-memory connection.
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
