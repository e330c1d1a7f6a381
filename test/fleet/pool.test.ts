// pool.ts: every task runs once, results arrive in task order whatever the scheduling, a worker
// holds up to `inFlight` tasks (and is told to stop only once it holds none), a failure fails the run.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runPool } from "../../compiler/fleet/pool.js";

// the worker side of the protocol (worker-protocol.ts), inline: a task {ms, fail?} waits ms and
// answers with how many tasks this worker held at that moment
const WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { parentPort, threadId } from "node:worker_threads";
let held = 0;
parentPort.on("message", async ({ index, task }) => {
  if (index < 0) return parentPort.close();
  held++;
  const heldAtStart = held;
  await new Promise((r) => setTimeout(r, task.ms));
  held--;
  if (task.fail) parentPort.postMessage({ type: "failure", index, message: "task " + index + " failed" });
  else parentPort.postMessage({ type: "result", index, value: { index, heldAtStart, thread: threadId } });
});`)}`,
);

type Result = { index: number; heldAtStart: number; thread: number };

async function run(tasks: { ms: number; fail?: boolean }[], size: number, inFlight?: number): Promise<{ order: number[]; results: Result[] }> {
  const order: number[] = [];
  const results: Result[] = [];
  await runPool<null, { ms: number }, Result>({ file: WORKER, init: null, size, ...(inFlight !== undefined ? { inFlight } : {}) }, tasks, (i, r) => {
    order.push(i);
    results.push(r);
  });
  return { order, results };
}

// later tasks finish first: the order must still be the tasks'
const uneven = Array.from({ length: 24 }, (_, i) => ({ ms: (24 - i) % 7 }));

test("every task once, results in task order, on 2 workers holding 2 tasks each", async () => {
  const { order, results } = await run(uneven, 2, 2);
  assert.equal(order, uneven.map((_, i) => i));
  assert.equal(results.map((r) => r.index), order);
  assert.is(new Set(results.map((r) => r.thread)).size, 2);
  assert.ok(results.some((r) => r.heldAtStart === 2), "a worker held two tasks at once");
  assert.ok(results.every((r) => r.heldAtStart <= 2));
});

test("by default a worker never holds more than one task", async () => {
  const { order, results } = await run(uneven, 2);
  assert.equal(order, uneven.map((_, i) => i));
  assert.ok(results.every((r) => r.heldAtStart === 1));
});

test("fewer tasks than workers × inFlight: all delivered, the pool ends", async () => {
  const { order } = await run([{ ms: 5 }, { ms: 1 }, { ms: 3 }], 4, 3);
  assert.equal(order, [0, 1, 2]);
});

test("a failing task fails the run with its message", async () => {
  try {
    await run([{ ms: 1 }, { ms: 1, fail: true }, { ms: 1 }, { ms: 1 }], 2, 2);
    assert.unreachable("the run should fail");
  } catch (err) {
    assert.match((err as Error).message, /task 1 failed/);
  }
});

test.run();
