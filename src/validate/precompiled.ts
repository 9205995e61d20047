// Loads CommonJS code that the build generated (the bundled CLI, the schema validator), with
// the V8 code cache that scripts/code-cache.mjs writes beside it. Compiling them, and each of
// their functions on first call, took a third of what a one-file `sla validate` adds to Node's
// start-up; from the cache V8 takes the compiled code as it was after validating the example.
//
// The cache is used only with the build that made it: its first line is the stamp (a hash of
// the generated code) that the build also writes as the first line of the source. V8 itself
// refuses a cache made by another V8 version, with other flags, or for a source of another
// length; the code is then compiled as if there were no cache. Nothing hashes the source at
// run time (loading node:crypto would cost what the cache saves), so a hand edit of the
// built file that kept its length and stamp would run the cached code: rebuild instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

type CommonJsWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** The code cache of `file`: the same path with `.cache` for `.cjs`. */
export function codeCachePath(file: string): string {
  return file.replace(/\.cjs$/, "") + ".cache";
}

/** What `require(file)` gives, compiled with the build's code cache when it fits. */
export function loadPrecompiled<T>(file: string): T {
  const source = readFileSync(file, "utf8");
  return runCommonJs(file, source, codeCacheFor(file, source)).exports as T;
}

/**
 * Runs a CommonJS file as `require` would, and returns its exports with the script (whose
 * code cache the build takes). The build and loadPrecompiled must wrap the source alike.
 */
export function runCommonJs(file: string, source: string, cachedData?: Buffer): { exports: unknown; script: Script } {
  const script = compileCommonJs(file, source, cachedData);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** The source wrapped as Node wraps a CommonJS file, compiled (V8 says whether it took the cache). */
export function compileCommonJs(file: string, source: string, cachedData?: Buffer): Script {
  return new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
}

/** The build's code cache for this source of `file`, or undefined when there is none for it. */
export function codeCacheFor(file: string, source: string): Buffer | undefined {
  const stamp = /^\/\/ stamp (\S+)\n/.exec(source)?.[1];
  if (stamp === undefined) return undefined;
  let cache: Buffer;
  try {
    cache = readFileSync(codeCachePath(file));
  } catch {
    return undefined;
  }
  const newline = cache.indexOf(0x0a);
  return newline > 0 && cache.toString("latin1", 0, newline) === stamp ? cache.subarray(newline + 1) : undefined;
}
