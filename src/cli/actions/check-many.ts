// A large `sla validate` call shares its files between this thread and worker threads: YAML
// parsing is most of the work, and it is independent per file.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkClaimed, checkFile, type CheckOptions, type FileJob, type FileResult } from "./check-files.js";
import type { WorkerInput, WorkerOutput } from "./validate-worker.js";

/** `--concurrency`: threads checking files (this one included), or let the size of the call decide. */
export type Concurrency = number | "auto" | "off";

/**
 * Starting a worker costs about as much as checking 50 files, and it starts while this thread
 * is already checking; below this many files per thread it does not pay for itself.
 */
const FILES_PER_THREAD = 150;
const MAX_AUTO_THREADS = 4;
/**
 * One thread already keeps about one and a half cores busy (V8 collects garbage and compiles on
 * others). On a 2-core machine two threads measured no faster than one, so `auto` shares files
 * only from four cores up.
 */
const MIN_CORES_TO_SHARE = 4;

/** How many threads to use in all, this one included. */
export function threadCount(files: number, concurrency: Concurrency, cores = availableParallelism()): number {
  if (concurrency === "off") return 1;
  const wanted =
    concurrency !== "auto" ? concurrency : cores < MIN_CORES_TO_SHARE ? 1 : Math.min(cores, MAX_AUTO_THREADS, Math.floor(files / FILES_PER_THREAD));
  return Math.max(1, Math.min(wanted, files));
}

/** The results of all jobs, in job order, whichever thread checked them. */
export async function checkFiles(jobs: readonly FileJob[], options: CheckOptions, concurrency: Concurrency): Promise<FileResult[]> {
  const threads = threadCount(jobs.length, concurrency);
  // Standard input can be read only here.
  if (threads === 1 || jobs.some((job) => job.file === "-")) return jobs.map((job) => checkFile(job, options));

  const results: Array<FileResult | undefined> = new Array(jobs.length);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const helpers = Array.from({ length: threads - 1 }, () => runWorker({ jobs: [...jobs], next, options }, results));
  let here = 0;
  checkClaimed(jobs, next, options, (index, result) => {
    results[index] = result;
    here++;
  });
  const byWorkers = await Promise.all(helpers);
  if (process.env.SLA_DEBUG) process.stderr.write(`sla: ${jobs.length} files: ${[here, ...byWorkers].join(" + ")} by ${threads} threads\n`);
  // A worker that failed took its claimed files with it; check them here, where an error
  // surfaces as in a single-thread run.
  return results.map((result, index) => result ?? checkFile(jobs[index]!, options));
}

/** Runs one worker to the end; resolves with how many files it checked. */
function runWorker(input: WorkerInput, results: Array<FileResult | undefined>): Promise<number> {
  return new Promise((resolve) => {
    let checked = 0;
    // validate-worker.js sits beside this module both in dist/cli/actions and in the bundle.
    const worker = new Worker(new URL("./validate-worker.js", import.meta.url), { workerData: input });
    worker.once("message", (batch: WorkerOutput) => {
      for (const [index, result] of batch) results[index] = result;
      checked = batch.length;
    });
    worker.once("error", (error) => {
      if (process.env.SLA_DEBUG) process.stderr.write(`sla: a worker failed, its files are checked again: ${error.stack ?? error.message}\n`);
    });
    worker.once("exit", () => resolve(checked));
  });
}
