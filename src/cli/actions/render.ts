import { existsSync, statSync } from "node:fs";
import { extname, relative } from "node:path";
import type { SlaDiff } from "../../diff/index.js";
import { readAtRevision } from "../../load/git.js";
import { decodeSource } from "../../load/read-source.js";
import type { Sla } from "../../model/index.js";
import { describeProblems } from "../../validate/index.js";
import { sortFindings } from "../../findings.js";
import { loadConfig } from "../../validate/config.js";
import { checkAgreement } from "../../check.js";
import { safeLocale } from "../../domain/text.js";
import { hasBuiltInLabels } from "../../render/labels.js";
import { templateFilesIn } from "../../render/template-files.js";
import { loadPaint } from "../../format/paint.js";
import { useColor } from "../color.js";
import { UsageError } from "../../errors.js";
import { EXIT, sourceDateEpoch, readSource, refuseOutputOverInput } from "../io.js";
import { writeFileAtomic } from "../write-file.js";
import { message } from "../../i18n/message.js";
import { say, terminalLocale } from "../locale.js";

type Format = "md" | "html" | "pdf";
const EXTENSIONS: Record<string, Format> = { ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf" };

export interface RenderCliOptions {
  output?: string;
  format?: Format;
  locale?: string;
  template?: string;
  paper: "a4" | "letter";
  /** A Git revision of the file, or another file: its changes up to this version are appended. */
  changesSince?: string;
}

export async function runRender(file: string, options: RenderCliOptions): Promise<number> {
  const format = options.format ?? (options.output && options.output !== "-" ? EXTENSIONS[extname(options.output).toLowerCase()] : "md");
  if (!format) throw new UsageError(message("cli/render.unknown-format", { output: String(options.output) }));
  // A PDF on standard output suits a pipe or a redirect, never a terminal.
  if (format === "pdf" && (!options.output || options.output === "-") && process.stdout.isTTY) throw new UsageError(message("cli/render.pdf-to-terminal"));
  if (options.locale !== undefined && !safeLocale(options.locale)) throw new UsageError(message("cli/locale.malformed", { value: options.locale }));
  const config = loadConfig(process.cwd());
  const templates = options.template !== undefined ? templateFilesIn(options.template) : [];
  const earlier = options.changesSince !== undefined && isFile(options.changesSince) ? [options.changesSince] : [];
  refuseOutputOverInput(
    options.output,
    [file, ...(config.file === undefined ? [] : [relative(process.cwd(), config.file)]), ...templates, ...earlier],
    "document",
  );

  const name = file === "-" ? "<stdin>" : file;
  const { parsed, sla, findings } = checkAgreement(name, readSource(file), { config: config.config, locale: terminalLocale() });
  const errors = findings.filter((f) => f.severity === "error");
  // A currency that does not exist is a warning while the agreement is written, but every amount
  // of a signed document would be in it: render stops on it as on an error, unless the team
  // switched the rule off.
  const currency = findings.filter((f) => f.ruleId === "agreement/currency" && f.severity === "warning");
  // Only a valid agreement is rendered; errors, or else warnings, are shown as `sla validate`
  // shows them, so nobody signs a document whose warnings they never saw.
  const shown = errors.length ? [...errors, ...currency] : findings;
  if (shown.length) {
    const { formatStylish } = await import("../../format/stylish.js");
    process.stderr.write(
      formatStylish([{ file: name, findings: sortFindings(shown) }], {
        paint: await loadPaint(useColor(process.stderr, undefined)),
        sources: new Map([[name, parsed.text]]),
        locale: terminalLocale(),
      }),
    );
  }
  if (errors.length || !sla) {
    process.stderr.write(`sla: ${say(message("cli/render.not-valid", { file: name }))}\n`);
    return EXIT.findings;
  }
  if (currency.length) {
    process.stderr.write(`sla: ${say(message("cli/render.currency", { file: name }))}\n`);
    return EXIT.findings;
  }
  const language = options.locale ?? sla.agreement.language;
  // A team's own templates may not use the built-in labels at all.
  if (options.template === undefined && safeLocale(language) && !hasBuiltInLabels(language))
    process.stderr.write(`sla: ${say(message("cli/render.no-labels", { language }))}\n`);

  const changes = options.changesSince === undefined ? undefined : await changesSince(options.changesSince, file, name, sla);
  const { renderDocument, TemplateError } = await import("../../render/index.js");
  let output: string | Buffer;
  try {
    output = await renderDocument(sla, {
      format,
      locale: options.locale,
      templateDir: options.template,
      paper: options.paper === "letter" ? "Letter" : "A4",
      date: sourceDateEpoch(),
      changes,
      onMissingGlyphs: (chars) => process.stderr.write(`sla: ${say(message("cli/render.missing-glyphs", { count: chars.length, chars: chars.join(" ") }))}\n`),
    });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(message("cli/render.template-error", { detail: error.message }));
    throw error;
  }
  if (!options.output || options.output === "-") process.stdout.write(output);
  else {
    await writeFileAtomic(options.output, output);
    process.stderr.write(`${say(message("cli/render.wrote", { file: options.output }))}\n`);
  }
  return EXIT.ok;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * The changes from the earlier version to this one, as `sla diff` finds them: `since` is a
 * file, or else a Git revision of the file rendered. The earlier side must be well-formed.
 */
async function changesSince(since: string, file: string, name: string, sla: Sla): Promise<SlaDiff> {
  let side: { name: string; text: string; command: string };
  if (isFile(since)) side = { name: since, text: readSource(since), command: `sla validate ${since}` };
  else {
    if (file === "-") throw new UsageError(message("cli/render.changes-since-stdin", { rev: since }));
    const at = `${file}@${since}`;
    side = { name: at, text: decodeSource(at, readAtRevision(since, file, process.cwd())), command: `git show ${since}:${file} | sla validate -` };
  }
  const locale = terminalLocale();
  const earlier = checkAgreement(side.name, side.text, { level: "structure", locale });
  const problem = describeProblems(side.name, earlier.findings, message("cli/see-all", { command: side.command }), locale);
  if (problem || !earlier.sla) throw new UsageError(message("cli/diff.cannot-compare", { problem: problem ?? side.name }));
  const { diffSla } = await import("../../diff/index.js");
  return diffSla({ file: side.name, sla: earlier.sla }, { file: name, sla });
}
