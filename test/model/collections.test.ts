// The lists of id-bearing entities that the duplicate rules walk, and how repeats are found.
import { describe, expect, it } from "vitest";
import { collections, repeatedKeys } from "../../src/model/collections.js";
import type { Sla } from "../../src/model/index.js";
import { seededRandom } from "../helpers/yaml-fuzz.js";

/** The plain definition: each key equal to an earlier one, with the first such index. */
function reference(keys: (string | undefined)[]): [number, number][] {
  return keys.flatMap((key, later) => {
    const first = key === undefined ? -1 : keys.indexOf(key);
    return first >= 0 && first < later ? [[later, first] as [number, number]] : [];
  });
}

describe("repeatedKeys", () => {
  it("pairs each repeat with the first entry of that key, skipping undefined", () => {
    expect(repeatedKeys(["a", "b", undefined, "a", undefined, "b", "a"])).toEqual([
      [3, 0],
      [5, 1],
      [6, 0],
    ]);
    expect(repeatedKeys([])).toEqual([]);
  });

  it.each([5, 64, 65, 300])("agrees with the definition on lists of %i keys (short lists compare pairs, long ones hash)", (length) => {
    const random = seededRandom(length);
    for (let n = 0; n < 50; n++) {
      const keys = Array.from({ length }, () => (random() < 0.1 ? undefined : `k${Math.floor(random() * length * 1.5)}`));
      expect(repeatedKeys(keys)).toEqual(reference(keys));
    }
  });
});

describe("collections", () => {
  it("lists the entities of a document as it is now", () => {
    const sla = { icps: [{ id: "a" }, "not an entity", { id: "b" }], personas: [{ id: "p", name: "P" }] } as unknown as Sla;
    const listing = () => collections(sla).map((c) => [c.label, c.entries.map((e) => e.index)]);
    expect(listing()).toEqual([
      ["ICP", [0, 2]],
      ["persona", [0]],
    ]);
    sla.icps!.splice(0, 1);
    expect(listing()).toEqual([
      ["ICP", [1]],
      ["persona", [0]],
    ]);
  });
});
