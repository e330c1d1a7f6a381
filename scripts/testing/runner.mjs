// The test files of the suite, each in its own process, a few at a time.
//
// Why one process per file: a file that throws while loading, crashes (an unhandled EPIPE, an
// uncaught exception in a callback), exits early or hangs must fail ITSELF — one failure with its
// name printed — while every other file's counts still add up. In one shared uvu process the first
// such file ended the run and the whole suite was reported as "0 passed, 1 failed".
//
// Counts come from a side channel (run-file.mjs writes a JSON file named by $STACKC_TEST_RESULT),
// so nothing a test prints can be mistaken for a summary. Skips are uvu's own: tests registered
// with test.skip (see test/helpers/skip.ts) — a skipped test is never counted as passed.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RUN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "run-file.mjs");

/** Every `*.test.js` under `dir`, recursively, sorted by path (so runs are reproducible). */
export function findTestFiles(dir, pattern = /\.test\.js$/) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && /\.test\.js$/.test(entry.name) && pattern.test(p)) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Runs one test file; resolves to
 * `{ file, passed, failed, skipped, problem?, output, seconds }` — never rejects. `problem` says
 * why the file itself counts as a failure (load error, crash, timeout, exit status).
 */
export function runFile(file, { timeoutMs, cwd = process.cwd(), env = process.env, nodeArgs = [] } = {}) {
  const channel = mkdtempSync(path.join(tmpdir(), "stackc-test-"));
  const resultFile = path.join(channel, "result.json");
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    // its own process group, so a timeout also ends what the file started (terraform, opa, …)
    const child = spawn(process.execPath, [...nodeArgs, RUN_FILE, file], {
      cwd,
      env: { ...env, STACKC_TEST_RESULT: resultFile, FORCE_COLOR: env.FORCE_COLOR ?? "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    let timedOut = false;
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup("SIGKILL");
          }, timeoutMs);
    runFile.active.add(killGroup);
    const finish = (code, signal, spawnError) => {
      if (timer) clearTimeout(timer);
      runFile.active.delete(killGroup);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const output = Buffer.concat(chunks).toString("utf8");
      let counts;
      try {
        counts = JSON.parse(readFileSync(resultFile, "utf8"));
      } catch {
        counts = undefined;
      }
      rmSync(channel, { recursive: true, force: true });
      const base = { file, output, seconds };
      if (spawnError) return resolve({ ...base, passed: 0, failed: 1, skipped: 0, problem: `could not start: ${spawnError.message}` });
      if (timedOut) {
        const after = counts ? ` after its tests ran (${counts.passed} passed, ${counts.failed} failed)` : "";
        // the file's own results (if it got that far) plus one failure for the hang itself
        return resolve({ ...base, passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, skipped: counts?.skipped ?? 0, problem: `timed out after ${timeoutMs / 1000}s${after}; killed` });
      }
      if (!counts) {
        const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
        return resolve({ ...base, passed: 0, failed: 1, skipped: 0, problem: `${how} before reporting its tests (a load error or a crash)` });
      }
      if (code !== 0 && counts.failed === 0) {
        // every test passed, but the process then died: an unhandled rejection, an error event, …
        const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
        return resolve({ ...base, passed: counts.passed, failed: 1, skipped: counts.skipped, problem: `${how} after its tests passed` });
      }
      resolve({ ...base, passed: counts.passed, failed: counts.failed, skipped: counts.skipped });
    };
    child.on("error", (err) => finish(1, null, err));
    child.on("close", (code, signal) => finish(code, signal));
  });
}
/** Kill functions of the files still running (for Ctrl-C). */
runFile.active = new Set();

/**
 * Runs `files` with at most `concurrency` at a time and sums the counts. `onResult` sees each
 * file's result as it finishes (in completion order); the returned list is in `files` order.
 */
export async function runFiles(files, { concurrency = 2, timeoutMs, cwd, env, onResult = () => {} } = {}) {
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const result = await runFile(files[i], { timeoutMs, cwd, env });
      results[i] = result;
      onResult(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  return { results, passed: sum("passed"), failed: sum("failed"), skipped: sum("skipped") };
}

/** The closing line of every run: `N passed, N failed, N skipped`. */
export function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** Whether `p` exists and is a directory. */
export function isDirectory(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
