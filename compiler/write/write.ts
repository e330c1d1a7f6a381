// write: puts each stack's virtual files into out/<stack>/ durably and all or nothing, through
// the Io. Every stack is staged complete and flushed next to its target, then all are swapped in
// as one journaled transaction (durable/transaction.ts): a failure leaves the previous out/
// exactly as it was, and a kill at any instant leaves every stack entirely old or entirely new
// once the next writer has run. One writer at a time: out/.stackc.lock (durable/lock.ts). Files
// a later tool owns (e.g. kops/cluster.yaml from `stackc bind`) are carried over into the new folder.
import path from "node:path";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { preservedFolders } from "../model/preserve.js";
import type { VirtualFile } from "../model/virtual-file.js";
import { acquireOutLock, DEFAULT_LOCK_TIMEOUT_MS } from "./durable/lock.js";
import { stagingDir } from "./durable/names.js";
import { stageStack } from "./durable/stage.js";
import { commit, recover } from "./durable/transaction.js";

export { carried } from "./durable/carried.js";

export interface StackOutput {
  name: string;
  files: readonly VirtualFile[];
  /** Paths under out/<name>/ to keep from the previous folder (a trailing `/`: a folder, moved). */
  preserve: readonly string[];
}

export interface WriteStackOptions {
  /** How long to wait for another writer's lock on outDir, in milliseconds (default 30 s). */
  lockTimeoutMs?: number;
  /** Recorded in the lock for whoever has to wait (default "stackc write"). */
  command?: string;
}

/**
 * Takes outDir's lock, finishes an interrupted write, writes every stack and releases the lock.
 * Rejects with OutLockedError (durable/lock.ts) when another writer holds it past the timeout.
 */
export async function writeStackOutputs(outDir: string, stacks: readonly StackOutput[], io: Io = nodeIo, options: WriteStackOptions = {}): Promise<void> {
  const runId = newWriteId();
  const lock = await acquireOutLock(outDir, io, { command: options.command ?? "stackc write", runId, timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
  try {
    await recover(outDir, io);
    await writeLocked(outDir, stacks, runId, io);
  } finally {
    await lock.release();
  }
}

/** The write itself, for a caller that already holds outDir's lock and ran recover(). */
export async function writeLocked(outDir: string, stacks: readonly StackOutput[], runId: string, io: Io): Promise<void> {
  await io.mkdir(outDir);
  const staged: { name: string; dir: string; folders: string[] }[] = [];
  try {
    for (const stack of stacks) {
      const dir = stagingDir(outDir, stack.name, runId);
      staged.push({ name: stack.name, dir, folders: preservedFolders(stack.preserve) });
      await stageStack(dir, path.join(outDir, stack.name), stack.files, stack.preserve, io);
    }
  } catch (err) {
    await Promise.all(staged.map((s) => io.remove(s.dir)));
    throw err;
  }
  await commit(outDir, staged, runId, io);
}

/** Unique per write: names its staging and old folders and its lock token. */
export function newWriteId(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
