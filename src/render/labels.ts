// Built-in document labels per language, in locales/<language>/labels.json beside the
// language's messages. A missing label falls back to English, so a partial translation still
// renders.
import { existsSync, readFileSync } from "node:fs";
import { LOCALES_DIR } from "../i18n/catalog.js";
import { LANGUAGES } from "../i18n/languages.js";

export type Labels = {
  document: Record<string, string>;
  sections: Record<string, string>;
  fields: Record<string, string>;
  values: Record<string, string>;
};

/** The languages locales/ holds labels for (a test keeps the two equal). */
export const BUILT_IN_LANGUAGES: readonly string[] = LANGUAGES;

function read(language: string): Partial<Labels> | undefined {
  const file = new URL(`${language}/labels.json`, LOCALES_DIR);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Labels>) : undefined;
}

/** Whether locales/ has the labels of the locale's language (else English is used). */
export function hasBuiltInLabels(locale: string): boolean {
  return BUILT_IN_LANGUAGES.includes(locale.split("-")[0]!.toLowerCase());
}

export function loadLabels(locale: string): Labels {
  const english = read("en") as Labels;
  const own = read(locale.split("-")[0]!.toLowerCase()) ?? {};
  return {
    document: { ...english.document, ...own.document },
    sections: { ...english.sections, ...own.sections },
    fields: { ...english.fields, ...own.fields },
    values: { ...english.values, ...own.values },
  };
}

/** The agreement's title with its version, as the running footer and the report's heading show it. */
export function titleWithVersion(title: string, version: string, labels: Labels): string {
  return `${title} · ${labels.document.version} ${version}`;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
