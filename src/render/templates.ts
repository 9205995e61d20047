// Handlebars with the helpers of `sla render`: built-in templates under templates/, a
// team's own with `--template <dir>`. Strict mode, so a template naming a field that does
// not exist fails instead of printing nothing; prototype access stays off (the default).
import Handlebars from "handlebars";
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ReadRefusal, readBounded } from "../load/bounded-read.js";
import { MAIN_TEMPLATE, RETIRED_TEMPLATE, partialsIn } from "./template-files.js";
import type { DocumentView } from "./view-model.js";

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

/**
 * Keeps text in one Markdown table cell: its lines joined with <br>, and a pipe that is not
 * escaped yet escaped (the agreement's text already is, see util/markdown-text.ts; labels may not be).
 */
function markdownCell(text: unknown): string {
  // A block scalar (`|`) ends in a line break, which would end the cell in a stray <br>.
  return (
    String(text ?? "")
      .trimEnd()
      .replace(/(?<!\\)((?:\\\\)*)\|/g, "$1\\|")
      // A line break, hard (a backslash before it, see document-tree.ts) or not, is a <br>.
      .replace(/(?<!\\)((?:\\\\)*)\\\r?\n/g, "$1\n")
      .replace(/\r?\n/g, "<br>")
  );
}

type Root = { separator?: string; locale?: string } | undefined;

/** A helper called wrongly; the template running it adds its file (see compile). */
class HelperCallError extends Error {}

/**
 * Registers a helper that takes `arity` values (the last `optional` of them may be left
 * out): a template calling it otherwise fails at the call, with its line and column, rather
 * than with an error from inside the helper.
 */
function registerChecked(
  hb: typeof Handlebars,
  name: string,
  usage: string,
  [required, optional]: [number, number],
  fn: (values: unknown[], root: Root) => unknown,
): void {
  hb.registerHelper(name, (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    if (args.length < required || args.length > required + optional) throw new HelperCallError(`${at(options)}\`${name}\` is written ${usage}`);
    try {
      return fn(args, options.data?.root as Root);
    } catch (error) {
      if (error instanceof HelperCallError) throw new HelperCallError(`${at(options)}${error.message}`);
      throw error;
    }
  });
}

function at(options: Handlebars.HelperOptions): string {
  const loc = (options as { loc?: { start: { line: number; column: number } } }).loc;
  return loc ? `line ${loc.start.line}, column ${loc.start.column + 1}: ` : "";
}

/** The helpers, documented in the README. */
function registerHelpers(hb: typeof Handlebars): void {
  // {{join list}} uses the document's list separator; {{join list "; "}} another.
  registerChecked(hb, "join", '{{join list}} or {{join list "; "}}, with a list', [1, 1], ([items, separator], root) => {
    // Text is already joined (the view formats some lists for the locale), and null is absent.
    if (typeof items === "string") return items;
    if (items === null || items === undefined) return "";
    if (!Array.isArray(items)) throw new HelperCallError(`\`join\` takes a list, not ${typeof items}`);
    return items.join(typeof separator === "string" ? separator : (root?.separator ?? ", "));
  });
  registerChecked(hb, "cell", "{{cell text}}", [1, 0], ([text]) => markdownCell(text));
  registerChecked(hb, "eq", "{{eq a b}}", [2, 0], ([a, b]) => a === b);
  // In the document's locale: Turkish "iş" becomes "İŞ".
  registerChecked(hb, "upper", "{{upper text}}", [1, 0], ([text], root) => String(text ?? "").toLocaleUpperCase(root?.locale));
}

/** A hundred times the largest built-in template; bounds what a team's directory can make sla read. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template's text: a regular file, read to its limit at most (a link to /dev/zero is refused). */
function readTemplate(file: string): string {
  try {
    return readBounded(file, { maxBytes: MAX_TEMPLATE_BYTES, what: "template" }).toString("utf8");
  } catch (error) {
    if (error instanceof ReadRefusal) throw new TemplateError(`${file}: ${error.message}`);
    throw error;
  }
}

function compile(hb: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  const source = readTemplate(file);
  let template: HandlebarsTemplateDelegate;
  try {
    // The view's text is escaped as Markdown text before it reaches the template (document-tree.ts).
    template = hb.compile(source, { strict: true, noEscape: true });
  } catch (error) {
    throw new TemplateError(`${file}: ${describe(error as Error)}`);
  }
  // Compilation is lazy in Handlebars: syntax and field errors surface on first use, so
  // both are reported with the file they come from.
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`${file}: ${describe(error as Error)}`);
    }
  };
}

function describe(error: Error): string {
  const missing = /^"([^"]+)" not defined in .*? - (\d+):(\d+)$/.exec(error.message);
  if (missing)
    return `line ${missing[2]}, column ${Number(missing[3]) + 1}: \`${missing[1]}\` is not a field of the document here (see the template data in the README)`;
  // Parse errors: "Parse error on line 2:", the source line, a caret, then what was expected.
  const lines = error.message.split("\n");
  if (lines[0]!.startsWith("Parse error") && lines.length > 1) {
    const got = /got '([^']+)'/.exec(lines[lines.length - 1]!)?.[1];
    const what = got === "EOF" ? "the template ends inside an unclosed block" : lines[lines.length - 1]!;
    return `${lines[0]!.replace(/:$/, "")}: ${what}`;
  }
  return lines[0]!;
}

/** Renders the view with the built-in template, or the team's own from `templateDir`: Markdown. */
export function renderTemplate(view: DocumentView & { paper: string }, templateDir?: string): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const builtIn = join(BUILT_IN_TEMPLATES, "markdown");
  if (templateDir !== undefined && !(existsSync(templateDir) && statSync(templateDir).isDirectory()))
    throw new TemplateError(`${templateDir}: template directory not found`);
  if (templateDir !== undefined && existsSync(join(templateDir, RETIRED_TEMPLATE)))
    throw new TemplateError(
      `${join(templateDir, RETIRED_TEMPLATE)}: HTML templates are no longer read; ${MAIN_TEMPLATE} makes the Markdown, HTML and PDF (move your changes there)`,
    );
  const dirs = templateDir ? [builtIn, templateDir] : [builtIn];
  for (const dir of dirs) {
    for (const file of partialsIn(dir)) hb.registerPartial(basename(file, ".hbs"), compile(hb, file));
  }
  // A team's directory may hold only partials: the built-in main template then uses them.
  const own = templateDir ? join(templateDir, MAIN_TEMPLATE) : undefined;
  const main = own && existsSync(own) ? own : join(builtIn, MAIN_TEMPLATE);
  return compile(hb, main)(view);
}
