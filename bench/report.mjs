#!/usr/bin/env node
// `npm run bench:report`: the time and peak memory of reading CRM exports for `sla report`.
// Generates (deterministically, into a temporary folder) a HubSpot-layout contacts export of
// N rows and 16 columns (about 170 MB at 1,000,000) and a deals export of N/5 rows, then
// loads them in a fresh Node process, as `sla report` does, and prints its wall time and
// peak resident memory, and the CPU time of all its threads (which a busy machine does not
// inflate as it does the wall time). Several sizes show how the time grows.
//
//   node bench/report.mjs                    250,000, 500,000 and 1,000,000 contacts
//   node bench/report.mjs 1000000            one size
//   BENCH_KEEP=1 node bench/report.mjs       keeps the files (the folder is printed)
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(250_000, 500_000, 1_000_000);
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

const FIRST = ["Oya", "Mehmet", "Petra", "Jürgen", "Ayşe", "Hiroshi", "Anna", "İsmail", "Yuki", "Günther"];
const LAST = ["Yılmaz", "Schneider", "Tanaka", "Öztürk", "Müller", "Suzuki", "Kaya", "Weiß", "Satō", "Doğan"];
const COMPANIES = ["Anadolu Su A.Ş.", "Rheinwerk GmbH", "Kansai Plant K.K.", "Marmara Enerji", "Bayern Pumpen AG"];
const OWNERS = ["Deniz Arslan", "Lena Fischer", "Kenji Mori", "Emre Koç", "Sophie Braun"];
const STATUSES = ["New", "Attempted to Contact", "Connected", "Open Deal", "Unqualified"];
const STAGES = ["Subscriber", "Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity", "Customer"];
const DEAL_STAGES = ["Appointment Scheduled", "Presentation Scheduled", "Contract Sent", "Closed Won", "Closed Lost"];
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const pad = (n) => String(n).padStart(2, "0");
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

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
  const header = [
    "Record ID",
    "First Name",
    "Last Name",
    "Email",
    "Phone Number",
    "Company Name",
    "Create Date",
    "Lifecycle Stage",
    "Lead Status",
    "Contact owner",
    "Became a Lead Date",
    "Became a Marketing Qualified Lead Date",
    "Became a Sales Qualified Lead Date",
    "Became an Opportunity Date",
    "Became a Customer Date",
    "First Outreach Date",
  ];
  await write(path, header, n, (i) => {
    const created = START + Math.floor(next() * 300 * DAY);
    const reached = Math.floor(next() * STAGES.length);
    const dates = [1, 2, 3, 4, 5].map((s) => (s <= reached ? stamp(created + s * 3 * DAY + Math.floor(next() * DAY)) : ""));
    const outreach = reached >= 3 ? stamp(created + 9 * DAY + Math.floor(next() * 8 * 3_600_000)) : "";
    const first = pick(FIRST);
    const last = pick(LAST);
    return [
      100000 + i,
      first,
      last,
      `contact${i}@example.com`,
      `+90 212 555 ${String(i % 10000).padStart(4, "0")}`,
      `"${pick(COMPANIES)}"`,
      stamp(created),
      STAGES[reached],
      pick(STATUSES),
      pick(OWNERS),
      ...dates,
      outreach,
    ].join(",");
  });
}

async function deals(path, n) {
  const next = random(17);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const header = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Create Date", "Close Date", "Pipeline", "Deal owner"];
  await write(path, header, n, (i) => {
    const created = START + Math.floor(next() * 300 * DAY);
    return [
      900000 + i,
      `Deal ${i}`,
      pick(DEAL_STAGES),
      (Math.floor(next() * 5_000_000) / 100).toFixed(2),
      stamp(created),
      stamp(created + Math.floor(next() * 90 * DAY)),
      "Sales Pipeline",
      pick(OWNERS),
    ].join(",");
  });
}

/** The loader run in its own process, as `sla report` runs it: wall time from before the import. */
const LOADER = `
const started = performance.now();
const { readFileSync } = await import("node:fs");
const { parse } = await import("yaml");
const { loadExports } = await import(${JSON.stringify(join(root, "dist/report/ingest/index.js"))});
const sla = parse(readFileSync(${JSON.stringify(join(root, "sla.example.yaml"))}, "utf8"));
sla.reporting.sources = {
  leads: { preset: "hubspot" },
  deals: { preset: "hubspot", stages: { "Appointment Scheduled": "discovery", "Presentation Scheduled": "proposal-presented", "Contract Sent": "negotiation" } },
};
const [leads, deals] = process.argv.slice(-2);
const loaded = await loadExports(sla, { baseDir: process.cwd(), leads, deals, timeZone: "Europe/Istanbul" });
const counts = (await loaded.connection.runAndReadAll("SELECT (SELECT count(*) FROM leads), (SELECT count(*) FROM lead_stages), (SELECT count(*) FROM deals)")).getRows()[0].map(Number);
loaded.close();
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ ms: performance.now() - started, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS, counts }));
`;

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
console.log(`node ${process.version}, ${process.platform}-${process.arch}`);
console.log("contacts   deals    contacts MB   load s   CPU s   peak RSS MB   rows (leads / stage entries / deals)");
try {
  for (const n of sizes) {
    const leadsFile = join(work, `contacts-${n}.csv`);
    const dealsFile = join(work, `deals-${n}.csv`);
    await contacts(leadsFile, n);
    await deals(dealsFile, Math.round(n / 5));
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", LOADER, leadsFile, dealsFile], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(run.stderr || `the loader ended with ${run.status}`);
    const result = JSON.parse(run.stdout);
    console.log(
      `${String(n).padStart(9)}  ${String(Math.round(n / 5)).padStart(7)}  ${mb(statSync(leadsFile).size).padStart(12)}  ${(result.ms / 1000).toFixed(2).padStart(7)}  ${(result.cpuMs / 1000).toFixed(2).padStart(6)}  ${(result.maxRssKb / 1024).toFixed(0).padStart(12)}   ${result.counts.join(" / ")}`,
    );
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`files kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
