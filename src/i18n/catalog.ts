// The message catalogs: locales/<language>/messages/*.json, one file per area (cli, rules,
// schema, yaml, diff), each a flat map from message id to template (see format.ts). They are
// read on the first message worded, so a run that has nothing to say reads none.
import { readCatalogFiles } from "./catalog-files.js";
import { formatTemplate } from "./format.js";
import { languageOf, type Language } from "./languages.js";
import type { Message } from "./message.js";

export const LOCALES_DIR = new URL("../../locales/", import.meta.url);

const catalogs = new Map<Language, ReadonlyMap<string, string>>();

/** Every template of a language, by message id. */
export function catalog(language: Language): ReadonlyMap<string, string> {
  let found = catalogs.get(language);
  if (found === undefined) {
    const templates = new Map<string, string>();
    for (const entries of readCatalogFiles(language)) for (const [id, template] of Object.entries(entries)) templates.set(id, template);
    catalogs.set(language, (found = templates));
  }
  return found;
}

/**
 * The message in the locale's language; English where that language lacks it (a test keeps
 * every catalog complete), and the bare id if no catalog has it.
 */
export function word(message: Message, locale: string): string {
  const language = languageOf(locale) ?? "en";
  const template = catalog(language).get(message.id) ?? catalog("en").get(message.id);
  if (template === undefined) return message.id;
  return formatTemplate(template, message.args, language === "en" && languageOf(locale) === undefined ? "en" : locale, (nested) => word(nested, locale));
}
