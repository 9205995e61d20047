// A large `sla validate` call shares its files between this thread and worker threads: YAML
// parsing is most of the work, and it is independent per file.
import { availableParallelism } from "node:os";
import { checkFile, type CheckOptions, type FileJob, type FileResult } from "./check-files.js";
import type { Worker } from "node:worker_threads";
import type { WorkerInput, WorkerOutput } from "./validate-worker.js";
import { word } from "../../i18n/catalog.js";
import { message } from "../../i18n/message.js";

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

/** How many threads to use in all, this one included: never more than cores or files. */
export function threadCount(files: number, concurrency: Concurrency, cores = availableParallelism()): number {
  if (concurrency === "off") return 1;
  const wanted =
    concurrency !== "auto"
      ? Math.min(concurrency, cores)
      : cores < MIN_CORES_TO_SHARE
        ? 1
        : Math.min(cores, MAX_AUTO_THREADS, Math.floor(files / FILES_PER_THREAD));
  return Math.max(1, Math.min(wanted, files));
}

/** validate-worker.js sits beside this module both in dist/cli/actions and in the bundle. */
const WORKER = new URL("./validate-worker.js", import.meta.url);

/** The results of all jobs, in job order, whichever thread checked them. */
export async function checkFiles(
  jobs: readonly FileJob[],
  options: CheckOptions,
  concurrency: Concurrency,
  { worker = WORKER, cores = availableParallelism() }: { worker?: URL; cores?: number } = {},
): Promise<FileResult[]> {
  const threads = threadCount(jobs.length, concurrency, cores);
  // Standard input can be read only here.
  if (threads === 1 || jobs.some((job) => job.file === "-")) return jobs.map((job) => checkFile(job, options));

  // Loaded here: most calls never start a worker.
  const { Worker } = await import("node:worker_threads");
  const results: Array<FileResult | undefined> = Array.from({ length: jobs.length });
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const helpers = Array.from({ length: threads - 1 }, () =>
    runWorker(new Worker(worker, { workerData: { jobs, next, options } satisfies WorkerInput }), results, options.locale),
  );
  let here = 0;
  checkClaimed(jobs, next, options, (index, result) => {
    results[index] = result;
    here++;
  });
  const byWorkers = await Promise.all(helpers);
  // A worker that failed took the files it claimed with it; check them here, where an error
  // surfaces as in a single-thread run.
  let again = 0;
  const all = results.map((result, index) => result ?? (again++, checkFile(jobs[index]!, options)));
  if (process.env.SLA_DEBUG)
    process.stderr.write(`sla: ${jobs.length} files: ${[here, ...byWorkers].join(" + ")} by ${threads} threads, ${again} checked again\n`);
  return all;
}

/**
 * Checks jobs until none is left, claiming each by its index from a counter that every thread
 * on the call shares, so a thread that starts late or reads slow files simply takes fewer.
 */
export function checkClaimed(jobs: readonly FileJob[], next: Int32Array, options: CheckOptions, onResult: (index: number, result: FileResult) => void): void {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) onResult(index, checkFile(jobs[index]!, options));
}

/** Follows one worker to its end; resolves with how many files it checked. */
function runWorker(worker: Worker, results: Array<FileResult | undefined>, locale = "en"): Promise<number> {
  return new Promise((resolve) => {
    let checked = 0;
    worker.once("message", (batch: WorkerOutput) => {
      for (const [index, result] of batch) results[index] = result;
      checked = batch.length;
    });
    // The report stays right (its files are checked again here), but a worker that cannot
    // start means a broken install, which should not go unnoticed.
    worker.once("error", (error) => {
      process.stderr.write(`sla: ${word(message("cli/validate.worker-failed", { detail: error.message }), locale)}\n`);
      if (process.env.SLA_DEBUG) process.stderr.write(`${error.stack}\n`);
    });
    worker.once("exit", () => resolve(checked));
  });
}
