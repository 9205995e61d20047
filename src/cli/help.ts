// `sla --help` in the terminal's language. Commands, options and arguments are registered with
// a message id (`cli/help.…`) for their description; it is worded only when help is shown, so
// that the many runs that show none read no catalog for it. commander's own words (its titles,
// the help and version options, "choices" and "default") are worded here too.
import { Help, type Argument, type Command, type Option } from "commander";
import { stripVTControlCharacters } from "node:util";
import { message, type MessageArgs } from "../i18n/message.js";
import { say } from "./locale.js";

const PREFIX = "cli/help.";
const helpArgs = new Map<string, MessageArgs>();

/** A description by message id, with the arguments its wording takes. */
export function helpText(id: `cli/help.${string}`, args?: MessageArgs): string {
  if (args !== undefined) helpArgs.set(id, args);
  return id;
}

/** A description as shown: worded when it is a help message id, else as given (a list of words). */
export function wordHelp(text: string): string {
  return text.startsWith(PREFIX) ? say(message(text, helpArgs.get(text))) : text;
}

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "cli/help.title.usage",
  "Arguments:": "cli/help.title.arguments",
  "Options:": "cli/help.title.options",
  "Commands:": "cli/help.title.commands",
};

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export class SlaHelp extends Help {
  override commandDescription(cmd: Command): string {
    return wordHelp(super.commandDescription(cmd));
  }

  override subcommandDescription(cmd: Command): string {
    return wordHelp(super.subcommandDescription(cmd));
  }

  override optionDescription(option: Option): string {
    const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
    return described(option.description, option.argChoices, shown ? option.defaultValue : undefined, option.defaultValueDescription);
  }

  override argumentDescription(argument: Argument): string {
    return described(argument.description, argument.argChoices, argument.defaultValue, argument.defaultValueDescription);
  }

  /** Columns on the terminal: a wide character (Japanese, full-width forms) takes two. */
  override displayWidth(text: string): number {
    let width = 0;
    for (const c of stripVTControlCharacters(text)) width += WIDE.test(c) ? 2 : 1;
    return width;
  }

  override styleTitle(title: string): string {
    const id = TITLES[title];
    return id === undefined ? title : say(message(id));
  }
}

function described(description: string, choices: readonly string[] | undefined, value: unknown, valueDescription: string | undefined): string {
  const extra: string[] = [];
  if (choices) extra.push(say(message("cli/help.choices", { choices: choices.map((c) => JSON.stringify(c)).join(", ") })));
  if (value !== undefined) extra.push(say(message("cli/help.default", { value: valueDescription || JSON.stringify(value) })));
  const worded = description ? wordHelp(description) : "";
  return [worded, extra.length > 0 ? `(${extra.join(", ")})` : ""].filter(Boolean).join(" ");
}
