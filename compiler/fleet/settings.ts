// The fleet options of the library's check, build and verify, resolved for a run: the number
// of worker threads, the shard, the changed files since a git ref (git runs through the Io),
// and the stack cache for the run's key. Bad values are a FleetUsageError (the CLI's exit 2).
import path from "node:path";
import type { Io } from "../io/io.js";
import { DEFAULT_CACHE_DIR, type RunKeyParts, StackCache, runKey } from "./cache.js";
import { ChangedSinceError, changedFiles } from "./changed.js";
import type { FleetOptions } from "./run.js";
import { parseShard } from "./shard.js";

export { DEFAULT_CACHE_DIR } from "./cache.js";

export interface FleetRunOptions {
  /** Worker threads (default: the cores, for runs large enough to gain from them); 1 = none. */
  jobs?: number;
  /** "k/n": only the k-th of n deterministic slices of the stacks. */
  shard?: string;
  /** Only stacks whose manifest or a base differs from this git ref (committed, staged, unstaged, untracked). */
  changedSince?: string;
  /** The stack cache folder (relative to cwd), or false/undefined for none. */
  cache?: string | false;
  /** After each stack, in report order. */
  onProgress?: (done: number, total: number) => void;
}

export class FleetUsageError extends Error {
  override name = "FleetUsageError";
}

export async function fleetSettings(
  options: FleetRunOptions,
  run: { cwd: string; io: Io; key: Omit<RunKeyParts, "io"> },
): Promise<Pick<FleetOptions, "jobs" | "shard" | "changed" | "cache" | "onProgress">> {
  const out: Pick<FleetOptions, "jobs" | "shard" | "changed" | "cache" | "onProgress"> = {};
  if (options.jobs !== undefined) {
    if (!Number.isSafeInteger(options.jobs) || options.jobs < 1 || options.jobs > 256) throw new FleetUsageError(`--jobs ${options.jobs} is not a number of worker threads from 1 to 256`);
    out.jobs = options.jobs;
  }
  if (options.shard !== undefined) {
    const shard = parseShard(options.shard);
    if (!shard) throw new FleetUsageError(`--shard ${JSON.stringify(options.shard)} is not k/n with 1 ≤ k ≤ n (e.g. --shard 2/4)`);
    out.shard = shard;
  }
  if (options.changedSince !== undefined) {
    const git = async (args: readonly string[], cwd: string) => {
      const r = run.io.spawnSync("git", args, { cwd, timeout: 120_000 });
      if (r.error || r.status !== 0) throw new Error((r.stderr || r.error?.message || `git exited ${r.status}`).trim());
      return r.stdout;
    };
    try {
      out.changed = await changedFiles(options.changedSince, run.cwd, git);
    } catch (err) {
      if (err instanceof ChangedSinceError) throw new FleetUsageError(err.message);
      throw err;
    }
  }
  if (options.cache) {
    const key = runKey({ ...run.key, io: run.io });
    if (key !== undefined) out.cache = new StackCache(path.resolve(run.cwd, options.cache), key, run.cwd, run.io);
  }
  if (options.onProgress) out.onProgress = options.onProgress;
  return out;
}
