// Reading a language's message files, apart from catalog.ts so that the GitHub Action's bundle
// (scripts/build-action.mjs) can hold them inlined: it runs without the package's files.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const LOCALES = new URL("../../locales/", import.meta.url);

/** The maps of locales/<language>/messages/*.json, in file-name order. */
export function readCatalogFiles(language: string): Record<string, string>[] {
  const dir = new URL(`${language}/messages/`, LOCALES);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .sort()
    : [];
  return files.map((file) => JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Record<string, string>);
}
