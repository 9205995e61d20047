import { readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ReadRefusal, describeIoError, readBounded } from "../load/bounded-read.js";
import { MAX_SOURCE_BYTES, decodeSource } from "../load/read-source.js";
import { SourceError, UsageError } from "../errors.js";
import { message } from "../i18n/message.js";
import type { Sla } from "../model/index.js";

export { EXIT } from "./exit.js";
export { describeIoError };

/**
 * Reads a file (or `-` for standard input) as SLA text; SourceError explains refusals.
 * `within`: the real path of the folder the file was found in, which it must not link out of.
 */
export function readSource(file: string, within?: string): string {
  const name = file === "-" ? "<stdin>" : file;
  let bytes: Buffer;
  try {
    bytes = readBounded(file, { maxBytes: MAX_SOURCE_BYTES, what: "sla-file", within });
  } catch (error) {
    if (error instanceof ReadRefusal) throw new SourceError(name, error.said);
    throw error;
  }
  return decodeSource(name, bytes);
}

/**
 * Refuses `-o` naming a file the command reads (an SLA file, the rule configuration, the
 * cache) or whose Git revisions it compares: the report would replace what it is about.
 */
export function refuseOutputOverInput(output: string | undefined, inputs: readonly string[], what: "report" | "document" | "diff"): void {
  if (output === undefined || output === "-") return;
  const isOutput = sameFileAs(output);
  const input = inputs.find((file) => file !== "-" && isOutput(file));
  if (input !== undefined) throw new UsageError(message("cli/output-over-input", { what, input }));
}

/**
 * The exports the agreement's `reporting.sources` names and the command line does not: inputs
 * too, which -o never replaces whatever its spelling. Shown relative to the working directory.
 */
export function agreementExports(sla: Sla, baseDir: string, named: { leads?: string; deals?: string; actuals?: string }): string[] {
  return (["leads", "deals", "actuals"] as const).flatMap((kind) => {
    const file = sla.reporting?.sources?.[kind]?.file;
    return named[kind] === undefined && file !== undefined ? [relative(process.cwd(), resolve(baseDir, file)) || "."] : [];
  });
}

/**
 * Whether a path names the same file as `path`. Existing files are compared by identity, so
 * another spelling (`./sla.yaml`, `docs/../sla.yaml`, an absolute path), a symbolic or hard
 * link, or other letter case on a case-insensitive disk is the same file. A file that does not
 * exist (a compared file deleted from the working copy) is compared by its path, links resolved.
 */
function sameFileAs(path: string): (other: string) => boolean {
  const stats = statIfAny(path);
  if (stats !== undefined) {
    return (other) => {
      const otherStats = statIfAny(other);
      return otherStats !== undefined && otherStats.dev === stats.dev && otherStats.ino === stats.ino;
    };
  }
  const canonical = canonicalPath(path);
  return (other) => statIfAny(other) === undefined && canonicalPath(other) === canonical;
}

/** The absolute path of a file that may not exist, with the links on the way resolved. */
function canonicalPath(path: string, hops = 0): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    // Not there (yet): a dangling link leads to its target, anything else to its directory.
  }
  const link = hops < 40 ? readlinkIfAny(absolute) : undefined;
  if (link !== undefined) return canonicalPath(resolve(dirname(absolute), link), hops + 1);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(canonicalPath(parent, hops), basename(absolute));
}

function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readlinkIfAny(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

const LAST_PDF_SECOND = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** SOURCE_DATE_EPOCH (reproducible-builds.org), when set, dates the PDF. */
export function sourceDateEpoch(): Date | undefined {
  const value = process.env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === "") return undefined;
  const seconds = Number(value);
  // A PDF date has four digits for the year: the last second it can say is 9999-12-31T23:59:59Z.
  if (!/^\d+$/.test(value) || seconds > LAST_PDF_SECOND)
    throw new UsageError(message("cli/render.source-date-epoch", { most: String(LAST_PDF_SECOND), value }));
  return new Date(seconds * 1000);
}
