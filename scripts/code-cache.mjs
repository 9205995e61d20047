// Takes the V8 code caches that src/validate/precompiled.ts loads, each after running its code
// on the example so that the cache holds what a run compiles. Run by scripts/build.mjs in a
// process of its own: it runs the whole CLI, and nothing of that run (exit code, handlers,
// output) should stay in the build.
//
// Each file gets a stamp, a hash of its code, as its first line; its cache starts with the same
// stamp, so that a cache is only ever used with the source it was made from.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { codeCachePath, runCommonJs } = await import(pathToFileURL(join(root, "dist/validate/precompiled.js")).href);
// Whole then renamed, so a run never reads half a file.
const { writeFileAtomic } = await import(pathToFileURL(join(root, "dist/cli/write-file.js")).href);
const example = join(root, "sla.example.yaml");

/** Stamps `file`, runs it with `use`, and writes the code cache V8 then has for it. */
async function stampAndCache(file, use) {
  const code = readFileSync(file, "utf8");
  const stamp = createHash("sha1").update(code).digest("base64url");
  const source = `// stamp ${stamp}\n${code}`;
  writeFileAtomic(file, source);
  const { exports, script } = runCommonJs(file, source);
  await use(exports);
  writeFileAtomic(codeCachePath(file), Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()]));
}

await stampAndCache(join(root, "dist/validate/schema-validator.cjs"), (validate) => {
  if (validate(require("yaml").parse(readFileSync(example, "utf8"))) !== true) throw new Error("the precompiled validator rejects sla.example.yaml");
});

// The CLI reads its arguments as it loads.
const cli = join(root, "dist/bin/sla.cjs");
process.argv = [process.execPath, cli, "validate", "--quiet", example];
await stampAndCache(cli, async (run) => {
  await run.done;
  if (process.exitCode) throw new Error(`the bundled CLI failed on sla.example.yaml (exit code ${process.exitCode})`);
});
