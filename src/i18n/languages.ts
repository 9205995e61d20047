// The languages sla speaks: one folder each under locales/, holding the document's labels and
// every message. A test holds this list to the folders, and every folder to the same keys.
import { safeLocale } from "../domain/text.js";
import { UsageError } from "../errors.js";
import { message } from "./message.js";

export const LANGUAGES = ["en", "de", "tr", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of a tag when sla speaks it (`de-AT` is German), else undefined. */
export function languageOf(tag: string | undefined): Language | undefined {
  const base = safeLocale(tag)?.split("-")[0]?.toLowerCase();
  return LANGUAGES.find((language) => language === base);
}

/** `--locale`: a tag sla speaks, or a usage error that says which it speaks. */
export function parseLocaleOption(value: string): string {
  return parseLanguageTag(value, "cli/locale.malformed", "cli/locale.unsupported").tag;
}

/**
 * A language tag given on the command line, and the language of it sla speaks; a usage error
 * worded by the option's own messages (`malformed` with `value`, `unsupported` with `value`
 * and `languages`) when it is not a tag or names no language sla speaks.
 */
export function parseLanguageTag(value: string, malformed: string, unsupported: string): { tag: string; language: Language } {
  const tag = safeLocale(value);
  if (tag === undefined) throw new UsageError(message(malformed, { value }));
  const language = languageOf(tag);
  if (language === undefined) throw new UsageError(message(unsupported, { value, languages: LANGUAGES.join(", ") }));
  return { tag, language };
}

/**
 * The user's language for terminal messages, from the POSIX variables in their order of
 * precedence (`tr_TR.UTF-8` is Turkish; `C` and `POSIX` are English), else English.
 */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (!value) continue;
    // The first variable that is set decides, as in setlocale(3), even if sla does not speak it.
    const tag = value.split(/[.@]/)[0]!.replace(/_/g, "-");
    return languageOf(tag) ? safeLocale(tag)! : "en";
  }
  return "en";
}
