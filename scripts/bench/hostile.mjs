// Hostile input (issue 12): the largest manifests stackc accepts and every hostile input of
// issue 12, each checked (`stackc check -f json`, schema + emit + policy) in its own process.
// Prints wall and CPU time of the run (Node start-up excluded) and the process's peak memory,
// and flags anything over 1 s of CPU that is not a documented large-but-valid input.
// Time is CPU time: on a shared machine wall time mostly measures the neighbours.
// Run alone: npm run bench -- hostile
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const runner = path.join(root, "scripts", "bench", "lib", "run-one.mjs");

export const title = "hostile input and the largest accepted manifests: stackc check, one process each";
export const order = 95;

export default async function hostile(ctx) {
const console = { log: (line) => ctx.print(line) };
const parent = mkdtempSync(path.join(tmpdir(), "stackc-bench-hostile-"));
const ws = path.join(parent, "ws");
mkdirSync(ws);
const base = readFileSync(path.join(root, "stacks", "base.yaml"), "utf8");
const dev = readFileSync(path.join(root, "stacks", "dev.yaml"), "utf8");
writeFileSync(path.join(ws, "base.yaml"), base);
writeFileSync(path.join(parent, "outside.yaml"), "kind: StackBase\n");

const write = (name, text) => (writeFileSync(path.join(ws, name), text), name);
const withChart = (values) =>
  dev.replace("spec:\n", `spec:\n  charts:\n    - name: big\n      repo: https://charts.example.com\n      chart: big\n      version: 1.2.3\n      namespace: apps\n      values:\n${values}`);
const lines = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join("");
const extending = (target) => dev.replace("extends: ./base.yaml", `extends: ${target}`);
const fit = (make, maxBytes) => {
  // the largest n whose manifest stays under maxBytes
  let lo = 1;
  let hi = 200_000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(make(mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
};
const MiB = 1024 * 1024;

// [name, file, accepted-large?]
const cases = [
  ["example stack (dev.yaml)", write("dev.yaml", dev), false],
  ["largest accepted: 1 MiB of chart values (list)", write("large-list.yaml", fit((n) => withChart(`        items:\n${lines(n, (i) => `          - item-${i}-padding-padding-padding\n`)}`), MiB - 1)), true],
  ["largest accepted: 5,000 keys in one values map", write("large-keys.yaml", withChart(lines(5_000, (i) => `        key${i}: value-${i}\n`))), true],
  ["largest accepted: 48,000 values", write("large-nodes.yaml", withChart([0, 1, 2].map((g) => `        g${g}:\n${lines(4_000, (i) => `          k${i}: {a: ${i}}\n`)}`).join(""))), true],
  ["lone surrogate in a description", write("surrogate.yaml", dev.replace(/description: .*/, 'description: "\\ud800"')), false],
  ["carriage return in a description", write("cr.yaml", dev.replace(/description: .*/, 'description: "a\\rb"')), false],
  ["escape sequences in a key and a comment", write("escape.yaml", withChart(`        "\\e]0;pwned\\a": 1\n# \u001b[2J\n`)), false],
  ["invalid UTF-8", write("latin1.yaml", Buffer.concat([Buffer.from(dev.slice(0, 200)), Buffer.from([0xe9, 0xff]), Buffer.from(dev.slice(200))])), false],
  ["30,000 unknown keys (was 49 s)", write("keys-30k.yaml", dev + lines(30_000, (i) => `unknown${i}: 1\n`)), false],
  ["4,990 unknown top-level keys (just under the limit)", write("keys-5k.yaml", dev + lines(4_990, (i) => `unknown${i}: 1\n`)), false],
  ["2,500 duplicated keys in one map", write("dups.yaml", withChart(lines(5_000, (i) => `        k${i % 2500}: ${i}\n`))), false],
  ["3 MB manifest", write("huge.yaml", withChart(`        blob: "${"x".repeat(3 * MiB)}"\n`)), false],
  ["100,000-deep flow nesting", write("deep-flow.yaml", `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`), false],
  ["1,400-deep block nesting", write("deep-block.yaml", lines(1_400, (i) => `${" ".repeat(i)}k:\n`)), false],
  ["60,000 list items (value limit)", write("nodes.yaml", withChart(`        items: [${lines(60_000, () => "0,")}0]\n`)), false],
  ["alias bomb (billion laughs)", write("aliases.yaml", `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`), false],
  ["one 1 MB line (code frame)", write("long-line.yaml", `apiVersion: stackc.dev/v1alpha1\nkind: Stack\nunknown: ${"y".repeat(MiB - 100)}\n`), false],
  ["binary file", write("binary.yaml", Buffer.from(Array.from({ length: 512 * 1024 }, (_, i) => (i * 7919) % 256))), false],
  ["extends a named pipe", write("pipe.yaml", extending("./fifo.yaml")), false],
  ["extends /dev/zero", write("zero.yaml", extending("/dev/zero")), false],
  ["extends /etc/shadow", write("shadow.yaml", extending("/etc/shadow")), false],
  ["extends ../outside.yaml", write("dotdot.yaml", extending("../outside.yaml")), false],
  ["extends a symlink to outside", write("symlink.yaml", extending("./link.yaml")), false],
  ["extends a directory", write("dir.yaml", extending("./folder")), false],
  ["plaintext secrets in values", write("secrets.yaml", withChart(`        password: hunter2\n        aws: {id: AKIAIOSFODNN7EXAMPLE}\n`)), false],
];
execFileSync("mkfifo", [path.join(ws, "fifo.yaml")]);
symlinkSync(path.join(parent, "outside.yaml"), path.join(ws, "link.yaml"));
mkdirSync(path.join(ws, "folder"));

const LIMIT_MS = 1000;
console.log(`${"input".padEnd(48)} ${"size".padStart(9)} ${"wall".padStart(8)} ${"cpu".padStart(8)} ${"peak".padStart(8)}  exit  codes`);
let slowest = { name: "", cpuMs: 0 };
const over = [];
for (const [name, file, large] of cases) {
  let size = "-";
  try {
    size = `${(readFileSync(path.join(ws, file)).length / 1024).toFixed(0)} KB`;
  } catch {
    size = "-";
  }
  const run = spawnSync(process.execPath, [runner, ws, file], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0 || !run.stdout.trim()) {
    console.log(`${name.padEnd(48)} FAILED (${run.signal ?? run.status}): ${run.stderr.slice(0, 200)}`);
    over.push(name);
    continue;
  }
  const r = JSON.parse(run.stdout.trim().split("\n").pop());
  const mark = r.cpuMs > LIMIT_MS ? (large ? " (large but valid)" : " OVER 1 s") : "";
  if (r.cpuMs > LIMIT_MS && !large) over.push(name);
  if (!large && r.cpuMs > slowest.cpuMs) slowest = { name, cpuMs: r.cpuMs, wallMs: r.wallMs };
  console.log(
    `${name.padEnd(48)} ${size.padStart(9)} ${`${r.wallMs.toFixed(0)} ms`.padStart(8)} ${`${r.cpuMs.toFixed(0)} ms`.padStart(8)} ${`${r.maxRssMiB.toFixed(0)} MiB`.padStart(8)}  ${String(r.exit).padStart(4)}  ${r.codes.join(" ")}${mark}`,
  );
}
console.log(`slowest hostile input: ${slowest.name}, ${slowest.cpuMs.toFixed(0)} ms CPU (${slowest.wallMs?.toFixed(0)} ms wall)`);
if (over.length > 0) console.log(`over ${LIMIT_MS} ms or failed: ${over.join("; ")}`);
ctx.figure("slowest hostile input (CPU)", `${slowest.cpuMs.toFixed(0)} ms`, "< 1000 ms");
ctx.figure("hostile inputs over 1 s or failed", over.length, "0");
rmSync(parent, { recursive: true, force: true });
}
