// The one way sla writes a file (a report, a rendered document, the cache, `sla init`'s files):
// all of it or nothing. Readers, and the next run, see the old content or the new one.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  open,
  openSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  write,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { describeIoError } from "./io.js";
import { message, type Message } from "../i18n/message.js";

/**
 * The file-system calls a write makes, and where a temporary file's name comes from. Node's
 * by default; a test passes its own to see a full disk or a short write, which a real disk
 * gives only when it is nearly full.
 */
export interface WriteSystem {
  open(path: string, flags: number, mode: number): number;
  /** Writes up to `length` bytes from `offset`; returns how many it wrote, maybe fewer. */
  write(fd: number, bytes: Uint8Array, offset: number, length: number): number;
  fsync(fd: number): void;
  close(fd: number): void;
  fchown(fd: number, uid: number, gid: number): void;
  fchmod(fd: number, mode: number): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** A part of a temporary file's name that nobody can guess in advance. */
  randomName(): string;
}

export const NODE_WRITE_SYSTEM: WriteSystem = {
  open: (path, flags, mode) => openSync(path, flags, mode),
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
  fsync: (fd) => fsyncSync(fd),
  close: (fd) => closeSync(fd),
  fchown: (fd, uid, gid) => fchownSync(fd, uid, gid),
  fchmod: (fd, mode) => fchmodSync(fd, mode),
  rename: (from, to) => renameSync(from, to),
  unlink: (path) => unlinkSync(path),
  randomName: () => randomBytes(12).toString("base64url"),
};

// Created new, never through a link: a name planted in a shared directory (a link to
// someone's file, or a file of the planter's) makes the write fail rather than land there.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Writes `content` to `file` in full or not at all: every byte goes to a new temporary file
 * beside the target, which is flushed to the disk and then renamed over the target. On any
 * failure (a full disk above all) the temporary file is removed, the target is left as it
 * was, and a UsageError names the file. The new file keeps the replaced one's mode and,
 * where the system allows, its owner. A symbolic link is written through (its target is
 * replaced, the link stays).
 *
 * What is not a file to replace is written as it is: one of the process's own standard
 * streams (`/dev/stdout`, `/dev/fd/2`, or the very file `>> log` sends standard output to) to
 * its descriptor, as `-` would be, so that an appended log keeps what it held; and a device or
 * a pipe (a FIFO, `>(...)`) through its own path. A pipe may wait for a reader for ever, so
 * that is done without blocking the process: Ctrl-C and SIGTERM end it as usual.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, system: WriteSystem = NODE_WRITE_SYSTEM): Promise<void> {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  let named: Stats | undefined;
  try {
    // Through every link, /proc's too: what the path names now, not what its link text says.
    named = statIfAny(file);
  } catch (error) {
    throw new UsageError(message("cli/write.failed", { file, reason: describeIoError(error) }));
  }
  const stream = standardStream(file, named);
  if (stream !== undefined) return writeAsItIs(file, bytes, () => Promise.resolve(stream));
  if (named !== undefined && !named.isFile()) return writeAsItIs(file, bytes, () => openAsync(file, constants.O_WRONLY | constants.O_TRUNC));
  replaceAtomically(file, bytes, system);
}

function replaceAtomically(file: string, bytes: Uint8Array, system: WriteSystem): void {
  let target: string;
  let existing: Stats | undefined;
  try {
    target = followLinks(file);
    existing = statIfAny(target);
  } catch (error) {
    throw new UsageError(message("cli/write.failed", { file, reason: describeIoError(error) }));
  }
  // Held from before the temporary file is created (new and exclusive, which never waits)
  // until it is renamed or removed, so that no moment exists when a signal would leave it behind.
  holdSignals();
  try {
    const temp = join(dirname(target), `.${basename(target)}.${system.randomName()}.tmp`);
    let fd: number | undefined;
    try {
      // Never readable by more people than the file it replaces, not even for a moment.
      fd = system.open(temp, CREATE_NEW, existing === undefined ? 0o666 : existing.mode & 0o777);
    } catch (error) {
      throw new UsageError(message("cli/write.failed", { file, reason: whyNotCreated(error, temp, target) }));
    }
    try {
      if (existing !== undefined) keepOwnerAndMode(fd, existing, system);
      writeAll(fd, bytes, system);
      system.fsync(fd);
      // Even a close that fails releases the descriptor: it is not closed a second time below.
      const written = fd;
      fd = undefined;
      system.close(written);
      system.rename(temp, target);
    } catch (error) {
      if (fd !== undefined) ignoreFailure(() => system.close(fd!));
      ignoreFailure(() => system.unlink(temp));
      throw new UsageError(message(existing === undefined ? "cli/write.failed" : "cli/write.failed-unchanged", { file, reason: describeIoError(error) }));
    }
  } finally {
    releaseSignals();
  }
  // The rename itself reaches the disk with its directory; without this, a power cut could
  // bring back the old file. Not every file system can flush a directory: nothing is lost then.
  ignoreFailure(() => {
    const directory = openSync(dirname(target), constants.O_RDONLY);
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
  });
}

const STREAM_NAMES: Record<string, number> = {
  "/dev/stdout": 1,
  "/dev/stderr": 2,
  "/dev/fd/1": 1,
  "/dev/fd/2": 2,
  "/proc/self/fd/1": 1,
  "/proc/self/fd/2": 2,
};

/** The descriptor (1 or 2) of the standard stream a path names, by its name or as the same file. */
function standardStream(file: string, named: Stats | undefined): number | undefined {
  const byName = STREAM_NAMES[file];
  if (byName !== undefined) return byName;
  if (named === undefined) return undefined;
  return [1, 2].find((fd) => {
    try {
      const stream = fstatSync(fd);
      return stream.dev === named.dev && stream.ino === named.ino;
    } catch {
      return false; // closed
    }
  });
}

/**
 * Writes every byte to a stream, a device or a pipe, without ever blocking the process: a pipe
 * whose reader is slow or absent then waits in the background, and a signal ends sla at once.
 * Our own descriptors (standard output and error) are left open.
 */
async function writeAsItIs(file: string, bytes: Uint8Array, openIt: () => Promise<number>): Promise<void> {
  let fd: number | undefined;
  try {
    fd = await openIt();
    for (let offset = 0; offset < bytes.length;) {
      try {
        offset += await writeAsync(fd, bytes, offset);
      } catch (error) {
        // A stream left non-blocking by whoever shares it: full for now, so wait for room.
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        await new Promise((wait) => setTimeout(wait, 10));
      }
    }
  } catch (error) {
    // The reader has gone (`| head`): as with `-`, not an error of ours.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return;
    throw new UsageError(message("cli/write.failed", { file, reason: describeIoError(error) }));
  } finally {
    if (fd !== undefined && fd > 2) ignoreFailure(() => closeSync(fd!));
  }
}

/** A raw descriptor, opened without blocking the process (a FIFO waits for its reader). */
function openAsync(file: string, flags: number): Promise<number> {
  return new Promise((done, fail) => open(file, flags, (error, fd) => (error ? fail(error) : done(fd))));
}

function writeAsync(fd: number, bytes: Uint8Array, offset: number): Promise<number> {
  return new Promise((done, fail) => write(fd, bytes, offset, bytes.length - offset, null, (error, written) => (error ? fail(error) : done(written))));
}

/** The file a path names, following symbolic links, also one whose target does not exist yet. */
function followLinks(file: string): string {
  let target = file;
  for (let hops = 0; hops < 40; hops++) {
    const stats = lstatIfAny(target);
    if (stats === undefined || !stats.isSymbolicLink()) return target;
    target = resolve(dirname(target), readlinkSync(target));
  }
  return target;
}

/** A write may take fewer bytes than asked (a nearly full disk): the rest is written again. */
function writeAll(fd: number, bytes: Uint8Array, system: WriteSystem): void {
  for (let offset = 0; offset < bytes.length;) {
    const written = system.write(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw new Error("the file system took no more bytes");
    offset += written;
  }
}

/**
 * The owner first: changing it may clear the setuid and setgid bits, which the mode then
 * restores. Only root may give a file away; anyone else's write makes the file theirs.
 */
function keepOwnerAndMode(fd: number, existing: Stats, system: WriteSystem): void {
  try {
    system.fchown(fd, existing.uid, existing.gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
  }
  system.fchmod(fd, existing.mode & 0o7777);
}

function whyNotCreated(error: unknown, temp: string, target: string): Message {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST" || code === "ELOOP") return message("cli/write.temporary-exists", { temp });
  if (code === "ENOENT" && lstatIfAny(dirname(target)) === undefined) return message("cli/write.no-directory", { directory: dirname(target) });
  return describeIoError(error);
}

// Node runs a signal's listener only between two pieces of JavaScript, and a write is one
// synchronous piece; with a listener installed, a SIGINT or SIGTERM arriving mid-write waits
// until the temporary file is renamed or removed, where the default action would end the
// process at once and leave it behind. The listener then ends the process as the signal would
// have (130, 143 in a shell).
//
// Signals are held only while a temporary file exists: held for longer, anything that blocks
// the process (a pipe with no reader) could not be interrupted. A signal that arrived while
// held waits in the event loop, and removing the last listener would drop it; so the listeners
// go once the loop has turned and run any such signal's listener (the loop reads signals
// before it runs an immediate scheduled from another immediate).
const HELD_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let holds = 0;
let releases = 0;
const listeners = new Map<NodeJS.Signals, () => void>();

function holdSignals(): void {
  holds++;
  if (listeners.size > 0) return;
  for (const signal of HELD_SIGNALS) {
    const endAsTheSignalWould = (): void => {
      removeListeners();
      process.kill(process.pid, signal);
    };
    listeners.set(signal, endAsTheSignalWould);
    process.on(signal, endAsTheSignalWould);
  }
}

function releaseSignals(): void {
  holds--;
  const release = ++releases;
  setImmediate(() =>
    setImmediate(() => {
      if (holds === 0 && release === releases) removeListeners();
    }),
  );
}

function removeListeners(): void {
  for (const [signal, listener] of listeners) process.removeListener(signal, listener);
  listeners.clear();
}

function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function ignoreFailure(action: () => void): void {
  try {
    action();
  } catch {
    // Cleaning up after an error that is already being reported.
  }
}
