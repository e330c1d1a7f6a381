#!/usr/bin/env node
// Rewrites the committed output of ONE emitter for every example stack:
//   node scripts/golden.mjs <emitter-id> [--check]
// Only that emitter's files under out/<stack>/ are touched (its top folder is replaced), so
// emitters can be developed independently. `stackc build stacks/` rewrites everything at once
// and is what CI's `stackc verify` compares against. Run `npm run build` first.
import { mkdir, rm, writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [id, flag] = process.argv.slice(2);
if (!id) {
  console.error("usage: node scripts/golden.mjs <emitter-id> [--check]");
  process.exit(2);
}
const { compile, emitters } = await import(path.join(root, "dist/compiler/index.js"));
const emitter = emitters.find((e) => e.id === id);
if (!emitter) {
  console.error(`no registered emitter ${id} (registered: ${emitters.map((e) => e.id).join(", ")})`);
  process.exit(2);
}
const result = await compile(["stacks"], { cwd: root });
const errors = result.diagnostics.filter((d) => d.severity === "error");
if (errors.length) {
  console.error(errors.map((d) => `${d.file}:${d.range?.start.line}: ${d.code} ${d.message}`).join("\n"));
  process.exit(1);
}
const { emitContext } = await import(path.join(root, "dist/compiler/index.js"));
const context = emitContext();
let stale = 0;
for (const stack of result.stacks) {
  const model = stack.model;
  const output = emitter.emit(model, context);
  const tops = new Set(output.files.map((f) => f.path.split("/")[0]));
  for (const file of output.files) {
    const target = path.join(root, "out", model.name, ...file.path.split("/"));
    if (flag === "--check") {
      const current = await readFile(target, "utf8").catch(() => undefined);
      if (current !== file.contents) {
        stale++;
        console.error(`stale: out/${model.name}/${file.path}`);
      }
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  if (flag !== "--check") {
    // remove files of this emitter that it no longer produces
    const { readdir } = await import("node:fs/promises");
    const keep = new Set(output.files.map((f) => f.path));
    for (const top of tops) {
      const walk = async (dir, rel) => {
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          const r = `${rel}/${entry.name}`;
          if (entry.isDirectory()) await walk(path.join(dir, entry.name), r);
          else if (!keep.has(r) && !(emitter.preserve ?? []).includes(r)) await rm(path.join(dir, entry.name));
        }
      };
      if (top.includes(".")) continue; // a file at the top level, not a folder
      await walk(path.join(root, "out", model.name, top), top);
    }
  }
}
if (flag === "--check" && stale) process.exit(1);
console.log(flag === "--check" ? "up to date" : `wrote ${id} output for ${result.stacks.length} stacks`);
