import { readFileSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { decodeSource } from "../load/read-source.js";
import { SourceError, UsageError } from "../errors.js";

export { EXIT } from "./exit.js";

/** Reads a file (or `-` for standard input) as SLA text; SourceError explains refusals. */
export function readSource(file: string): string {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? readStdin() : readFileSync(file);
  } catch (error) {
    throw new SourceError(file === "-" ? "<stdin>" : file, describeIoError(error));
  }
  return decodeSource(file === "-" ? "<stdin>" : file, bytes);
}

function readStdin(): Buffer {
  // Synchronous read of fd 0 works for pipes and redirected files alike; the size limit is
  // enforced by decodeSource.
  return readFileSync(0);
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    default:
      return (error as Error).message;
  }
}

/**
 * Refuses `-o` naming a file the command reads (an SLA file, the rule configuration, the
 * cache) or whose Git revisions it compares: the report would replace what it is about.
 */
export function refuseOutputOverInput(output: string | undefined, inputs: readonly string[], what: string): void {
  if (output === undefined || output === "-") return;
  const isOutput = sameFileAs(output);
  const input = inputs.find((file) => file !== "-" && isOutput(file));
  if (input !== undefined) throw new UsageError(`refusing to write the ${what} over its input ${input}; choose another -o`);
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
