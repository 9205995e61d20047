// The message catalogs: locales/<language>/messages/*.json, one file per area (cli, rules,
// schema, yaml, diff), each a flat map from message id to template (see format.ts). They are
// read on the first message worded, and only the area's file where the id names its area, so a
// run that has nothing to say reads none and a valid file's summary reads one.
import { catalogAreas, readCatalogFile } from "./catalog-files.js";
import { formatTemplate } from "./format.js";
import { languageOf, type Language } from "./languages.js";
import type { Message } from "./message.js";

export const LOCALES_DIR = new URL("../../locales/", import.meta.url);

const catalogs = new Map<Language, ReadonlyMap<string, string>>();
const areas = new Map<string, Readonly<Record<string, string>> | undefined>();

/** Every template of a language, by message id. */
export function catalog(language: Language): ReadonlyMap<string, string> {
  let found = catalogs.get(language);
  if (found === undefined) {
    const templates = new Map<string, string>();
    for (const area of catalogAreas(language)) for (const [id, template] of Object.entries(areaOf(language, area) ?? {})) templates.set(id, template);
    catalogs.set(language, (found = templates));
  }
  return found;
}

/** The areas whose ids carry their name (`cli/…`, `diff/…`); a rule's id names its own area. */
const NAMED_AREAS = new Set(["calendar", "cli", "diff", "plan", "report", "schema", "source", "yaml"]);

function areaOf(language: Language, area: string): Readonly<Record<string, string>> | undefined {
  const key = `${language}/${area}`;
  if (!areas.has(key)) areas.set(key, readCatalogFile(language, area));
  return areas.get(key);
}

/** A template: from the one file its id points at when that holds it, else from all of them. */
function template(language: Language, id: string): string | undefined {
  const prefix = id.slice(0, id.indexOf("/"));
  const guess = areaOf(language, NAMED_AREAS.has(prefix) ? prefix : "rules");
  return guess !== undefined && Object.hasOwn(guess, id) ? guess[id] : catalog(language).get(id);
}

/**
 * The message in the locale's language; English where that language lacks it (a test keeps
 * every catalog complete), and the bare id if no catalog has it.
 */
export function word(message: Message, locale: string): string {
  const language = languageOf(locale) ?? "en";
  const found = template(language, message.id) ?? template("en", message.id);
  if (found === undefined) return message.id;
  return formatTemplate(found, message.args, language === "en" && languageOf(locale) === undefined ? "en" : locale, (nested) => word(nested, locale));
}
