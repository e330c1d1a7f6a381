// cached-output.ts: is out/<name>/ still the recorded build? By stat stamp where one was
// recorded after a hash, else by hash — and a stamp is recorded only for a settled file. The
// table runs against the real file system (stamps are stat data) in a temporary folder.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CACHE_FORMAT, type CacheEntry, sha256Hex } from "../../compiler/fleet/cache.js";
import { STAMP_SETTLE_MS, outputMatches } from "../../compiler/fleet/cached-output.js";
import type { Io } from "../../compiler/io/io.js";
import { nodeIo } from "../../compiler/io/node-io.js";

const tmp = mkdtempSync(path.join(tmpdir(), "stackc-cached-output-"));
const FILES: Record<string, string> = {
  "stackc.lock.json": `${JSON.stringify({ executable: ["bin/up"] })}\n`,
  "bin/up": "#!/bin/sh\nexec terraform apply\n",
  "terraform/main.tf": 'resource "aws_vpc" "this" {}\n',
  "RUNBOOK.md": "# runbook\n",
};
const HOUR_AGO = Date.now() / 1000 - 3600;

let n = 0;
/** A fresh out/<name>/ holding FILES; `settled` backdates every file's mtime (its ctime stays now). */
function folder(settled: boolean): string {
  const dir = path.join(tmp, `stack-${n++}`);
  for (const [rel, text] of Object.entries(FILES)) {
    const file = path.join(dir, ...rel.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { mode: rel.startsWith("bin/") ? 0o755 : 0o644 });
    if (settled) utimesSync(file, HOUR_AGO, HOUR_AGO);
  }
  return dir;
}

function entry(stamps?: Record<string, string>): CacheEntry {
  const files = Object.fromEntries(Object.entries(FILES).map(([rel, text]) => [rel, sha256Hex(text)]));
  return { format: CACHE_FORMAT, key: "k", stack: "s.yaml", manifests: [], name: "s", diagnostics: [], summary: {} as CacheEntry["summary"], files, preserve: [], ...(stamps ? { stamps } : {}) };
}

/** nodeIo, counting the files read. */
function counting(): { io: Io; reads: () => number } {
  let reads = 0;
  return { io: { ...nodeIo, readFile: (p) => (reads++, nodeIo.readFile(p)) }, reads: () => reads };
}

/** A settled folder and the stamps a first (hashing) check records for it. */
async function stamped(): Promise<{ dir: string; stamps: Record<string, string> }> {
  const dir = folder(true);
  const first = await outputMatches(dir, entry(), nodeIo);
  assert.ok(first.matches && first.stamps, "a settled folder is stamped");
  return { dir, stamps: first.stamps! };
}

const file = (dir: string, rel: string) => path.join(dir, ...rel.split("/"));
/** Rewrites a file with same-length contents and puts its mtime back: only ctime and the bytes tell. */
const sneakyEdit = (dir: string, rel: string) => {
  const full = file(dir, rel);
  const before = statSync(full);
  writeFileSync(full, FILES[rel]!.replace("apply", "destr"));
  utimesSync(full, before.atime, before.mtime);
};

test("fresh files match by hash and get no stamps: too new to trust (the settle rule)", async () => {
  const dir = folder(false);
  const { io, reads } = counting();
  const result = await outputMatches(dir, entry(), io);
  assert.equal(result, { matches: true });
  assert.ok(reads() >= Object.keys(FILES).length);
  // the rule itself: a file modified just inside the window is still hashed
  const almost = await outputMatches(dir, entry(), nodeIo, statSync(file(dir, "RUNBOOK.md")).mtimeMs + STAMP_SETTLE_MS - 1);
  assert.is(almost.stamps?.["RUNBOOK.md"], undefined);
  const settled = await outputMatches(dir, entry(), nodeIo, statSync(file(dir, "RUNBOOK.md")).mtimeMs + STAMP_SETTLE_MS);
  assert.type(settled.stamps?.["RUNBOOK.md"], "string");
});

test("settled files are hashed once and stamped; the next check reads nothing", async () => {
  const { dir, stamps } = await stamped();
  assert.equal(Object.keys(stamps).sort(), Object.keys(FILES).sort());
  const { io, reads } = counting();
  assert.equal(await outputMatches(dir, entry(stamps), io), { matches: true });
  assert.is(reads(), 0);
});

const mismatches: [string, (dir: string) => void][] = [
  ["an edit of the same length with the mtime put back (ctime moved)", (dir) => sneakyEdit(dir, "bin/up")],
  ["an appended line", (dir) => writeFileSync(file(dir, "RUNBOOK.md"), `${FILES["RUNBOOK.md"]}edited\n`)],
  ["a script no longer executable", (dir) => chmodSync(file(dir, "bin/up"), 0o644)],
  ["a deleted file", (dir) => rmSync(file(dir, "terraform/main.tf"))],
  ["an added file", (dir) => writeFileSync(file(dir, "terraform/extra.tf"), "")],
  ["a lock file rewritten by another build", (dir) => writeFileSync(file(dir, "stackc.lock.json"), "{}\n")],
  ["the folder gone", (dir) => rmSync(dir, { recursive: true })],
];
for (const [what, change] of mismatches) {
  test(`stamped output no longer matches: ${what}`, async () => {
    const { dir, stamps } = await stamped();
    change(dir);
    assert.equal(await outputMatches(dir, entry(stamps), nodeIo), { matches: false });
  });
}

test("a file rewritten with the same bytes (a git checkout) is hashed, matches, and its stamp is replaced", async () => {
  const { dir, stamps } = await stamped();
  const full = file(dir, "terraform/main.tf");
  rmSync(full);
  writeFileSync(full, FILES["terraform/main.tf"]!);
  utimesSync(full, HOUR_AGO, HOUR_AGO);
  const result = await outputMatches(dir, entry(stamps), nodeIo);
  assert.ok(result.matches);
  assert.ok(result.stamps);
  assert.is.not(result.stamps!["terraform/main.tf"], stamps["terraform/main.tf"]);
  assert.is(result.stamps!["RUNBOOK.md"], stamps["RUNBOOK.md"]);
});

test("an Io without stamps is always hashed and never records any", async () => {
  const dir = folder(true);
  const plain: Io = { ...nodeIo, statSync: (p) => {
    const info = nodeIo.statSync(p);
    return info && { isFile: info.isFile, isDirectory: info.isDirectory };
  } };
  assert.equal(await outputMatches(dir, entry(), plain), { matches: true });
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
