// The worker side of pool.ts: receive {index, task}, answer {type: "result", index, value} or
// {type: "failure", index, message, stack}; an index of -1 means no more work (the thread ends).
import { parentPort, workerData } from "node:worker_threads";

export function serveTasks<Init, T, R>(handler: (init: Init) => (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks runs only inside a worker thread");
  const run = handler(workerData as Init);
  port.on("message", async (message: { index: number; task?: T }) => {
    if (message.index < 0) {
      port.close();
      return;
    }
    try {
      port.postMessage({ type: "result", index: message.index, value: await run(message.task as T) });
    } catch (err) {
      port.postMessage({ type: "failure", index: message.index, message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
    }
  });
}
