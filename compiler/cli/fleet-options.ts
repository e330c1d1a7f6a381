// The options of the commands that run a fleet (check, build, verify): --jobs, --shard,
// --changed-since, and the progress line (a TTY only; never when piped or in CI).
import { execFile } from "node:child_process";
import { Option, type Command } from "commander";
import path from "node:path";
import { DEFAULT_CACHE_DIR, type RunKeyParts, StackCache, runKey } from "../fleet/cache.js";
import { ChangedSinceError, changedFiles } from "../fleet/changed.js";
import { type Shard, parseShard } from "../fleet/shard.js";
import type { CliStreams } from "./io.js";

export interface FleetFlags {
  jobs?: string;
  shard?: string;
  changedSince?: string;
  /** false with --no-cache */
  cache?: boolean;
  cacheDir?: string;
}

export function addFleetOptions(command: Command): Command {
  return command
    .addOption(new Option("-j, --jobs <n>", "worker threads (default: the number of cores; 1 = no workers)"))
    .addOption(new Option("--shard <k/n>", "only the k-th of n deterministic slices of the stacks (CI matrices)"))
    .addOption(new Option("--changed-since <git-ref>", "only stacks whose manifest or a base it extends differs from <git-ref> (committed, staged, unstaged or untracked)"))
    .addOption(new Option("--cache-dir <dir>", `where results are cached by their inputs' hash (safe to delete; default ${DEFAULT_CACHE_DIR}, or $STACKC_CACHE_DIR)`))
    .addOption(new Option("--no-cache", "compile every stack, neither reading nor writing the cache"));
}

/** The run's cache, or undefined (--no-cache, or a build without a build id: a tsc-only build). */
export function fleetCache(flags: FleetFlags, io: CliStreams, parts: RunKeyParts): StackCache | undefined {
  if (flags.cache === false) return undefined;
  const key = runKey(parts);
  if (key === undefined) return undefined;
  const dir = path.resolve(io.cwd, flags.cacheDir ?? io.env.STACKC_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  return new StackCache(dir, key, io.cwd);
}

export interface FleetSelection {
  jobs?: number;
  shard?: Shard;
  changed?: Set<string>;
}

/** The parsed flags, or an error message for a usage error (exit 2). */
export async function parseFleetFlags(flags: FleetFlags, io: CliStreams): Promise<FleetSelection | { error: string }> {
  const out: FleetSelection = {};
  if (flags.jobs !== undefined) {
    const jobs = /^\d+$/.test(flags.jobs.trim()) ? Number(flags.jobs) : NaN;
    if (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > 256) return { error: `--jobs ${JSON.stringify(flags.jobs)} is not a number of worker threads from 1 to 256` };
    out.jobs = jobs;
  }
  if (flags.shard !== undefined) {
    const shard = parseShard(flags.shard);
    if (!shard) return { error: `--shard ${JSON.stringify(flags.shard)} is not k/n with 1 ≤ k ≤ n (e.g. --shard 2/4)` };
    out.shard = shard;
  }
  if (flags.changedSince !== undefined) {
    try {
      out.changed = await changedFiles(flags.changedSince, io.cwd, git);
    } catch (err) {
      if (err instanceof ChangedSinceError) return { error: err.message };
      throw err;
    }
  }
  return out;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err) reject(new Error(stderr.trim() || err.message));
      else resolve(stdout);
    });
  });
}

/**
 * A progress line on stderr for runs long enough to need one: only when both streams are a TTY
 * and not in CI, redrawn at most every 100 ms after the first second, erased at the end.
 */
export function progressLine(io: CliStreams, label: string, delayMs = 1000): { update(done: number, total: number): void; end(): void } {
  const enabled = io.stdout.isTTY === true && io.stderr.isTTY === true && !io.env.CI;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < delayMs || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${label} ${done}/${total} stacks (${((now - started) / 1000).toFixed(1)} s)`);
    },
    end() {
      if (shown) io.stderr.write("\r\u001b[2K");
    },
  };
}

/** `{ cache }` when there is one (exactOptionalPropertyTypes-friendly spread). */
export function cacheOption(cache: StackCache | undefined): { cache?: StackCache } {
  return cache ? { cache } : {};
}
