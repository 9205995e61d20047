// The precompiled schema validator and the V8 code cache the build writes beside it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { codeCacheFor, codeCachePath, compileCommonJs, loadPrecompiled, runCommonJs } from "../../src/validate/precompiled.js";
import { ROOT } from "../helpers/cli.js";

const BUILT = join(ROOT, "dist/validate/schema-validator.cjs");
const EXAMPLE = parse(readFileSync(join(ROOT, "sla.example.yaml"), "utf8")) as unknown;

// Copies live under node_modules, where the validator's own `require`s still resolve.
const SCRATCH = join(ROOT, "node_modules/.cache");
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the built validator and its cache in a fresh directory. */
function copyBuilt(): string {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, "sla-precompiled-"));
  copies.push(dir);
  const file = join(dir, "schema-validator.cjs");
  copyFileSync(BUILT, file);
  copyFileSync(codeCachePath(BUILT), codeCachePath(file));
  return file;
}

describe("the precompiled validator", () => {
  it("comes with a code cache for its own source, which V8 takes", () => {
    const source = readFileSync(BUILT, "utf8");
    const cache = codeCacheFor(BUILT, source);
    expect(cache).toBeDefined();
    const { exports: validate, script } = runCommonJs(BUILT, source, cache);
    expect(script.cachedDataRejected).toBe(false);
    expect((validate as (data: unknown) => boolean)(EXAMPLE)).toBe(true);
    expect((validate as (data: unknown) => boolean)({ apiVersion: "nope" })).toBe(false);
  });

  it("the bundled CLI comes with a code cache for its own source, which V8 takes", () => {
    const cli = join(ROOT, "dist/bin/sla.cjs");
    const source = readFileSync(cli, "utf8");
    const cache = codeCacheFor(cli, source);
    expect(cache).toBeDefined();
    expect(compileCommonJs(cli, source, cache).cachedDataRejected).toBe(false);
    // Strict, as the ES modules it was built from: the directive opens the code after the stamp.
    expect(source.split("\n")[1]).toBe('"use strict";');
  });

  it("leaves out a cache made for another source", () => {
    const file = copyBuilt();
    const cache = readFileSync(codeCachePath(file));
    writeFileSync(codeCachePath(file), Buffer.concat([Buffer.from("another-stamp"), cache.subarray(cache.indexOf(0x0a))]));
    expect(codeCacheFor(file, readFileSync(file, "utf8"))).toBeUndefined();
    expect(loadPrecompiled<(data: unknown) => boolean>(file)(EXAMPLE)).toBe(true);
  });

  it("works without a cache, and with one V8 refuses", () => {
    const file = copyBuilt();
    const source = readFileSync(file, "utf8");
    const stamp = readFileSync(codeCachePath(file)).subarray(0, readFileSync(codeCachePath(file)).indexOf(0x0a) + 1);
    writeFileSync(codeCachePath(file), Buffer.concat([stamp, Buffer.from("not a code cache")]));
    const { exports: validate, script } = runCommonJs(file, source, codeCacheFor(file, source));
    expect(script.cachedDataRejected).toBe(true);
    expect((validate as (data: unknown) => boolean)(EXAMPLE)).toBe(true);
    writeFileSync(file, source.replace(/^\/\/ stamp .*\n/, ""));
    expect(codeCacheFor(file, readFileSync(file, "utf8"))).toBeUndefined();
    expect(loadPrecompiled<(data: unknown) => boolean>(file)(EXAMPLE)).toBe(true);
  });
});
