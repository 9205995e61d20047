import type { Document, Node, Pair, YAMLMap } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import type { JsonPath } from "../findings.js";

/**
 * Offsets [start, end) of the node at `path`. When the path goes deeper than the document
 * (a missing property), the deepest node that exists is returned: the parent of what is missing.
 */
export function locate(document: Document, path: JsonPath, at: "key" | "value"): [number, number] | undefined {
  const { isMap, isSeq } = yamlLib();
  let node: unknown = document.contents;
  let range = rangeOfNode(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      const keyRange = rangeOfNode(pair.key);
      const valueRange = rangeOfNode(pair.value);
      if (last && at === "key") return keyRange ?? range;
      range = valueRange ?? keyRange ?? range;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      range = rangeOfNode(item) ?? range;
      node = item;
    } else {
      break;
    }
  }
  return range;
}

function rangeOfNode(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** Mappings longer than this are looked up through an index rather than searched. */
const SEARCHED_PAIRS = 16;
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The first pair of `map` whose key reads as `key`. A file with thousands of findings in one
 * mapping (unknown keys) looks up as many keys there: searching for each was quadratic, so a
 * long mapping gets an index, built on its first lookup.
 */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const { isScalar } = yamlLib();
  if (map.items.length <= SEARCHED_PAIRS) return map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!index.has(name)) index.set(name, item);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}
