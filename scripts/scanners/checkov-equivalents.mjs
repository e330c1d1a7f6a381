#!/usr/bin/env node
// Regenerates the Checkov equivalents of the catalog: for every rule, those of its candidate
// checks (policies/scanners/checkov-candidates.json, what the rule is meant to match) that the
// pinned checkov fails on the rule's fixtures (test/fixtures/policy/<rule>[+case]) and passes on
// the clean fixture, found by running checkov once over all of them (test/scanners/checkov-scan.ts).
// Rewrites the `checkov: [...]` line of each rule's METADATA (policies/checks/**), then rebuilds
// the bundle (rules.json) and docs/policies.md. test/scanners/checkov.test.ts fails when the
// committed catalog differs from what checkov reports. Needs the compiled tests: npm run build.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const scan = await import(pathToFileURL(path.join(root, "dist", "test", "scanners", "checkov-scan.js")).href);
const tool = await import(pathToFileURL(path.join(root, "scripts", "tools", "checkov.mjs")).href);

function regoChecks(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return regoChecks(p);
    return f.endsWith(".rego") && !f.endsWith("_test.rego") ? [p] : [];
  });
}

const bin = await tool.ensure({ log: (line) => console.error(`[tools] ${line}`) });
const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-checkov-"));
let rules;
try {
  const { fixtures } = await scan.prepareTree(tmp);
  const { failures, seconds } = await scan.runCheckov(bin, tmp);
  rules = scan.publishedEquivalents(scan.observedEquivalents(failures, fixtures), scan.loadCandidates());
  console.error(`checkov ${tool.CHECKOV_VERSION}: ${seconds.toFixed(1)} s over the stacks and ${fixtures.length} fixtures`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let changed = 0;
for (const file of regoChecks(path.join(root, "policies", "checks"))) {
  const text = readFileSync(file, "utf8");
  const id = /^#\s+id:\s*(STK-[A-Z0-9]+-\d+)\s*$/m.exec(text)?.[1];
  if (!id) continue;
  const ids = rules[id] ?? [];
  const line = `#     checkov: [${ids.join(", ")}]`;
  let next;
  if (ids.length === 0 && !/^#\s+checkov:/m.test(text)) continue;
  if (/^#\s+checkov:.*$/m.test(text)) next = text.replace(/^#\s+checkov:.*$/m, line);
  else if (/^#\s+scanners:\s*\{\}\s*$/m.test(text)) next = text.replace(/^#\s+scanners:\s*\{\}\s*$/m, `#   scanners:\n${line}`);
  else next = text.replace(/^(#\s+scanners:\s*)$/m, `$1\n${line}`);
  if (next !== text) {
    writeFileSync(file, next);
    changed++;
  }
}
console.error(`updated the checkov equivalents of ${changed} rules`);
execFileSync(process.execPath, [path.join(root, "scripts", "policy", "build.mjs")], { stdio: "inherit" });
execFileSync(process.execPath, [path.join(root, "scripts", "policy", "docs.mjs")], { stdio: "inherit" });
