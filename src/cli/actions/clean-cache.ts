// `sla validate --cache`: remembers the files found clean (no finding at all, not even a
// warning) by a hash of their text, so that a later run skips them while neither they, the
// rule settings nor sla's build changed. Files with findings are checked every time: their
// report needs the text anyway. A missing, damaged or outdated cache is rebuilt; a file at the
// cache's place that sla did not write is never overwritten.
import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import { createRequire } from "node:module";
import { ReadRefusal, readBounded } from "../../load/bounded-read.js";
import { gitTracking } from "../../load/git.js";
import type { SlaConfig } from "../../validate/config.js";
import { writeFileAtomic } from "../write-file.js";
import { buildId } from "../version.js";
import type { FileJob, FileResult } from "./check-files.js";
import { message, type Message } from "../../i18n/message.js";
import { say } from "../locale.js";
import { SlaError } from "../../errors.js";

/** File name → hash of its text, for the files found clean. */
export type CleanFiles = Record<string, string>;

/** Written first in every cache file, so sla knows its own even when it is damaged. */
const SIGNATURE = '{"slaCache":1,';

interface CacheFile {
  slaCache: 1;
  /** What the verdicts depend on besides the text; a different value voids them all. */
  settings: string;
  clean: CleanFiles;
}

/**
 * What is at the cache's place: nothing usable yet, sla's cache, a file to leave alone, or
 * one that may be sla's but that someone else could have written (a cache committed to the
 * repository, or another user's), whose verdicts would let planted files pass unchecked.
 */
type CacheState =
  { kind: "none" } | { kind: "cache"; cache: CacheFile } | { kind: "foreign"; why: Message } | { kind: "untrusted"; why: Message; fix: Message };

/** A hundred times the cache of 100,000 files; bounds what a planted file can make sla read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Packages whose behaviour decides verdicts and that live outside the build. */
const READERS = ["yaml", "ajv", "ajv-formats"];

/**
 * sla's build, the versions of the YAML reader and of ajv installed beside it, and the team's
 * rule settings; undefined when sla was not built by its build script (nothing is trusted).
 */
function settingsHash(config: SlaConfig): string | undefined {
  const build = buildId();
  if (build === undefined) return undefined;
  const require = createRequire(import.meta.url);
  const versions = READERS.map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return createHash("sha1")
    .update([build, ...versions, JSON.stringify(config)].join("\0"))
    .digest("base64url");
}

function readCacheState(location: string): CacheState {
  let text: string;
  try {
    const stat = lstatSync(location);
    // Written through, a link would let the repository choose which file sla creates or replaces.
    if (stat.isSymbolicLink()) return { kind: "foreign", why: message("cli/cache.symlink") };
    // A FIFO or a device would block or never hold a cache.
    if (!stat.isFile()) return { kind: "foreign", why: message("cli/cache.not-regular") };
    if (process.getuid !== undefined && stat.uid !== process.getuid())
      return { kind: "untrusted", why: message("cli/cache.other-owner"), fix: message("cli/cache.fix-delete") };
    const tracking = gitTracking(location);
    if ("unknown" in tracking)
      return { kind: "untrusted", why: message("cli/cache.git-cannot-tell", { detail: tracking.unknown }), fix: message("cli/cache.fix-git") };
    if (tracking.tracked) return { kind: "untrusted", why: message("cli/cache.tracked"), fix: message("cli/cache.fix-untrack", { location }) };
    text = readBounded(location, { maxBytes: MAX_CACHE_BYTES, what: "cache" }).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    if (error instanceof ReadRefusal || (error as NodeJS.ErrnoException).code) return { kind: "foreign", why: message("cli/cache.unreadable") };
    throw error;
  }
  if (text.trim() === "") return { kind: "none" };
  if (!text.startsWith(SIGNATURE)) return { kind: "foreign", why: message("cli/cache.not-ours") };
  try {
    const cache = JSON.parse(text) as CacheFile;
    const clean: unknown = cache.clean;
    const wellFormed =
      typeof cache.settings === "string" &&
      typeof clean === "object" &&
      clean !== null &&
      !Array.isArray(clean) &&
      Object.values(clean).every((hash) => typeof hash === "string");
    return wellFormed ? { kind: "cache", cache } : { kind: "none" };
  } catch {
    return { kind: "none" }; // sla's own, damaged: rebuilt
  }
}

export interface CleanCache {
  /** The files remembered clean under the current settings. */
  clean: CleanFiles;
  /**
   * Keeps what the cache knew of files not checked this time, and this run's verdicts for the
   * rest (not standard input, whose name may be any file's). Writes only when something
   * changed; a failure to write is a warning, as the report is right either way.
   */
  save(jobs: readonly FileJob[], results: readonly FileResult[]): Promise<void>;
}

/** Reads the cache at `location` once, and works out its settings once, for the whole run. */
export function openCleanCache(location: string, config: SlaConfig): CleanCache {
  const state = readCacheState(location);
  const settings = settingsHash(config);
  const earlier = state.kind === "cache" && settings !== undefined && state.cache.settings === settings ? state.cache.clean : {};
  return {
    clean: earlier,
    async save(jobs, results) {
      if (settings === undefined) return;
      if (state.kind === "untrusted") {
        process.stderr.write(`sla: ${say(message("cli/cache.untrusted", { location, why: state.why, fix: state.fix }))}\n`);
        return;
      }
      if (state.kind === "foreign") {
        process.stderr.write(`sla: ${say(message("cli/cache.foreign", { location, why: state.why }))}\n`);
        return;
      }
      const clean: CleanFiles = { ...earlier };
      results.forEach(({ report, cleanHash }, index) => {
        if (jobs[index]!.file === "-") return;
        if (cleanHash === undefined) delete clean[report.file];
        else clean[report.file] = cleanHash;
      });
      const unchanged = state.kind === "cache" && state.cache.settings === settings && JSON.stringify(state.cache.clean) === JSON.stringify(clean);
      if (unchanged) return;
      // The signature's key comes first, as JSON.stringify keeps the order written here.
      const cache: CacheFile = { slaCache: 1, settings, clean };
      try {
        await writeFileAtomic(location, JSON.stringify(cache));
      } catch (error) {
        process.stderr.write(`sla: ${say(message("cli/cache.not-updated", { problem: error instanceof SlaError ? error.said : (error as Error).message }))}\n`);
      }
    },
  };
}
