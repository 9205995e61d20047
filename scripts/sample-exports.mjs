// Writes examples/exports/contacts.csv and deals.csv, CRM exports for sla.example.yaml in
// HubSpot's English export layout, so `sla report` has something real-shaped to read and the
// README something to show, and actuals.csv, the monthly figures no export holds.
// Deterministic (a seeded PRNG, no dependencies): run
// `node scripts/sample-exports.mjs [out-dir]` and the same bytes come out; a test holds the
// committed files to that.
//
// What the files stand for: the portal of Anatolia Pumps (time zone Europe/Berlin, so the
// timestamps are wall-clock Berlin time without an offset, `YYYY-MM-DD HH:mm`, as HubSpot
// writes them), exported on 2026-12-30 at 08:00, before the working day. Contacts and deals
// were created from 2026-07-01 to 2026-11-30, plus a few hand-placed cases in December.
//
// The first sales attempt: HubSpot has no standard "first attempt" property (`Last Contacted`
// is the latest activity, not the first), so the portal keeps a custom date-time property
// "First Sales Attempt Date", set by a workflow on the first logged call, e-mail or LinkedIn
// message; the mapping names it in `columns.firstAttempt`. "Lead Type" and "Return Reason"
// are custom dropdown properties too.
//
// Hand-placed rows (listed in CASES and DIRTY below) cover the edges: hand-offs after hours,
// on a weekend, before a public holiday, across the daylight-saving change, a lead never
// attempted, an attempt logged before the hand-off, and rows a reader must not use.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTACT_COLUMNS, DEAL_COLUMNS } from "./hubspot-layout.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** mulberry32: a tiny seeded generator, enough for sample data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260701);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + random() * (high - low);
const chance = (p) => random() < p;

// Wall-clock times as milliseconds of a naive (zone-less) clock: Date.UTC is used only as a
// calendar, so no time zone or DST rule of this machine can move a value.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (text) => Date.parse(`${text.replace(" ", "T")}:00Z`);
const show = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
const dayOf = (ms) => Math.floor(ms / DAY) * DAY;
const weekday = (ms) => new Date(ms).getUTCDay(); // 0 Sunday .. 6 Saturday
const EXPORTED = at("2026-12-30 08:00");
const START = at("2026-07-01 00:00");
const END = at("2026-12-01 00:00");

/** A moment people create leads: mostly working hours on weekdays, some evenings and weekends. */
function someMoment(from, to) {
  for (;;) {
    const ms = Math.floor(between(from, to) / MINUTE) * MINUTE;
    const hour = new Date(ms).getUTCHours();
    const working = weekday(ms) >= 1 && weekday(ms) <= 5 && hour >= 8 && hour < 18;
    if (working || chance(0.2)) return ms;
  }
}

/** Sales calls in working time: a moment outside it moves to the next working morning. */
function atWork(ms) {
  const hour = new Date(ms).getUTCHours();
  if (weekday(ms) >= 1 && weekday(ms) <= 5 && hour >= 9 && hour < 17) return ms;
  let day = dayOf(ms) + (hour >= 9 ? DAY : 0);
  while (weekday(day) === 0 || weekday(day) === 6) day += DAY;
  return day + 9 * HOUR + Math.floor(between(0, 100)) * MINUTE;
}

const FIRST_NAMES = [
  "Jürgen",
  "Dörte",
  "Björn",
  "Uwe",
  "Käthe",
  "Jörg",
  "Günther",
  "Sören",
  "Ilse",
  "Maximilian",
  "İlknur",
  "Işıl",
  "Gülşen",
  "Ümit",
  "Şule",
  "Ömer",
  "Çağla",
  "Hülya",
  "Ağah",
  "İsmail",
  "Özlem",
  "Barış",
  "Gökhan",
  "Sibel",
];
const LAST_NAMES = [
  "Müller",
  "Weiß",
  "Schäfer",
  "Groß",
  "Schröder",
  "Krüger",
  "Becker",
  "Köhler",
  "Meißner",
  "Jäger",
  "Şahin",
  "Öztürk",
  "Çelik",
  "Yıldız",
  "Doğan",
  "Koç",
  "Aydın",
  "Güneş",
  "Özdemir",
  "Kılıç",
  "Yılmaz",
  "Erdoğan",
];
const COMPANIES = [
  "Müller Getränke GmbH",
  "Stadtwerke Weißenfels",
  "Großkläranlage Düsseldorf-Süd",
  "Brauerei Köhler & Söhne",
  "Chemiewerk Lünen AG",
  "Zuckerfabrik Jülich",
  "Wasserverband Ruhr-Süd",
  "Molkerei Schönau eG",
  "Şahin Kimya A.Ş.",
  "Öztürk Gıda Sanayi",
  "İzmir Su ve Kanalizasyon",
  "Çelik İlaç Üretim A.Ş.",
  "Doğan Meşrubat Ltd. Şti.",
  "Yıldız Tekstil Boya",
  "Bursa Arıtma Tesisleri",
  "Kocaeli Petrokimya",
  "Meyer, Schulz & Co. KG",
  "Aydın Süt Ürünleri",
  "Pharma Wülfrath GmbH",
  "Gießerei Weiß",
];
const DOMAINS = ["example.com", "example.de", "example.com.tr"];
const OWNERS = ["Burak Yılmaz", "Katrin Weber", "Jonas Müller", "Ayşe Öztürk", "Stefan Weiß"];
const LEAD_TYPES = [
  ["New equipment", 0.55],
  ["Maintenance service", 0.3],
  ["Existing customer upsell", 0.15],
];
const RETURN_REASONS = ["No project or budget in the next 12 months", "Contact not involved in the purchase", "Connect-attempt sequence exhausted"];
const PRODUCTS = {
  "New equipment": ["Kreiselpumpen Linie 3", "Dosierpumpen Neubau", "Druckerhöhungsanlage", "Pompa istasyonu yenileme"],
  "Maintenance service": ["Wartungsvertrag 2027", "Bakım sözleşmesi", "Ersatzteilpaket", "7/24 arıza desteği"],
  "Existing customer upsell": ["Frequenzumrichter Nachrüstung", "Motor değişimi", "Zusatzpumpe", "Enerji verimliliği paketi"],
};

function leadTypeOf() {
  let roll = random();
  for (const [label, share] of LEAD_TYPES) {
    if ((roll -= share) < 0) return label;
  }
  return LEAD_TYPES[0][0];
}

function amountFor(leadType) {
  const [low, high] = leadType === "New equipment" ? [15_000, 95_000] : leadType === "Maintenance service" ? [6_000, 38_000] : [5_000, 55_000];
  const whole = Math.round(between(low, high) / 10) * 10;
  return chance(0.15) ? `${whole}.50` : String(whole);
}

const contacts = [];
const deals = [];
let contactId = 151_204_001;
let dealId = 9_873_410_001;

function asciiMail(first, last) {
  const plain = (text) =>
    text
      .toLowerCase()
      .replace(/ı/g, "i")
      .replace(/ß/g, "ss")
      .normalize("NFD")
      .replace(/[^a-z]/g, "");
  return `${plain(first)}.${plain(last)}@${pick(DOMAINS)}`;
}

/** A contact from its stage dates; the current stage and status follow from them. */
function contact(dates, extra = {}) {
  const first = extra.first ?? pick(FIRST_NAMES);
  const last = extra.last ?? pick(LAST_NAMES);
  const leadType = extra.leadType ?? leadTypeOf();
  const stage = dates.customer
    ? "Customer"
    : dates.opportunity
      ? "Opportunity"
      : extra.returned
        ? "Marketing Qualified Lead"
        : dates.sql
          ? "Sales Qualified Lead"
          : dates.mql
            ? "Marketing Qualified Lead"
            : dates.lead
              ? "Lead"
              : "Subscriber";
  let status = "";
  if (extra.returned) status = "Returned to marketing - not ready";
  else if (dates.opportunity) status = "Open deal";
  else if (dates.sql) status = extra.status ?? (dates.attempt ? pick(["Attempting to contact", "Connected", "Connected", "Unqualified"]) : "New");
  const row = {
    "Record ID": String(extra.id ?? contactId++),
    "First Name": first,
    "Last Name": last,
    Email: asciiMail(first, last),
    "Company Name": extra.company ?? pick(COMPANIES),
    "Create Date": show(dates.created),
    "Lifecycle Stage": extra.stageLabel ?? stage,
    "Lead Status": status,
    "Contact owner": dates.sql || dates.mql ? (extra.owner ?? pick(OWNERS)) : "",
    "Lead Type": leadType,
    "Became a Lead Date": dates.lead ? show(dates.lead) : "",
    "Became a Marketing Qualified Lead Date": dates.mql ? show(dates.mql) : "",
    "Became a Sales Qualified Lead Date": dates.sql ? show(dates.sql) : "",
    "Became an Opportunity Date": dates.opportunity ? show(dates.opportunity) : "",
    "Became a Customer Date": dates.customer ? show(dates.customer) : "",
    "First Sales Attempt Date": dates.attempt ? show(dates.attempt) : "",
    "Return Reason": extra.returned ?? "",
  };
  contacts.push(row);
  return row;
}

function deal(fields) {
  const row = {
    "Record ID": String(fields.id ?? dealId++),
    "Deal Name": fields.name,
    "Deal Stage": fields.stage,
    Amount: fields.amount,
    "Close Date": fields.closed ? show(fields.closed) : "",
    "Create Date": show(fields.created),
    Pipeline: fields.leadType === "Maintenance service" ? "Service contracts" : "Sales pipeline",
    "Deal owner": fields.owner,
    "Lead Type": fields.leadType,
  };
  deals.push(row);
  return row;
}

/** The deal of a contact that became an opportunity: won when it became a customer. */
function dealOf(row, dates) {
  const leadType = row["Lead Type"];
  const name = `${row["Company Name"]} - ${pick(PRODUCTS[leadType])}`;
  const owner = row["Contact owner"];
  if (dates.customer) {
    deal({ name, stage: "Closed won", amount: amountFor(leadType), closed: dates.customer, created: dates.opportunity, owner, leadType });
    return;
  }
  const lostAt = dayOf(dates.opportunity) + Math.floor(between(8, 70)) * DAY + Math.floor(between(9, 17)) * HOUR;
  if (chance(0.45) && lostAt < EXPORTED) {
    deal({ name, stage: "Closed lost", amount: amountFor(leadType), closed: lostAt, created: dates.opportunity, owner, leadType });
    return;
  }
  const stage = pick(["Discovery meeting booked", "Proposal in preparation", "Proposal presented", "Negotiation", "On hold"]);
  deal({ name, stage, amount: amountFor(leadType), closed: null, created: dates.opportunity, owner, leadType });
}

// The ordinary flow: leads, some of them qualified step by step, some straight to SQL (a
// quote request), a part handed back to marketing.
for (let i = 0; i < 420; i++) {
  const created = someMoment(START, END);
  const dates = { created, lead: created };
  if (chance(0.04)) {
    delete dates.lead; // a newsletter subscriber, never a lead
    contact(dates, {});
    continue;
  }
  const direct = chance(0.06);
  if (!direct && chance(0.44)) dates.mql = someMoment(created + 4 * HOUR, created + 21 * DAY);
  if (direct || (dates.mql && chance(0.5))) {
    const from = dates.mql ?? created;
    dates.sql = someMoment(from + HOUR, from + 9 * DAY);
    const delay = chance(0.12) ? null : chance(0.75) ? between(0.1, 3.5) * HOUR : between(3.5, 40) * HOUR;
    if (delay !== null) dates.attempt = atWork(dates.sql + Math.floor(delay / MINUTE) * MINUTE);
  }
  if (dates.sql && chance(0.55)) dates.opportunity = dates.sql + Math.floor((between(1, 15) * DAY) / MINUTE) * MINUTE;
  if (dates.opportunity && chance(0.4)) dates.customer = dates.opportunity + Math.floor((between(10, 60) * DAY) / MINUTE) * MINUTE;
  for (const key of ["mql", "sql", "attempt", "opportunity", "customer"]) {
    if (dates[key] !== undefined && dates[key] >= EXPORTED) delete dates[key];
  }
  if (!dates.sql) delete dates.attempt;
  if (!dates.opportunity) delete dates.customer;
  const returned = dates.sql && !dates.opportunity && chance(0.2) ? pick(RETURN_REASONS) : undefined;
  const row = contact(dates, { returned });
  if (dates.opportunity) dealOf(row, dates);
}

// Deals with existing customers, who are not new contacts of the period.
for (let i = 0; i < 90; i++) {
  const created = someMoment(START, END);
  const leadType = chance(0.6) ? "Existing customer upsell" : "Maintenance service";
  const name = `${pick(COMPANIES)} - ${pick(PRODUCTS[leadType])}`;
  const closed = dayOf(created) + Math.floor(between(5, 80)) * DAY + Math.floor(between(9, 17)) * HOUR;
  const roll = random();
  const outcome = closed >= EXPORTED ? "open" : roll < 0.45 ? "won" : roll < 0.75 ? "lost" : "open";
  const stage = outcome === "won" ? "Closed won" : outcome === "lost" ? "Closed lost" : pick(["Proposal in preparation", "Proposal presented", "Negotiation"]);
  deal({ name, stage, amount: amountFor(leadType), closed: outcome === "open" ? null : closed, created, owner: pick(OWNERS), leadType });
}

// The connect-attempt edges, each with the business hours it should take under the example's
// calendar (Europe/Berlin, DE-NW holidays, Mon-Fri 09:00-17:00).
const CASES = [
  // After hours: handed over Tuesday evening, attempted Wednesday morning: 0.33 h.
  { sql: "2026-09-08 18:40", attempt: "2026-09-09 09:20", type: "New equipment", first: "Gülşen", last: "Şahin" },
  // A weekend: handed over Saturday, attempted Monday 10:30: 1.5 h.
  { sql: "2026-08-15 11:05", attempt: "2026-08-17 10:30", type: "New equipment", first: "Jürgen", last: "Weiß" },
  // Before German Unity Day (3 October, a Saturday in 2026): Friday 16:15 to Monday 11:45: 3.5 h.
  { sql: "2026-10-02 16:15", attempt: "2026-10-05 11:45", type: "New equipment", first: "İlknur", last: "Öztürk" },
  // Across the end of summer time (Sunday 25 October, 03:00 -> 02:00): Saturday night to Monday 12:10: 3.17 h.
  { sql: "2026-10-24 21:00", attempt: "2026-10-26 12:10", type: "New equipment", first: "Dörte", last: "Müller" },
  // Maintenance service (2 business hours): Friday 16:00 to Monday 10:30 is 2.5 h, a breach.
  { sql: "2026-10-23 16:00", attempt: "2026-10-26 10:30", type: "Maintenance service", first: "Ömer", last: "Doğan" },
  // Maintenance service inside one working day: 10:00 to 13:30 is 3.5 h, a breach.
  { sql: "2026-07-15 10:00", attempt: "2026-07-15 13:30", type: "Maintenance service", first: "Işıl", last: "Kılıç" },
  // Christmas: Thursday 24 December after hours, Friday 25th a public holiday, attempted Monday 28th 11:30: 2.5 h.
  { sql: "2026-12-24 18:10", attempt: "2026-12-28 11:30", type: "New equipment", first: "Björn", last: "Groß" },
  // Never attempted, handed over in September: a breach.
  { sql: "2026-09-21 10:00", attempt: null, type: "New equipment", first: "Şule", last: "Yıldız" },
  // Never attempted, handed over the afternoon before the export: 0.5 h by then, still open.
  { sql: "2026-12-29 16:30", attempt: null, type: "New equipment", first: "Käthe", last: "Köhler" },
  // The attempt was logged before the hand-off (sales called the MQL early): 0 h.
  { sql: "2026-11-10 14:00", attempt: "2026-11-10 11:15", type: "Existing customer upsell", first: "Ümit", last: "Çelik" },
];
for (const entry of CASES) {
  const sql = at(entry.sql);
  const created = sql - 3 * DAY - 2 * HOUR;
  contact(
    { created, lead: created, mql: sql - DAY, sql, attempt: entry.attempt ? at(entry.attempt) : undefined },
    { first: entry.first, last: entry.last, leadType: entry.type, status: entry.attempt ? "Attempting to contact" : "New" },
  );
}
// Created in the hour that happens twice when summer time ends (02:30 on 25 October): a
// timestamp without an offset is read as wall-clock time, so it is simply 2026-10-25 02:30.
contact({ created: at("2026-10-25 02:30"), lead: at("2026-10-25 02:30") }, { first: "Sören", last: "Jäger" });

// Rows a reader must not use, all in November so that the figures of July to October do not
// depend on how a reader treats them (see test/fixtures/report/expected-example.mjs).
// An unparseable date (31 September).
contact({ created: at("2026-11-02 09:00"), lead: at("2026-11-02 09:00") }, { first: "Gökhan", last: "Aydın" }).__bad = true;
// A lifecycle stage the mapping does not know (HubSpot's "Evangelist", unused by the agreement).
contact({ created: at("2026-11-12 10:20"), lead: at("2026-11-12 10:20") }, { first: "Sibel", last: "Güneş", stageLabel: "Evangelist" });
// A won deal without an amount, and a deal in a stage of HubSpot's default pipeline.
deal({
  name: "Stadtwerke Weißenfels - Ersatzteilpaket",
  stage: "Closed won",
  amount: "",
  closed: at("2026-11-19 15:00"),
  created: at("2026-10-06 11:00"),
  owner: "Katrin Weber",
  leadType: "Maintenance service",
});
deal({
  name: "Kocaeli Petrokimya - Pompa istasyonu yenileme",
  stage: "Contract sent",
  amount: "48000",
  closed: null,
  created: at("2026-11-16 13:45"),
  owner: "Burak Yılmaz",
  leadType: "New equipment",
});

// Sorted by creation as HubSpot lists them by default (the row with the bad date where its
// good date would sort), and a
// July MQL is exported twice (a duplicate id, as when two exports are pasted together).
const byCreation = (a, b) => a["Create Date"].localeCompare(b["Create Date"]) || a["Record ID"].localeCompare(b["Record ID"]);
contacts.sort(byCreation);
deals.sort(byCreation);
for (const row of contacts) {
  if (row.__bad) {
    delete row.__bad;
    row["Create Date"] = "2026-09-31 09:00";
    row["Became a Lead Date"] = "2026-09-31 09:00";
  }
}
const twice = contacts.find((row) => row["Became a Marketing Qualified Lead Date"].startsWith("2026-07"));
contacts.splice(contacts.indexOf(twice) + 25, 0, { ...twice });
const lostTwice = deals.find((row) => row["Deal Stage"] === "Closed lost" && row["Close Date"].startsWith("2026-11"));
deals.splice(deals.indexOf(lostTwice) + 3, 0, { ...lostTwice });

/** RFC 4180 CSV as HubSpot writes it: a field is quoted when it holds a comma, quote or line break. */
function csv(columns, rows) {
  const field = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((cells) => cells.map(field).join(",")).join("\n") + "\n";
}

// The monthly figures no CRM export holds (`--actuals`): website visits from the web analytics,
// and cost per lead from marketing's spend sheet, for the KPIs of the same ids.
const actuals = ["month,kpi,value"];
for (const month of ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]) {
  actuals.push(`${month},website-visits,${Math.round(between(21_000, 27_500))}`);
  actuals.push(`${month},cost-per-lead,${between(72, 96).toFixed(2)}`);
}

const out = process.argv[2] ?? join(ROOT, "examples/exports");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "contacts.csv"), csv(CONTACT_COLUMNS, contacts));
writeFileSync(join(out, "deals.csv"), csv(DEAL_COLUMNS, deals));
writeFileSync(join(out, "actuals.csv"), `${actuals.join("\n")}\n`);
process.stdout.write(`${contacts.length} contacts, ${deals.length} deals -> ${out}\n`);
