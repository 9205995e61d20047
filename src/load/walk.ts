// Lists files for `sla validate dir/`, for the search of a repository's SLA files and for the
// glob patterns users write: one walk with readdir, so that each follows links by the same
// rules. (The glob library walked by itself: it took 30 to 40 ms for a directory of 1,000
// files, where this takes a few, and it could follow links into an exponential walk or not at
// all.)
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { isInside } from "./bounded-read.js";

/** Directories never searched: dependencies and build output. Hidden ones (`.git`) neither. */
const SKIPPED_DIRECTORIES = new Set(["node_modules", "dist"]);

/** The walk met more directories than it was allowed to list. */
export class TooManyDirectories extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} directories`);
    this.name = "TooManyDirectories";
  }
}

interface Directory {
  path: string;
  /** Its real path: each directory is listed once, however many links lead to it. */
  real: string;
  /** Its path relative to the root, with `/` after it ("" for the root). */
  prefix: string;
  /** How many folders below the root it is (0 for the root). */
  depth: number;
}

/** Which files a walk lists: `path` is relative to the root, with `/` between segments. */
export type Wanted = (name: string, path: string) => boolean;

export interface WalkOptions {
  /** Past this many directories the walk throws TooManyDirectories: it bounds a tree nobody named. */
  maxDirectories?: number;
  /** Files at most this many folders below the root are listed (0: the root's own). */
  maxDepth?: number;
  /**
   * The real path of the folder that links may not lead out of: the root by default; the
   * repository for a glob pattern's base folder inside one.
   */
  bound?: string;
  /** Whether hidden files and folders are walked too, for `wanted` to judge (a pattern that names one). */
  hidden?: boolean;
}

interface Link {
  path: string;
  name: string;
  shown: string;
  /** The depth of the folder it is in. */
  depth: number;
}

/**
 * Files under `root` that `wanted` accepts, as sorted paths relative to root with `/`
 * between segments. Hidden files and directories are skipped unless asked for, and so are
 * directories that cannot be read.
 *
 * A pull request can add symbolic links, so links are followed with care: a link to a
 * directory only when that directory is inside the bound and not listed yet (a ladder of
 * links that each lead twice to the next, or a link to `/` or `/proc`, cost nothing), and
 * every file is listed once, under its own path rather than a link's when it has both. A
 * link to a file is listed whatever it points at; reading it (bounded-read.ts) refuses one
 * that leads out of the bound. Anything else that is wanted (a pipe, a device) is listed
 * too, to be refused by name rather than skipped in silence.
 */
export function findFiles(root: string, wanted: Wanted, options: WalkOptions = {}): string[] {
  const { maxDirectories = Infinity, maxDepth = Infinity, hidden = false } = options;
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return [];
  }
  const bound = options.bound ?? realRoot;
  const listed = new Set<string>();
  const foundReal = new Set<string>();
  const found: string[] = [];
  const directories: Directory[] = [{ path: root, real: realRoot, prefix: "", depth: 0 }];
  let links: Link[] = [];
  const linkedFiles: Array<{ real: string; shown: string }> = [];

  const addFile = (real: string, shown: string) => {
    if (foundReal.has(real)) return;
    foundReal.add(real);
    found.push(shown);
  };
  const list = (dir: Directory) => {
    if (listed.has(dir.real)) return;
    if (listed.size >= maxDirectories) throw new TooManyDirectories(maxDirectories);
    listed.add(dir.real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith(".") && !hidden) continue;
      const shown = dir.prefix + name;
      if (entry.isSymbolicLink()) links.push({ path: join(dir.path, name), name, shown, depth: dir.depth });
      else if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name) && dir.depth < maxDepth)
          directories.push({ path: join(dir.path, name), real: join(dir.real, name), prefix: `${shown}/`, depth: dir.depth + 1 });
      } else if (wanted(name, shown)) addFile(join(dir.real, name), shown);
    }
  };
  const follow = (link: Link) => {
    let real: string;
    let isDirectory: boolean;
    try {
      real = realpathSync.native(link.path);
      isDirectory = statSync(real).isDirectory();
    } catch {
      return; // dangling, or a loop of links
    }
    if (!isDirectory) {
      if (wanted(link.name, link.shown)) linkedFiles.push({ real, shown: link.shown });
    } else if (!SKIPPED_DIRECTORIES.has(link.name) && link.depth < maxDepth && isInside(real, bound)) {
      directories.push({ path: link.path, real, prefix: `${link.shown}/`, depth: link.depth + 1 });
    }
  };

  // All directories reached without a link first, then the links met on the way, in order.
  while (directories.length > 0 || links.length > 0) {
    while (directories.length > 0) list(directories.pop()!);
    // Last in order first, as directories are taken from the end: the first link to a folder names it.
    const batch = links.sort((a, b) => (a.shown < b.shown ? 1 : a.shown > b.shown ? -1 : 0));
    links = [];
    batch.forEach(follow);
  }
  // After every file reached without a link. One that leads out of the bound is listed under
  // each link's name, so that each planted link is refused by name.
  linkedFiles.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  for (const { real, shown } of linkedFiles) {
    if (isInside(real, bound)) addFile(real, shown);
    else found.push(shown);
  }
  return found.sort();
}

export function isYamlFileName(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

/** `sla.yaml`, `sla.yml`, `sla.*.yaml`, `sla.*.yml`, `*.sla.yaml`, `*.sla.yml`. */
export function isSlaFileName(name: string): boolean {
  const stem = name.endsWith(".yaml") ? name.slice(0, -5) : name.endsWith(".yml") ? name.slice(0, -4) : undefined;
  return stem !== undefined && (stem === "sla" || stem.startsWith("sla.") || stem.endsWith(".sla"));
}
