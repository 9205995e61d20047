import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { CONFIG_FILE_NAMES, parseConfig, type SlaConfig } from "../validate/config.js";
import { repositoryRoot } from "./discover.js";

/**
 * The team's configuration: the file named with `--config`, else the first `.slarc.yaml`
 * (`.yml`, `.json`) from the working directory up to the repository root.
 */
export function loadConfig(cwd: string, explicit?: string): { config: SlaConfig; file?: string } {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(explicit, "configuration file not found");
    return { config: parseConfig(explicit, readFileSync(file, "utf8")), file: explicit };
  }
  const stop = repositoryRoot(cwd);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { config: parseConfig(file, readFileSync(file, "utf8")), file };
    }
    if (dir === stop || dirname(dir) === dir) return { config: { rules: {} } };
  }
}
