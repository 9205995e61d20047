/* Generated from schemas/sla.schema.json by scripts/build.mjs. Do not edit: change the schema and run `npm run build`. */

/**
 * Free text in any language.
 */
export type Text = string;
/**
 * What the agreement covers (teams, regions, products); it may grow to customer service or operations.
 */
export type TextList = Text[];
/**
 * Shared goals of the agreement.
 */
export type TextList1 = Text[];
/**
 * What this team commits to under the agreement.
 */
export type TextList2 = Text[];
/**
 * The people who sign for this team.
 *
 * @minItems 1
 */
export type Signatories = Signatory[];
/**
 * Industries the company works in.
 */
export type TextList3 = Text[];
/**
 * Countries or regions.
 */
export type TextList4 = Text[];
/**
 * Technologies the company uses.
 */
export type TextList5 = Text[];
/**
 * Problems our offer solves for this company.
 */
export type TextList6 = Text[];
/**
 * What the persona wants to achieve.
 */
export type TextList7 = Text[];
/**
 * What frustrates the persona.
 */
export type TextList8 = Text[];
/**
 * Why the persona might say no.
 */
export type TextList9 = Text[];
/**
 * Where the persona looks for information.
 */
export type TextList10 = Text[];
/**
 * Content offered in this phase.
 */
export type TextList11 = Text[];
/**
 * What must be true for a contact to enter this stage.
 */
export type TextList12 = Text[];
/**
 * What must be true for a contact to leave this stage.
 */
export type TextList13 = Text[];
/**
 * Criteria specific to this lead type.
 */
export type TextList14 = Text[];
/**
 * Accepted reasons for returning a lead to marketing; required when `returnsToMarketing` is true.
 */
export type TextList15 = Text[];
/**
 * What earns or costs points.
 *
 * @minItems 1
 */
export type Criteria = ScoringCriterion[];
/**
 * Actions that count as a connect attempt.
 */
export type TextList16 = Text[];
/**
 * Actions that do not count as a connect attempt.
 */
export type TextList17 = Text[];
/**
 * A contact channel.
 */
export type Channel =
  | "phone"
  | "email"
  | "linkedin"
  | "sms"
  | "whatsapp"
  | "video-call"
  | "in-person"
  | "chat"
  | "other";
/**
 * The planned attempts in order; when given, as many as `attempts`.
 */
export type Sequence = PlannedAttempt[];
/**
 * Who attends.
 */
export type TextList18 = Text[];
/**
 * Standing agenda items.
 */
export type TextList19 = Text[];

/**
 * The agreement between a company's marketing and sales teams: shared vocabulary, lead hand-off protocol and KPI targets, reviewed every six months.
 */
export interface SalesMarketingServiceLevelAgreement {
  /**
   * Optional URL or path of this JSON Schema, for editors that read it from the document.
   */
  $schema?: string;
  /**
   * Version of the SLA file format. Always `sla/v1` for this schema.
   */
  apiVersion: "sla/v1";
  /**
   * Kind of document. Always `ServiceLevelAgreement`.
   */
  kind: "ServiceLevelAgreement";
  agreement: Agreement;
  /**
   * The companies worth selling to. At least one.
   *
   * @minItems 1
   */
  icps: IdealCustomerProfile[];
  /**
   * Semi-fictional people inside ICP companies who buy or influence the purchase.
   */
  personas: BuyerPersona[];
  /**
   * The phases a buyer goes through (Awareness, Consideration, Decision), in order.
   */
  buyerJourney?: JourneyPhase[];
  /**
   * The stages a contact moves through, in order (e.g. Subscriber, Lead, MQL, SQL, Opportunity, Customer).
   *
   * @minItems 1
   */
  lifecycleStages: LifecycleStage[];
  /**
   * Kinds of lead that follow different journeys, criteria, owners or follow-up times.
   */
  leadTypes?: LeadType[];
  /**
   * Where a lead stands inside a stage (new, attempting to contact, connected, returned to marketing...).
   */
  leadStatuses?: LeadStatus[];
  /**
   * The sales pipeline after qualification, each with a win probability.
   */
  dealStages?: DealStage[];
  leadScoring?: LeadScoring;
  connectAttempt?: ConnectAttempt;
  calendar?: WorkingCalendar;
  /**
   * The numbers each side commits to. KPIs with a `metric` feed the funnel math that derives the volumes needed from the revenue target.
   *
   * @minItems 1
   */
  kpis: KPITarget[];
  reporting?: ReportingAndReview;
}
/**
 * Name, version, period, language and parties of the agreement.
 */
export interface Agreement {
  /**
   * Title of the agreement as printed on the signed document.
   */
  name: string;
  /**
   * Version of the agreement, quoted: `"3"`, `"2026.2"` or `"1.4.0"` (unquoted, YAML reads 2026.10 as the number 2026.1). Must increase at every reset.
   */
  version: string;
  /**
   * BCP 47 language tag of the document's text, e.g. `en`, `de-DE`, `tr`, `ja`. Used to compare names and to localise rendered documents.
   */
  language: string;
  /**
   * ISO 4217 code of the currency of money amounts, e.g. `EUR`, `TRY`, `JPY`, `USD`.
   */
  currency?: string;
  /**
   * The day the agreement takes effect; inside the review period.
   */
  effectiveDate: string;
  reviewPeriod: ReviewPeriod;
  /**
   * Why the two teams make this agreement.
   */
  purpose?: string;
  scope?: TextList;
  goals?: TextList1;
  /**
   * The teams bound by the agreement (marketing, sales, ...). Owners elsewhere refer to a party's id.
   *
   * @minItems 2
   */
  parties: Party[];
}
/**
 * The period the agreement and its targets cover, typically six months.
 */
export interface ReviewPeriod {
  /**
   * First day of the period.
   */
  start: string;
  /**
   * Last day of the period (inclusive).
   */
  end: string;
}
/**
 * A team bound by the agreement, with the people who sign for it.
 */
export interface Party {
  /**
   * Identifier that owners refer to, e.g. `marketing` or `sales`.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  responsibilities?: TextList2;
  signatories: Signatories;
}
/**
 * A person who signs for the team.
 */
export interface Signatory {
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  title: string;
  /**
   * E-mail address.
   */
  email?: string;
  /**
   * Whether the signature block has a field for the signatory's seal (印, hanko). Default: yes in a Japanese document, no in any other.
   */
  seal?: boolean;
}
/**
 * A kind of company worth selling to.
 */
export interface IdealCustomerProfile {
  /**
   * Identifier that personas refer to.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  description?: string;
  industries?: TextList3;
  employees?: Range;
  annualRevenue?: Range1;
  regions?: TextList4;
  technologies?: TextList5;
  pains?: TextList6;
}
/**
 * Company size in employees.
 */
export interface Range {
  /**
   * Lower bound (inclusive).
   */
  min?: number;
  /**
   * Upper bound (inclusive).
   */
  max?: number;
}
/**
 * Company size in annual revenue, in the agreement's currency.
 */
export interface Range1 {
  /**
   * Lower bound (inclusive).
   */
  min?: number;
  /**
   * Upper bound (inclusive).
   */
  max?: number;
}
/**
 * A semi-fictional person inside an ICP company.
 */
export interface BuyerPersona {
  /**
   * Identifier of the persona.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Id of the ideal customer profile this persona works in.
   */
  icp: string;
  /**
   * Free text in any language.
   */
  role?: string;
  goals?: TextList7;
  pains?: TextList8;
  objections?: TextList9;
  channels?: TextList10;
}
/**
 * A phase of the buyer's journey with its funnel position and content.
 */
export interface JourneyPhase {
  /**
   * Identifier that lifecycle stages refer to.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Top, middle or bottom of the funnel.
   */
  funnel: "TOFU" | "MOFU" | "BOFU";
  /**
   * Free text in any language.
   */
  description?: string;
  content?: TextList11;
}
/**
 * A stage a contact moves through, with its owner and criteria.
 */
export interface LifecycleStage {
  /**
   * Identifier of the stage.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Which standard stage this is, so order and hand-off can be checked whatever the name's language. Inferred from the id when left out and the id is a standard one.
   */
  category?:
    "subscriber" | "lead" | "mql" | "sql" | "opportunity" | "customer" | "evangelist" | "other";
  /**
   * Id of the party that owns contacts in this stage.
   */
  owner?: string;
  /**
   * Id of the buyer's journey phase this stage belongs to.
   */
  journeyStage?: string;
  entryCriteria?: TextList12;
  exitCriteria?: TextList13;
  /**
   * Free text in any language.
   */
  automation?: string;
  /**
   * How long a contact may stay here before the owner must act.
   */
  maxTimeInStage?: string;
}
/**
 * A kind of lead with its own journey, criteria, owner or follow-up time.
 */
export interface LeadType {
  /**
   * Identifier of the lead type.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  description?: string;
  /**
   * Id of the party that follows up leads of this type.
   */
  owner?: string;
  criteria?: TextList14;
  /**
   * How soon the first connect attempt must follow the hand-off for this type; overrides the connect-attempt default.
   */
  timeToFirstAttempt?: string;
}
/**
 * Where a lead stands inside a stage.
 */
export interface LeadStatus {
  /**
   * Identifier of the status.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  description?: string;
  /**
   * Id of the lifecycle stage this status is used in.
   */
  stage?: string;
  /**
   * True when sales hands the lead back to marketing for nurturing with this status.
   */
  returnsToMarketing?: boolean;
  returnReasons?: TextList15;
}
/**
 * A stage of the sales pipeline with its win probability.
 */
export interface DealStage {
  /**
   * Identifier of the deal stage.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  description?: string;
  /**
   * Chance that a deal in this stage is won.
   */
  probability: number | string;
  /**
   * Whether deals in this stage are still open, won, lost or on hold. Defaults to `open`.
   */
  outcome?: "open" | "won" | "lost" | "on-hold";
}
/**
 * Points for fit and behaviour, with the thresholds at which a lead becomes an MQL and an SQL.
 */
export interface LeadScoring {
  criteria: Criteria;
  /**
   * Score at which a lead becomes a marketing qualified lead.
   */
  mqlThreshold: number;
  /**
   * Score at which an MQL becomes a sales qualified lead automatically; above the MQL threshold.
   */
  sqlThreshold: number;
  /**
   * Free text in any language.
   */
  decay?: string;
}
/**
 * One thing that earns (or, with negative points, costs) points.
 */
export interface ScoringCriterion {
  /**
   * Identifier of the criterion.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * `fit` (ICP and persona match) or `behaviour` (visits, downloads, demo requests).
   */
  category: "fit" | "behaviour";
  /**
   * Points added (negative: removed).
   */
  points: number;
}
/**
 * What counts as a real attempt to reach a handed-over lead, the sequence, and what happens when it ends without a connection.
 */
export interface ConnectAttempt {
  counts: TextList16;
  doesNotCount?: TextList17;
  /**
   * Channels attempts may use.
   *
   * @minItems 1
   */
  channels: Channel[];
  /**
   * How many attempts make a complete sequence.
   */
  attempts: number;
  /**
   * How long the whole sequence may take, e.g. `10 business days`.
   */
  window: string;
  /**
   * How soon after hand-off the first attempt must be made, e.g. `4 business hours`. Lead types may override it.
   */
  timeToFirstAttempt: string;
  sequence?: Sequence;
  whenExhausted?: WhenExhausted;
}
/**
 * One attempt of the sequence.
 */
export interface PlannedAttempt {
  /**
   * A contact channel.
   */
  channel:
    | "phone"
    | "email"
    | "linkedin"
    | "sms"
    | "whatsapp"
    | "video-call"
    | "in-person"
    | "chat"
    | "other";
  /**
   * Time since hand-off when this attempt is made, e.g. `0h` or `3 business days`.
   */
  after: string;
  /**
   * Free text in any language.
   */
  note?: string;
}
/**
 * What happens when the sequence ends without a connection.
 */
export interface WhenExhausted {
  /**
   * Id of the lead status the lead moves to.
   */
  status: string;
  /**
   * Free text in any language.
   */
  action?: string;
}
/**
 * The working calendar business time is measured in (`4 business hours`, `2 business days`): time zone, working days and hours, and days off. `sla report` measures the time from hand-off to the first connect attempt with it.
 */
export interface WorkingCalendar {
  /**
   * IANA time zone the teams work in, e.g. `Europe/Berlin`, `Europe/Istanbul`, `Asia/Tokyo`. A CRM timestamp without an offset is read in it.
   */
  timeZone: string;
  /**
   * ISO 3166-1 alpha-2 code of the country whose public holidays are days off, e.g. `DE`, `TR`, `JP`.
   */
  country?: string;
  /**
   * Region of `country` whose own public holidays are days off too, e.g. the German state `BY` (Bavaria).
   */
  region?: string;
  /**
   * Working days, `mon` to `sun`. Default: `[mon, tue, wed, thu, fri]`.
   *
   * @minItems 1
   */
  workingDays?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
  /**
   * Working hours of a working day, local time, `HH:MM-HH:MM` (24-hour clock). Default: `09:00-17:00`.
   */
  workingHours?: string;
  /**
   * Further days off beyond the public holidays (company holidays, bridge days), as `YYYY-MM-DD`.
   *
   * Items: A day off, `YYYY-MM-DD`.
   */
  holidays?: string[];
}
/**
 * A number one side commits to.
 */
export interface KPITarget {
  /**
   * Identifier of the KPI, stable across versions.
   */
  id: string;
  /**
   * Free text in any language.
   */
  name: string;
  /**
   * Free text in any language.
   */
  description?: string;
  /**
   * Which figure of the funnel math this KPI is, so volumes can be checked against the revenue target.
   */
  metric?:
    | "revenue"
    | "averageDealSize"
    | "customers"
    | "proposals"
    | "sqls"
    | "mqls"
    | "leads"
    | "visits"
    | "closeRate"
    | "sqlToProposalRate"
    | "mqlToSqlRate"
    | "leadToMqlRate"
    | "visitToLeadRate";
  /**
   * For a KPI outside the funnel: what `sla report` measures it as (without it, the ids `time-to-first-connect-attempt`, `time-to-first-attempt`, `sales-cycle-length` and `sales-cycle` are read as these). `timeToFirstAttempt`: the business time from hand-off to the first connect attempt; `salesCycle`: the calendar days from a lead's becoming sales-qualified to its becoming a customer (from a won deal's creation to its close where the leads export has no such dates). Both as a median with the 90th percentile, in the KPI's unit (`hours` or `days`).
   */
  measure?: "timeToFirstAttempt" | "salesCycle";
  /**
   * Id of the party accountable for the KPI.
   */
  owner: string;
  /**
   * Unit of the target.
   */
  unit: "count" | "currency" | "percent" | "days" | "hours" | "score";
  /**
   * The committed value. Percentages as for any percentage (`25%`, `25`, `0.25`).
   */
  target: number | string;
  /**
   * Whether a higher or a lower value is better (a lower cost per lead is better).
   */
  direction: "higher" | "lower";
  /**
   * How often the KPI is measured and reported.
   */
  cadence: "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly";
  /**
   * The time span a count or currency target covers. Defaults to the cadence's span (monthly: month); `period` means the whole review period.
   */
  per?: "week" | "month" | "quarter" | "half-year" | "year" | "period";
  /**
   * Leading (predicts results, e.g. conversion rates) or lagging (reports results, e.g. revenue).
   */
  indicator?: "leading" | "lagging";
}
/**
 * How results are reported against the targets and when the teams meet to review them.
 */
export interface ReportingAndReview {
  /**
   * How often results are reported.
   */
  cadence: "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly";
  /**
   * Id of the party that prepares the report.
   */
  owner?: string;
  /**
   * Free text in any language.
   */
  report?: string;
  reviewMeeting?: ReviewMeeting;
  sources?: ReportSources;
}
/**
 * The regular meeting where both teams review results.
 */
export interface ReviewMeeting {
  /**
   * Free text in any language.
   */
  name?: string;
  /**
   * How often the meeting takes place.
   */
  cadence: "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly";
  participants?: TextList18;
  agenda?: TextList19;
}
/**
 * The CRM exports and monthly figures `sla report` measures the agreement against: `leads` (the leads or contacts export), `deals` (the deals or opportunities export) and `actuals`.
 */
export interface ReportSources {
  leads?: RecordExport;
  deals?: RecordExport;
  actuals?: MonthlyActuals;
}
/**
 * A CRM export with one row per record (lead or deal): where it is, its layout and how its values map to the agreement's ids.
 */
export interface RecordExport {
  /**
   * Path of the export, relative to the SLA file. `sla report --leads/--deals/--actuals` overrides it.
   */
  file?: string;
  /**
   * A known export layout whose column labels and values are used unless `columns` and the value maps say otherwise: `hubspot` (labels in English, or the internal names) or `salesforce` (report exports).
   */
  preset?: "hubspot" | "salesforce";
  columns?: Columns;
  /**
   * CRM values (as exported) mapped to the agreement's lifecycle-stage (leads) or deal-stage (deals) ids. A value that already is such an id needs no entry; `~` (null) marks a value the agreement has no id for, whose rows are counted as unmapped instead of stopping the report.
   */
  stages?: {
    /**
     * An id of the agreement, or `~` (null).
     */
    [k: string]: string | null;
  };
  /**
   * CRM values (as exported) mapped to the agreement's lead-status ids. A value that already is such an id needs no entry; `~` (null) marks a value the agreement has no id for, whose rows are counted as unmapped instead of stopping the report.
   */
  statuses?: {
    /**
     * An id of the agreement, or `~` (null).
     */
    [k: string]: string | null;
  };
  /**
   * CRM values (as exported) mapped to the agreement's lead-type ids. A value that already is such an id needs no entry; `~` (null) marks a value the agreement has no id for, whose rows are counted as unmapped instead of stopping the report.
   */
  leadTypes?: {
    /**
     * An id of the agreement, or `~` (null).
     */
    [k: string]: string | null;
  };
  /**
   * Character encoding of the file. Detected when left out: a byte order mark, UTF-16 without one, valid UTF-8, else Windows-1254 (Turkish letters), Shift_JIS or Windows-1252.
   */
  encoding?: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "windows-1254" | "shift_jis";
  /**
   * Field separator. Detected from the header line when left out.
   */
  delimiter?: "," | ";" | "\t";
  /**
   * How the file writes dates whose day and month could be swapped (`03/04/2026`): used when the values themselves do not tell (a first part above 12 means day first).
   */
  dateFormat?: "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY" | "YYYY-MM-DD" | "YYYY/MM/DD";
  /**
   * Decimal separator of amounts and values (the other of `.` and `,` is read as a thousands separator). Detected from the values when left out.
   */
  decimal?: "." | ",";
}
/**
 * Which column holds what, by its header as exported. Overrides the preset's labels.
 */
export interface Columns {
  /**
   * The record id.
   */
  id?: string;
  /**
   * The lifecycle stage (leads) or deal stage (deals).
   */
  stage?: string;
  /**
   * The deal amount.
   */
  amount?: string;
  /**
   * When the record was created.
   */
  createdAt?: string;
  /**
   * When the deal was closed.
   */
  closedAt?: string;
  /**
   * The record's owner.
   */
  owner?: string;
  /**
   * The lead status.
   */
  status?: string;
  /**
   * The lead type.
   */
  leadType?: string;
  /**
   * When sales first tried to connect with the lead.
   */
  firstAttempt?: string;
  /**
   * Why sales returned the lead to marketing.
   */
  returnReason?: string;
  /**
   * For leads: the column holding the date each lifecycle stage was entered, by lifecycle stage id (`mql: Became a Marketing Qualified Lead Date`).
   */
  stageDates?: {
    [k: string]: string;
  };
}
/**
 * Figures no export holds (website visits, spend), one row per month and KPI: a CSV file with the columns `month` (YYYY-MM), `kpi` (a KPI id) and `value`, or a YAML list of such entries.
 */
export interface MonthlyActuals {
  /**
   * Path of the export, relative to the SLA file. `sla report --leads/--deals/--actuals` overrides it.
   */
  file?: string;
  /**
   * Character encoding of the file. Detected when left out: a byte order mark, UTF-16 without one, valid UTF-8, else Windows-1254 (Turkish letters), Shift_JIS or Windows-1252.
   */
  encoding?: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "windows-1254" | "shift_jis";
  /**
   * Field separator. Detected from the header line when left out.
   */
  delimiter?: "," | ";" | "\t";
  /**
   * Decimal separator of amounts and values (the other of `.` and `,` is read as a thousands separator). Detected from the values when left out.
   */
  decimal?: "." | ",";
}
