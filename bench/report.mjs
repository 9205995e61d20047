#!/usr/bin/env node
// `npm run bench:report`: the wall time, CPU time and peak memory of the whole `sla report`
// command over large CRM exports, against issue 14's budget (1,000,000 contacts and 200,000
// deals in at most 5 s and 500 MB on a 2-core machine).
//
// Generates (deterministically, into a temporary folder) a contacts export in the layout of
// examples/exports/contacts.csv (HubSpot's, the same 17 columns; about 170 MB at 1,000,000)
// and a deals export of N/5 rows in the layout of examples/exports/deals.csv, both spread over
// sla.example.yaml's review period, so every part of the report has work: lifecycle-stage
// dates, owners, lead types, statuses, first attempts after hand-offs, returned leads, deal
// stages the mapping knows and one it leaves out. Then runs `node bin/sla.js report
// sla.example.yaml --leads … --deals … --format json -o <file>` five times per size and
// prints the median wall time, with the CPU time (user + system, all threads: a busy machine
// does not inflate it as it does the wall time) and the highest peak resident memory of the runs.
// The last lines compare each size with the one before (time should no more than double
// when the rows double) and the largest with the budget.
//
//   node bench/report.mjs                    250,000, 500,000 and 1,000,000 contacts
//   node bench/report.mjs 1000000            one size
//   BENCH_RUNS=1 node bench/report.mjs       one run per size instead of five
//   BENCH_KEEP=1 node bench/report.mjs       keeps the files (the folder is printed)
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTACT_COLUMNS, DEAL_COLUMNS } from "../scripts/hubspot-layout.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(250_000, 500_000, 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET = { contacts: 1_000_000, seconds: 5, mb: 500 };
const work = mkdtempSync(join(tmpdir(), "sla-bench-report-"));

/** A small deterministic generator (mulberry32), so every run reads the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Jürgen", "Dörte", "Käthe", "Gülşen", "Ömer", "İsmail", "Işıl", "Çağla", "Hiroshi", "Yuki"];
const LAST = ["Müller", "Weiß", "Schröder", "Yılmaz", "Öztürk", "Doğan", "Koç", "Şahin", "Tanaka", "Satō"];
const COMPANIES = ["Anadolu Su A.Ş.", "Müller Getränke GmbH", "Meyer, Schulz & Co. KG", "Çelik İlaç Üretim A.Ş.", "関西プラント株式会社"];
const OWNERS = ["Jonas Müller", "Ayşe Öztürk", "Stefan Weiß", "Burak Yılmaz", "Katrin Weber"];
// The values of sla.example.yaml's mapping (reporting.sources).
const STAGES = ["Subscriber", "Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity", "Customer"];
const STATUSES = ["New", "Attempting to contact", "Connected", "Open deal", "Unqualified"];
const LEAD_TYPES = ["New equipment", "Maintenance service", "Existing customer upsell"];
const REASONS = ["Contact not involved in the purchase", "Budget frozen until 2027", "Kein Bedarf vor Q2", "Zaten tedarikçimiz var"];
const DEAL_STAGES = [
  "Discovery meeting booked",
  "Proposal in preparation",
  "Proposal presented",
  "Negotiation",
  "Closed won",
  "Closed lost",
  "On hold",
  "Contract sent",
];
const PIPELINES = ["Sales pipeline", "Service contracts"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Created from two months before the review period (2026-07-01 .. 2026-12-31) to its end.
const START = Date.UTC(2026, 4, 1);
const SPAN = 245 * DAY;

const pad = (n) => String(n).padStart(2, "0");
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const csv = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

async function write(path, header, rows, row) {
  const out = createWriteStream(path);
  out.write(header.join(",") + "\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    chunk += row(i) + "\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

async function contacts(path, n) {
  const next = random(14);
  const pick = (list) => list[Math.floor(next() * list.length)];
  await write(path, CONTACT_COLUMNS, n, (i) => {
    const created = START + Math.floor(next() * SPAN);
    // Most contacts stay early in the funnel, as in a real portal.
    const r = next();
    const reached = r < 0.1 ? 0 : r < 0.5 ? 1 : r < 0.75 ? 2 : r < 0.88 ? 3 : r < 0.95 ? 4 : 5;
    const dates = [];
    let at = created;
    for (let s = 1; s <= 5; s++) {
      if (s > reached) dates.push("");
      else {
        if (s > 1) at += Math.floor(next() * 10 * DAY);
        dates.push(stamp(at));
      }
    }
    const handedOff = reached >= 3 ? created + (dates[2] ? Date.parse(dates[2].replace(" ", "T") + "Z") - created : 0) : 0;
    // Attempted within minutes to days of the hand-off, a few never.
    const attempted = reached >= 3 && next() < 0.93 ? stamp(handedOff + Math.floor(next() * next() * 72 * HOUR)) : "";
    const returned = reached === 2 && next() < 0.05;
    const first = pick(FIRST);
    const last = pick(LAST);
    return [
      151_000_000 + i,
      first,
      last,
      `contact${i}@example.com`,
      csv(pick(COMPANIES)),
      stamp(created),
      STAGES[reached],
      returned ? "Returned to marketing - not ready" : reached >= 1 && next() < 0.7 ? pick(STATUSES) : "",
      reached >= 2 ? pick(OWNERS) : "",
      pick(LEAD_TYPES),
      ...dates,
      attempted,
      returned ? pick(REASONS) : "",
    ].join(",");
  });
}

async function deals(path, n) {
  const next = random(17);
  const pick = (list) => list[Math.floor(next() * list.length)];
  await write(path, DEAL_COLUMNS, n, (i) => {
    const created = START + Math.floor(next() * SPAN);
    const stage = pick(DEAL_STAGES);
    const closed = stage.startsWith("Closed") ? stamp(created + Math.floor(next() * 90 * DAY)) : "";
    return [
      9_873_000_000 + i,
      csv(`${pick(COMPANIES)} - Pumpe ${i}`),
      stage,
      (Math.floor(next() * 5_000_000) / 100).toFixed(2),
      closed,
      stamp(created),
      pick(PIPELINES),
      pick(OWNERS),
      pick(LEAD_TYPES),
    ].join(",");
  });
}

const TIME = "/usr/bin/time";
const haveTime = existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;
// Without GNU time, the command runs inside a wrapper that reports its own figures on exit.
const WRAPPER = `
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write("\\nBENCH " + JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, mb: usage.maxRSS / 1024 }) + "\\n");
});
require(process.argv[1]);
`;

/** One `sla report` run: wall seconds, CPU seconds (user + system) and peak RSS in MB of the command. */
function once(leadsFile, dealsFile, out) {
  const command = [
    process.execPath,
    join(root, "bin/sla.js"),
    "report",
    "sla.example.yaml",
    "--leads",
    leadsFile,
    "--deals",
    dealsFile,
    "--through",
    "2026-12",
    "--format",
    "json",
    "-o",
    out,
  ];
  const started = performance.now();
  const run = haveTime
    ? spawnSync(TIME, ["-v", ...command], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 })
    : spawnSync(process.execPath, ["-e", WRAPPER, "--", ...command.slice(1)], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`sla report ended with ${run.status}:\n${run.stderr}`);
  if (haveTime) {
    const field = (name) => Number(new RegExp(`${name}[^:]*: ([\\d.]+)`).exec(run.stderr)[1]);
    return { seconds, cpu: field("User time") + field("System time"), mb: field("Maximum resident set size") / 1024 };
  }
  return { seconds, ...JSON.parse(/BENCH (.*)/.exec(run.stderr)[1]) };
}

const median = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
const fmt = (value, width, digits = 2) => value.toFixed(digits).padStart(width);
console.log(
  `node ${process.version}, ${process.platform}-${process.arch}, ${cpus().length} cores, load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`sla report sla.example.yaml --format json, median of ${RUNS} run(s); CPU = user + system of that run; peak RSS = the highest of all runs`);
console.log("contacts    deals  contacts MB  deals MB   wall s   CPU s  peak RSS MB   leads used / handed over");
const results = [];
try {
  for (const n of sizes) {
    const leadsFile = join(work, `contacts-${n}.csv`);
    const dealsFile = join(work, `deals-${n}.csv`);
    const out = join(work, `report-${n}.json`);
    await contacts(leadsFile, n);
    await deals(dealsFile, Math.round(n / 5));
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(once(leadsFile, dealsFile, out));
    // Time is the median run's; memory the worst run's, which is what the budget must hold.
    const m = { ...median(runs), mb: Math.max(...runs.map((run) => run.mb)) };
    const report = JSON.parse(readFileSync(out, "utf8"));
    const used = report.dataQuality.sources.find((s) => s.kind === "leads").used;
    const handed = report.connect?.handedOver ?? 0;
    results.push({ n, ...m });
    console.log(
      `${String(n).padStart(8)}  ${String(Math.round(n / 5)).padStart(7)}  ${fmt(statSync(leadsFile).size / 2 ** 20, 11, 0)}  ${fmt(statSync(dealsFile).size / 2 ** 20, 8, 0)}  ${fmt(m.seconds, 7)}  ${fmt(m.cpu, 6)}  ${fmt(m.mb, 11, 0)}   ${used} / ${handed}`,
    );
    if (!process.env.BENCH_KEEP) for (const file of [leadsFile, dealsFile, out]) rmSync(file);
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    const rows = b.n / a.n;
    const wall = b.seconds / a.seconds;
    const cpu = b.cpu / a.cpu;
    const ok = cpu <= rows * 1.15;
    console.log(`${a.n} -> ${b.n} contacts (x${rows.toFixed(1)}): wall x${wall.toFixed(2)}, CPU x${cpu.toFixed(2)}${ok ? "" : "  MORE THAN LINEAR"}`);
  }
  const big = results.find((r) => r.n === BUDGET.contacts);
  if (big) {
    const fits = big.seconds <= BUDGET.seconds && big.mb <= BUDGET.mb;
    console.log(
      `budget at ${BUDGET.contacts} contacts: ≤ ${BUDGET.seconds} s and ≤ ${BUDGET.mb} MB: ${big.seconds.toFixed(2)} s, ${big.mb.toFixed(0)} MB: ${fits ? "within" : "OVER"}`,
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  if (process.env.BENCH_KEEP) console.log(`files kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
