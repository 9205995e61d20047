// Build: compile TypeScript (the library and its types), precompile the schema validator so
// `sla validate` never compiles a schema at start-up, and bundle the CLI into one CommonJS file
// with a V8 code cache, so that starting it neither loads some two hundred files nor compiles
// what it runs.
// `node scripts/build.mjs types` regenerates the model types from the schema (committed; a
// test fails when they are stale).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const schemaPath = join(root, "schemas/sla.schema.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

export async function generateModelTypes() {
  const { compile } = await import("json-schema-to-typescript");
  const banner =
    "/* Generated from schemas/sla.schema.json by scripts/build.mjs. Do not edit: change the schema and run `npm run build`. */";
  return compile(schema, "Sla", {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: false, printWidth: 100 },
    cwd: join(root, "schemas"),
  });
}

function compileValidator() {
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

/**
 * V8's code cache of a generated CommonJS file, taken after it has validated the example so
 * that it holds the functions a validation compiles. It is run by the same code that loads it
 * at run time (src/validate/precompiled.ts, compiled to dist/ just before); V8 refuses the
 * cache under another Node version.
 */
async function codeCache(file) {
  const { runCommonJs } = await import(pathToFileURL(join(root, "dist/validate/precompiled.js")).href);
  const { exports: validate, script } = runCommonJs(file, readFileSync(file, "utf8"));
  const example = require("yaml").parse(readFileSync(join(root, "sla.example.yaml"), "utf8"));
  if (validate(example) !== true) throw new Error("the precompiled validator rejects sla.example.yaml");
  return script.createCachedData();
}

async function main() {
  if (process.argv[2] === "types") {
    writeFileSync(join(root, "src/model/sla.generated.ts"), await generateModelTypes());
    return;
  }
  rmSync(join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], {
    stdio: "inherit",
  });

  const outDir = join(root, "dist/validate");
  mkdirSync(outDir, { recursive: true });
  const validator = join(outDir, "schema-validator.cjs");
  const code = compileValidator();
  // The stamp, a hash of the code, is written into both files: src/validate/precompiled.ts
  // uses the cache only with the source that carries the same stamp.
  const stamp = createHash("sha1").update(code).digest("base64url");
  writeFileSync(validator, `// stamp ${stamp}\n${code}`);
  writeFileSync(validator.replace(/\.cjs$/, ".cache"), Buffer.concat([Buffer.from(`${stamp}\n`), await codeCache(validator)]));
  await bundleCli();
  await cacheCli();
  writeFileSync(join(root, "dist/build-id.txt"), buildId());
}

/**
 * A hash of everything the CLI runs that is built here: the bundle, the validator and the
 * schema. `sla validate --cache` trusts a remembered verdict only from the same build.
 */
function buildId() {
  const hash = createHash("sha1");
  const bundle = join(root, "dist/bin");
  for (const file of readdirSync(bundle).sort()) hash.update(file).update(readFileSync(join(bundle, file)));
  hash.update(readFileSync(join(root, "dist/validate/schema-validator.cjs"))).update(readFileSync(schemaPath));
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
 * dist/bin/sla.cjs: the CLI, our code with lightning-yaml, commander, chalk and tinyglobby, in
 * one CommonJS file that bin/sla.js runs with a V8 code cache (dist/bin/sla.cache). Node
 * starts CommonJS faster than ES modules, and the cache spares compiling what a run uses:
 * together a third of what `sla validate` adds to Node's own start-up. A command's code still
 * runs only when the command does. The PDF engine, fonts and Handlebars stay in node_modules
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
    external: ["pdfkit", "fontkit", "handlebars", "yaml"],
    plugins: [childProcessOnDemand],
    logLevel: "warning",
  };
  await build({
    ...common,
    entryPoints: { sla: join(root, "src/cli/main.ts"), precompiled: join(root, "src/validate/precompiled.ts") },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    // The sources locate files from import.meta.url; in CommonJS that is the bundle's own URL.
    define: { "import.meta.url": "__slaModuleUrl" },
    banner: { js: 'const __slaModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: { "validate-worker": join(root, "src/cli/actions/validate-worker.ts") },
    format: "esm",
    // Bundled CommonJS modules (commander's dependencies, yaml) call require for Node built-ins.
    banner: { js: 'import { createRequire as __slaCreateRequire } from "node:module"; const require = __slaCreateRequire(import.meta.url);' },
  });
}

/**
 * Stamps the bundled CLI and writes its code cache, taken after the CLI has validated the
 * example in this process, so that it holds what a validation compiles.
 */
async function cacheCli() {
  const bundle = join(root, "dist/bin/sla.cjs");
  const code = readFileSync(bundle, "utf8");
  // bin/sla.js runs the bundle as a script, where import() fails: esbuild turns imports of
  // bundled modules and packages into require, but leaves import() of a Node built-in.
  const dynamicImport = /[^\w.$]import\(\s*["'`]([^"'`]*)/.exec(code);
  if (dynamicImport) throw new Error(`dist/bin/sla.cjs imports ${dynamicImport[1]} with import(), which fails in a script: use createRequire`);
  const stamp = createHash("sha1").update(code).digest("base64url");
  writeFileSync(bundle, `// stamp ${stamp}\n${code}`);
  const { runCommonJs, codeCachePath } = await import(pathToFileURL(join(root, "dist/validate/precompiled.js")).href);
  const argv = process.argv;
  process.argv = [process.execPath, bundle, "validate", "--quiet", join(root, "sla.example.yaml")];
  try {
    const { exports: cli, script } = runCommonJs(bundle, readFileSync(bundle, "utf8"));
    await cli.done;
    if (process.exitCode) throw new Error(`the bundled CLI failed on sla.example.yaml (exit code ${process.exitCode})`);
    writeFileSync(codeCachePath(bundle), Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()]));
  } finally {
    process.argv = argv;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
