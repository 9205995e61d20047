// The contract between reading the CRM exports (src/report/ingest/) and measuring them
// (src/report/measure/): the exports become relations of these columns, whatever their layout,
// encoding or language. `leads` and `lead_stages` are views over the parsed export rather
// than tables (ingest/records.ts: a copy would cost a million rows' memory), so the measuring
// reads them and never writes; the statements below are what a test fills by hand. Every TIMESTAMP is wall-clock time in the agreement's business
// calendar time zone (a timestamp with an offset is converted to it, one without is read
// in it), so a month is the calendar month the teams see. Ids are the agreement's own:
// a CRM stage value is already mapped through `reporting.sources.*.stages`.

/** One row per usable lead. */
export const LEADS_TABLE = `CREATE TABLE leads (
  id VARCHAR NOT NULL,          -- the CRM's record id
  line BIGINT NOT NULL,         -- 1-based line in the export file, for messages
  created TIMESTAMP,            -- record creation
  stage VARCHAR,                -- current lifecycle stage id, NULL when not exported
  status VARCHAR,               -- lead status id, NULL when not exported
  owner VARCHAR,                -- owner as written in the export
  lead_type VARCHAR,            -- lead type id, NULL when not exported
  first_attempt TIMESTAMP,      -- first sales (connect) attempt, NULL when none yet
  return_reason VARCHAR         -- reason as written, for leads returned to marketing
)`;

/** One row per lead and lifecycle stage it entered, with the time it entered it. */
export const LEAD_STAGES_TABLE = `CREATE TABLE lead_stages (
  lead_id VARCHAR NOT NULL,
  stage VARCHAR NOT NULL,       -- lifecycle stage id
  entered TIMESTAMP NOT NULL
)`;

/** One row per usable deal. */
export const DEALS_TABLE = `CREATE TABLE deals (
  id VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  stage VARCHAR NOT NULL,       -- deal stage id, or a lifecycle stage id the mapping names
  outcome VARCHAR NOT NULL,     -- 'open' | 'won' | 'lost' | 'on-hold' (the deal stage's outcome)
  amount DOUBLE,                -- in the agreement's currency, NULL when missing
  created TIMESTAMP,
  closed TIMESTAMP,             -- NULL while open
  owner VARCHAR,
  lead_type VARCHAR
)`;

/** Figures no export holds, one row per month and KPI (`--actuals`). */
export const ACTUALS_TABLE = `CREATE TABLE actuals (
  month VARCHAR NOT NULL,       -- 'YYYY-MM'
  kpi VARCHAR NOT NULL,         -- KPI id of the agreement
  value DOUBLE NOT NULL
)`;

export const REPORT_TABLES = [LEADS_TABLE, LEAD_STAGES_TABLE, DEALS_TABLE, ACTUALS_TABLE] as const;

/** Why a row of an export could not be used. Stable: it is part of the JSON report. */
export type ProblemReason =
  | "unparseable-date"
  | "unmapped-stage"
  | "unmapped-status"
  | "unmapped-lead-type"
  | "missing-id"
  | "missing-amount"
  | "unparseable-amount"
  | "duplicate-id"
  | "unknown-kpi"
  | "unparseable-value";

export interface ProblemExample {
  line: number;
  column?: string;
  value?: string;
}

export interface SourceProblem {
  reason: ProblemReason;
  count: number;
  /** The first few, in file order. */
  examples: ProblemExample[];
}

/** What became of one input file. */
export interface SourceQuality {
  kind: "leads" | "deals" | "actuals";
  /** As the user named it (relative to the working directory or the SLA file). */
  file: string;
  /** What was detected or stated. */
  encoding: string;
  delimiter: string;
  rows: number;
  /** Rows that reached the tables; rows - used were dropped, each counted in problems. */
  used: number;
  /** Fields set aside but the row kept (e.g. an unparseable first-attempt date). */
  problems: SourceProblem[];
}
