// Reading a file as it was at a Git revision, from any directory of the repository.
import { execFileSync } from "node:child_process";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../errors.js";
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

/**
 * Whether Git tracks the file at `path`: then it came with the repository, from whoever
 * wrote the last commit. False outside a repository, and when git cannot be run.
 */
export function isTrackedByGit(path: string): boolean {
  try {
    git(["ls-files", "--error-unmatch", "--", basename(path)], dirname(resolve(path)));
    return true;
  } catch (error) {
    if (error instanceof GitError || error instanceof InputError) return false;
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
  // `rev:./path` is resolved from the working directory, so this works from any subdirectory.
  const path = isAbsolute(file) ? relative(cwd, file) : file;
  const spec = `${rev}:${path.startsWith(".") ? path : `./${path}`}`;
  try {
    return git(["show", spec], cwd);
  } catch (error) {
    if (error instanceof GitError) {
      const meant = fromTheRoot(rev, path, cwd);
      throw new MissingAtRevisionError(meant === undefined ? message("cli/git.missing-at-revision", { file, rev }) : message("cli/git.missing-at-revision.from-here", { file, rev, meant }));
    }
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
