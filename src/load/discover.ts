// Which files `sla validate` reads: named files, directories, globs, or, with no path, the
// SLA files of the current repository.
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InputError } from "../errors.js";
import { isInside } from "./bounded-read.js";
import { TooManyDirectories, findFiles, isSlaFileName, isYamlFileName } from "./walk.js";
import { message } from "../i18n/message.js";

/** File names taken for SLA files when no path is given. */
export const SLA_FILE_PATTERNS = ["sla.yaml", "sla.yml", "sla.*.yaml", "sla.*.yml", "*.sla.yaml", "*.sla.yml"] as const;

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * With no path outside a repository, the current directory's tree is searched, up to this
 * many directories: more is a home or system folder, not a project, and walking it would
 * take minutes and read files nobody meant.
 */
export const MAX_DIRECTORIES_OUTSIDE_REPOSITORY = 1_000;

/** A file to check, and the real path of the folder it was found in, which it must not link out of. */
export interface Input {
  file: string;
  within?: string;
}

/**
 * Expands the user's arguments into file names (relative to cwd when inside it), in the
 * order given, without duplicates. `-` is kept as is and means standard input. A file found
 * in a folder (the repository, a directory named, or the repository or folder a glob pattern
 * searches) carries that folder's real path: it is read only if it is really there. A file
 * named is the user's choice, read wherever it points.
 */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<Input[]> {
  const files: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string, within?: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(within === undefined ? { file } : { file, within });
    }
  };
  if (args.length === 0) {
    const repository = repositoryRoot(cwd);
    const root = repository ?? cwd;
    const found = search(root, isSlaFileName, repository ? Infinity : MAX_DIRECTORIES_OUTSIDE_REPOSITORY);
    if (found.length === 0) throw new InputError(message("cli/input.no-sla-files", { folder: displayName(root, cwd), patterns: SLA_FILE_PATTERNS.join(", ") }));
    const within = realpathSync.native(root);
    found.forEach((f) => add(displayName(join(root, f), cwd), within));
    return files;
  }
  for (const arg of args) {
    if (arg === "-") {
      add("-");
      continue;
    }
    const absolute = resolve(cwd, arg);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const found = findFiles(absolute, isYamlFileName);
        if (found.length === 0) throw new InputError(message("cli/input.empty-directory", { path: arg }));
        // Named once for the directory: working out a relative path per file cost more than
        // checking small files.
        const base = inside(absolute, cwd);
        const within = realpathSync.native(absolute);
        found.forEach((f) => add(join(base, f), within));
      } else {
        add(arg);
      }
    } else if (GLOB_CHARS.test(arg)) {
      const found = await glob(arg, cwd);
      if (found.length === 0) throw new InputError(message("cli/input.no-match", { path: arg }));
      found.forEach(({ file, within }) => add(file, within));
    } else {
      throw new InputError(message("cli/input.not-found", { path: arg }));
    }
  }
  return files;
}

/** findFiles, with a walk past its bound (only ever outside a repository) said as a usage error. */
function search(root: string, wanted: (name: string) => boolean, maxDirectories: number): string[] {
  try {
    return findFiles(root, wanted, { maxDirectories });
  } catch (error) {
    if (!(error instanceof TooManyDirectories)) throw error;
    throw new InputError(message("cli/input.too-many-folders", { limit: error.limit }));
  }
}

/**
 * The files a pattern matches, found by the same walk as a directory's: the pattern's folder
 * (the part before the first wildcard) is walked and each path below it matched against the
 * rest. Links are followed by the walk's rules, bounded by the repository the folder is in
 * (outside one, by the folder itself): a link to a file is matched like a file and refused
 * when it leads out, a link to a directory is followed only inside, each real directory once.
 */
async function glob(pattern: string, cwd: string): Promise<Input[]> {
  // Loaded here so that naming a file never pays for the matcher.
  const { default: picomatch } = await import("picomatch");
  const { base, glob: rest } = picomatch.scan(pattern, { unescape: true });
  const folder = resolve(cwd, base);
  let realFolder: string;
  try {
    realFolder = realpathSync.native(folder);
  } catch {
    return [];
  }
  const repository = repositoryRoot(folder);
  const within = repository === undefined ? realFolder : realpathSync.native(repository);
  if (!isInside(realFolder, within)) throw new InputError(message("cli/input.pattern-links-out", { pattern, base }));
  const matches = picomatch(rest, { dot: false });
  // Without `**`, braces or parentheses a pattern has a fixed number of segments, and no deeper folder need be read.
  const maxDepth = /\*\*|[{(]/.test(rest) ? Infinity : rest.split("/").length - 1;
  // As the library did: `*` and `**` do not match hidden names, but a pattern may name one.
  const hidden = /(^|[/{,(|])\./.test(rest);
  const found = findFiles(folder, (_name, path) => matches(path), { bound: within, maxDepth, hidden });
  return found.map((file) => ({ file: displayName(join(folder, file), cwd), within }));
}

/** The nearest directory upward that holds `.git`, without spawning git. */
export function repositoryRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function displayName(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith("..") ? rel : absolute;
}

/** A directory's path relative to cwd when inside it ("" for cwd itself), else absolute. */
function inside(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
}
