// Which files `sla validate` reads: named files, directories, globs, or, with no path, the
// SLA files of the current repository.
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InputError } from "../errors.js";
import { findFiles, isSlaFileName, isYamlFileName } from "./walk.js";


/** File names taken for SLA files when no path is given. */
export const SLA_FILE_PATTERNS = ["sla.yaml", "sla.yml", "sla.*.yaml", "sla.*.yml", "*.sla.yaml", "*.sla.yml"] as const;
/** What the glob patterns users write leave out, as the directory search does (walk.ts). */
const IGNORED = ["**/node_modules/**", "**/dist/**"];

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands the user's arguments into file names (relative to cwd when inside it), in the
 * order given, without duplicates. `-` is kept as is and means standard input.
 */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  if (args.length === 0) {
    const root = repositoryRoot(cwd) ?? cwd;
    const found = findFiles(root, isSlaFileName);
    if (found.length === 0)
      throw new InputError(`no SLA files found under ${displayName(root, cwd)} (looked for ${SLA_FILE_PATTERNS.join(", ")}); name one, e.g. \`sla validate sla.yaml\``);
    found.forEach((f) => add(displayName(join(root, f), cwd)));
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
        if (found.length === 0) throw new InputError(`${arg}: directory holds no .yaml or .yml files`);
        // Named once for the directory: working out a relative path per file cost more than
        // checking small files.
        const base = inside(absolute, cwd);
        found.forEach((f) => add(join(base, f)));
      } else {
        add(arg);
      }
    } else if (GLOB_CHARS.test(arg)) {
      const found = await glob([arg], cwd);
      if (found.length === 0) throw new InputError(`${arg}: no files match this pattern`);
      found.forEach((f) => add(displayName(resolve(cwd, f), cwd)));
    } else {
      throw new InputError(`${arg}: no such file or directory`);
    }
  }
  return files;
}

async function glob(patterns: string[], cwd: string): Promise<string[]> {
  // Loaded here so that naming a file never pays for the glob library.
  const { glob: tinyglobby } = await import("tinyglobby");
  const found = await tinyglobby(patterns, { cwd, ignore: IGNORED, onlyFiles: true, dot: false, expandDirectories: false });
  return found.sort();
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
