// Errors that end a command with exit code 2 and one clear line. Kept apart from the code
// that throws them so the CLI can tell them apart without loading that code.
//
// Each carries its message as data (an id in locales/<language>/messages/cli.json and its
// arguments); `.message` is the English wording, for library users and stack traces. The CLI
// words `messageId` and `args` in the reader's language (src/cli/main.ts).
import { word } from "./i18n/catalog.js";
import type { Message, MessageArgs } from "./i18n/message.js";

/** An error whose message is an id with arguments, worded in English as `.message`. */
export class SlaError extends Error {
  readonly messageId: string;
  readonly args: MessageArgs;

  /** A plain string is kept as it is in every language (`cli/text`): code not yet worded by the catalogs. */
  constructor(said: Message | string) {
    const data: Message = typeof said === "string" ? { id: "cli/text", args: { text: said } } : said;
    super(word(data, "en"));
    this.messageId = data.id;
    this.args = data.args ?? {};
  }

  /** The message as data, to word in another language. */
  get said(): Message {
    return { id: this.messageId, args: this.args };
  }
}

/** A file that cannot be read as SLA text: missing, binary, not UTF-8, too large. */
export class SourceError extends SlaError {
  constructor(
    readonly file: string,
    said: Message | string,
  ) {
    super(said);
    this.name = "SourceError";
  }
}

/** Arguments that name no usable input: a missing path, a pattern matching nothing. */
export class InputError extends SlaError {
  constructor(said: Message | string) {
    super(said);
    this.name = "InputError";
  }
}

/** A rule configuration (`.slarc.yaml`) that cannot be used; `line` and `column` are 1-based. */
export class ConfigError extends SlaError {
  constructor(
    readonly file: string,
    said: Message | string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(said);
    this.name = "ConfigError";
  }

  /** `file:line:column`, or the file alone when the problem has no place. */
  get place(): string {
    return this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** A problem with how sla was called, or with writing its output. */
export class UsageError extends SlaError {
  constructor(said: Message | string) {
    super(said);
    this.name = "UsageError";
  }
}

/**
 * Packages a command needs that are not installed: the optional dependencies, which an
 * install may leave out. The message says how to install them.
 */
export class MissingPackageError extends SlaError {
  constructor(
    readonly packages: string[],
    said: Message | string,
  ) {
    super(said);
    this.name = "MissingPackageError";
  }
}
