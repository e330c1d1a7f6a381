// A fleet worker thread: one policy instance (and, through the validate stage, one compiled
// schema validator) for the thread's life, then one stack per task (stack-task.ts).
import { nodeIo } from "../io/node-io.js";
import type { DiscoveredManifest } from "../load/discover.js";
import { createPolicyStage } from "../policy/stage.js";
import { runStackTask, type StackOutcome, type StackTaskOptions } from "./stack-task.js";
import { serveTasks } from "./worker-protocol.js";

export interface WorkerInit {
  task: StackTaskOptions;
  /** The policy time (ISO), or null to run without the policy gate (verify). */
  now: string | null;
}

serveTasks<WorkerInit, DiscoveredManifest, StackOutcome>((init) => {
  const policy = init.now === null ? undefined : createPolicyStage({ now: new Date(init.now) });
  // workers read and write the real file system: a run with another Io stays in its thread
  return (manifest) => runStackTask(manifest, init.task, nodeIo, policy ? { policy } : {});
});
