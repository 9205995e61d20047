// An in-memory database with the report tables, filled row by row for hand-computed tests.
import { readFileSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parse } from "yaml";
import type { Sla } from "../../src/model/index.js";
import { REPORT_TABLES } from "../../src/report/tables.js";

export const EXAMPLE = parse(readFileSync(new URL("../../sla.example.yaml", import.meta.url), "utf8")) as Sla;

export function exampleWith(edit: (sla: Sla) => void = () => {}): Sla {
  const sla = structuredClone(EXAMPLE);
  edit(sla);
  return sla;
}

type Cell = string | number | null;

const literal = (cell: Cell) => (cell === null ? "NULL" : typeof cell === "number" ? String(cell) : `'${cell.replaceAll("'", "''")}'`);

export async function database(rows: { leads?: Cell[][]; stages?: Cell[][]; deals?: Cell[][]; actuals?: Cell[][] }): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const table of REPORT_TABLES) await connection.run(table);
  const tables = { leads: "leads", stages: "lead_stages", deals: "deals", actuals: "actuals" } as const;
  for (const [key, table] of Object.entries(tables)) {
    const list = rows[key as keyof typeof tables] ?? [];
    if (list.length) await connection.run(`INSERT INTO ${table} VALUES ${list.map((row) => `(${row.map(literal).join(", ")})`).join(", ")}`);
  }
  return connection;
}

/**
 * A business calendar small enough to count by hand: Monday to Friday, 09:00-17:00, no
 * holidays, wall time as written. Counts minute by minute (slow, but obviously right). The
 * times are wall minutes since 1970-01-01T00:00 (measure/connect.ts BusinessHours).
 */
export function officeHours(fromMinutes: number, toMinutes: number): number {
  let minutes = 0;
  const end = toMinutes * 60_000;
  for (let t = fromMinutes * 60_000; t < end; t += 60_000) {
    const d = new Date(t);
    const day = d.getUTCDay();
    const hour = d.getUTCHours();
    if (day >= 1 && day <= 5 && hour >= 9 && hour < 17) minutes += 1;
  }
  return minutes / 60;
}
