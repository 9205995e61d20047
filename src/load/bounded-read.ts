// Every file sla reads on a user's behalf (SLA files, standard input, the configuration, a
// document to verify, the cache) is read here: never more than its limit plus one byte, and
// only from a regular file, as `/dev/zero`, a pipe or a growing file named like an SLA file
// would otherwise take all memory or wait for ever.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

/** Why a read was refused, worded to follow `file: ` in a message. */
export class ReadRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReadRefusal";
  }
}

export interface ReadLimits {
  /** The most bytes accepted; one more is read to tell that the input is larger. */
  maxBytes: number;
  /** What the input is, for the messages: "an SLA file", "a configuration"... */
  what: string;
  /**
   * The real path of the folder being checked: a file whose real path is elsewhere (a link
   * planted to `/etc/passwd` or `../../.env`) is refused before it is opened.
   */
  within?: string;
}

const CHUNK = 64 * 1024;

/** The bytes of `file`, or of standard input for `-`; ReadRefusal says why not. */
export function readBounded(file: string, limits: ReadLimits): Buffer {
  if (file === "-") return readAll(0, limits, "<stdin>");
  let path = file;
  if (limits.within !== undefined) {
    path = realPath(file);
    if (!isInside(path, limits.within)) throw new ReadRefusal("links to a file outside the folder being checked, so it is not read; name the file itself to check it");
  }
  let fd: number;
  try {
    // Non-blocking, so that opening a pipe with no writer returns at once to be refused.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // A socket cannot be opened at all.
    throw new ReadRefusal((error as NodeJS.ErrnoException).code === "ENXIO" ? notRegular(limits) : describeIoError(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefusal("is a directory, not a file");
    if (!stat.isFile()) throw new ReadRefusal(notRegular(limits));
    if (stat.size > limits.maxBytes) throw tooLarge(`is ${megabytes(stat.size)} MB`, limits);
    return readAll(fd, limits, file);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end or to one byte past the limit; a file may grow, and /proc says size 0. */
function readAll(fd: number, limits: ReadLimits, name: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limits.maxBytes + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Standard input that is a non-blocking pipe has nothing yet: wait for it.
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break; // Windows' end of a pipe
      throw new ReadRefusal(name === "<stdin>" && code === "EISDIR" ? "standard input is a directory" : describeIoError(error));
    }
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > limits.maxBytes) throw tooLarge(`more than ${megabytes(limits.maxBytes)} MB`, limits);
  }
  return Buffer.concat(chunks, total);
}

function notRegular(limits: ReadLimits): string {
  return `is not a regular file (a device, pipe or socket); ${limits.what} must be a file`;
}

function tooLarge(size: string, limits: ReadLimits): ReadRefusal {
  return new ReadRefusal(`${size}; ${limits.what} may be at most ${megabytes(limits.maxBytes)} MB`);
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch (error) {
    throw new ReadRefusal(describeIoError(error));
  }
}

/** Whether `path` is `folder` or below it; both real paths. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
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
    case "ELOOP":
      return "is a loop of symbolic links";
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
