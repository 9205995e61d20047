// Errors that end a command with exit code 2 and one clear line. Kept apart from the code
// that throws them so the CLI can tell them apart without loading that code.

/** A file that cannot be read as SLA text: missing, binary, not UTF-8, too large. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

/** Arguments that name no usable input: a missing path, a pattern matching nothing. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** A rule configuration (`.slarc.yaml`) that cannot be used; `line` and `column` are 1-based. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "ConfigError";
  }

  /** `file:line:column`, or the file alone when the problem has no place. */
  get place(): string {
    return this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** A problem with how sla was called, or with writing its output. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Packages a command needs that are not installed: the optional dependencies, which an
 * install may leave out. The message says how to install them.
 */
export class MissingPackageError extends Error {
  constructor(
    readonly packages: string[],
    message: string,
  ) {
    super(message);
    this.name = "MissingPackageError";
  }
}
