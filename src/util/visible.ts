// Text from an agreement (names, keys, values, file names) reaches terminals, CI logs and
// documents. Characters that those act on rather than show (ESC starting a terminal
// sequence, a carriage return overwriting a line, a bidirectional override reordering
// what a reader sees) are shown as escapes instead, and no line of user text may become a
// GitHub workflow command, which the runner reads from any line of a job's output: a line
// that starts with `::` once leading white space is trimmed (`::error …`, `::stop-commands::`),
// or, in the older form it still reads when that fails, one holding `##[` anywhere
// (`… ##[error]text`, `##[set-output name=x;]y`).

/**
 * C0 controls but tab, DEL, C1 controls, the Unicode line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates.
 */
const CONTROL = /[\0-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };

/** The runner trims what .NET counts as white space, which `\s` covers, before looking for `::`. */
const COMMAND_START = /^([^\S\n]*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;

const escapeOf = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One line of text as a reader should see it: controls, line breaks among them, as `\u001b`, `\n`. */
export function visible(text: string): string {
  return text.replace(CONTROL, escapeOf);
}

/** Like `visible`, for text whose line breaks are meant (a block of several lines). */
export function visibleLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeOf);
}

/**
 * JSON that prints as it parses: JSON.stringify leaves DEL, C1 controls and bidirectional
 * overrides as they are; they become `\u` escapes, so the data is unchanged for a parser.
 * The second `#` of a `##[`, which only a string can hold, becomes `\u0023` the same way, so
 * that the line is no workflow command; no JSON line starts with `::`.
 */
export function jsonVisible(json: string): string {
  return json
    .replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(LEGACY_COMMAND, "#\\u0023[");
}

/**
 * How a format writes a literal character that must not start a workflow command: with a
 * backslash, `\:` and `##\[` (text, Markdown), or as a reference, `&#58;` and `##&#91;` (XML, HTML).
 */
export type CommandEscape = "backslash" | "entity";

/**
 * No line is a GitHub workflow command: a line whose first non-blank characters are `::`
 * gets its first colon escaped, and every `##[` its bracket. For every output but the
 * github formatter's, whose own commands are the only lines that may start with `::`.
 */
export function noWorkflowCommands(text: string, escape: CommandEscape): string {
  return text.replace(COMMAND_START, escape === "backslash" ? "$1\\:" : "$1&#58;").replace(LEGACY_COMMAND, escape === "backslash" ? "##\\[" : "##&#91;");
}

/** The older form of workflow command only (`##[`), for the github formatter's own lines. */
export function noLegacyCommands(text: string): string {
  return text.replace(LEGACY_COMMAND, "##\\[");
}

/** The colour sequences sla's own paint writes (chalk, level 1): `ESC [ 31 m`. */
const COLOUR = /\x1b\[[0-9;]*m/y;

/**
 * A message for the terminal or a CI log, as a last guard on everything sla writes there:
 * colour sequences stay, other controls are shown, no line starts a workflow command. The
 * agreement's text is made visible where it is put into a message; this catches the rest.
 */
export function terminalText(text: string): string {
  let out = "";
  let last = 0;
  CONTROL_BUT_NEWLINE.lastIndex = 0;
  for (let match = CONTROL_BUT_NEWLINE.exec(text); match; match = CONTROL_BUT_NEWLINE.exec(text)) {
    COLOUR.lastIndex = match.index;
    if (match[0] === "\x1b" && COLOUR.test(text)) {
      CONTROL_BUT_NEWLINE.lastIndex = COLOUR.lastIndex;
      continue;
    }
    out += text.slice(last, match.index) + escapeOf(match[0]);
    last = match.index + 1;
  }
  return noWorkflowCommands(out + text.slice(last), "backslash");
}
