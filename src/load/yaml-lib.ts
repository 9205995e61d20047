// `yaml` (eemeli/yaml) keeps a source range for every node, which findings need; it is also
// about fifty times slower than the fast reader. It is loaded only when a file needs it: one
// that has findings to place, or that the fast reader cannot take (see parse.ts).
import type { Document, YAMLError } from "yaml";
import { requireYaml } from "./yaml-package.js";

type YamlLib = typeof import("yaml");

/** Bounds alias expansion: a "billion laughs" file is refused instead of eating memory. */
export const MAX_ALIAS_COUNT = 100;

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= requireYaml());
}

/**
 * yaml's own message for an error, as sla words its findings: the first line only (the rest
 * is context a formatter prints itself), without the position (given apart), lower-cased.
 */
export function yamlErrorMessage(error: YAMLError): string {
  const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** A document's data, or undefined when building it expands more than MAX_ALIAS_COUNT aliases. */
export function boundedData(document: Document.Parsed): { data: unknown } | undefined {
  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (error instanceof ReferenceError) return undefined;
    throw error;
  }
}
