import { readFileSync } from "node:fs";

let version: string | undefined;
/** The version in package.json, read once and only when asked for. */
export function toolVersion(): string {
  return (version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version);
}
