// Sales-cycle length: calendar days from SQL to won. From the leads export where leads carry
// both dates (first SQL entry, first customer entry, by the month they became customers);
// else from won deals, creation to close, by close month, as a deals export always has those.
import type { Sla } from "../../model/index.js";
import type { Month } from "../model.js";
import { num, readRows, valuesList, type Param, type ReportConnection, type Row } from "./query.js";
import type { Quantiles } from "./quantiles.js";
import { stageCategories } from "./stages.js";

export interface DurationFigures {
  byMonth: Map<Month, Quantiles>;
  /** Over all months measured. */
  overall: Quantiles | undefined;
}

const QUANTILES = `strftime(ended, '%Y-%m') AS month, quantile_cont(days, 0.5) AS median, quantile_cont(days, 0.9) AS p90, count(*) AS n`;

export async function measureSalesCycle(connection: ReportConnection, sla: Sla, bounds: [string, string]): Promise<DurationFigures> {
  const map = stageCategories(sla).filter(([, category]) => category === "sql" || category === "customer");
  let rows: Row[] = [];
  if (map.length > 0) {
    const values = valuesList(map);
    rows = await readRows(
      connection,
      `WITH map(stage, category) AS (VALUES ${values.sql}),
       pairs AS (
         SELECT min(s.entered) FILTER (WHERE m.category = 'sql') AS sql_at, min(s.entered) FILTER (WHERE m.category = 'customer') AS ended
         FROM lead_stages s JOIN map m ON s.stage = m.stage GROUP BY s.lead_id)
       SELECT ${QUANTILES} FROM (SELECT ended, (epoch(ended) - epoch(sql_at)) / 86400 AS days FROM pairs
         WHERE sql_at IS NOT NULL AND ended >= sql_at AND ended >= CAST(? AS TIMESTAMP) AND ended < CAST(? AS TIMESTAMP))
       GROUP BY GROUPING SETS ((month), ())`,
      [...values.values, ...bounds] as Param[],
    );
  }
  if (!rows.some((row) => num(row.n))) {
    rows = await readRows(
      connection,
      `SELECT ${QUANTILES} FROM (SELECT closed AS ended, (epoch(closed) - epoch(created)) / 86400 AS days FROM deals
         WHERE outcome = 'won' AND created IS NOT NULL AND closed >= created AND closed >= CAST(? AS TIMESTAMP) AND closed < CAST(? AS TIMESTAMP))
       GROUP BY GROUPING SETS ((month), ())`,
      bounds,
    );
  }
  return durationFigures(rows);
}

function durationFigures(rows: Row[]): DurationFigures {
  const byMonth = new Map<Month, Quantiles>();
  let overall: Quantiles | undefined;
  for (const row of rows) {
    const n = num(row.n)!;
    if (n === 0) continue;
    const figures = { median: num(row.median)!, p90: num(row.p90)!, sample: n };
    if (row.month === null) overall = figures;
    else byMonth.set(row.month as Month, figures);
  }
  return { byMonth, overall };
}
