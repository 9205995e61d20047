// The team's rule configuration, kept in the repository as `.slarc.yaml`:
//   rules:
//     period/length: off
//     names/duplicate: error
import { findConfigFile } from "../load/config-file.js";
import { composeYaml } from "../load/compose-yaml.js";
import { readFast } from "../load/fast-reader.js";
import { MAX_ALIAS_COUNT, boundedData, yamlErrorMessage, yamlLib } from "../load/yaml-lib.js";
import type { Severity } from "../findings.js";
import { closestMatch } from "../util/did-you-mean.js";
import { RULES } from "./rules/index.js";
import { ConfigError } from "../errors.js";
import { message } from "../i18n/message.js";

export type RuleSetting = Severity | "off";

export interface SlaConfig {
  rules: Record<string, RuleSetting>;
}

/** The team's configuration (load/config-file.ts says where it is looked for), read and checked. */
export function loadConfig(cwd: string, explicit?: string): { config: SlaConfig; file?: string } {
  const found = findConfigFile(cwd, explicit);
  return found ? { config: parseConfig(found.name, found.text), file: found.file } : { config: { rules: {} } };
}

const SETTINGS: Record<string, RuleSetting> = { off: "off", warn: "warning", warning: "warning", error: "error" };

/** Parses and checks a configuration file; every mistake is a ConfigError naming the fix. */
export function parseConfig(file: string, text: string): SlaConfig {
  const data = readConfigData(file, text);
  if (data === null || data === undefined) return { rules: {} };
  if (typeof data !== "object" || Array.isArray(data)) throw new ConfigError(file, message("cli/config.not-a-mapping"));
  const unknownKeys = Object.keys(data).filter((key) => key !== "rules");
  if (unknownKeys.length) throw new ConfigError(file, message("cli/config.unknown-key", { key: unknownKeys[0]! }), ...at(text, unknownKeys[0]!));
  const rules = (data as { rules?: unknown }).rules ?? {};
  if (typeof rules !== "object" || rules === null || Array.isArray(rules)) throw new ConfigError(file, message("cli/config.rules-not-a-mapping"));

  const known = RULES.map((rule) => rule.id);
  const result: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (!known.includes(id)) {
      if (/^(schema|yaml)\//.test(id)) throw new ConfigError(file, message("cli/config.not-configurable", { id }), ...at(text, id));
      const suggestion = closestMatch(id, known);
      throw new ConfigError(
        file,
        suggestion ? message("cli/config.unknown-rule.suggestion", { id, suggestion }) : message("cli/config.unknown-rule", { id }),
        ...at(text, id),
      );
    }
    const setting = typeof value === "string" ? SETTINGS[value] : undefined;
    if (!setting) throw new ConfigError(file, message("cli/config.bad-setting", { id, value: String(value) }), ...at(text, id));
    result[id] = setting;
  }
  return { rules: result };
}

/**
 * Line and column of the first line where `key:` is written, for an error about that key;
 * empty when it cannot be found (a one-line JSON file).
 */
function at(text: string, key: string): [number, number] | [] {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const column = lines[i]!.search(/\S/);
    const written = lines[i]!.slice(column).replace(/^["']/, "");
    if (column >= 0 && written.startsWith(key) && /^["']?\s*:/.test(written.slice(key.length))) return [i + 1, column + 1];
  }
  return [];
}

function readConfigData(file: string, text: string): unknown {
  const fast = readFast(text);
  if (fast) return fast;
  const lineCounter = new (yamlLib().LineCounter)();
  const document = composeYaml(text, lineCounter);
  const error = document.errors[0];
  if (error) {
    const place = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(file, message("cli/config.not-yaml", { detail: yamlErrorMessage(error) }), place.line, place.col);
  }
  const read = boundedData(document);
  if (!read) throw new ConfigError(file, message("cli/config.too-many-aliases", { most: MAX_ALIAS_COUNT }));
  return read.data;
}
