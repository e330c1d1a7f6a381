#!/usr/bin/env node
// Kill-mid-build: real `stackc build` processes SIGKILLed at random instants and, through the
// test-only fault hook ($STACKC_TEST_FAULT, compiler/io/fault-io.ts), exactly before each rename
// of the swap and at chosen fsyncs and removals. After every kill the NEXT RUN — a build that
// writes nothing (its manifest is invalid) but, like every writer, first takes out/'s lock and
// finishes what it finds — must leave every out/<stack> entirely the previous build or entirely
// the new one, all stacks alike (every stack or nothing), with no leftover, no journal and no
// lock. Then concurrent builds: with --lock-timeout 0 the losers fail naming the holder; with the
// default timeout they all run, one after the other.
//
// Usage: npm run kill-test [-- --kills 100] [--seed N] [--keep]
//   --kills: how many builds the random phase must actually kill (a build that finishes before
//   its random instant counts as a trial too, but not as a kill)
// Needs a built stackc (npm run build, or npm test). Exit status 0 when no trial violated anything.
// Not part of npm test (it takes minutes); test/write/interrupted-build.test.ts is its in-suite,
// deterministic sibling.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { kills: { type: "string", default: "100" }, seed: { type: "string" }, keep: { type: "boolean", default: false } },
});
const randomKills = Number(values.kills);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(randomKills) || randomKills < 0 || !Number.isInteger(seed)) {
  console.error("usage: kill-test.mjs [--kills N] [--seed N] [--keep]");
  process.exit(2);
}
// a small deterministic generator, so a failing run can be repeated with --seed
let state = seed >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};

const STACKC = path.join(root, "bin", "stackc.js");
const work = mkdtempSync(path.join(tmpdir(), "stackc-kill-test-"));
mkdirSync(path.join(work, ".git")); // the workspace root (what generated headers are relative to)
cpSync(path.join(root, "stacks"), path.join(work, "stacks"), { recursive: true });
mkdirSync(path.join(work, "broken"));
writeFileSync(path.join(work, "broken", "bad.yaml"), "apiVersion: stackc.dev/v1alpha1\nkind: Stack\nmetadata: { name: bad }\n");
const OUT = path.join(work, "out");
const BASE = path.join(work, "stacks", "base.yaml");
const VERSIONS = {
  A: readFileSync(BASE, "utf8"),
  // a change every stack's output shows (tags) and the change rules allow in both directions
  B: readFileSync(BASE, "utf8").replace("cost-center: cc-4711", "cost-center: cc-4712"),
};
if (VERSIONS.A === VERSIONS.B) throw new Error("stacks/base.yaml no longer has cost-center: cc-4711; update the kill test");
const NOW = "2026-11-21T12:00:00Z";

/** Runs stackc in the work folder; resolves with its exit code, signal and output. */
function stackc(args, { env = {}, killAfterMs } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [STACKC, ...args], { cwd: work, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output, pid: child.pid });
    });
  });
}
const build = (opts) => stackc(["build", "stacks", "--now", NOW, "--no-cache"], opts);

/** stack → sorted "path\0contents" of out/<stack>/ (undefined: missing). */
function snapshot() {
  const trees = {};
  if (!existsSync(OUT)) return trees;
  for (const name of readdirSync(OUT).filter((n) => !n.startsWith("."))) {
    const files = [];
    const walk = (dir, rel) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
        else files.push(`${rel}${e.name}\u0000${readFileSync(p, "utf8")}`);
      }
    };
    walk(path.join(OUT, name), "");
    trees[name] = files.sort().join("\n");
  }
  return trees;
}

/** Names with ".stackc" anywhere in out/ (lock, journal, staging, old, temporary files). */
function leftovers() {
  const found = [];
  const walk = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.includes(".stackc")) found.push(`${rel}${e.name}`);
      else if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
    }
  };
  if (existsSync(OUT)) walk(OUT, "");
  return found;
}

// the two reference builds
const reference = {};
for (const v of ["A", "B"]) {
  writeFileSync(BASE, VERSIONS[v]);
  rmSync(OUT, { recursive: true, force: true });
  const started = Date.now();
  const r = await build();
  if (r.code !== 0) throw new Error(`reference build ${v} failed (exit ${r.code}):\n${r.output}`);
  reference[v] = { trees: snapshot(), ms: Date.now() - started };
}
const stacks = Object.keys(reference.A.trees);
// the folders the edit changes (every stack extending base.yaml); the others (networks, stacks
// with a base of their own) must simply stay as they are
const changed = stacks.filter((s) => reference.A.trees[s] !== reference.B.trees[s]);
if (changed.length < 5) throw new Error(`builds A and B differ only in ${changed.join(", ")}`);
const buildMs = Math.max(reference.A.ms, reference.B.ms);
let current = "B"; // out/ holds B after the references

/** Which build out/ holds: "A", "B", or a description of what is wrong. */
function classify() {
  const trees = snapshot();
  const names = Object.keys(trees).sort();
  if (names.join(" ") !== [...stacks].sort().join(" ")) return `stack folders ${JSON.stringify(names)}`;
  const unchangedWrong = stacks.filter((s) => !changed.includes(s) && trees[s] !== reference.A.trees[s]);
  if (unchangedWrong.length > 0) return `folders both builds write alike differ: ${unchangedWrong.join(" ")}`;
  const per = changed.map((s) => (trees[s] === reference.A.trees[s] ? "A" : trees[s] === reference.B.trees[s] ? "B" : "mixed"));
  if (per.includes("mixed")) return `a stack is neither build: ${changed.map((s, i) => `${s}=${per[i]}`).join(" ")}`;
  if (new Set(per).size > 1) return `stacks of two builds: ${changed.map((s, i) => `${s}=${per[i]}`).join(" ")}`;
  return per[0];
}

const results = [];
async function trial(label, env, killAfterMs) {
  const next = current === "A" ? "B" : "A";
  writeFileSync(BASE, VERSIONS[next]);
  const run = await build({ env, ...(killAfterMs !== undefined ? { killAfterMs } : {}) });
  const killed = run.signal === "SIGKILL";
  const problems = [];
  if (!killed && run.code !== 0) problems.push(`the build exited ${run.code} without being killed:\n${run.output}`);
  // the next run: takes the lock, finishes what it finds, fails on its own manifest, writes nothing
  const recovery = await stackc(["build", "broken", "--now", NOW, "--lock-timeout", "5"]);
  if (recovery.code !== 1 || !/STK-SCHEMA-/.test(recovery.output)) problems.push(`the next run exited ${recovery.code}:\n${recovery.output}`);
  const held = classify();
  if (held !== "A" && held !== "B") problems.push(held);
  if (!killed && held !== next) problems.push(`the build completed but out/ holds ${held}`);
  const left = leftovers();
  if (left.length > 0) problems.push(`left over: ${left.join(", ")}`);
  if (held === "A" || held === "B") current = held;
  results.push({ label, killed, outcome: held === next ? "new" : held === (next === "A" ? "B" : "A") ? "old" : "broken", problems });
  const mark = problems.length ? "VIOLATION" : "ok";
  console.log(`${String(results.length).padStart(3)} ${label.padEnd(34)} ${killed ? "killed" : "ran to the end"} → ${held === next ? "new" : "old"} ${mark}`);
  for (const p of problems) console.log(`      ${p}`);
}

console.log(`kill test in ${work} (seed ${seed}); a clean build takes ${buildMs} ms`);
// 1. exactly before every rename of a build (the commit point is the first), every removal,
//    and a spread of fsyncs — until the build runs past the last one of each
for (const [op, step] of [["rename", 1], ["remove", 1], ["fsync", 23]]) {
  for (let n = 1; ; n += step) {
    const before = results.length;
    await trial(`kill:${op}:${n}`, { STACKC_TEST_FAULT: `kill:${op}:${n}` });
    if (!results[before].killed) break;
  }
}
// 2. SIGKILL at random instants; half the builds with slowed renames and fsyncs (as under
//    strace), so the kills also land inside the swap
const faultTrials = results.length;
for (let i = 0, kills = 0; kills < randomKills && i < randomKills * 4; i++) {
  const slow = i % 2 === 1;
  const env = slow ? { STACKC_TEST_FAULT: "delay:rename:40,delay:fsync:2" } : {};
  // the instant: anywhere in a build, from process start to its last rename (a build is slower
  // while it is killed and restarted beside others: some still finish first, and are trials too)
  const span = slow ? buildMs * 1.6 + 700 : buildMs;
  const at = Math.round(random() * span);
  await trial(`random kill at ${at} ms${slow ? " (slow swap)" : ""}`, env, at);
  if (results[results.length - 1].killed) kills++;
}

// 3. concurrent builds of one out/
const concurrency = [];
{
  writeFileSync(BASE, VERSIONS[current === "A" ? "B" : "A"]);
  const runs = await Promise.all([0, 1, 2, 3].map(() => stackc(["build", "stacks", "--now", NOW, "--no-cache", "--lock-timeout", "0"])));
  const pids = runs.map((r) => r.pid);
  const won = runs.filter((r) => r.code === 0).length;
  const refused = runs.filter((r) => r.code === 1 && /STK-WRITE-001: out is locked by stackc build stacks (.*)\(pid (\d+) on /.test(r.output));
  const namesAHolder = refused.every((r) => pids.includes(Number(/\(pid (\d+) on /.exec(r.output)[1])));
  const ok = won >= 1 && won + refused.length === runs.length && namesAHolder && (classify() === "A" || classify() === "B") && leftovers().length === 0;
  concurrency.push({ label: "4 builds at once, --lock-timeout 0", ok, detail: `${won} wrote, ${refused.length} refused with STK-WRITE-001 naming a running build's pid` });
  const held = classify();
  if (held === "A" || held === "B") current = held;
}
{
  writeFileSync(BASE, VERSIONS[current === "A" ? "B" : "A"]);
  const runs = await Promise.all([0, 1, 2, 3].map(() => stackc(["build", "stacks", "--now", NOW, "--no-cache", "--lock-timeout", "120"])));
  const ok = runs.every((r) => r.code === 0) && classify() === (current === "A" ? "B" : "A") && leftovers().length === 0;
  concurrency.push({ label: "4 builds at once, --lock-timeout 120", ok, detail: `${runs.filter((r) => r.code === 0).length} of 4 exited 0, one after the other` });
}

const violations = results.filter((r) => r.problems.length > 0);
const summary = (rs) => {
  const killed = rs.filter((r) => r.killed);
  return `${rs.length} trials, ${killed.length} builds killed (after the next run ${killed.filter((r) => r.outcome === "new").length} entirely new, ${killed.filter((r) => r.outcome === "old").length} entirely old), ${rs.length - killed.length} ran to the end`;
};
console.log(`\nseed ${seed}`);
console.log(`injected faults: ${summary(results.slice(0, faultTrials))}`);
console.log(`random kills:    ${summary(results.slice(faultTrials))}`);
console.log(`${violations.length} violations in ${results.length} trials`);
for (const c of concurrency) console.log(`${c.ok ? "ok" : "VIOLATION"}: ${c.label}: ${c.detail}`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
process.exit(violations.length === 0 && concurrency.every((c) => c.ok) ? 0 : 1);
