// Lists the files under a directory for `sla validate dir/` and for the search of a
// repository's SLA files. A walk with readdir, rather than the glob library: loading and
// running the library took 30 to 40 ms for a directory of 1,000 files, this takes a few.
// The library still expands the glob patterns users write.
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
}

interface Link {
  path: string;
  name: string;
  shown: string;
}

/**
 * Files under `root` whose name `wanted` accepts, as sorted paths relative to root with `/`
 * between segments. Hidden files and directories are skipped, and so are directories that
 * cannot be read.
 *
 * A pull request can add symbolic links, so links are followed with care: a link to a
 * directory only when that directory is inside the root and not listed yet (a ladder of
 * links that each lead twice to the next, or a link to `/` or `/proc`, cost nothing), and
 * every file is listed once, under its own path rather than a link's when it has both. A
 * link to a file is listed whatever it points at; reading it (bounded-read.ts) refuses one
 * that leads out of the root. Anything else with a wanted name (a pipe, a device) is listed
 * too, to be refused by name rather than skipped in silence.
 *
 * `maxDirectories` bounds the walk of a tree nobody named (TooManyDirectories past it).
 */
export function findFiles(root: string, wanted: (name: string) => boolean, maxDirectories = Infinity): string[] {
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return [];
  }
  const listed = new Set<string>();
  const foundReal = new Set<string>();
  const found: string[] = [];
  const directories: Directory[] = [{ path: root, real: realRoot, prefix: "" }];
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
      if (name.startsWith(".")) continue;
      const shown = dir.prefix + name;
      if (entry.isSymbolicLink()) links.push({ path: join(dir.path, name), name, shown });
      else if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name)) directories.push({ path: join(dir.path, name), real: join(dir.real, name), prefix: `${shown}/` });
      } else if (wanted(name)) addFile(join(dir.real, name), shown);
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
      if (wanted(link.name)) linkedFiles.push({ real, shown: link.shown });
    } else if (!SKIPPED_DIRECTORIES.has(link.name) && isInside(real, realRoot)) {
      directories.push({ path: link.path, real, prefix: `${link.shown}/` });
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
  // After every file reached without a link. One that leads out of the root is listed under
  // each link's name, so that each planted link is refused by name.
  linkedFiles.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  for (const { real, shown } of linkedFiles) {
    if (isInside(real, realRoot)) addFile(real, shown);
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
