import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let version: string | undefined;
/** The version in package.json, read once and only when asked for. */
export function toolVersion(): string {
  return (version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version);
}

/**
 * The hash of the build (scripts/build.mjs writes it beside the bundle), or undefined when
 * sla runs from sources that were not built that way.
 */
export function buildId(): string | undefined {
  try {
    return readFileSync(createRequire(import.meta.url).resolve("#build-id"), "utf8").trim();
  } catch {
    return undefined;
  }
}
