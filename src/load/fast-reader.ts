// The fast reader: lightning-yaml reads a well-formed file about thirty times faster than
// `yaml` (three times faster than js-yaml), and most files in CI are well-formed. It takes a
// file only when nothing in it needs `yaml` (fast-path.ts) and every key written in it is in
// the data it read (key-lines.ts); both read scalars by the YAML 1.2 core schema. Tests hold
// it to `yaml`'s data on fixtures and on generated and mangled documents.
import { parse as readYaml } from "lightning-yaml";
import { needsFullReader } from "./fast-path.js";
import { countKeyLines, countKeys } from "./key-lines.js";

/**
 * The data of a well-formed file whose top level is a mapping, read by the fast reader; or
 * undefined, leaving the file to `yaml`.
 */
export function readFast(text: string): Record<string, unknown> | undefined {
  if (needsFullReader(text)) return undefined;
  let data: unknown;
  try {
    data = readYaml(text);
  } catch {
    // Refused (syntax, several documents): `yaml` explains it.
    return undefined;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  // Fewer keys read than written: a duplicate key, kept silently by the fast reader.
  return countKeyLines(text) === countKeys(data) ? (data as Record<string, unknown>) : undefined;
}
