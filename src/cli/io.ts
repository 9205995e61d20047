import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ReadRefusal, describeIoError, readBounded } from "../load/bounded-read.js";
import { MAX_SOURCE_BYTES, decodeSource } from "../load/read-source.js";
import { SourceError, UsageError } from "../errors.js";

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
    bytes = readBounded(file, { maxBytes: MAX_SOURCE_BYTES, what: "an SLA file", within });
  } catch (error) {
    if (error instanceof ReadRefusal) throw new SourceError(name, error.message);
    throw error;
  }
  return decodeSource(name, bytes);
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
