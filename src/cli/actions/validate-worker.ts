// A helper thread of a large `sla validate` call (check-many.ts): checks the files it claims
// and sends their results back in one message.
import { parentPort, workerData } from "node:worker_threads";
import type { CheckOptions, FileJob, FileResult } from "./check-files.js";
import { checkClaimed } from "./check-many.js";

export interface WorkerInput {
  jobs: readonly FileJob[];
  next: Int32Array;
  options: CheckOptions;
}

/** Results by job index. */
export type WorkerOutput = Array<[number, FileResult]>;

const { jobs, next, options } = workerData as WorkerInput;
const results: WorkerOutput = [];
checkClaimed(jobs, next, options, (index, result) => results.push([index, result]));
parentPort?.postMessage(results);
