// Build: compile TypeScript (the library and its types), precompile the schema validator so
// `sla validate` never compiles a schema at start-up, and bundle the CLI into one CommonJS file
// with a V8 code cache, so that starting it neither loads some two hundred files nor compiles
// what it runs.
// The schema's duration and percent patterns and src/domain/words.generated.ts are written
// from locales/*/words.json first (scripts/words.mjs), and the countries and regions with public
// holidays from date-holidays (scripts/holiday-regions.mjs), before anything is compiled from them.
// `node scripts/build.mjs types` regenerates the model types from the schema (committed; a
// test fails when they are stale).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateHolidayRegionsModule, readHolidayRegions } from "./holiday-regions.mjs";
import { generateWordsModule, readWords, schemaWithWords } from "./words.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const schemaPath = join(root, "schemas/sla.schema.json");
const words = readWords(root);
const schema = schemaWithWords(JSON.parse(readFileSync(schemaPath, "utf8")), words);
const wordsModulePath = join(root, "src/domain/words.generated.ts");
const holidayRegionsPath = join(root, "src/domain/holiday-regions.generated.ts");

/** Writes what the words generate, where it differs from what is there (so an unchanged tree stays unchanged). */
function writeWords() {
  const outputs = [
    [schemaPath, JSON.stringify(schema, null, 2) + "\n"],
    [wordsModulePath, generateWordsModule(words)],
  ];
  // Without the optional holidays library, the committed list stays as it is.
  const regions = readHolidayRegions();
  if (regions) outputs.push([holidayRegionsPath, generateHolidayRegionsModule(regions)]);
  for (const [file, text] of outputs) {
    let current;
    try {
      current = readFileSync(file, "utf8");
    } catch {
      current = undefined;
    }
    if (current !== text) writeFileSync(file, text);
  }
}

export async function generateModelTypes() {
  const { compile } = await import("json-schema-to-typescript");
  const banner = "/* Generated from schemas/sla.schema.json by scripts/build.mjs. Do not edit: change the schema and run `npm run build`. */";
  return compile(schema, "Sla", {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: false, printWidth: 100 },
    cwd: join(root, "schemas"),
  });
}

export function compileValidator() {
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const standaloneCode = require("ajv/dist/standalone").default;
  const { _ } = require("ajv");
  const ajv = new Ajv2020({
    allErrors: true,
    // sla words every finding itself (src/validate/schema.ts); ajv's messages were a tenth of
    // the generated code, compiled by V8 for nothing.
    messages: false,
    strict: true,
    allowUnionTypes: true,
    // The schema's only length bound is `minLength: 1`, where UTF-16 length and code points
    // agree; counting code points walked every string of every file (a test holds the schema
    // to this). ajv 8 calls the option deprecated but honours it; its notice is dropped below.
    unicode: false,
    logger: { log: console.log, error: console.error, warn: (message) => message.startsWith("DEPRECATED: option unicode") || console.warn(message) },
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  // Ajv2020 turns on $dynamicRef and unevaluated* support for every schema; ours uses
  // neither, and the support costs an object per subschema call and bookkeeping of evaluated
  // properties in every generated function.
  const unsupported = /"(\$dynamicRef|\$dynamicAnchor|\$recursiveRef|\$recursiveAnchor|unevaluatedProperties|unevaluatedItems)"/.exec(JSON.stringify(schema));
  if (unsupported) throw new Error(`the schema uses ${unsupported[1]}: remove the two lines below that turn its support off`);
  ajv.opts.dynamicRef = false;
  ajv.opts.unevaluated = false;
  const validate = ajv.compile(schema);
  return standaloneCode(ajv, validate);
}

async function main() {
  if (process.argv[2] === "types") {
    writeFileSync(join(root, "src/model/sla.generated.ts"), await generateModelTypes());
    return;
  }
  writeWords();
  rmSync(join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], {
    stdio: "inherit",
  });

  const outDir = join(root, "dist/validate");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "schema-validator.cjs"), compileValidator());
  await bundleCli();
  // In a process of its own: it runs the whole CLI (scripts/code-cache.mjs says why).
  execFileSync(process.execPath, [join(root, "scripts/code-cache.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
  writeFileSync(join(root, "dist/build-id.txt"), buildId());
}

/**
 * What the build id hashes: everything the CLI runs that is built here (the bundles, the
 * validator) and the schema. Not the code caches: V8 writes them differently on every build,
 * and they change only speed.
 */
export function buildInputs() {
  const bundle = join(root, "dist/bin");
  const bundled = readdirSync(bundle)
    .sort()
    .filter((file) => !file.endsWith(".cache"))
    .map((file) => join(bundle, file));
  return [...bundled, join(root, "dist/validate/schema-validator.cjs"), schemaPath];
}

/** A hash of buildInputs(). `sla validate --cache` trusts a remembered verdict only from the same build. */
function buildId() {
  const hash = createHash("sha1");
  for (const file of buildInputs()) hash.update(basename(file)).update(readFileSync(file));
  return hash.digest("base64url") + "\n";
}

/**
 * commander requires node:child_process as it loads, for subcommands that are separate
 * executables; sla has none. Loading it (and net, dgram, streams with it) cost 2 to 4 ms of
 * every start, so commander gets it on first use instead.
 */
const childProcessOnDemand = {
  name: "child-process-on-demand",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "child-process-on-demand" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "child-process-on-demand" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_target, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/**
 * dist/bin/sla.cjs: the CLI, our code with commander, chalk and picomatch, in one CommonJS
 * file that bin/sla.js runs with a V8 code cache (dist/bin/sla.cache). Node starts CommonJS
 * faster than ES modules, and the cache spares compiling what a run uses: together a third
 * of what `sla validate` adds to Node's own start-up. A command's code still runs only when
 * the command does. The PDF engine, fonts and Handlebars stay in node_modules
 * (only `sla render` loads them). dist/bin sits two levels below the package root like
 * dist/<module>, so paths such as ../../schemas hold in both.
 *
 * dist/bin/validate-worker.js: the worker threads of a large `sla validate`, one ES module.
 * dist/bin/precompiled.cjs: the loader bin/sla.js uses (src/validate/precompiled.ts).
 */
async function bundleCli() {
  const { build } = await import("esbuild");
  const common = {
    outdir: join(root, "dist/bin"),
    bundle: true,
    platform: "node",
    target: "node20",
    // `yaml` is loaded with require only when a file needs positions (src/load/yaml-lib.ts).
    // The report's engine (a native module), holidays, decoder and chart drawing load from node_modules, only for `sla report`.
    external: ["pdfkit", "fontkit", "handlebars", "yaml", "@duckdb/node-api", "date-holidays", "iconv-lite", "svg-to-pdfkit"],
    plugins: [childProcessOnDemand],
    logLevel: "warning",
  };
  await build({
    ...common,
    entryPoints: { sla: join(root, "src/cli/main.ts"), precompiled: join(root, "src/validate/precompiled.ts") },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    // bin/sla.js runs the bundle as a script, which has no import(): every import() becomes a
    // require, the built-ins' too.
    supported: { "dynamic-import": false },
    // The sources locate files from import.meta.url; in CommonJS that is the bundle's own URL.
    // "use strict" first, as the ES modules were strict: esbuild's own comes after the banner.
    define: { "import.meta.url": "__slaModuleUrl" },
    banner: { js: '"use strict";\nconst __slaModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const cli = readFileSync(join(root, "dist/bin/sla.cjs"), "utf8");
  const dynamicImport = /[^\w.$]import\(/.exec(cli);
  if (dynamicImport) throw new Error(`dist/bin/sla.cjs still holds an import() at offset ${dynamicImport.index}, which fails in a script`);
  await build({
    ...common,
    entryPoints: { "validate-worker": join(root, "src/cli/actions/validate-worker.ts") },
    format: "esm",
    // Bundled CommonJS modules (commander's dependencies) call require for Node built-ins.
    banner: { js: 'import { createRequire as __slaCreateRequire } from "node:module"; const require = __slaCreateRequire(import.meta.url);' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
