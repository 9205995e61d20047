import { existsSync, readFileSync, realpathSync } from "node:fs";
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
