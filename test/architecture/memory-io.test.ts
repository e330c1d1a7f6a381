// The whole pipeline — load, validate, normalize, emit, the policy gate, write, verify, diff —
// on an in-memory Io, with the real file system and process spawning switched off while it
// runs: every node:fs / node:fs/promises / node:child_process function throws. The example
// stacks build to exactly the committed out/, byte for byte, without touching the disk.
import fs from "node:fs";
import fsp from "node:fs/promises";
import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, check, diff, verify, type MemoryIo } from "../../compiler/index.js";
import { memoryProject } from "../helpers/memory-io.js";
import { repoPath } from "../helpers/repo.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const CWD = "/virtual/project";

function readTree(dir: string, rel = ""): [string, string][] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e): [string, string][] => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return readTree(dir, child);
      return [[child, fs.readFileSync(path.join(dir, child), "utf8")]];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const stacks = readTree(repoPath("stacks"));
const committedOut = readTree(repoPath("out"));

/** Runs `body` with every function of node:fs, node:fs/promises and node:child_process throwing. */
async function withoutRealIo<T>(body: () => Promise<T>): Promise<{ value: T; attempts: string[] }> {
  const attempts: string[] = [];
  const saved: [Record<string, unknown>, string, unknown][] = [];
  for (const [name, mod] of [["fs", fs], ["fs/promises", fsp], ["child_process", childProcess]] as const) {
    const target = mod as unknown as Record<string, unknown>;
    for (const key of Object.keys(target)) {
      const original = target[key];
      if (typeof original !== "function" || /^[A-Z]/.test(key)) continue;
      saved.push([target, key, original]);
      target[key] = (...args: unknown[]) => {
        attempts.push(`${name}.${key}(${String(args[0])})`);
        throw new Error(`real I/O attempted: ${name}.${key}(${String(args[0])})`);
      };
    }
  }
  syncBuiltinESMExports();
  try {
    return { value: await body(), attempts };
  } finally {
    for (const [target, key, original] of saved) target[key] = original;
    syncBuiltinESMExports();
  }
}

function project(): MemoryIo {
  return memoryProject(Object.fromEntries(stacks.map(([p, t]) => [`stacks/${p}`, t])), CWD);
}

function outOf(io: MemoryIo): [string, string][] {
  const prefix = path.resolve(CWD, "out") + path.sep;
  return [...io.snapshot()]
    .filter(([p]) => p.startsWith(prefix))
    .map(([p, v]): [string, string] => [p.slice(prefix.length).split(path.sep).join("/"), typeof v === "string" ? v : new TextDecoder().decode(v)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

test("warm-up: the modules stackc loads lazily are loaded before the file system is switched off", async () => {
  const result = await check(["stacks"], { cwd: CWD, io: project(), now: NOW });
  assert.is(result.stacks.length, 10, "eight stacks and two networks");
});

test("build on an in-memory Io writes exactly the committed out/, with no real file access", async () => {
  const io = project();
  const { value: result, attempts } = await withoutRealIo(() => build(["stacks"], { cwd: CWD, io, now: NOW }));
  assert.equal(attempts, []);
  assert.equal(result.diagnostics.filter((d) => !d.suppressed && d.severity !== "info"), []);
  assert.is(result.policyGate, "enforced");
  assert.equal(result.written.length, 10);
  const written = outOf(io);
  assert.equal(written.map(([p]) => p), committedOut.map(([p]) => p));
  for (const [i, [p, text]] of written.entries()) assert.is(text, committedOut[i]![1], `out/${p} differs`);
});

test("verify and diff on the in-memory out/ find nothing, still without real file access", async () => {
  const io = project();
  await build(["stacks"], { cwd: CWD, io, now: NOW });
  const { value, attempts } = await withoutRealIo(async () => ({
    verified: await verify(["stacks"], { cwd: CWD, io }),
    planned: await diff(["stacks"], { cwd: CWD, io }),
  }));
  assert.equal(attempts, []);
  assert.equal(value.verified.diagnostics.filter((d) => d.severity !== "info"), []);
  assert.equal(value.planned.changes, { files: 0, stacks: 0 });
  assert.is(value.planned.patch, "");
});

test("the switch really is off: a real read inside the window throws and is recorded", async () => {
  const { value, attempts } = await withoutRealIo(async () => {
    try {
      fs.readFileSync(repoPath("package.json"), "utf8");
      return "read";
    } catch {
      return "refused";
    }
  });
  assert.is(value, "refused");
  assert.equal(attempts, [`fs.readFileSync(${repoPath("package.json")})`]);
});

test("an in-memory Io runs no process: a user policy folder needs opa, and gets a usage error instead", async () => {
  const io = memoryProject({ "stacks/x.yaml": "kind: Stack\n", "rules/p.rego": "package main\n\ndeny contains msg if { false; msg := \"x\" }\n" }, CWD);
  const { value: error, attempts } = await withoutRealIo(() => check(["stacks"], { cwd: CWD, io, policies: ["rules"], env: {} }).then(() => undefined, (e: unknown) => e));
  assert.equal(attempts, []);
  assert.match(String(error), /compiling Rego needs opa, and none was found/);
});

test.run();
