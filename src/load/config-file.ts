import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { ReadRefusal, readBounded } from "./bounded-read.js";
import { repositoryRoot } from "./discover.js";
import { message } from "../i18n/message.js";

/** A thousand times the largest configuration a team writes; bounds what a link to a device could make sla read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const CONFIG_FILE_NAMES = [".slarc.yaml", ".slarc.yml", ".slarc.json"] as const;

/** A configuration file found and read: `file` where it is, `name` what to call it in errors. */
export interface ConfigText {
  file: string;
  name: string;
  text: string;
}

/**
 * The team's configuration file: the one named with `--config`, else the first `.slarc.yaml`
 * (`.yml`, `.json`) from the working directory up to the repository root. Outside a
 * repository only the working directory's is read: a folder above it, such as a shared
 * `/tmp`, may hold another user's file. Undefined when there is none; validate/config.ts
 * reads what it says.
 */
export function findConfigFile(cwd: string, explicit?: string): ConfigText | undefined {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(explicit, message("cli/config.not-found"));
    return { file: explicit, name: explicit, text: readConfigText(file, explicit) };
  }
  const start = resolve(cwd);
  const stop = repositoryRoot(start) ?? start;
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { file, name: file, text: readConfigText(file, file) };
    }
    if (dir === stop || dirname(dir) === dir) return undefined;
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
