// out/.stackc.lock (compiler/write/durable/lock.ts): one writer of an output folder at a time, a
// clear error naming the holder after --lock-timeout, stale locks of dead processes taken over,
// never a lock from another host.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMemoryIo } from "../../compiler/index.js";
import { acquireOutLock, OutLockedError, parseHolder } from "../../compiler/write/durable/lock.js";
import { LOCK_NAME } from "../../compiler/write/durable/names.js";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";

const OUT = "/w/out";
const LOCK = path.join(OUT, LOCK_NAME);
const holderText = (pid: number, host: string, token = "t-other") =>
  `${JSON.stringify({ pid, host, command: "stackc build stacks/", started: "2026-12-06T22:00:00.000Z", token })}\n`;
const noSleep = async () => undefined;

async function lockError(p: Promise<unknown>): Promise<OutLockedError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OutLockedError) return err;
    throw err;
  }
  assert.unreachable("the lock was taken although it is held");
  throw new Error("unreachable");
}

test("taken exclusively with who holds it; released only by its holder", async () => {
  const io = createMemoryIo({ hostname: "ci-7" });
  const lock = await acquireOutLock(OUT, io, { command: "stackc build stacks/", runId: "r1", timeoutMs: 0 });
  const holder = parseHolder(await io.readFile(LOCK));
  assert.equal(holder && { pid: holder.pid, host: holder.host, command: holder.command, token: holder.token }, { pid: process.pid, host: "ci-7", command: "stackc build stacks/", token: "r1" });
  assert.match(holder!.started, /^\d{4}-\d\d-\d\dT/);
  // a second writer in this very process waits for it like any other
  const second = await lockError(acquireOutLock(OUT, io, { command: "stackc bind stacks/dev.yaml", runId: "r2", timeoutMs: 0 }));
  assert.is(second.holder?.token, "r1");
  await lock.release();
  assert.not.ok(io.snapshot().has(LOCK));
  const again = await acquireOutLock(OUT, io, { command: "stackc build stacks/", runId: "r3", timeoutMs: 0 });
  // releasing a lock that is no longer ours (someone broke it and took it) leaves theirs alone
  await io.writeFile(LOCK, holderText(4242, "ci-7"));
  await again.release();
  assert.ok(io.snapshot().has(LOCK));
});

test("a live holder: after the timeout, an error naming its command, pid, host and start time", async () => {
  const io = createMemoryIo({ hostname: "ci-7", processAlive: (pid) => pid === 4242 || pid === process.pid });
  await io.mkdir(OUT);
  await io.writeFile(LOCK, holderText(4242, "ci-7"));
  let slept = 0;
  const err = await lockError(acquireOutLock(OUT, io, { command: "stackc build x", runId: "r1", timeoutMs: 1000, pollMs: 100, sleep: async (ms) => void (slept += ms) }));
  assert.is(slept, 1000);
  assert.is(err.waitedMs, 1000);
  assert.is(err.message, `${LOCK} is held by stackc build stacks/ (pid 4242 on ci-7, since 2026-12-06T22:00:00.000Z)`);
  assert.is(io.snapshot().get(LOCK), holderText(4242, "ci-7"));
});

test("a holder that finishes while we wait: the lock is taken then", async () => {
  const io = createMemoryIo({ hostname: "ci-7", processAlive: () => true });
  await io.mkdir(OUT);
  await io.writeFile(LOCK, holderText(4242, "ci-7"));
  let polls = 0;
  const sleep = async () => {
    if (++polls === 3) await io.remove(LOCK);
  };
  const lock = await acquireOutLock(OUT, io, { command: "stackc build x", runId: "r1", timeoutMs: 10_000, pollMs: 100, sleep });
  assert.is(polls, 3);
  assert.is(lock.holder.token, "r1");
});

test("stale: a dead pid on this host is taken over at once; another host's lock never is", async () => {
  const io = createMemoryIo({ hostname: "ci-7", processAlive: (pid) => pid === process.pid });
  await io.mkdir(OUT);
  await io.writeFile(LOCK, holderText(999_999, "ci-7"));
  const lock = await acquireOutLock(OUT, io, { command: "stackc build x", runId: "r1", timeoutMs: 0, sleep: noSleep });
  assert.is(parseHolder(await io.readFile(LOCK))?.token, "r1");
  assert.equal([...io.snapshot().keys()].filter((p) => p.startsWith(OUT)), [LOCK]);
  await lock.release();

  await io.writeFile(LOCK, holderText(999_999, "laptop-3"));
  const err = await lockError(acquireOutLock(OUT, io, { command: "stackc build x", runId: "r2", timeoutMs: 500, pollMs: 100, sleep: noSleep }));
  assert.is(err.holder?.host, "laptop-3");
});

test("an unreadable lock file gets one poll interval to be written, then counts as stale", async () => {
  const io = createMemoryIo({ hostname: "ci-7" });
  await io.mkdir(OUT);
  await io.writeFile(LOCK, "");
  const quick = await lockError(acquireOutLock(OUT, io, { command: "stackc build x", runId: "r1", timeoutMs: 0, sleep: noSleep }));
  assert.is(quick.holder, undefined);
  assert.match(quick.message, "exists but does not say who holds it");
  const lock = await acquireOutLock(OUT, io, { command: "stackc build x", runId: "r2", timeoutMs: 1000, pollMs: 100, sleep: noSleep });
  assert.is(lock.holder.token, "r2");
});

// the CLI, on the real file system: the example stacks in a temporary repository
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-lock-"));
  mkdirSync(path.join(dir, ".git"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  return dir;
}

test("build while another live stackc holds out/: STK-WRITE-001 naming the holder, exit 1, out/ untouched", async () => {
  const dir = workspace();
  try {
    mkdirSync(path.join(dir, "out"));
    // another live process on this host: a holder that does not go away by itself
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const held = `${JSON.stringify({ pid: holder.pid, host: hostname(), command: "stackc build stacks/", started: "2026-12-06T22:00:00.000Z", token: "someone-else" })}\n`;
      writeFileSync(path.join(dir, "out", LOCK_NAME), held);
      const run = await runCli(["build", "stacks", "--lock-timeout", "0.2", "--no-cache"], { cwd: dir });
      assert.is(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, `error STK-WRITE-001: out is locked by stackc build stacks/ (pid ${holder.pid} on ${hostname()}, since 2026-12-06T22:00:00.000Z); waited 0.2s`);
      assert.match(run.stdout, "hint: Wait for it to finish, or pass --lock-timeout <seconds> to wait longer");
      assert.equal(readdirSync(path.join(dir, "out")), [LOCK_NAME]);
      assert.is(readFileSync(path.join(dir, "out", LOCK_NAME), "utf8"), held);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // the holder is dead now: the next build takes the stale lock over and writes
    const run = await runCli(["build", "stacks", "--lock-timeout", "0", "--no-cache"], { cwd: dir });
    assert.is(run.code, 0, run.stdout + run.stderr);
    assert.equal(readdirSync(path.join(dir, "out")).sort(), readdirSync(repoPath("out")).sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--lock-timeout must be a number of seconds", async () => {
  const run = await runCli(["build", "stacks", "--lock-timeout", "soon"], { cwd: repoPath() });
  assert.is(run.code, 2);
  assert.is(run.stderr, 'stackc build: --lock-timeout "soon" is not a number of seconds from 0 to 86400\n');
  const help = await runCli(["build", "--help"], { cwd: repoPath() });
  assert.match(help.stdout, "--lock-timeout <seconds>");
});

test.run();
