#!/usr/bin/env node
// `npm run bench:scaling`: how the time of `sla validate` grows with the size of one file, for
// the shapes a hostile or generated file can take. Each shape is generated at N, 2N and 4N and
// validated by the built CLI; near-linear time shows as a ratio near 2 from one size to the
// next, quadratic time as a ratio near 4.
//
//   node bench/scaling.mjs                 every shape at its default N
//   node bench/scaling.mjs unknown-keys    one shape (or several, by name)
//   BENCH_N=20000 node bench/scaling.mjs   another N for every shape
//   BENCH_STEPS=4 node bench/scaling.mjs   N, 2N, 4N and 8N
//   BENCH_WRITE=dir node bench/scaling.mjs only writes the files into dir (to profile one)
import { spawnSync } from "node:child_process";
import { cpus, tmpdir } from "node:os";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/sla.js");
const example = readFileSync(join(root, "sla.example.yaml"), "utf8");
const work = mkdtempSync(join(tmpdir(), "sla-scaling-"));
const steps = Number(process.env.BENCH_STEPS ?? 3);
/** A run longer than this is stopped and shown as such: the point is made by then. */
const limitMs = Number(process.env.BENCH_LIMIT_MS ?? 120_000);

/** The example with `lines` inserted right after the line `after` (a key that starts a section). */
function insertAfter(after, lines) {
  const at = example.indexOf(`${after}\n`);
  if (at < 0) throw new Error(`the example has no line \`${after}\``);
  const cut = at + after.length + 1;
  return example.slice(0, cut) + lines.join("\n") + "\n" + example.slice(cut);
}

const pad = (i) => String(i).padStart(6, "0");
const times = (n, line) => Array.from({ length: n }, (_, i) => line(i));

/** A persona entry that refers to `icp`. */
const persona = (id, icp) => [`  - id: ${id}`, `    name: Persona ${id}`, `    icp: ${icp}`, `    role: Buyer`];

const SHAPES = {
  // Keys the schema does not know, all in one mapping: one finding each, placed by `yaml`.
  "unknown-keys": {
    n: 20_000,
    make: (n) =>
      insertAfter(
        "agreement:",
        times(n, (i) => `  x${pad(i)}: 1`),
      ),
  },
  // The same, deep inside a list entry.
  "unknown-keys-in-entry": {
    n: 20_000,
    make: (n) =>
      insertAfter(
        "  - id: operations-oya",
        times(n, (i) => `    x${pad(i)}: 1`),
      ),
  },
  // The same key written twice, n times: `yaml`'s duplicate-key findings.
  "duplicate-keys": {
    n: 20_000,
    make: (n) =>
      insertAfter(
        "agreement:",
        times(n, (i) => `  x${pad(i >> 1)}: 1`),
      ),
  },
  // A long valid list: the fast reader and the rules, no findings.
  "list-entries": {
    n: 25_000,
    make: (n) =>
      insertAfter(
        "  scope:",
        times(n, (i) => `    - Item ${pad(i)} of the scope.`),
      ),
  },
  // Personas referring to ICPs that are not defined, each a different name: "did you mean".
  "unknown-refs": { n: 2_000, make: (n) => insertAfter("personas:", times(n, (i) => persona(`p${pad(i)}`, `icp-${pad(i)}`)).flat()) },
  // The same unknown name many times over.
  "same-unknown-ref": { n: 2_000, make: (n) => insertAfter("personas:", times(n, (i) => persona(`p${pad(i)}`, "process-plant")).flat()) },
  // Many ICPs defined, and as many personas referring to names close to none of them.
  "unknown-refs-many-targets": {
    n: 2_000,
    make: (n) => {
      const icps = times(n, (i) => [`  - id: icp-${pad(i)}`, `    name: ICP ${i}`]).flat();
      const personas = times(n, (i) => persona(`p${pad(i)}`, `zz-${pad(i)}-unknown`)).flat();
      return insertAfter("personas:", personas).replace("icps:\n", `icps:\n${icps.join("\n")}\n`);
    },
  },
};

/** Milliseconds for `sla validate` of `file`, and its exit code (1: findings, as expected). */
function validate(file) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, "validate", "--format", "json", file], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: limitMs,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error?.code === "ETIMEDOUT") return { ms: Infinity, findings: NaN };
  if (result.status !== 0 && result.status !== 1) throw new Error(`sla validate ${file} exited ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  const findings = report.errorCount + report.warningCount;
  return { ms, findings };
}

const chosen = process.argv.slice(2);
for (const name of chosen) if (!SHAPES[name]) throw new Error(`no shape \`${name}\`; shapes: ${Object.keys(SHAPES).join(", ")}`);
const names = chosen.length ? chosen : Object.keys(SHAPES);

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}; \`sla validate\` of one generated file\n`);
console.log("| shape | N | size | findings | time | × previous |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
try {
  for (const name of names) {
    const { n: defaultN, make } = SHAPES[name];
    const base = Number(process.env.BENCH_N ?? defaultN);
    let previous;
    for (let step = 0; step < steps; step++) {
      const n = base * 2 ** step;
      const file = join(work, `${name}-${n}.sla.yaml`);
      if (process.env.BENCH_WRITE) {
        writeFileSync(join(process.env.BENCH_WRITE, `${name}-${n}.sla.yaml`), make(n));
        continue;
      }
      writeFileSync(file, make(n));
      const { ms, findings } = validate(file);
      const kb = statSync(file).size / 1024;
      const ratio = previous && Number.isFinite(ms) ? (ms / previous).toFixed(1) : "";
      const time = Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `> ${limitMs / 1000} s`;
      console.log(`| ${name} | ${n.toLocaleString("en")} | ${kb.toFixed(0)} KB | ${findings} | ${time} | ${ratio} |`);
      rmSync(file);
      if (!Number.isFinite(ms)) break;
      previous = ms;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
