// A whole `build` of the example stacks "killed" at chosen instants (an in-memory Io that dies
// before its n-th rename, fsync or write: test/helpers/crash-io.ts), then the next run — a build
// that writes nothing (its manifest is invalid) but, as every writer, first takes out/'s lock and
// finishes what it finds. Every out/<stack> is then entirely the previous build or entirely the
// new one, all stacks alike, with no leftover and no lock; verify, which writes nothing, reports
// an interrupted build it finds. Deterministic; the random kills of real processes are
// scripts/kill-test.mjs (npm run kill-test).
import fs from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryIo, verify, type MemoryIo } from "../../compiler/index.js";
import { crashingIo } from "../helpers/crash-io.js";
import { memoryProject } from "../helpers/memory-io.js";
import { repoPath } from "../helpers/repo.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const CWD = "/virtual/project";
const OUT = path.join(CWD, "out");
// every folder of the committed out/ (stacks and networks)
const STACKS = fs.readdirSync(repoPath("out")).sort();
/** The folders the edit to base.yaml changes (set by the setup); the others must stay as they are. */
let CHANGED: string[] = [];

function readTree(dir: string, rel = ""): [string, string][] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e): [string, string][] => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? readTree(dir, child) : [[child, fs.readFileSync(path.join(dir, child), "utf8")]];
  });
}

const BASE = path.join(CWD, "stacks", "base.yaml");
const baseA = fs.readFileSync(repoPath("stacks", "base.yaml"), "utf8");
// a change every stack's output shows (tags), and that the change rules let through both ways
const baseB = baseA.replace("cost-center: cc-4711", "cost-center: cc-4712");

const text = (v: string | Uint8Array) => (typeof v === "string" ? v : new TextDecoder().decode(v));

/** Each stack's folder as "relative path\0contents" lines. */
function stackTrees(io: MemoryIo): Map<string, string> {
  const trees = new Map<string, string[]>();
  for (const [p, v] of io.snapshot()) {
    if (!p.startsWith(OUT + path.sep)) continue;
    const [stack, ...rest] = path.relative(OUT, p).split(path.sep);
    if (!trees.has(stack!)) trees.set(stack!, []);
    trees.get(stack!)!.push(`${rest.join("/")}\u0000${text(v)}`);
  }
  return new Map([...trees].map(([s, lines]) => [s, lines.sort().join("\n")]));
}

let builtA: Map<string, string | Uint8Array>;
let treesA: Map<string, string>;
let treesB: Map<string, string>;

test("setup: the previous build (A) and the new one (B) differ in every stack", async () => {
  const io = memoryProject(Object.fromEntries(readTree(repoPath("stacks")).map(([p, t]) => [`stacks/${p}`, t])), CWD);
  const a = await build(["stacks"], { cwd: CWD, io, now: NOW });
  assert.equal([...a.written].sort(), STACKS);
  builtA = io.snapshot();
  treesA = stackTrees(io);
  await io.writeFile(BASE, baseB);
  const b = await build(["stacks"], { cwd: CWD, io, now: NOW });
  assert.equal([...b.written].sort(), STACKS, JSON.stringify(b.diagnostics.filter((d) => d.severity === "error")));
  treesB = stackTrees(io);
  assert.equal([...treesA.keys()], STACKS);
  CHANGED = STACKS.filter((s) => treesA.get(s) !== treesB.get(s));
  // every stack extending base.yaml; networks and stacks with a base of their own are untouched
  assert.ok(CHANGED.length >= 5, CHANGED.join(" "));
});

/** out/ holding build A, base.yaml already edited to B: the state just before `stackc build`. */
function beforeBuildB(): MemoryIo {
  const io = createMemoryIo({ files: Object.fromEntries(builtA) });
  void io.writeFile(BASE, baseB);
  return io;
}

async function nextRun(io: MemoryIo) {
  await io.mkdir(path.join(CWD, "broken"));
  await io.writeFile(path.join(CWD, "broken", "bad.yaml"), "apiVersion: stackc.dev/v1alpha1\nkind: Stack\nmetadata: { name: bad }\n");
  return build(["broken"], { cwd: CWD, io, now: NOW });
}

/** Every file-system write of a clean build B (from A), in order: [op, its n-th call, path]. */
let calls: { op: string; n: number; path: string }[] = [];

test("setup: record the writes of a clean build", async () => {
  const io = beforeBuildB();
  const counts = new Map<string, number>();
  const recording = new Proxy(io, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const op = String(key);
        counts.set(op, (counts.get(op) ?? 0) + 1);
        if (["writeFile", "fsync", "rename", "remove"].includes(op)) calls.push({ op, n: counts.get(op)!, path: path.relative(OUT, String(args[0])) });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const b = await build(["stacks"], { cwd: CWD, io: recording, now: NOW });
  assert.equal(b.written.length, STACKS.length);
});

const find = (pick: (c: (typeof calls)[number], i: number) => boolean, nth = 1): [string, number] => {
  const found = calls.filter(pick)[nth - 1];
  if (!found) throw new Error("no such call in a clean build");
  return [found.op, found.n];
};
const firstStaged = () => calls.find((c) => c.op === "writeFile" && c.path.startsWith(".stackc-tmp-"))!.path.split("/")[0]! + "/";
const journalRename = () => calls.findIndex((c) => c.op === "rename" && c.path.startsWith(".stackc-journal.json.tmp-"));

// [what, [op, n], the build out/ holds after the next run]: the journal's rename is the commit
// point; before it the build never happened, from it on it is completed
const FAULTS: [string, () => [string, number], "A" | "B"][] = [
  ["writing a file of the second staged stack", () => find((c) => c.op === "writeFile" && c.path.startsWith(".stackc-tmp-") && !c.path.startsWith(firstStaged())), "A"],
  ["flushing a staged folder", () => find((c) => c.op === "fsync" && /^\.stackc-tmp-[^/]+$/.test(c.path), 2), "A"],
  ["the journal's own rename", () => find((c) => c.op === "rename" && c.path.startsWith(".stackc-journal.json.tmp-")), "A"],
  ["the folder flush that makes the journal durable", () => find((c, i) => c.op === "fsync" && c.path === "" && i > journalRename()), "B"],
  ["the first out/<stack> moved aside, its new folder not yet in", () => find((c) => c.op === "rename" && c.path === "dev-eu-west-1"), "B"],
  ["the second stack's new folder", () => find((c) => c.op === "rename" && c.path.startsWith(".stackc-tmp-"), 2), "B"],
  ["the last stack's new folder", () => find((c) => c.op === "rename" && c.path.startsWith(".stackc-tmp-"), STACKS.length), "B"],
  ["removing the third old folder after the swap", () => find((c) => c.op === "remove" && c.path.startsWith(".stackc-old-"), 3), "B"],
];

for (const [what, where, expected] of FAULTS) {
  test(`killed before ${what}: after the next run every stack is entirely ${expected}, all alike, nothing left over`, async () => {
    const [op, n] = where();
    const io = beforeBuildB();
    const crashing = crashingIo(io, op, n);
    await build(["stacks"], { cwd: CWD, io: crashing.io, now: NOW }).catch(() => undefined);
    assert.ok(crashing.crashed(), `the build reached ${op} #${n}`);
    const journalLeft = io.snapshot().has(path.join(OUT, ".stackc-journal.json"));

    const next = await nextRun(io);
    assert.ok(next.diagnostics.some((d) => d.code.startsWith("STK-SCHEMA-")), "the next run failed on its own manifest");
    assert.equal(next.written, []);
    const recovered = next.diagnostics.find((d) => d.code === "STK-WRITE-004");
    assert.is(journalLeft, expected === "B", "a journal is left exactly when the kill came after the commit point");
    if (journalLeft) assert.match(recovered?.message ?? "", /^An interrupted build of out \(pid \d+ on memory\) was completed: /);

    const trees = stackTrees(io);
    assert.equal([...trees.keys()], STACKS, "every stack folder is there");
    for (const s of STACKS.filter((x) => !CHANGED.includes(x))) assert.is(trees.get(s), treesA.get(s), `${s} is the same in both builds`);
    const versions = CHANGED.map((s) => (trees.get(s) === treesA.get(s) ? "A" : trees.get(s) === treesB.get(s) ? "B" : "mixed"));
    assert.is(new Set(versions).size, 1, `every stack or nothing: ${versions.join(" ")}`);
    assert.ok(versions[0] !== "mixed");
    // before the journal's rename the build never happened; from it on, it completes
    assert.is(versions[0], expected, `${op} #${n}`);
    assert.equal([...io.snapshot().keys()].filter((p) => p.startsWith(OUT) && p.includes(".stackc")), [], "no leftover, no lock");
  });
}

test("verify finds an interrupted build and its leftovers, reports them, and changes nothing", async () => {
  const io = beforeBuildB();
  const crashing = crashingIo(io, "rename", 4);
  await build(["stacks"], { cwd: CWD, io: crashing.io, now: NOW }).catch(() => undefined);
  const before = io.snapshot();
  const result = await verify(["stacks"], { cwd: CWD, io });
  const codes = result.diagnostics.map((d) => d.code);
  assert.ok(codes.includes("STK-WRITE-002"), codes.join(" "));
  assert.ok(codes.includes("STK-WRITE-003"));
  const interrupted = result.diagnostics.find((d) => d.code === "STK-WRITE-002")!;
  // the stacks in the order the build staged them (discovery order)
  assert.match(interrupted.message, /^A build of out was interrupted in the middle of its swap \(out\/\.stackc-journal\.json\): .* may be missing or still old$/);
  // every stack the build staged, in the order it staged them (discovery order)
  assert.equal(interrupted.message.replace(/^.*json\): | may be.*$/g, "").split(", ").sort(), STACKS);
  assert.is(interrupted.hint, "Run stackc build: it completes the interrupted build first");
  assert.equal(io.snapshot(), before);
});

test.run();
