// A pool of worker threads running one task kind: tasks go out as workers free up (a worker
// holds at most `inFlight`, so a slow stack queues few others behind it), results come back tagged
// with their task's index and are handed to `onResult` in index order as soon as every earlier
// one is in — a stable order regardless of scheduling, with only the out-of-order results
// buffered. A worker that dies or throws fails the run (no silent loss of a stack).
import { createRequire } from "node:module";
import type { Worker } from "node:worker_threads";

// node:worker_threads is loaded by the first pool: a run of one stack (a cold check) never starts one
const require = createRequire(import.meta.url);

export interface PoolOptions<Init> {
  /** The worker module (an ES module or a .cjs file). */
  file: string | URL;
  /** Passed to every worker once, as workerData. */
  init: Init;
  /** Number of workers (at least 1, at most the number of tasks). */
  size: number;
  /**
   * Tasks a worker holds at once (default 1). Two let a worker compile one stack while another
   * waits on its fsyncs, but on the 2-core bench that built 500 stacks no faster and held more
   * memory (peak RSS of 2000 stacks 1.42 × that of 100, against 1.36 × with one).
   */
  inFlight?: number;
}

interface ResultMessage<R> {
  type: "result";
  index: number;
  value: R;
}
interface FailureMessage {
  type: "failure";
  index: number;
  message: string;
  stack?: string;
}
type WorkerMessage<R> = ResultMessage<R> | FailureMessage;

export class WorkerTaskError extends Error {
  constructor(
    message: string,
    readonly workerStack?: string,
  ) {
    super(message);
  }
}

/** Runs every task on the pool; onResult(index, value) is called in index order. */
export async function runPool<Init, T, R>(options: PoolOptions<Init>, tasks: readonly T[], onResult: (index: number, value: R) => void | Promise<void>): Promise<void> {
  if (tasks.length === 0) return;
  const size = Math.max(1, Math.min(options.size, tasks.length));
  const inFlight = Math.max(1, options.inFlight ?? 1);
  const workers: Worker[] = [];
  const held = new Map<Worker, number>();
  const pending = new Map<number, R>();
  let nextTask = 0;
  let nextResult = 0;
  let failed: Error | undefined;
  let chain = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    let alive = size;
    const fail = (err: Error) => {
      if (failed) return;
      failed = err;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (worker: Worker) => {
      if (failed) return;
      while (nextTask < tasks.length && (held.get(worker) ?? 0) < inFlight) {
        const index = nextTask++;
        held.set(worker, (held.get(worker) ?? 0) + 1);
        worker.postMessage({ index, task: tasks[index] });
      }
      // no more work and none held: the worker exits (never earlier: it still has results to send)
      if (nextTask >= tasks.length && (held.get(worker) ?? 0) === 0) worker.postMessage({ index: -1 });
    };
    for (let i = 0; i < size; i++) {
      const { Worker: WorkerThread } = require("node:worker_threads") as typeof import("node:worker_threads");
      const worker = new WorkerThread(options.file, { workerData: options.init });
      workers.push(worker);
      worker.on("message", (message: WorkerMessage<R>) => {
        if (message.type === "failure") {
          fail(new WorkerTaskError(message.message, message.stack));
          return;
        }
        pending.set(message.index, message.value);
        held.set(worker, (held.get(worker) ?? 1) - 1);
        feed(worker);
        // deliver every result that is next in order (serialized: onResult may be async)
        chain = chain.then(async () => {
          while (!failed && pending.has(nextResult)) {
            const value = pending.get(nextResult)!;
            pending.delete(nextResult);
            await onResult(nextResult, value);
            nextResult++;
          }
        });
        chain.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
      });
      worker.on("error", (err) => fail(err));
      worker.on("exit", (code) => {
        alive--;
        if (code !== 0 && !failed) fail(new Error(`a stackc worker thread exited with code ${code}`));
        if (alive === 0 && !failed) {
          chain.then(() => {
            if (nextResult !== tasks.length && !failed) fail(new Error(`worker pool ended with ${tasks.length - nextResult} results missing`));
            else resolve();
          }, reject);
        }
      });
      feed(worker);
    }
  });
}
