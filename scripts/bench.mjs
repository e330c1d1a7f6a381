#!/usr/bin/env node
// npm run bench [-- <section>…] [--runs N] [--sizes 100,500] [--now YYYY-MM-DD] [-- <stackc flags>]
//
// A small driver: every scripts/bench/*.mjs is a section (exports `title`, `order` and a default
// function of ctx); the driver runs the selected ones (all by default) in order and closes with
// the headline figures each section reported through ctx.figure(). Speed is measured here,
// never asserted in a test. Needs `npm run build` (npm test does it); absolute numbers depend on
// the machine, so read the ratios (to `node -e 0`, 2000 ÷ 500 stacks, …) and run it on an idle
// machine.
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench");
const argv = process.argv.slice(2);
const dashdash = argv.indexOf("--");
const own = dashdash < 0 ? argv : argv.slice(0, dashdash);
const extraArgs = dashdash < 0 ? [] : argv.slice(dashdash + 1);
const option = (name, fallback) => {
  const i = own.indexOf(name);
  if (i < 0) return fallback;
  const value = own[i + 1];
  own.splice(i, 2);
  return value;
};
const runs = Number(option("--runs", process.env.BENCH_RUNS ?? 3));
const sizes = option("--sizes", process.env.BENCH_SIZES ?? "100,500,1000,2000").split(",").map(Number);
const now = option("--now", "2026-12-01");
const wanted = own;

const sections = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()) {
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  if (typeof mod.default !== "function") continue;
  const name = path.basename(file, ".mjs");
  if (wanted.length && !wanted.includes(name)) continue;
  sections.push({ name, title: mod.title ?? name, order: mod.order ?? 50, run: mod.default });
}
const unknown = wanted.filter((w) => !sections.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown bench section ${unknown.join(", ")}; sections: ${readdirSync(dir).filter((f) => f.endsWith(".mjs")).map((f) => f.slice(0, -4)).join(", ")}`);
  process.exit(2);
}
sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));

const figures = [];
console.log(`stackc bench: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; medians of ${runs} runs; fleets ${sizes.join("/")}; --now ${now}${extraArgs.length ? `; stackc ${extraArgs.join(" ")}` : ""}`);
for (const s of sections) {
  console.log(`\n## ${s.title}\n`);
  const started = Date.now();
  const ctx = {
    runs,
    sizes,
    now,
    extraArgs,
    print: (line, { progress = false } = {}) => (progress ? process.stderr.write(`${line}\n`) : console.log(line)),
    figure: (label, value, target = "") => figures.push({ section: s.name, label, value: String(value), target }),
  };
  await s.run(ctx);
  console.error(`(${s.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
if (figures.length) {
  console.log("\n## figures\n");
  const w = Math.max(...figures.map((f) => f.label.length));
  const v = Math.max(...figures.map((f) => f.value.length));
  for (const f of figures) console.log(`${f.label.padEnd(w)}  ${f.value.padStart(v)}${f.target ? `   (${f.target})` : ""}`);
}