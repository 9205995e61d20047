import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
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
    default:
      return (error as Error).message;
  }
}

/**
 * Refuses `-o` naming one of the command's own input files: the report would replace the
 * agreement it is about. Paths are compared after resolving links, so `./sla.yaml`, an
 * absolute path or a link to it are the same file.
 */
export function refuseOutputOverInput(output: string | undefined, inputs: readonly string[], what: string): void {
  if (output === undefined || output === "-" || !existsSync(output)) return;
  const target = realpathSync(output);
  const input = inputs.find((file) => file !== "-" && existsSync(file) && realpathSync(file) === target);
  if (input !== undefined) throw new UsageError(`refusing to write the ${what} over its input ${input}; choose another -o`);
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file so that readers see the old content or the new, never a half-written one:
 * the text goes to a temporary file beside it, which then replaces the target. A symbolic
 * link is written through (its target is replaced); a device or pipe (/dev/stdout) is
 * written directly, as renaming over it would replace the device.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  let target = file;
  try {
    // Follow symbolic links, also one whose target does not exist yet.
    for (let hops = 0; lstatExists(target) && lstatSync(target).isSymbolicLink() && hops < 40; hops++)
      target = resolve(dirname(target), readlinkSync(target));
    if (existsSync(target) && !statSync(target).isFile()) {
      writeFileSync(target, bytes);
      return;
    }
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeIoError(error)}`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const missingDirectory = (error as NodeJS.ErrnoException).code === "ENOENT" && !existsSync(dirname(target));
    throw new UsageError(`cannot write ${file}: ${missingDirectory ? `directory ${dirname(target)} does not exist` : describeIoError(error)}`);
  }
}
