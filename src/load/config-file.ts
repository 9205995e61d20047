import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { CONFIG_FILE_NAMES, parseConfig, type SlaConfig } from "../validate/config.js";
import { ReadRefusal, readBounded } from "./bounded-read.js";
import { repositoryRoot } from "./discover.js";
import { message } from "../i18n/message.js";

/** A thousand times the largest configuration a team writes; bounds what a link to a device could make sla read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The team's configuration: the file named with `--config`, else the first `.slarc.yaml`
 * (`.yml`, `.json`) from the working directory up to the repository root. Outside a
 * repository only the working directory's is read: a folder above it, such as a shared
 * `/tmp`, may hold another user's file.
 */
export function loadConfig(cwd: string, explicit?: string): { config: SlaConfig; file?: string } {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(explicit, message("cli/config.not-found"));
    return { config: parseConfig(explicit, readConfigText(file, explicit)), file: explicit };
  }
  const start = resolve(cwd);
  const stop = repositoryRoot(start) ?? start;
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { config: parseConfig(file, readConfigText(file, file)), file };
    }
    if (dir === stop || dirname(dir) === dir) return { config: { rules: {} } };
  }
}

function readConfigText(file: string, name: string): string {
  try {
    return readBounded(file, { maxBytes: MAX_CONFIG_BYTES, what: "configuration" }).toString("utf8");
  } catch (error) {
    if (error instanceof ReadRefusal) throw new ConfigError(name, error.said);
    throw error;
  }
}
