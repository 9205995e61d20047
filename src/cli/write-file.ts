// The one way sla writes a file (a report, a rendered document, the cache, `sla init`'s files):
// all of it or nothing. Readers, and the next run, see the old content or the new one.
import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
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
 * where the system allows, its owner.
 *
 * A symbolic link is written through (its target is replaced, the link stays); a device or
 * pipe (/dev/stdout) is written directly, as renaming over it would replace the device.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, system: WriteSystem = NODE_WRITE_SYSTEM): void {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  let target: string;
  let existing: Stats | undefined;
  try {
    target = followLinks(file);
    existing = statIfAny(target);
  } catch (error) {
    throw new UsageError(message("cli/write.failed", { file, reason: describeIoError(error) }));
  }
  if (existing !== undefined && !existing.isFile()) return writeInPlace(file, target, bytes, system);

  holdSignalsUntilWritten();
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

/** A device, a pipe or a directory (refused by the system with a clear code): written as it is. */
function writeInPlace(file: string, target: string, bytes: Uint8Array, system: WriteSystem): void {
  try {
    const fd = system.open(target, constants.O_WRONLY | constants.O_TRUNC, 0);
    try {
      writeAll(fd, bytes, system);
    } finally {
      system.close(fd);
    }
  } catch (error) {
    throw new UsageError(message("cli/write.failed", { file, reason: describeIoError(error) }));
  }
}

/** A write may take fewer bytes than asked (a nearly full disk): the rest is written again. */
function writeAll(fd: number, bytes: Uint8Array, system: WriteSystem): void {
  for (let offset = 0; offset < bytes.length; ) {
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
// have (130, 143 in a shell). Installed for good on the first write: removing the last
// listener drops a signal that has arrived but not yet been run.
let holdingSignals = false;
function holdSignalsUntilWritten(): void {
  if (holdingSignals) return;
  holdingSignals = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const endAsTheSignalWould = (): void => {
      process.removeListener(signal, endAsTheSignalWould);
      process.kill(process.pid, signal);
    };
    process.on(signal, endAsTheSignalWould);
  }
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
