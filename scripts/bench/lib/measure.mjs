// Measuring whole processes for the bench: wall time of a spawned command, its peak RSS, and
// medians over repeated runs. Nothing here asserts a speed; the bench only prints.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const cli = path.join(root, "bin", "stackc.js");
const rssHook = path.join(root, "scripts", "bench", "lib", "rss.mjs");
const scratch = mkdtempSync(path.join(os.tmpdir(), "stackc-bench-rss-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `node <args>` once; returns {ms, rss (bytes, when measureRss), status, stdout, stderr}.
 * `expect` is the exit code the run must end with (a bench over failing runs measures nothing).
 */
export function runNode(args, { cwd = root, measureRss = false, expect = 0, env = {} } = {}) {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = measureRss ? ["--import", rssHook, ...args] : args;
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...env, ...(measureRss ? { BENCH_RSS_FILE: rssFile } : {}) },
  });
  const ms = performance.now() - t;
  if (expect !== undefined && r.status !== expect) {
    throw new Error(`node ${args.join(" ")} exited ${r.status} (expected ${expect})\n${(r.stderr || "").slice(0, 2000)}${(r.stdout || "").slice(-2000)}`);
  }
  const rss = measureRss ? Number(readFileSync(rssFile, "utf8")) : undefined;
  return { ms, rss, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `runs` runs of `fn` (after `warmup` unmeasured ones); medians of ms and rss. */
export function repeat(runs, fn, { warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const ms = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const r = fn(i);
    ms.push(r.ms);
    if (r.rss !== undefined) rss.push(r.rss);
  }
  return { ms: median(ms), rss: rss.length ? median(rss) : undefined, samples: ms };
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtMiB = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

/** A fixed-width table: rows of strings, first row the header. */
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  ")).join("\n");
}
