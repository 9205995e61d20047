#!/usr/bin/env node
// `npm run bench`: start-up and throughput of the built CLI, as medians over several runs,
// each beside bare `node -e 0` on the same machine. Prints a Markdown table for the README.
import { spawnSync } from "node:child_process";
import { cpus, tmpdir, totalmem } from "node:os";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/sla.js");
const runs = Number(process.env.BENCH_RUNS ?? 11);
const work = mkdtempSync(join(tmpdir(), "sla-bench-"));

/** 1,000 agreements: the example with its name, version and targets varied. */
function generateFiles(count) {
  const example = readFileSync(join(root, "sla.example.yaml"), "utf8");
  const dir = join(work, "many");
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const text = example
      .replace(/^ {2}name: (.*)$/m, `  name: $1 (team ${i})`)
      .replace(/^ {2}version: .*$/m, `  version: "2026.${(i % 9) + 1}"`)
      .replace(/target: 25500$/m, `target: ${25500 + i}`);
    writeFileSync(join(dir, `team-${String(i).padStart(4, "0")}.sla.yaml`), text);
  }
  return dir;
}

/** One run of a command, in milliseconds. */
function timeOnce(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

const REPORT_PEAK = 'process.on("exit", () => process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\\n`));';

const many = generateFiles(1000);
const pdf = join(work, "agreement.pdf");
const cache = join(work, "slacache.json");
timeOnce(process.execPath, [bin, "validate", "--quiet", "--cache-location", cache, many]); // fills the cache
const cases = [
  ["bare `node -e 0`", process.execPath, ["-e", "0"]],
  ["`sla --version`", process.execPath, [bin, "--version"]],
  ["`sla validate sla.example.yaml`", process.execPath, [bin, "validate", "sla.example.yaml"]],
  ["`sla validate` 1,000 files in one call", process.execPath, [bin, "validate", "--quiet", many]],
  ["`sla validate` 1,000 files, two threads (`--concurrency 2`)", process.execPath, [bin, "validate", "--quiet", "--concurrency", "2", many]],
  ["`sla validate --cache` 1,000 unchanged files", process.execPath, [bin, "validate", "--quiet", "--cache-location", cache, many]],
  ["`sla diff` of two files", process.execPath, [bin, "diff", "sla.example.yaml", "test/fixtures/diff/proposal.sla.yaml"]],
  ["`sla render` to Markdown", process.execPath, [bin, "render", "sla.example.yaml", "-o", join(work, "a.md")]],
  ["`sla render` to PDF", process.execPath, [bin, "render", "sla.example.yaml", "-o", pdf]],
];

// Round by round, every case once per round: a machine that slows down or speeds up during the
// run (shared virtual machines do) moves all figures alike, and the ratios hold.
const samples = cases.map(() => []);
for (let round = 0; round < runs; round++) cases.forEach(([, command, args], i) => samples[i].push(timeOnce(command, args)));
const results = cases.map(([name], i) => ({ name, ms: median(samples[i]) }));
const base = results[0].ms;
const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(`Node ${process.version}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${runs} runs\n`);
console.log("| command | median | × node -e 0 |");
console.log("| --- | ---: | ---: |");
for (const { name, ms } of results) console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(ms / base).toFixed(1)} |`);

// Memory stays flat: the same 1,000 files five times over in one call, in a 40 MB heap. The
// child reports its own peak resident memory as it exits.
const heapMb = 40;
const times = 5;
const args = [
  `--max-old-space-size=${heapMb}`,
  "--import",
  `data:text/javascript,${encodeURIComponent(REPORT_PEAK)}`,
  bin,
  "validate",
  "--quiet",
  ...Array.from({ length: times }, (_, i) => join(work, `many-${i}`)),
];
for (let i = 0; i < times; i++) cpSync(many, join(work, `many-${i}`), { recursive: true });
const memory = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
if (memory.status !== 0) throw new Error(`${times * 1000} files in a ${heapMb} MB heap failed: ${memory.stderr}`);
const peak = /peak-rss (\d+)/.exec(memory.stderr)?.[1];
console.log(
  `\nMemory: ${times * 1000} files in one call validate within a ${heapMb} MB heap (\`--max-old-space-size=${heapMb}\`); peak resident memory ${Math.round(Number(peak) / 1024)} MB.`,
);
rmSync(work, { recursive: true, force: true });
