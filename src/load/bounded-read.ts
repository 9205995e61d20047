// Every file sla reads on a user's behalf (SLA files, standard input, the configuration, a
// document to verify, the cache) is read here: never more than its limit plus one byte, and
// only from a regular file, as `/dev/zero`, a pipe or a growing file named like an SLA file
// would otherwise take all memory or wait for ever.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { word } from "../i18n/catalog.js";
import { message, type Message } from "../i18n/message.js";

/** Why a read was refused, worded to follow `file: ` in a message; `.message` in English. */
export class ReadRefusal extends Error {
  constructor(readonly said: Message) {
    super(word(said, "en"));
    this.name = "ReadRefusal";
  }
}

export interface ReadLimits {
  /** The most bytes accepted; one more is read to tell that the input is larger. */
  maxBytes: number;
  /** What the input is, for the messages: one of the kinds the catalogs word. */
  what: "sla-file" | "configuration" | "document" | "cache" | "template" | "actuals";
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
    if (!isInside(path, limits.within)) throw new ReadRefusal(message("cli/read.link-outside"));
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
    if (stat.isDirectory()) throw new ReadRefusal(message("cli/io.directory"));
    if (!stat.isFile()) throw new ReadRefusal(notRegular(limits));
    if (stat.size > limits.maxBytes) throw tooLarge(message("cli/read.size", { megabytes: megabytes(stat.size) }), limits);
    return readAll(fd, limits, file, stat.size);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads to the end or to one byte past the limit; a file may grow, and /proc says size 0. The
 * first buffer holds the file's size and one byte more, which the end of the file leaves empty:
 * a file is read into one buffer, not copied out of 64 KB ones (a thousand files made 128 MB of
 * them for the garbage collector).
 */
function readAll(fd: number, limits: ReadLimits, name: string, size = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : CHUNK, limits.maxBytes + 1));
  let filled = 0;
  for (;;) {
    if (filled === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(CHUNK, limits.maxBytes + 1 - total));
      filled = 0;
    }
    let read: number;
    try {
      read = readSync(fd, chunk, filled, chunk.length - filled, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Standard input that is a non-blocking pipe has nothing yet: wait for it.
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break; // Windows' end of a pipe
      throw new ReadRefusal(name === "<stdin>" && code === "EISDIR" ? message("cli/read.stdin-directory") : describeIoError(error));
    }
    if (read === 0) break;
    filled += read;
    total += read;
    if (total > limits.maxBytes) throw tooLarge(message("cli/read.size-more-than", { megabytes: megabytes(limits.maxBytes) }), limits);
  }
  chunks.push(chunk.subarray(0, filled));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function notRegular(limits: ReadLimits): Message {
  return message("cli/read.not-regular", { what: limits.what });
}

function tooLarge(size: Message, limits: ReadLimits): ReadRefusal {
  return new ReadRefusal(message("cli/read.too-large", { size, what: limits.what, megabytes: megabytes(limits.maxBytes) }));
}

/** Megabytes to one decimal, as a number the catalog formats in the reader's locale. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
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

/** Why the system refused a read or write, as a message; the system's own words otherwise. */
export function describeIoError(error: unknown): Message {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return message("cli/io.no-such-file");
    case "EISDIR":
      return message("cli/io.directory");
    case "EACCES":
    case "EPERM":
      return message("cli/io.permission-denied");
    case "ELOOP":
      return message("cli/io.symlink-loop");
    case "ENOSPC":
      return message("cli/io.no-space");
    case "EDQUOT":
      return message("cli/io.quota");
    case "EROFS":
      return message("cli/io.read-only");
    default:
      return message("cli/io.other", { detail: (error as Error).message });
  }
}
