// The language of what sla says on the terminal: the command's `--locale` when it names a
// language sla speaks, else the user's (LC_ALL, LC_MESSAGES, LANG), else English. Read from
// the arguments before commander parses them, so that commander's own errors, and errors in
// parsing the other options, are worded in it too. A malformed `--locale` is a usage error,
// worded in the environment's language.
import { word } from "../i18n/catalog.js";
import { Option } from "commander";
import { LANGUAGES, environmentLocale, languageOf, parseLocaleOption } from "../i18n/languages.js";
import { completeWith } from "./completion.js";
import type { Message } from "../i18n/message.js";
import { safeLocale } from "../domain/text.js";

let chosen: string | undefined;

/** The locale terminal messages are worded in. */
export function terminalLocale(): string {
  return (chosen ??= localeFromArguments(process.argv.slice(2)) ?? environmentLocale());
}

/** A message worded for the terminal. */
export function say(said: Message): string {
  return word(said, terminalLocale());
}

/** The last `--locale` before `--` (commander's rule: the last one given wins), when sla speaks it. */
export function localeFromArguments(args: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") break;
    if (arg === "--locale") value = args[++i];
    else if (arg.startsWith("--locale=")) value = arg.slice("--locale=".length);
  }
  const tag = safeLocale(value);
  return tag !== undefined && languageOf(tag) !== undefined ? tag : undefined;
}

/** `--locale`, as every command takes it: the language of what sla says (checked as it is parsed). */
export function localeOption(): Option {
  return completeWith(new Option("--locale <tag>", "cli/help.locale").argParser(parseLocaleOption), LANGUAGES);
}
