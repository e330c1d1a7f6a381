// The options of the commands that run a fleet (check, build, verify): --jobs, --shard,
// --changed-since, the cache, and the progress line (a TTY only; never when piped or in CI).
import { Option, type Command } from "commander";
import { DEFAULT_CACHE_DIR, type FleetRunOptions } from "../fleet/settings.js";
import type { CliStreams } from "./context.js";

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

/** The library options for the flags; a string for a usage error (exit 2). */
export function fleetRunOptions(flags: FleetFlags, io: CliStreams, onProgress: (done: number, total: number) => void): FleetRunOptions | string {
  const out: FleetRunOptions = { onProgress };
  if (flags.jobs !== undefined) {
    if (!/^\s*\d+\s*$/.test(flags.jobs)) return `--jobs ${JSON.stringify(flags.jobs)} is not a number of worker threads from 1 to 256`;
    out.jobs = Number(flags.jobs);
  }
  if (flags.shard !== undefined) out.shard = flags.shard;
  if (flags.changedSince !== undefined) out.changedSince = flags.changedSince;
  out.cache = flags.cache === false ? false : (flags.cacheDir ?? io.env.STACKC_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  return out;
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
