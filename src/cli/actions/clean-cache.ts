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

export function loadCleanFiles(location: string, config: SlaConfig): CleanFiles {
  try {
    const cache = JSON.parse(readFileSync(location, "utf8")) as Partial<CacheFile>;
    if (cache.settings === settingsHash(config) && typeof cache.clean === "object" && cache.clean !== null) return cache.clean;
  } catch {
    // No cache yet, or one that cannot be read: start afresh.
  }
  return {};
}

/**
 * Keeps what the earlier cache knew of files not checked this time, and this run's verdicts
 * for the rest. A failure to write is a warning: the report is right either way.
 */
export function saveCleanFiles(location: string, config: SlaConfig, earlier: CleanFiles, results: readonly FileResult[]): void {
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
