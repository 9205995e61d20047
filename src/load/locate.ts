import type { Document, Node } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import type { JsonPath } from "../findings.js";

/**
 * Offsets [start, end) of the node at `path`. When the path goes deeper than the document
 * (a missing property), the deepest node that exists is returned: the parent of what is missing.
 */
export function locate(document: Document, path: JsonPath, at: "key" | "value"): [number, number] | undefined {
  const { isMap, isScalar, isSeq } = yamlLib();
  let node: unknown = document.contents;
  let range = rangeOfNode(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
