#!/usr/bin/env node
// `npm run bench:reader`: the steps of reading one agreement, warm, in one process: decoding
// its bytes, the fast reader, and `yaml` (what the fast reader spares). Prints the best mean
// of several rounds for each, on the example and on its Turkish, German and Japanese fixtures.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { readFast } from "../dist/load/fast-reader.js";
import { decodeSource } from "../dist/load/read-source.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = ["sla.example.yaml", "test/fixtures/i18n/tr.sla.yaml", "test/fixtures/i18n/de.sla.yaml", "test/fixtures/i18n/ja.sla.yaml"];

/** Microseconds per call: the best mean over five rounds, after a warm-up round. */
function time(fn, calls) {
  let best = Infinity;
  for (let round = 0; round < 6; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    const perCall = Number(process.hrtime.bigint() - start) / 1e3 / calls;
    if (round > 0) best = Math.min(best, perCall);
  }
  return best;
}

console.log(`Node ${process.version}; microseconds per file, warm\n`);
console.log("| file | KB | decode (sla) | decode (Buffer#toString) | fast reader | `yaml` parseDocument |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const file of files) {
  const bytes = readFileSync(join(root, file));
  const text = decodeSource(file, bytes);
  if (readFast(text) === undefined) throw new Error(`${file}: the fast reader left it to yaml`);
  const figures = [
    time(() => decodeSource(file, bytes), 2000),
    time(() => bytes.toString("utf8"), 2000),
    time(() => readFast(text), 1000),
    time(() => parseDocument(text, { uniqueKeys: true }), 50),
  ];
  console.log(`| ${file} | ${(bytes.length / 1024).toFixed(0)} | ${figures.map((us) => us.toFixed(0)).join(" | ")} |`);
}

// Scaling: the fast reader on many short quoted values, whose time must grow with their
// number (a search past each value's end once made it grow with the square).
console.log("\n| quoted values | fast reader, ms | per value, µs |");
console.log("| ---: | ---: | ---: |");
for (const count of [10_000, 20_000, 40_000, 80_000]) {
  const text = Array.from({ length: count }, (_, i) => `k${i}: "v"`).join("\n") + "\n";
  const us = time(() => readFast(text), 3);
  console.log(`| ${count.toLocaleString("en-US")} | ${(us / 1000).toFixed(1)} | ${(us / count).toFixed(2)} |`);
}
