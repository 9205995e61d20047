// How each date column of an export is written, judged from its first values, so that the
// engine can read the whole column with strptime formats made for it: a million German or
// US dates read that way take a fraction of the time the general regular expression
// (sql.ts, timestampOf) takes, which is kept for the values these formats miss (offsets,
// forms the first rows did not show).
import type { DuckDBConnection } from "@duckdb/node-api";
import type { RecordExport } from "../../model/index.js";
import type { DayOrder } from "./sql.js";

/** Values of each date column looked at. */
export const SAMPLE_ROWS = 2000;

/** At most this many formats per column: strptime tries them in turn. */
const MAX_FORMATS = 6;

const YEAR_FIRST = /^\s*\d{4}([-/.])\d{1,2}([-/.])\d{1,2}/;
const YEAR_LAST = /^\s*(\d{1,2})([-/.])(\d{1,2})([-/.])\d{4}/;
const TIME = /^(T|\s+|,\s*)(\d{1,2}):\d{2}(:\d{2}([.,]\d+)?)?(\s*)([AaPp][Mm])?\s*$/;

export interface ColumnShape {
  /** Whether a year-last value with `/` has a first part above 12 (so the column is day first). */
  slashDayFirst: boolean;
  /** Whether any value is year-last with `/` (its day order may need the whole column). */
  hasSlash: boolean;
  /** The strptime formats of the values seen, most common first. */
  formats(order: DayOrder): string[];
}

interface Shape {
  yearFirst: boolean;
  seps: [string, string];
  time?: { before: string; seconds: boolean; fraction: string | undefined; space: string; ampm: boolean };
}

/** The shape of one date text, or undefined for one with an offset, or no date. */
function shapeOf(value: string): Shape | undefined {
  let rest: string;
  let shape: Shape;
  const first = YEAR_FIRST.exec(value);
  const last = first ? null : YEAR_LAST.exec(value);
  if (first) {
    shape = { yearFirst: true, seps: [first[1]!, first[2]!] };
    rest = value.slice(first[0].length);
  } else if (last) {
    shape = { yearFirst: false, seps: [last[2]!, last[4]!] };
    rest = value.slice(last[0].length);
  } else return undefined;
  if (rest.trim() !== "") {
    const time = TIME.exec(rest);
    if (!time) return undefined; // an offset, or something else: the general reading decides
    shape.time = {
      before: time[1]!.startsWith(",") ? ", " : time[1] === "T" ? "T" : " ",
      seconds: time[3] !== undefined,
      fraction: time[4]?.[0],
      space: time[5]!,
      ampm: time[6] !== undefined,
    };
  }
  return shape;
}

function format(shape: Shape, order: DayOrder): string {
  const [a, b] = shape.seps;
  let date: string;
  if (shape.yearFirst) date = `%Y${a}%m${b}%d`;
  else {
    const dayFirst = a === "/" ? order.slash : order.other;
    date = dayFirst ? `%d${a}%m${b}%Y` : `%m${a}%d${b}%Y`;
  }
  const time = shape.time;
  if (!time) return date;
  const hour = time.ampm ? "%I" : "%H";
  const seconds = time.seconds ? `:%S${time.fraction ? `${time.fraction}%f` : ""}` : "";
  return `${date}${time.before}${hour}:%M${seconds}${time.ampm ? `${time.space}%p` : ""}`;
}

/** The shape of each column of `texts` (one array of sampled values per column). */
export function columnShapes(texts: ReadonlyArray<ReadonlyArray<string | null>>): ColumnShape[] {
  return texts.map((values) => {
    const counts = new Map<string, { shape: Shape; count: number }>();
    let slashDayFirst = false;
    let hasSlash = false;
    for (const value of values) {
      if (value === null || value.trim() === "") continue;
      const shape = shapeOf(value);
      if (!shape) continue;
      if (!shape.yearFirst && shape.seps[0] === "/") {
        hasSlash = true;
        if (Number(YEAR_LAST.exec(value)![1]) > 12) slashDayFirst = true;
      }
      const key = JSON.stringify(shape);
      const entry = counts.get(key) ?? { shape, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    const shapes = [...counts.values()].sort((x, y) => y.count - x.count).map((entry) => entry.shape);
    return {
      slashDayFirst,
      hasSlash,
      formats: (order) => [...new Set(shapes.map((shape) => format(shape, order)))].slice(0, MAX_FORMATS),
    };
  });
}

/**
 * How a column writes a year-last date. `NN/NN/YYYY` is day first when any value's first
 * part is above 12 (no month is): in the first rows, else in the whole column (asked of the
 * engine only when the first rows do not tell); else when the mapping's `dateFormat` says so;
 * else month first (the US form, which HubSpot and Salesforce write in English). `NN.NN.YYYY`
 * and `NN-NN-YYYY` are day first (German, Turkish), unless `dateFormat` is `MM/DD/YYYY`.
 */
export async function dayOrders(
  connection: DuckDBConnection,
  scan: string,
  columns: ReadonlyArray<{ index: number }>,
  shapes: readonly ColumnShape[],
  dateFormat: RecordExport["dateFormat"],
): Promise<DayOrder[]> {
  const statedDayFirst = dateFormat === "DD/MM/YYYY" || dateFormat === "DD.MM.YYYY";
  const open = columns.map((column, n) => (shapes[n]!.hasSlash && !shapes[n]!.slashDayFirst && !dateFormat ? column.index : undefined));
  const asked = open.filter((index): index is number => index !== undefined);
  const whole = new Map<number, boolean>();
  if (asked.length > 0) {
    const firsts = asked.map(
      (index) =>
        `max(CASE WHEN contains(c${index}, '/') AND strpos(trim(c${index}), '/') <= 3 THEN TRY_CAST(split_part(trim(c${index}), '/', 1) AS INTEGER) END) AS f${index}`,
    );
    const row = (await connection.runAndReadAll(`SELECT ${firsts.join(", ")} FROM ${scan}`)).getRowObjects()[0]!;
    for (const index of asked) whole.set(index, Number(row[`f${index}`] ?? 0) > 12);
  }
  return columns.map((column, n) => ({
    slash: shapes[n]!.slashDayFirst || whole.get(column.index) === true || statedDayFirst,
    other: dateFormat !== "MM/DD/YYYY",
  }));
}

/** The first SAMPLE_ROWS values of each date column. */
export async function sampleDates(connection: DuckDBConnection, scan: string, columns: ReadonlyArray<{ index: number }>): Promise<Array<Array<string | null>>> {
  if (columns.length === 0) return [];
  const reader = await connection.runAndReadAll(`SELECT ${columns.map((column) => `c${column.index}`).join(", ")} FROM ${scan} LIMIT ${SAMPLE_ROWS}`);
  const rows = reader.getRows();
  return columns.map((_, n) => rows.map((row) => (row[n] === null ? null : String(row[n]))));
}
