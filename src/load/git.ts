// Reading a file as it was at a Git revision, from any directory of the repository.
import { execFileSync } from "node:child_process";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../errors.js";
import { repositoryRoot } from "./discover.js";
import { MAX_SOURCE_BYTES, tooLarge } from "./read-source.js";
import { message, type Message } from "../i18n/message.js";

function git(args: string[], cwd: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === "ENOENT") throw new InputError(message("cli/git.not-installed"));
    throw new GitError(e.stderr?.toString("utf8").trim() ?? e.message);
  }
}

class GitError extends Error {}

/** The file is not in the revision's tree: a pull request may add it, or remove it. */
export class MissingAtRevisionError extends InputError {
  constructor(said: Message) {
    super(said);
    this.name = "MissingAtRevisionError";
  }
}

export function isInsideRepository(cwd: string): boolean {
  try {
    return git(["rev-parse", "--is-inside-work-tree"], cwd).toString().trim() === "true";
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** Whether Git tracks a file; or why Git could not tell. */
export type Tracking = { tracked: boolean } | { unknown: string };

/**
 * Whether Git tracks the file at `path`: then it came with the repository, from whoever
 * wrote the last commit. Only git's own answer says "not tracked": when git cannot be run or
 * refuses the repository (not installed, another user's, GIT_DIR elsewhere), nobody can tell,
 * and a caller that trusts untracked files must not trust this one. With no `.git` above the
 * file (and no GIT_DIR pointing git elsewhere), no repository holds it, and git is not asked.
 */
export function gitTracking(path: string): Tracking {
  const dir = dirname(resolve(path));
  if (repositoryRoot(dir) === undefined && process.env.GIT_DIR === undefined) return { tracked: false };
  try {
    // Listed by name, not as a pattern: `*` is a file name like any other here.
    return { tracked: git(["--literal-pathspecs", "ls-files", "-z", "--", basename(path)], dir).length > 0 };
  } catch (error) {
    if (error instanceof GitError) return { unknown: error.message.split("\n")[0]! };
    if (error instanceof InputError) return { unknown: "git is not installed or not on PATH" };
    throw error;
  }
}

/** Whether `rev` names a commit (branch, tag, hash, HEAD~1...). */
export function isRevision(rev: string, cwd: string): boolean {
  if (rev.startsWith("-")) return false;
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], cwd);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** The bytes of `file` (relative to cwd, or absolute) at revision `rev`. */
export function readAtRevision(rev: string, file: string, cwd: string): Buffer {
  if (!isInsideRepository(cwd)) throw new InputError(message("cli/git.not-a-repository", { rev }));
  if (!isRevision(rev, cwd)) throw new InputError(message("cli/git.unknown-revision", { rev }));
  // Paths are read from the working directory, so this works from any subdirectory.
  const path = isAbsolute(file) ? relative(cwd, file) : file;
  const name = `${file}@${rev}`;
  // The entry first: whether the file is there at all, and its size, before any of it is read.
  // Only this answer, an empty listing, says that the file does not exist at the revision;
  // any failure to read it is an error, not a file that a diff may show as added or removed.
  let listing: string;
  try {
    listing = git(["--literal-pathspecs", "ls-tree", "-l", "-z", rev, "--", path], cwd).toString("utf8");
  } catch (error) {
    if (error instanceof GitError) throw new InputError(message("cli/git.cannot-read", { file: name, detail: error.message.split("\n")[0]! }));
    throw error;
  }
  if (listing === "") {
    const meant = fromTheRoot(rev, path, cwd);
    throw new MissingAtRevisionError(
      meant === undefined ? message("cli/git.missing-at-revision", { file, rev }) : message("cli/git.missing-at-revision.from-here", { file, rev, meant }),
    );
  }
  // "<mode> <type> <object> <size>\t<path>", one entry: the path names one file or folder.
  const [, type, object, size] = /^\S+ (\S+) (\S+) +(\S+)\t/.exec(listing) ?? [];
  if (type !== "blob" || object === undefined) throw new InputError(message("cli/git.not-a-file", { file: name }));
  if (Number(size) > MAX_SOURCE_BYTES) throw tooLarge(name, Number(size));
  try {
    return git(["cat-file", "blob", object], cwd);
  } catch (error) {
    if (error instanceof GitError) throw new InputError(message("cli/git.cannot-read", { file: name, detail: error.message.split("\n")[0]! }));
    throw error;
  }
}

/**
 * A hint for a path meant from the repository's root but read, as git reads it, from a
 * subdirectory: the same path from the working directory, when the file is there.
 */
function fromTheRoot(rev: string, path: string, cwd: string): string | undefined {
  try {
    const prefix = git(["rev-parse", "--show-prefix"], cwd).toString().trim();
    // A path written from here (./x, ../x) was meant from here; a dot-folder (.sla/) was not.
    if (!prefix || /^\.\.?\//.test(path)) return undefined;
    git(["cat-file", "-e", `${rev}:${path}`], cwd);
    return relative(prefix, path) || path;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
