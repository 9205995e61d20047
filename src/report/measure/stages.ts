// Lifecycle counts: how many leads entered each standard stage (lead, MQL, SQL, customer) per
// month. A lead counts once per standard stage, in the month it first entered any of the
// agreement's stages of that category, so two stages of one category (a "sal" and an "sql")
// do not count it twice.
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
  // lead_stages holds one row per lead and stage, so a category of one stage counts its rows
  // as they are; only a category of several stages needs each lead's first entry, and the
  // grouping by lead that it takes is kept to those rows (it is most of the time over a
  // million leads).
  const shared = [...new Set(map.map(([, category]) => category).filter((category, i, all) => all.indexOf(category) !== i))];
  const sharedList = shared.map(() => "?").join(", ");
  const firsts = shared.length
    ? `SELECT category, entered FROM entries WHERE category NOT IN (${sharedList})
       UNION ALL
       SELECT category, min(entered) FROM entries WHERE category IN (${sharedList}) GROUP BY lead_id, category`
    : "SELECT category, entered FROM entries";
  // Over all months, not only those measured: a category with entries outside them still
  // tells that the export holds its dates, so a month inside counts 0 rather than nothing.
  const rows = await readRows(
    connection,
    `WITH map(stage, category) AS (VALUES ${values.sql}),
     entries AS (SELECT s.lead_id, m.category, s.entered FROM lead_stages s JOIN map m ON s.stage = m.stage),
     firsts AS (${firsts}),
     counted AS (SELECT category, date_trunc('month', entered) AS month, count(*) AS n FROM firsts GROUP BY ALL)
     SELECT category, strftime(month, '%Y-%m') AS month, n FROM counted`,
    [...values.values, ...shared, ...shared],
  );
  // A leads export without a "became a lead" date still has each record's creation, which
  // is when a contact became a lead for every team that does not keep subscribers apart.
  if (!rows.some((row) => row.category === "lead") && map.some(([, category]) => category === "lead"))
    rows.push(
      ...(await readRows(
        connection,
        `SELECT 'lead' AS category, strftime(month, '%Y-%m') AS month, n
         FROM (SELECT date_trunc('month', created) AS month, count(*) AS n FROM leads WHERE created IS NOT NULL GROUP BY ALL)`,
      )),
    );
  for (const row of rows) {
    const category = row.category as StageCategory;
    let months = counts.get(category);
    if (!months) counts.set(category, (months = new Map()));
    months.set(row.month as Month, num(row.n)!);
  }
  return counts;
}
