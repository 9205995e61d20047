// SQL expressions that turn an export's text into values, row by row inside the engine: a
// loop in JavaScript over a million rows would take seconds where these take a fraction.

/**
 * A string as an SQL literal. The engine reads a query as a C string, so a NUL (which YAML
 * and CSV can hold) would end the query inside the literal: it is written as chr(0) instead.
 */
export function literal(text: string): string {
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes("\0") ? `(${quoted.replaceAll("\0", "' || chr(0) || '")})` : quoted;
}

/** A column or table name as an SQL identifier. */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every date form the exports write, as one regular expression: year first (`2026-09-14`,
 * `2026/09/14`, `2026.09.14`) or year last (`14.09.2026`, `09/14/2026`, `14-09-2026`), then
 * optionally a time (`T`, a space or `, ` before it; seconds and fractions optional; `AM`/`PM`),
 * then optionally an offset (`Z`, `UTC`, `+03:00`, `+0300`, `+03`).
 */
const DATE_PATTERN = String.raw`^\s*(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})([./-])(\d{1,2})[./-](\d{4}))(?:(?:[T ]|, ?) *(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? *([AaPp][Mm])?)? *(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$`;
const DATE_GROUPS = ["y1", "m1", "d1", "a", "sep", "b", "y2", "hh", "mi", "ss", "fr", "ap", "tz"];

/** The parts of a date (a STRUCT of texts, '' where absent) of the text `value`. */
export function dateParts(value: string): string {
  return `regexp_extract(${value}, ${literal(DATE_PATTERN)}, [${DATE_GROUPS.map(literal).join(", ")}])`;
}

/** How to read a year-last date, decided per column (see dayFirstForSlash in dates.ts). */
export interface DayOrder {
  /** `NN/NN/YYYY` is day first. */
  slash: boolean;
  /** `NN.NN.YYYY` and `NN-NN-YYYY` are day first. */
  other: boolean;
}

const int = (part: string) => `TRY_CAST(nullif(${part}, '') AS INTEGER)`;

/**
 * The TIMESTAMP, in the calendar's zone `timeZone`, of the parts `p` (from dateParts): NULL
 * when the text is no date or no real one (February 30th, hour 25). A time with an offset is
 * an instant, shown as the calendar's wall-clock time; one without is that wall-clock time.
 */
export function timestampOf(p: string, order: DayOrder, timeZone: string): string {
  const dayFirst = `(CASE WHEN ${p}.sep = '/' THEN ${order.slash ? "TRUE" : "FALSE"} ELSE ${order.other ? "TRUE" : "FALSE"} END)`;
  const year = `coalesce(${int(`${p}.y1`)}, ${int(`${p}.y2`)})`;
  const month = `CASE WHEN ${p}.y1 <> '' THEN ${int(`${p}.m1`)} WHEN ${dayFirst} THEN ${int(`${p}.b`)} ELSE ${int(`${p}.a`)} END`;
  const day = `CASE WHEN ${p}.y1 <> '' THEN ${int(`${p}.d1`)} WHEN ${dayFirst} THEN ${int(`${p}.a`)} ELSE ${int(`${p}.b`)} END`;
  const hour = `CASE WHEN ${p}.hh = '' THEN 0 WHEN ${p}.ap = '' THEN ${int(`${p}.hh`)} WHEN upper(${p}.ap) = 'PM' THEN ${int(`${p}.hh`)} % 12 + 12 ELSE ${int(`${p}.hh`)} % 12 END`;
  const minute = `coalesce(${int(`${p}.mi`)}, 0)`;
  const second = `coalesce(TRY_CAST(nullif(${p}.ss, '') AS DOUBLE), 0) + coalesce(TRY_CAST(nullif('0.' || ${p}.fr, '0.') AS DOUBLE), 0)`;
  const wall = `try(make_timestamp(${year}, ${month}, ${day}, ${hour}, ${minute}, ${second}))`;
  // Minutes east of UTC: `+03:00`, `+0300` and `+03` alike.
  const offset = `(CASE WHEN left(${p}.tz, 1) = '-' THEN -1 ELSE 1 END) * (${int(`substr(${p}.tz, 2, 2)`)} * 60 + coalesce(${int(`substr(replace(${p}.tz, ':', ''), 4, 2)`)}, 0))`;
  const utc = `CASE WHEN ${p}.tz IN ('Z', 'UTC', 'GMT') THEN 0 ELSE ${offset} END`;
  return `CASE WHEN ${p}.tz = '' THEN ${wall} ELSE timezone(${literal(timeZone)}, timezone('UTC', ${wall} - to_minutes(${utc}))) END`;
}

/** The number in `value` with `decimal` as its decimal separator; NULL when it is none. */
export function numberOf(value: string, decimal: "." | ","): string {
  // Currency signs, spaces (also no-break ones) and the thousands separator go.
  const digits = `regexp_replace(${value}, '[^0-9,.+\\-]', '', 'g')`;
  const normal = decimal === "," ? `replace(replace(${digits}, '.', ''), ',', '.')` : `replace(${digits}, ',', '')`;
  const cleaned = `TRY_CAST(nullif(${normal}, '') AS DOUBLE)`;
  // A plain number (`1234.56`) is cast as it is, which is several times faster; with a
  // decimal comma the cast would read `1.234` as one point two three four, so it is not tried.
  return decimal === "." ? `coalesce(TRY_CAST(${value} AS DOUBLE), ${cleaned})` : cleaned;
}

/**
 * Counts that decide a column's decimal separator: values that can only be read one way
 * (`12,5` or `1.234,56` with a decimal comma; `12.5` or `1,234.56` with a decimal point). A
 * value like `1,234` or `1.234` could be either and counts for neither.
 */
export function decimalEvidence(value: string): { comma: string; point: string } {
  const digits = `regexp_replace(${value}, '[^0-9,.]', '', 'g')`;
  return {
    comma: `count(*) FILTER (WHERE regexp_matches(${digits}, ',(\\d{1,2}|\\d{4,})$|\\.\\d{3},'))`,
    point: `count(*) FILTER (WHERE regexp_matches(${digits}, '\\.(\\d{1,2}|\\d{4,})$|,\\d{3}\\.'))`,
  };
}
