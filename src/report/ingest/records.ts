// The leads and deals of src/report/tables.ts from an export read as text (raw.ts):
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
import { onExport, type OpenedExport, runOnExport } from "./raw.js";
import type { Delimiter } from "./header.js";
import { dateParts, decimalEvidence, type DayOrder, identifier, literal, numberOf, timestampOf } from "./sql.js";
import { MAX_EXAMPLES, mergeProblems, quoted } from "./quality.js";
import { columnShapes, dayOrders, sampleDates } from "./dates.js";

export interface RecordsOptions {
  kind: SourceKind;
  source: RecordExport;
  opened: OpenedExport;
  shown: string;
  timeZone: string;
}

export interface RecordsResult {
  rows: number;
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

/** Makes the `leads` and `lead_stages` views over the parsed export, or fills the `deals` table, from the opened export. */
export async function loadRecords(connection: DuckDBConnection, sla: Sla, options: RecordsOptions): Promise<RecordsResult> {
  const { kind, source, opened, shown, timeZone } = options;
  const layout = layoutOf(source.preset, kind);
  const lifecycleIds = new Set((sla.lifecycleStages ?? []).map((stage) => stage.id));
  const dealIds = new Set((sla.dealStages ?? []).map((stage) => stage.id));
  const stageIds = kind === "leads" ? lifecycleIds : new Set([...dealIds, ...lifecycleIds]);
  const stageMap = valueMap(source.stages, layout.stages, stageIds);
  const statusMap = valueMap(source.statuses, layout.statuses, new Set((sla.leadStatuses ?? []).map((status) => status.id)));
  const typeMap = valueMap(source.leadTypes, [], new Set((sla.leadTypes ?? []).map((type) => type.id)));
  const columns = resolveColumns(kind, source, layout, opened.header, shown, stageMap, lifecycleIds);
  const at = (field: Field) => columns.fields[field];
  const header = (field: Field) => (at(field) === undefined ? undefined : opened.header[at(field)!]);

  const dateFields: Array<{ name: string; index: number; header: string }> = [];
  const addDate = (name: string, index: number | undefined) => {
    if (index !== undefined) dateFields.push({ name, index, header: opened.header[index]! });
  };
  addDate("created", at("createdAt"));
  if (kind === "leads") {
    addDate("first_attempt", at("firstAttempt"));
    columns.stageDates.forEach((entry, n) => addDate(`stage_${n}`, entry.index));
  } else addDate("closed", at("closedAt"));

  const samples = await onExport(shown, () => sampleDates(connection, opened.scan, dateFields));
  const shapes = columnShapes(samples);
  const orders = await onExport(shown, () => dayOrders(connection, opened.scan, dateFields, shapes, source.dateFormat));
  const readDate = (name: string, n: number) => {
    const value = `${name}_text`;
    const formats = shapes[n]!.formats(orders[n]!);
    const other = formats.length ? ` ELSE try_strptime(${value}, [${formats.map(literal).join(", ")}])` : "";
    return `CASE WHEN ${castable(value)} THEN TRY_CAST(${value} AS TIMESTAMP)${other} END`;
  };
  const parsed = identifier(`sla_${kind}_parsed`);
  // Every date is read by the engine's own cast, for the ISO form without an offset (the
  // common one, and fast), else by the strptime formats of the column's first values
  // (dates.ts); what neither reads (an offset, another form) afterwards by readOtherDates. The text of a value not read or mapped is kept for that
  // and for the problems, in one map per row that is NULL for a row without any: a column
  // of text per field, nearly all NULL, would take a million rows' worth of memory each.
  const mapped: Array<{ name: string; index: number | undefined; map: ReadonlyMap<string, string | null> }> = [
    { name: "stage", index: at("stage"), map: stageMap },
    { name: "status", index: at("status"), map: statusMap },
    { name: "lead_type", index: at("leadType"), map: typeMap },
  ];
  const present = mapped.filter((field) => field.index !== undefined);
  // A mapped id is held as an ENUM of the ids it can be: one byte a row where a VARCHAR takes
  // sixteen, which keeps a million leads within the engine's memory (bench/report.mjs).
  const idTypes = new Map<string, string>();
  for (const field of present) {
    const ids = [...new Set([...field.map.values()].filter((id): id is string => id !== null))];
    if (ids.length === 0) continue;
    idTypes.set(field.name, identifier(`sla_${kind}_${field.name}_id`));
    await connection.run(`CREATE TYPE ${idTypes.get(field.name)!} AS ENUM (${ids.map(literal).join(", ")})`);
  }
  // Fields taken as text, as written.
  const optional = (field: Field, name: string) => (at(field) === undefined ? [] : [{ name, sql: `${text(at(field))} AS ${name}` }]);
  const passed = [...optional("owner", "owner"), ...optional("returnReason", "return_reason"), ...(kind === "deals" ? optional("amount", "amount_raw") : [])];
  const texts = [
    `${text(at("id"))} AS id`,
    ...passed.map((field) => field.sql),
    ...present.map((field) => `${text(field.index)} AS ${field.name}_text`),
    ...dateFields.map((d) => `nullif(c${d.index}, '') AS ${d.name}_text`),
  ];
  const values = [
    "id",
    ...passed.map((field) => field.name),
    ...present.map((field) => `${field.name}_text, ${lookup(`${field.name}_text`, field.map)}::${idTypes.get(field.name) ?? "VARCHAR"} AS ${field.name}`),
    ...dateFields.map((d, n) => `${d.name}_text, ${readDate(d.name, n)} AS ${d.name}`),
  ];
  const unreadOnes = [...present.map((field) => field.name), ...dateFields.map((d) => d.name)];
  const anyUnread = unreadOnes.map((name) => `(${name} IS NULL AND ${name}_text IS NOT NULL)`).join(" OR ");
  const unread = unreadOnes.length
    ? `CASE WHEN ${anyUnread} THEN map([${unreadOnes.map(literal).join(", ")}], [${unreadOnes.map((name) => `CASE WHEN ${name} IS NULL THEN ${name}_text END`).join(", ")}]) END`
    : "NULL::MAP(VARCHAR, VARCHAR)";
  await runOnExport(
    connection,
    `CREATE TEMP TABLE ${parsed} AS
    SELECT *${unreadOnes.length ? ` EXCLUDE (${unreadOnes.map((name) => `${name}_text`).join(", ")})` : ""}, ${unread} AS unread
    FROM (SELECT ${values.join(", ")} FROM (SELECT ${texts.join(", ")} FROM ${opened.scan}))`,
    shown,
  );
  // A column the export does not have is NULL in the statements below: added to the table,
  // it would take a million rows' worth of memory.
  const made = new Set([...passed.map((field) => field.name), ...present.map((field) => field.name)]);
  const column = (name: string) => (made.has(name) ? name : "NULL::VARCHAR");
  // A new table's row ids are the records' order in the file; the header is line 1.
  const line = "(rowid + 2)";
  for (const [n, date] of dateFields.entries()) await readOtherDates(connection, parsed, date.name, orders[n]!, timeZone);

  await refuseUnknownStages(connection, parsed, kind, stageMap, header("stage"), shown);

  // Every row after the first with the same id; few, so kept as a list of row ids.
  const duplicates = identifier(`sla_${kind}_duplicates`);
  await connection.run(`CREATE TEMP TABLE ${duplicates} AS
    SELECT p.rowid AS r FROM ${parsed} p JOIN (SELECT id, min(rowid) AS first FROM ${parsed} WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1) d
      ON p.id = d.id AND p.rowid > d.first`);
  const anyDuplicate = (await count(connection, `SELECT count(*) FROM ${duplicates}`)) > 0;
  // Without duplicates (the common case) every statement below is spared the anti-join.
  const first = anyDuplicate ? `id IS NOT NULL AND rowid NOT IN (SELECT r FROM ${duplicates})` : "id IS NOT NULL";
  // A deal without a stage the agreement knows says nothing about the pipeline: it is left out.
  const kept = kind === "deals" ? `${first} AND stage IS NOT NULL` : first;
  const outcomes = new Map((sla.dealStages ?? []).map((stage) => [stage.id, stage.outcome ?? "open"]));
  const outcome = `CASE stage::VARCHAR ${[...outcomes].map(([id, value]) => `WHEN ${literal(id)} THEN ${literal(value)}`).join(" ")} ELSE 'open' END`;
  const decimal =
    kind === "deals" && at("amount") !== undefined ? (source.decimal ?? (await detectDecimal(connection, parsed, "amount_raw", opened.delimiter))) : ".";
  const amount = made.has("amount_raw") ? numberOf("amount_raw", decimal) : "NULL::DOUBLE";

  const checks: Check[] = [
    { reason: "missing-id", column: header("id"), where: "id IS NULL", value: "''" },
    { reason: "duplicate-id", column: header("id"), where: `rowid IN (SELECT r FROM ${duplicates})`, value: "id" },
  ];
  if (at("stage") !== undefined)
    checks.push({
      reason: "unmapped-stage",
      column: header("stage"),
      where: `${first} AND stage IS NULL${kind === "leads" ? ` AND ${unreadText("stage")} IS NOT NULL` : ""}`,
      value: `coalesce(${unreadText("stage")}, '')`,
    });
  // A field of a kept row whose text was neither read nor mapped.
  const unreadCheck = (reason: ProblemReason, column: string | undefined, name: string): Check => ({
    reason,
    column,
    where: `${kept} AND ${name} IS NULL AND ${unreadText(name)} IS NOT NULL`,
    value: unreadText(name),
  });
  if (at("status") !== undefined) checks.push(unreadCheck("unmapped-status", header("status"), "status"));
  if (at("leadType") !== undefined) checks.push(unreadCheck("unmapped-lead-type", header("leadType"), "lead_type"));
  for (const date of dateFields) checks.push(unreadCheck("unparseable-date", date.header, date.name));
  if (kind === "deals" && at("amount") !== undefined) {
    checks.push({
      reason: "unparseable-amount",
      column: header("amount"),
      where: `${kept} AND amount_raw IS NOT NULL AND ${amount} IS NULL`,
      value: "amount_raw",
    });
    checks.push({ reason: "missing-amount", column: header("amount"), where: `${kept} AND amount_raw IS NULL AND ${outcome} = 'won'`, value: "''" });
  }
  const problems = await runChecks(connection, parsed, line, checks);

  const has = (name: string) => dateFields.some((d) => d.name === name);
  const date = (name: string) => (has(name) ? name : "NULL::TIMESTAMP");
  let keepParsed = false;
  if (kind === "leads") {
    // Every stage's dates, read where they are, as the leads are below: a table of them
    // (three million rows for a million leads) cost a fifth of a second and 100 MB. UNPIVOT
    // leaves out the empty ones.
    if (columns.stageDates.length > 0) {
      const stages = columns.stageDates.map((entry, n) => `stage_${n} AS ${literal(entry.stage)}`).join(", ");
      await connection.run(`DROP TABLE lead_stages`);
      await connection.run(`CREATE TEMP VIEW lead_stages AS SELECT id AS lead_id, stage, entered FROM (SELECT id, ${columns.stageDates.map((_, n) => `stage_${n}`).join(", ")} FROM ${parsed} WHERE ${kept})
        UNPIVOT (entered FOR stage IN (${stages}))`);
    }
    // The leads are the parsed rows kept, read where they are: a copy of a million rows would
    // cost a second and the memory of a second table (bench/report.mjs). The empty table
    // makes way for a view of the same columns.
    await connection.run(`DROP TABLE leads`);
    await connection.run(
      `CREATE TEMP VIEW leads AS SELECT id, ${line} AS line, ${date("created")} AS created, ${column("stage")}::VARCHAR AS stage, ${column("status")}::VARCHAR AS status, ${column("owner")} AS owner, ${column("lead_type")}::VARCHAR AS lead_type, ${date("first_attempt")} AS first_attempt, ${column("return_reason")} AS return_reason FROM ${parsed} WHERE ${kept}`,
    );
    keepParsed = true;
  } else {
    await connection.run(`INSERT INTO deals SELECT id, line, stage, o, amount, ${date("created")}, CASE WHEN o IN ('won', 'lost') THEN ${date("closed")} END, ${column("owner")}, ${column("lead_type")}
      FROM (SELECT *, ${line} AS line, ${outcome} AS o, ${amount} AS amount FROM ${parsed} WHERE ${kept})`);
  }
  const used = await count(connection, `SELECT count(*) FROM ${parsed} WHERE ${kept}`);
  const rows = await count(connection, `SELECT count(*) FROM ${parsed}`);
  if (!keepParsed) {
    await connection.run(`DROP TABLE ${parsed}`);
    await connection.run(`DROP TABLE ${duplicates}`);
  }
  return { rows, used, problems };
}

/**
 * Whether the engine's own cast reads `value` as this module means it: the ISO form, with a
 * space or `T` before the time, and no offset (which the cast would drop without a word).
 * Anything else (and a value the cast cannot read) is left to readOtherDates.
 */
function castable(value: string): string {
  // By length and a character or two, which cost nearly nothing: YYYY-MM-DD, YYYY-MM-DD HH:MM,
  // YYYY-MM-DD HH:MM:SS; the last is as long as YYYY-MM-DD HH:MM+03, told apart by its 17th
  // character, and 14.09.2026 09:30 as long as the second, by its 5th.
  const iso = `substr(${value}, 5, 1) = '-'`;
  return `CASE strlen(${value}) WHEN 10 THEN ${iso} WHEN 16 THEN ${iso} WHEN 19 THEN ${iso} AND substr(${value}, 17, 1) = ':' ELSE FALSE END`;
}

/** The text of the field `name` kept because it was not read or mapped (NULL otherwise). */
function unreadText(name: string): string {
  return `unread[${literal(name)}]`;
}

/**
 * The dates of column `name` the first reading left empty: offsets and forms the first
 * rows did not show, by the general regular expression (sql.ts), for those rows only.
 */
async function readOtherDates(connection: DuckDBConnection, parsed: string, name: string, order: DayOrder, timeZone: string): Promise<void> {
  const pending = `unread IS NOT NULL AND ${name} IS NULL AND ${unreadText(name)} IS NOT NULL`;
  const reader = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${parsed} WHERE ${pending}`);
  if (Number(reader.getRows()[0]![0]) === 0) return;
  // The text stays in `unread`: it is not looked at again once the date is read.
  await connection.run(`UPDATE ${parsed} SET ${name} = s.t
    FROM (SELECT r, ${timestampOf("p", order, timeZone)} AS t FROM (SELECT rowid AS r, ${dateParts(unreadText(name))} AS p FROM ${parsed} WHERE ${pending})) s
    WHERE ${parsed}.rowid = s.r AND s.t IS NOT NULL`);
}

/** The id `value` maps to (NULL when none) by a CASE over the map: maps are a few dozen values. */
function lookup(value: string, map: ReadonlyMap<string, string | null>): string {
  const branches = [...map].filter(([, id]) => id !== null).map(([crm, id]) => `WHEN ${literal(crm)} THEN ${literal(id!)}`);
  return branches.length ? `CASE ${value} ${branches.join(" ")} END` : "NULL::VARCHAR";
}

function inList(map: ReadonlyMap<string, string | null>): string {
  return map.size ? [...map.keys()].map(literal).join(", ") : "NULL";
}

/** How many values of an amount column decide its decimal separator. */
const DECIMAL_SAMPLE = 10_000;

/**
 * The decimal separator of an amount column: the one its first unambiguous values show (the more
 * common when both appear); when none is unambiguous (`1.234`, `1,234`, `1234`), a comma for
 * a file separated by `;` (as Excel writes where the comma is the decimal separator), else a point.
 */
export async function detectDecimal(connection: DuckDBConnection, table: string, column: string, delimiter: Delimiter): Promise<"." | ","> {
  const evidence = decimalEvidence(column);
  // The first values are enough to tell: a CRM writes one column one way.
  const reader = await connection.runAndReadAll(
    `SELECT ${evidence.comma} AS comma, ${evidence.point} AS point FROM (SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL LIMIT ${DECIMAL_SAMPLE})`,
  );
  const row = reader.getRowObjects()[0]!;
  const comma = Number(row.comma);
  const point = Number(row.point);
  if (comma !== point) return comma > point ? "," : ".";
  return delimiter === ";" ? "," : ".";
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
    await connection.runAndReadAll(`SELECT value, count(*) OVER ()::INTEGER AS kinds, sum(n) OVER ()::INTEGER AS total, n::INTEGER AS n, first FROM (
      SELECT ${unreadText("stage")} AS value, count(*) AS n, min(rowid) + 2 AS first FROM ${parsed}
      WHERE stage IS NULL AND ${unreadText("stage")} IS NOT NULL AND ${unreadText("stage")} NOT IN (${inList(map)}) GROUP BY value)
    ORDER BY first LIMIT 5`);
  const rows = reader.getRowObjects();
  if (rows.length === 0) return;
  const firstRow = rows[0]!;
  // The CRM's own values first (the mapping's and the preset's), then the agreement's ids, which need no mapping.
  const entries = [...map].filter(([, id]) => id !== null);
  const mapped = [...entries.filter(([value, id]) => value !== id), ...entries.filter(([value, id]) => value === id)].map(([value]) => value);
  const value = String(firstRow.value);
  const suggestion = new Suggester(mapped).suggest(value);
  // The first line with such a value is the place to look: it goes where the file name goes.
  throw new SourceError(
    `${shown}:${Number(firstRow.first)}`,
    message("source/unmapped-stage", {
      file: shown,
      line: Number(firstRow.first),
      column: quoted(column),
      value: quoted(value),
      suggested: suggestion ? "yes" : "no",
      suggestion: quoted(suggestion ?? ""),
      rows: Number(firstRow.total),
      values: rows.map((row) => quoted(String(row.value))),
      more: Number(firstRow.kinds) - rows.length,
      kind,
      mapped: mapped.slice(0, 20).map(quoted),
    }),
  );
}

async function runChecks(connection: DuckDBConnection, parsed: string, line: string, checks: readonly Check[]): Promise<SourceProblem[]> {
  const problems: SourceProblem[] = [];
  for (const check of checks) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, min_by({'line': ${line}, 'value': ${check.value}}, rowid, ${MAX_EXAMPLES}) AS examples FROM ${parsed} WHERE ${check.where}`,
    );
    const row = reader.getRowObjectsJS()[0]!;
    const n = Number(row.n);
    if (n === 0) continue;
    const examples = (row.examples as Array<{ line: bigint | number; value: string | null }>).map((example) => ({
      line: Number(example.line),
      ...(check.column === undefined ? {} : { column: quoted(check.column) }),
      value: quoted(example.value ?? ""),
    }));
    problems.push({ reason: check.reason, count: n, examples });
  }
  return mergeProblems(problems);
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]![0]);
}
