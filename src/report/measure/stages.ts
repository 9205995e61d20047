// Lifecycle counts: how many leads entered each standard stage (lead, MQL, SQL, customer) per
// month. A lead counts once per standard stage, in the month it first entered any of the
// agreement's stages of that category, so a lead that went MQL -> SQL -> MQL -> SQL is one
// SQL, and two stages of one category (a "sal" and an "sql") do not count it twice.
import { stageCategory } from "../../domain/stages.js";
import type { Sla, StageCategory } from "../../model/index.js";
import type { Month } from "../model.js";
import { num, readRows, valuesList, type ReportConnection } from "./query.js";

/** Per category: leads entering it per month; a category absent when no lead entered it at all (the export has no such date). */
export type StageCounts = Map<StageCategory, Map<Month, number>>;

/** Stage id -> standard category, for the agreement's stages that have one. */
export function stageCategories(sla: Sla): [string, StageCategory][] {
  return (sla.lifecycleStages ?? []).flatMap((stage) => {
    const category = stageCategory(stage);
    return category && category !== "other" ? [[stage.id, category] as [string, StageCategory]] : [];
  });
}

export async function countStageEntries(connection: ReportConnection, sla: Sla): Promise<StageCounts> {
  const counts: StageCounts = new Map();
  const map = stageCategories(sla);
  if (map.length === 0) return counts;
  const values = valuesList(map);
  // Over all months, not only those measured: a category with entries outside them still
  // tells that the export holds its dates, so a month inside counts 0 rather than nothing.
  const rows = await readRows(
    connection,
    `WITH map(stage, category) AS (VALUES ${values.sql}),
     firsts AS (
       SELECT s.lead_id, m.category, min(s.entered) AS entered
       FROM lead_stages s JOIN map m ON s.stage = m.stage
       GROUP BY s.lead_id, m.category)
     SELECT category, strftime(entered, '%Y-%m') AS month, count(*) AS n
     FROM firsts GROUP BY category, month`,
    values.values,
  );
  for (const row of rows) {
    const category = row.category as StageCategory;
    let months = counts.get(category);
    if (!months) counts.set(category, (months = new Map()));
    months.set(row.month as Month, num(row.n)!);
  }
  return counts;
}
