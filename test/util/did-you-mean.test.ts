// "Did you mean": the bounded search gives the answers of the plain one, and a suggester asked
// about many names searches a bounded number of them.
import { describe, expect, it } from "vitest";
import { MAX_SEARCHED_NAMES, Suggester, boundedEditDistance, closestMatch, editDistance } from "../../src/util/did-you-mean.js";
import { seededRandom } from "../helpers/yaml-fuzz.js";

/** Strings over a few letters, so that random pairs are often close. */
function randomWords(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const letters = ["a", "b", "c", "A", "-", "ş", "営"];
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 9) }, () => letters[Math.floor(random() * letters.length)]).join(""));
}

/** closestMatch as it was before the search was bounded: every candidate compared in full. */
function plainClosestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(input.length / 3)) ? best : undefined;
}

describe("boundedEditDistance", () => {
  it.each([
    ["kitten", "sitting", 3, 3],
    ["kitten", "sitting", 2, 3],
    ["", "abc", 5, 3],
    ["abc", "", 1, 2],
    ["same", "same", 0, 0],
    ["ab", "ba", 0, 1],
    ["process-plant", "process-plants", 4, 1],
  ])("(%j, %j, bound %d) = %d", (a, b, bound, distance) => {
    expect(boundedEditDistance(a, b, bound)).toBe(distance);
  });

  it("is the edit distance up to the bound, and bound + 1 past it, over 4,000 random pairs", () => {
    const words = randomWords(8000, 7);
    for (let i = 0; i < words.length; i += 2) {
      const [a, b] = [words[i]!, words[i + 1]!];
      for (const bound of [0, 1, 2, 3, 5])
        expect([a, b, bound, boundedEditDistance(a, b, bound)]).toEqual([a, b, bound, Math.min(editDistance(a, b), bound + 1)]);
    }
  });
});

describe("closestMatch", () => {
  it("gives the answer of the plain search over 2,000 random names and lists", () => {
    const random = seededRandom(11);
    const words = randomWords(4000, 12);
    for (let i = 0; i < 2000; i++) {
      const input = words[i]!;
      const candidates = words.slice(2000 + Math.floor(random() * 1900)).slice(0, Math.floor(random() * 12));
      expect([input, candidates, closestMatch(input, candidates)]).toEqual([input, candidates, plainClosestMatch(input, candidates)]);
    }
  });

  it("takes the first of equally close candidates, and any iterable", () => {
    expect(closestMatch("xql", ["mql", "sql", "mal"])).toBe("mql");
    expect(closestMatch("xql", new Set(["sql", "mql"]))).toBe("sql");
  });
});

describe("Suggester", () => {
  const icps = ["process-plants", "water-utilities"];

  it("suggests as closestMatch does", () => {
    const suggester = new Suggester(new Set(icps));
    expect(suggester.suggest("process-plant")).toBe("process-plants");
    expect(suggester.suggest("Water-Utility")).toBe("water-utilities");
    expect(suggester.suggest("büyük-müşteri")).toBeUndefined();
  });

  it(`searches at most ${MAX_SEARCHED_NAMES} distinct names, and answers a name asked again as the first time`, () => {
    const suggester = new Suggester(icps);
    const typos = Array.from({ length: MAX_SEARCHED_NAMES + 50 }, (_, i) => `process-plant${String.fromCharCode(0x61 + (i % 26))}${Math.floor(i / 26)}`);
    const answers = typos.map((name) => suggester.suggest(name));
    expect(answers.slice(0, MAX_SEARCHED_NAMES)).toEqual(Array(MAX_SEARCHED_NAMES).fill("process-plants"));
    expect(answers.slice(MAX_SEARCHED_NAMES)).toEqual(Array(50).fill(undefined));
    // The names searched keep their answer, however many are asked after them.
    expect(typos.map((name) => suggester.suggest(name))).toEqual(answers);
  });
});
