#!/usr/bin/env node
// Runs ONE uvu test file in this process and reports its counts through a side channel: the JSON
// file named by $STACKC_TEST_RESULT (written once, after the last test) — never by parsing the
// printed summary, which a test's own output could imitate or interleave with.
//
// This is what uvu's own CLI does (uvu/run: defer the queue, import the file, exec), except that
// the counts are collected here instead of only printed. A file that throws while loading never
// writes the result file; the parent runner (scripts/testing/runner.mjs) counts that as one failure.
//
// Usage: STACKC_TEST_RESULT=/tmp/x.json node scripts/testing/run-file.mjs <test file>
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const file = process.argv[2];
const resultFile = process.env.STACKC_TEST_RESULT;
if (!file) {
  console.error("usage: run-file.mjs <test file>");
  process.exit(2);
}

// Before uvu is imported: test.run() then queues the suite instead of scheduling uvu's own exec.
globalThis.UVU_DEFER = 1;
globalThis.UVU_QUEUE = [[null]];
globalThis.UVU_INDEX = 0;

await import("uvu");
await import(pathToFileURL(path.resolve(file)).href);

let total = 0;
let passed = 0;
let skipped = 0;
const failures = [];
for (const group of globalThis.UVU_QUEUE) {
  group.shift(); // the group's name slot
  for (const suite of group) {
    // uvu's runner: [errors text | true, passed, skipped, total run]
    const [errors, ran, skips, max] = await suite();
    total += max;
    passed += ran;
    skipped += skips;
    if (errors !== true) failures.push(errors);
  }
}
if (failures.length > 0) process.stdout.write(`\n${failures.join("\n")}\n`);
process.stdout.write(`\n  Total:     ${total}\n  Passed:    ${passed}\n  Skipped:   ${skipped}\n`);
const result = { total, passed, failed: total - passed, skipped };
if (resultFile) writeFileSync(resultFile, `${JSON.stringify(result)}\n`);
process.exitCode = result.failed === 0 ? 0 : 1;
