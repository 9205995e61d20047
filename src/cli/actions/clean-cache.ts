// `sla validate --cache`: remembers the files found clean (no finding at all, not even a
// warning) by a hash of their text, so that a later run skips them while neither they, the
// rule settings nor sla itself changed. Files with findings are checked every time: their
// report needs the text anyway. A missing, unreadable or outdated cache is simply rebuilt.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { SCHEMA_URL } from "../../validate/schema-location.js";
import type { SlaConfig } from "../../validate/config.js";
import { writeFileAtomic } from "../io.js";
import { toolVersion } from "../version.js";
import type { FileResult } from "./check-files.js";

/** File name → hash of its text, for the files found clean. */
export type CleanFiles = Record<string, string>;

interface CacheFile {
  /** What the verdicts depend on besides the text; a different value voids them all. */
  settings: string;
  clean: CleanFiles;
}

/**
 * sla's version, its code and schema, and the team's rule settings. In the bundled CLI this
 * module's file name carries a hash of its code and of every chunk it imports, rules included.
 */
function settingsHash(config: SlaConfig): string {
  return createHash("sha1")
    .update([toolVersion(), basename(import.meta.url), readFileSync(SCHEMA_URL, "utf8"), JSON.stringify(config)].join("\0"))
    .digest("base64url");
}

/** What the cache file holds: nothing yet, a cache, or something else that must not be overwritten. */
function readCache(location: string): CacheFile | "none" | "foreign" {
  let text: string;
  try {
    text = readFileSync(location, "utf8");
  } catch {
    return "none";
  }
  if (text.trim() === "") return "none";
  try {
    const cache = JSON.parse(text) as Partial<CacheFile>;
    const clean = cache.clean;
    const isCache =
      typeof cache.settings === "string" &&
      typeof clean === "object" &&
      clean !== null &&
      !Array.isArray(clean) &&
      Object.values(clean).every((hash) => typeof hash === "string");
    return isCache ? (cache as CacheFile) : "foreign";
  } catch {
    return "foreign";
  }
}

export function loadCleanFiles(location: string, config: SlaConfig): CleanFiles {
  const cache = readCache(location);
  return typeof cache === "object" && cache.settings === settingsHash(config) ? cache.clean : {};
}

/**
 * Keeps what the earlier cache knew of files not checked this time, and this run's verdicts
 * for the rest. A failure to write is a warning: the report is right either way.
 */
export function saveCleanFiles(location: string, config: SlaConfig, earlier: CleanFiles, results: readonly FileResult[]): void {
  // `--cache-location sla.yaml` by mistake must not cost the team its agreement.
  if (readCache(location) === "foreign") {
    process.stderr.write(`sla: warning: ${location} is not a cache written by sla, so it is left as it is; name another --cache-location\n`);
    return;
  }
  const clean: CleanFiles = { ...earlier };
  for (const { report, cleanHash } of results) {
    if (cleanHash === undefined) delete clean[report.file];
    else clean[report.file] = cleanHash;
  }
  const cache: CacheFile = { settings: settingsHash(config), clean };
  try {
    writeFileAtomic(location, JSON.stringify(cache));
  } catch (error) {
    process.stderr.write(`sla: warning: ${(error as Error).message}; the cache is not updated\n`);
  }
}
