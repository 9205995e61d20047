// Reading a language's message files, apart from catalog.ts so that the GitHub Action's bundle
// (scripts/build-action.mjs) can hold them inlined: it runs without the package's files.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const LOCALES = new URL("../../locales/", import.meta.url);

/** The areas of a language's messages: the names of locales/<language>/messages/*.json. */
export function catalogAreas(language: string): string[] {
  const dir = new URL(`${language}/messages/`, LOCALES);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .map((file) => file.slice(0, -".json".length))
        .sort()
    : [];
}

/** One area's templates by message id, or undefined when the language has no such file. */
export function readCatalogFile(language: string, area: string): Record<string, string> | undefined {
  const file = new URL(`${language}/messages/${area}.json`, LOCALES);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : undefined;
}
