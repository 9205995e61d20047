// How a large `sla validate` call decides how many threads share its files.
import { describe, expect, it, vi } from "vitest";
import { checkFiles, threadCount } from "../../src/cli/actions/check-many.js";

describe("threadCount", () => {
  it.each([
    ["off", 1000, "off", 8, 1],
    ["a number", 1000, 3, 4, 3],
    ["a number above the core count", 1000, 64, 2, 2],
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

describe("checkFiles", () => {
  const jobs = Array.from({ length: 200 }, (_, i) => ({
    file: i % 7 === 3 ? "test/fixtures/invalid/three-errors.sla.yaml" : "sla.example.yaml",
    name: `team-${i}.sla.yaml`,
  }));
  const options = { config: { rules: {} }, quiet: false };

  it("checks again the files a failed worker claimed, and says a worker failed", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.stubEnv("SLA_DEBUG", "1");
    try {
      const shared = await checkFiles(jobs, options, 2, { worker: new URL("../helpers/failing-worker.mjs", import.meta.url), cores: 4 });
      const alone = await checkFiles(jobs, options, "off");
      expect(shared).toEqual(alone);
      const said = stderr.mock.calls.map(([text]) => String(text)).join("");
      expect(said).toContain("sla: warning: a worker thread failed; its files are checked on the main thread (simulated failure)");
      expect(said).toMatch(/200 files: 195 \+ 0 by 2 threads, 5 checked again/);
    } finally {
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
