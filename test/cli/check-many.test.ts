// How a large `sla validate` call decides how many threads share its files.
import { describe, expect, it } from "vitest";
import { threadCount } from "../../src/cli/actions/check-many.js";

describe("threadCount", () => {
  it.each([
    ["off", 1000, "off", 8, 1],
    ["a number", 1000, 3, 2, 3],
    ["a number above the file count", 2, 8, 8, 2],
    ["auto on two cores (measured no faster with two threads)", 1000, "auto", 2, 1],
    ["auto on four cores", 1000, "auto", 4, 4],
    ["auto on many cores, at most four threads", 5000, "auto", 32, 4],
    ["auto with a thread per 150 files", 320, "auto", 8, 2],
    ["auto with few files", 149, "auto", 8, 1],
  ] as const)("%s", (_name, files, concurrency, cores, threads) => {
    expect(threadCount(files, concurrency, cores)).toBe(threads);
  });
});
