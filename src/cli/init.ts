import type { Command } from "commander";
import { Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_URL } from "../validate/schema-location.js";
import { UsageError } from "../errors.js";
import { environmentLocale, languageOf, LANGUAGES, parseLanguageTag, type Language } from "../i18n/languages.js";
import { completeWith } from "./completion.js";
import { writeFileAtomic } from "./write-file.js";
import { message } from "../i18n/message.js";
import { localeOption, say } from "./locale.js";
import { helpText } from "./help.js";

/**
 * The starter agreement of each language: English is the shipped example, every other
 * language a faithful translation of it kept in its own folder beside its labels and messages.
 */
function starterUrl(language: Language): URL {
  return language === "en" ? new URL("../../sla.example.yaml", import.meta.url) : new URL(`../../locales/${language}/starter.sla.yaml`, import.meta.url);
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("cli/help.init")
    .argument("[file]", "cli/help.init.file", "sla.yaml")
    .addOption(
      completeWith(
        new Option("--language <language>", helpText("cli/help.init.language", { languages: LANGUAGES.join(", ") })).argParser(parseLanguageOption),
        LANGUAGES,
      ),
    )
    .option("--force", "cli/help.init.force")
    .addOption(localeOption())
    .action(async (file: string, options: { force?: boolean; language?: Language }) => {
      const target = resolve(file);
      if (existsSync(target) && !options.force) throw new UsageError(message("cli/init.exists", { file }));
      if (!existsSync(dirname(target)))
        throw new UsageError(message("cli/write.failed", { file, reason: message("cli/write.no-directory", { directory: dirname(file) }) }));
      const language = options.language ?? languageOf(environmentLocale()) ?? "en";
      const schema = await schemaReference(target, options.force === true);
      await writeFileAtomic(target, starterText(readFileSync(starterUrl(language), "utf8"), schema.path, file));
      process.stdout.write(
        `${say(schema.copied ? message("cli/init.created-with-schema", { file, schema: schema.copied }) : message("cli/init.created", { file }))}\n`,
      );
    });
}

/** `--language`: one of the languages sla has a starter in (`de-AT` is German), else a usage error. */
export function parseLanguageOption(value: string): Language {
  return parseLanguageTag(value, "cli/init.language-malformed", "cli/init.language-unknown").language;
}

/**
 * The starter as written for the user: the editor's schema line points at `schema`, and the
 * comment that says how to validate it names the file just written, not the shipped one.
 */
export function starterText(starter: string, schema: string, file: string): string {
  const header = starter.slice(0, starter.search(/^apiVersion:/m));
  const command = `\`sla validate ${shellWord(file.split("\\").join("/"))}\``;
  const comments = header
    .replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`)
    .replace(/`sla validate [^`]*`/g, command);
  return comments + starter.slice(header.length);
}

/** The file name as one shell word, quoted only when it needs to be. */
function shellWord(name: string): string {
  return /^[\w@%+=:,./-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

/**
 * The schema path for the editor line: the installed package's schema when sla is installed
 * inside the project (node_modules/sla/...), which teammates have too; otherwise a copy written
 * beside the file, as a path into a global install would break on every other machine.
 */
async function schemaReference(target: string, force: boolean): Promise<{ path: string; copied?: string }> {
  const installed = relative(dirname(target), fileURLToPath(SCHEMA_URL)).split("\\").join("/");
  if (/^(\.\/)?node_modules\//.test(installed)) return { path: `./${installed.replace(/^\.\//, "")}` };
  const copy = resolve(dirname(target), "sla.schema.json");
  const name = relative(process.cwd(), copy) || "sla.schema.json";
  if (existsSync(copy) && !force) return { path: "./sla.schema.json" };
  await writeFileAtomic(copy, readFileSync(SCHEMA_URL, "utf8"));
  return { path: "./sla.schema.json", copied: name };
}
