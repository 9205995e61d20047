// A worker that claims five files, as validate-worker.js does, then fails without reporting
// them: the main thread must check them again.
import { workerData } from "node:worker_threads";

const { jobs, next } = workerData;
for (let claimed = 0; claimed < 5 && Atomics.add(next, 0, 1) < jobs.length; claimed++);
throw new Error("simulated failure");
