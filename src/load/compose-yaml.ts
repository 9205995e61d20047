// Composes a YAML document with `yaml`, duplicate keys reported. `yaml`'s own check
// (`uniqueKeys: true`) compares each key with every key before it in its mapping, time
// quadratic in the keys of a mapping: the document is composed with the check off, and one
// pass over it finds the same repeats from a set of the keys seen so far.
import type { Document, LineCounter, YAMLError } from "yaml";
import { yamlLib } from "./yaml-lib.js";

/** The document of `text`, with `yaml`'s errors and one for each repeated key in a mapping. */
export function composeYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  let document: Document.Parsed;
  try {
    document = yamlLib().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    if (error instanceof RangeError && error.message.includes("call stack")) return outOfStack();
    throw error;
  }
  document.errors = mergeByOffset(document.errors, duplicateKeyErrors(document));
  return document;
}

/**
 * `yaml`'s parser recurses once per level of structure it has open, and thousands of keys each
 * indented under the one before overflow the stack: an empty document with an error saying so,
 * rather than an internal error.
 */
function outOfStack(): Document.Parsed {
  const { YAMLParseError, parseDocument } = yamlLib();
  const document = parseDocument("");
  const message = "The structure nests too deeply for the YAML reader (thousands of lines, each indented under the one before?); check the indentation";
  document.errors = [new YAMLParseError([0, 1], "RESOURCE_EXHAUSTION", message)];
  return document;
}

/**
 * `yaml`'s DUPLICATE_KEY errors for `document` composed with `uniqueKeys: false`: one for each
 * key whose scalar value equals (===) an earlier key's in the same mapping, as `yaml` judges
 * (`1` and `0x1` are the same key, two `.nan` keys are not, collections and aliases as keys
 * never repeat). Each is placed at the key itself, where `yaml` places a key that follows an
 * empty value at the end of that value's line.
 */
function duplicateKeyErrors(document: Document.Parsed): YAMLError[] {
  const { YAMLParseError, isScalar, visit } = yamlLib();
  const errors: YAMLError[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue;
        const value = key.value;
        // === and a Set agree on every value but NaN.
        if (typeof value === "number" && Number.isNaN(value)) continue;
        if (seen.has(value)) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"));
        else seen.add(value);
      }
    },
  });
  // The walk meets a mapping's keys before those of the mappings inside it.
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * `errors` with `added` placed among them by offset, each after the errors at or before its
 * offset: where `yaml` reports a duplicate key while composing, after the errors of the key
 * itself and before those of its value.
 */
function mergeByOffset(errors: readonly YAMLError[], added: readonly YAMLError[]): YAMLError[] {
  if (added.length === 0) return [...errors];
  const merged: YAMLError[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < added.length && added[next]!.pos[0] < error.pos[0]) merged.push(added[next++]!);
    merged.push(error);
  }
  while (next < added.length) merged.push(added[next++]!);
  return merged;
}
