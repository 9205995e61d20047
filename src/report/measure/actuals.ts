// The actuals table: figures no export holds (visits, spend), by KPI id and month.
import type { Month } from "../model.js";
import { num, readRows, type ReportConnection } from "./query.js";

export type Actuals = Map<string, Map<Month, number>>;

export async function readActuals(connection: ReportConnection): Promise<Actuals> {
  const actuals: Actuals = new Map();
  for (const row of await readRows(connection, "SELECT kpi, month, value FROM actuals ORDER BY rowid")) {
    const kpi = row.kpi as string;
    let months = actuals.get(kpi);
    if (!months) actuals.set(kpi, (months = new Map()));
    // A month written twice keeps its later row.
    months.set(row.month as Month, num(row.value)!);
  }
  return actuals;
}
