// The leads and deals tables (src/report/tables.ts) from an export read as text (raw.ts):
// values parsed, CRM values mapped to the agreement's ids, and every row or field that
// cannot be used counted by reason. All of it is SQL run by the engine, over the whole table
// at once.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { RecordExport, Sla } from "../../model/index.js";
import { SourceError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { Suggester } from "../../util/did-you-mean.js";
import type { ProblemReason, SourceProblem } from "../tables.js";
import { type Field, type SourceKind, layoutOf } from "./presets.js";
import { resolveColumns, valueMap } from "./mapping.js";
import type { RawExport } from "./raw.js";
import { dateParts, decimalEvidence, type DayOrder, identifier, literal, numberOf, timestampOf } from "./sql.js";
import { MAX_EXAMPLES, mergeProblems } from "./quality.js";

export interface RecordsOptions {
  kind: SourceKind;
  source: RecordExport;
  raw: RawExport;
  shown: string;
  timeZone: string;
}

export interface RecordsResult {
  used: number;
  problems: SourceProblem[];
}

/** One check of a parsed row: rows matching `where` have the problem `reason`. */
interface Check {
  reason: ProblemReason;
  column?: string;
  where: string;
  value: string;
}

const text = (index: number | undefined) => (index === undefined ? "NULL::VARCHAR" : `nullif(trim(c${index}), '')`);

/** Fills the `leads` and `lead_stages` tables, or the `deals` table, from `raw`. */
export async function loadRecords(connection: DuckDBConnection, sla: Sla, options: RecordsOptions): Promise<RecordsResult> {
  const { kind, source, raw, shown, timeZone } = options;
  const layout = layoutOf(source.preset, kind);
  const lifecycleIds = new Set((sla.lifecycleStages ?? []).map((stage) => stage.id));
  const dealIds = new Set((sla.dealStages ?? []).map((stage) => stage.id));
  const stageIds = kind === "leads" ? lifecycleIds : new Set([...dealIds, ...lifecycleIds]);
  const stageMap = valueMap(source.stages, layout.stages, stageIds);
  const statusMap = valueMap(source.statuses, layout.statuses, new Set((sla.leadStatuses ?? []).map((status) => status.id)));
  const typeMap = valueMap(source.leadTypes, [], new Set((sla.leadTypes ?? []).map((type) => type.id)));
  const columns = resolveColumns(kind, source, layout, raw.header, shown, stageMap, lifecycleIds);
  const at = (field: Field) => columns.fields[field];
  const prefix = `sla_${kind}`;
  await createMap(connection, `${prefix}_stage_map`, stageMap);
  await createMap(connection, `${prefix}_status_map`, statusMap);
  await createMap(connection, `${prefix}_type_map`, typeMap);

  // The date columns, each read with the day order its own values show.
  const dateFields: Array<{ name: string; index: number; header: string }> = [];
  const addDate = (name: string, index: number | undefined) => {
    if (index !== undefined) dateFields.push({ name, index, header: raw.header[index]! });
  };
  addDate("created", at("createdAt"));
  if (kind === "leads") {
    addDate("first_attempt", at("firstAttempt"));
    columns.stageDates.forEach((entry, n) => addDate(`stage_${n}`, entry.index));
  } else addDate("closed", at("closedAt"));
  const orders = await dayOrders(connection, raw.table, dateFields, source.dateFormat);
  const decimal = kind === "deals" && at("amount") !== undefined ? (source.decimal ?? (await detectDecimal(connection, raw, at("amount")!))) : ".";

  const table = identifier(raw.table);
  const parsed = identifier(`${prefix}_parsed`);
  const dateRaw = dateFields.map((d) => `${text(d.index)} AS ${d.name}_raw`).join(", ");
  const dateParsed = dateFields.map((d, n) => `${timestampOf(`p${n}`, orders[n]!, timeZone)} AS ${d.name}`).join(", ");
  const partsOf = dateFields.map((d, n) => `${dateParts(`${d.name}_raw`)} AS p${n}`).join(", ");
  await connection.run(`CREATE TEMP TABLE ${parsed} AS
    WITH v AS (
      SELECT line, ${text(at("id"))} AS id, ${text(at("stage"))} AS stage_raw, ${text(at("status"))} AS status_raw,
        ${text(at("leadType"))} AS type_raw, ${text(at("owner"))} AS owner, ${text(at("returnReason"))} AS return_reason,
        ${text(at("amount"))} AS amount_raw${dateRaw ? `, ${dateRaw}` : ""}
      FROM ${table}),
    x AS (SELECT *${partsOf ? `, ${partsOf}` : ""} FROM v)
    SELECT x.* EXCLUDE (${["id", ...dateFields.map((_, n) => `p${n}`)].join(", ")}), x.id,
      sm.value IS NOT NULL AS stage_known, sm.id AS stage,
      tm.id AS status, ym.id AS lead_type,
      ${kind === "deals" ? numberOf("amount_raw", decimal) : "NULL::DOUBLE"} AS amount
      ${dateParsed ? `, ${dateParsed}` : ""},
      row_number() OVER (PARTITION BY x.id ORDER BY line) AS nth
    FROM x
      LEFT JOIN ${identifier(`${prefix}_stage_map`)} sm ON sm.value = x.stage_raw
      LEFT JOIN ${identifier(`${prefix}_status_map`)} tm ON tm.value = x.status_raw
      LEFT JOIN ${identifier(`${prefix}_type_map`)} ym ON ym.value = x.type_raw`);

  await refuseUnknownStages(connection, parsed, kind, stageMap, at("stage") === undefined ? undefined : raw.header[at("stage")!]!, shown);

  const header = (field: Field) => (at(field) === undefined ? undefined : raw.header[at(field)!]);
  // A deal without a stage the agreement knows says nothing about the pipeline: it is left out.
  const kept = kind === "deals" ? "id IS NOT NULL AND nth = 1 AND stage IS NOT NULL" : "id IS NOT NULL AND nth = 1";
  const first = "id IS NOT NULL AND nth = 1";
  const checks: Check[] = [
    { reason: "missing-id", column: header("id"), where: "id IS NULL", value: "''" },
    { reason: "duplicate-id", column: header("id"), where: "id IS NOT NULL AND nth > 1", value: "id" },
  ];
  if (at("stage") !== undefined)
    checks.push({
      reason: "unmapped-stage",
      column: header("stage"),
      where: `${first} AND stage IS NULL${kind === "leads" ? " AND stage_raw IS NOT NULL" : ""}`,
      value: "coalesce(stage_raw, '')",
    });
  if (at("status") !== undefined)
    checks.push({ reason: "unmapped-status", column: header("status"), where: `${kept} AND status_raw IS NOT NULL AND status IS NULL`, value: "status_raw" });
  if (at("leadType") !== undefined)
    checks.push({
      reason: "unmapped-lead-type",
      column: header("leadType"),
      where: `${kept} AND type_raw IS NOT NULL AND lead_type IS NULL`,
      value: "type_raw",
    });
  for (const date of dateFields)
    checks.push({
      reason: "unparseable-date",
      column: date.header,
      where: `${kept} AND ${date.name}_raw IS NOT NULL AND ${date.name} IS NULL`,
      value: `${date.name}_raw`,
    });

  const outcomes = new Map((sla.dealStages ?? []).map((stage) => [stage.id, stage.outcome ?? "open"]));
  const outcome = `CASE stage ${[...outcomes].map(([id, value]) => `WHEN ${literal(id)} THEN ${literal(value)}`).join(" ")} ELSE 'open' END`;
  if (kind === "deals" && at("amount") !== undefined) {
    checks.push({
      reason: "unparseable-amount",
      column: header("amount"),
      where: `${kept} AND amount_raw IS NOT NULL AND amount IS NULL`,
      value: "amount_raw",
    });
    checks.push({ reason: "missing-amount", column: header("amount"), where: `${kept} AND amount_raw IS NULL AND ${outcome} = 'won'`, value: "''" });
  }
  const problems = await runChecks(connection, parsed, checks);

  if (kind === "leads") {
    await connection.run(
      `INSERT INTO leads SELECT id, line, created, stage, status, owner, lead_type, ${at("firstAttempt") === undefined ? "NULL" : "first_attempt"}, return_reason FROM ${parsed} WHERE ${kept}`,
    );
    for (const [n, entry] of columns.stageDates.entries())
      await connection.run(`INSERT INTO lead_stages SELECT id, ${literal(entry.stage)}, stage_${n} FROM ${parsed} WHERE ${kept} AND stage_${n} IS NOT NULL`);
  } else {
    const closed = at("closedAt") === undefined ? "NULL" : "closed";
    await connection.run(`INSERT INTO deals SELECT id, line, stage, o, amount, created, CASE WHEN o IN ('won', 'lost') THEN ${closed} END, owner, lead_type
      FROM (SELECT *, ${outcome} AS o FROM ${parsed} WHERE ${kept})`);
  }
  const used = await count(connection, `SELECT count(*) FROM ${parsed} WHERE ${kept}`);
  await connection.run(`DROP TABLE ${parsed}`);
  return { used, problems };
}

async function createMap(connection: DuckDBConnection, name: string, map: ReadonlyMap<string, string | null>): Promise<void> {
  await connection.run(`CREATE TEMP TABLE ${identifier(name)} (value VARCHAR, id VARCHAR)`);
  if (map.size === 0) return;
  const rows = [...map].map(([value, id]) => `(${literal(value)}, ${id === null ? "NULL" : literal(id)})`).join(", ");
  await connection.run(`INSERT INTO ${identifier(name)} VALUES ${rows}`);
}

/**
 * How each date column writes a year-last date. `NN/NN/YYYY` is day first when any value's
 * first part is above 12 (no month is), else when the mapping's `dateFormat` says so, else
 * month first (the US form, which HubSpot and Salesforce write in English). `NN.NN.YYYY` and
 * `NN-NN-YYYY` are day first (German, Turkish), unless `dateFormat` is `MM/DD/YYYY`.
 */
async function dayOrders(
  connection: DuckDBConnection,
  table: string,
  dates: ReadonlyArray<{ index: number }>,
  dateFormat: RecordExport["dateFormat"],
): Promise<DayOrder[]> {
  if (dates.length === 0) return [];
  const firsts = dates.map((d, n) => `max(TRY_CAST(regexp_extract(c${d.index}, '^\\s*(\\d{1,2})/\\d{1,2}/\\d{4}', 1) AS INTEGER)) AS f${n}`);
  const reader = await connection.runAndReadAll(`SELECT ${firsts.join(", ")} FROM ${identifier(table)}`);
  const row = reader.getRowObjects()[0]!;
  const statedDayFirst = dateFormat === "DD/MM/YYYY" || dateFormat === "DD.MM.YYYY";
  return dates.map((_, n) => ({
    slash: Number(row[`f${n}`] ?? 0) > 12 || statedDayFirst,
    other: dateFormat !== "MM/DD/YYYY",
  }));
}

/**
 * The decimal separator of an amount column: the one its unambiguous values show (the more
 * common when both appear); when none is unambiguous (`1.234`, `1,234`, `1234`), a comma for
 * a file separated by `;` (as Excel writes where the comma is the decimal separator), else a point.
 */
export async function detectDecimal(connection: DuckDBConnection, raw: RawExport, index: number): Promise<"." | ","> {
  const evidence = decimalEvidence(`c${index}`);
  const reader = await connection.runAndReadAll(`SELECT ${evidence.comma} AS comma, ${evidence.point} AS point FROM ${identifier(raw.table)}`);
  const row = reader.getRowObjects()[0]!;
  const comma = Number(row.comma);
  const point = Number(row.point);
  if (comma !== point) return comma > point ? "," : ".";
  return raw.delimiter === ";" ? "," : ".";
}

/**
 * An export with stage values neither the mapping nor the preset knows cannot be measured
 * honestly (a funnel with a stage missing): it is an error naming the values, with the
 * mapped ones and a "did you mean".
 */
async function refuseUnknownStages(
  connection: DuckDBConnection,
  parsed: string,
  kind: SourceKind,
  map: ReadonlyMap<string, string | null>,
  column: string | undefined,
  shown: string,
): Promise<void> {
  if (column === undefined) return;
  const reader =
    await connection.runAndReadAll(`SELECT stage_raw AS value, count(*) OVER ()::INTEGER AS kinds, sum(n) OVER ()::INTEGER AS total, n::INTEGER AS n, first FROM (
      SELECT stage_raw, count(*) AS n, min(line) AS first FROM ${parsed} WHERE stage_raw IS NOT NULL AND NOT stage_known GROUP BY stage_raw)
    ORDER BY first LIMIT 5`);
  const rows = reader.getRowObjects();
  if (rows.length === 0) return;
  const firstRow = rows[0]!;
  const mapped = [...map].filter(([, id]) => id !== null).map(([value]) => value);
  const value = String(firstRow.value);
  const suggestion = new Suggester(mapped).suggest(value);
  throw new SourceError(
    shown,
    message("source/unmapped-stage", {
      file: shown,
      line: Number(firstRow.first),
      column,
      value,
      suggested: suggestion ? "yes" : "no",
      suggestion: suggestion ?? "",
      rows: Number(firstRow.total),
      values: rows.map((row) => String(row.value)),
      more: Number(firstRow.kinds) - rows.length,
      kind,
      mapped: mapped.slice(0, 20),
    }),
  );
}

async function runChecks(connection: DuckDBConnection, parsed: string, checks: readonly Check[]): Promise<SourceProblem[]> {
  const problems: SourceProblem[] = [];
  for (const check of checks) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, min_by({'line': line, 'value': ${check.value}}, line, ${MAX_EXAMPLES}) AS examples FROM ${parsed} WHERE ${check.where}`,
    );
    const row = reader.getRowObjectsJS()[0]!;
    const n = Number(row.n);
    if (n === 0) continue;
    const examples = (row.examples as Array<{ line: bigint | number; value: string | null }>).map((example) => ({
      line: Number(example.line),
      ...(check.column === undefined ? {} : { column: check.column }),
      value: example.value ?? "",
    }));
    problems.push({ reason: check.reason, count: n, examples });
  }
  return mergeProblems(problems);
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]![0]);
}
