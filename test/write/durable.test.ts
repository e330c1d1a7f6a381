// The durable write (compiler/write/durable/), deterministically: a process "killed" before each
// single Io call of a commit — every rename, every fsync, every removal — leaves out/ such that
// the next writer's recover() makes every stack entirely old or entirely new, all the same way,
// with nothing left over; new exactly when the kill came after the commit point (the journal's
// rename). A refused rename inside a live process undoes the swap at once. The random kills of
// real processes are scripts/kill-test.mjs (npm run kill-test).
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMemoryIo, type MemoryIo } from "../../compiler/index.js";
import { ioError, type Io } from "../../compiler/io/io.js";
import { JOURNAL_NAME, stagingDir } from "../../compiler/write/durable/names.js";
import { stageStack } from "../../compiler/write/durable/stage.js";
import { commit, inspect, recover } from "../../compiler/write/durable/transaction.js";
import { crashingIo } from "../helpers/crash-io.js";

const OUT = "/w/out";
const STACKS = ["alpha", "beta", "gamma"];
const oldTree = (s: string) => ({ "main.tf": `# old ${s}\n`, "kops/cluster.yaml": `old: ${s}\n`, "gone.txt": "only in the old build\n" });
const newTree = (s: string) => ({ "main.tf": `# new ${s}\n`, "kops/cluster.yaml": `new: ${s}\n`, "helmfile/helmfile.yaml": `new: ${s}\n` });

// terraform's working folder in alpha: tool-owned, moved (never copied) into whichever build wins
const PROVIDER = path.join(OUT, "alpha", "terraform", ".terraform", "providers", "aws.bin");
const FOLDERS = ["terraform/.terraform"];

/** out/ with the old build of every stack, except `missing` (a stack the new build adds). */
function oldOut(missing: string[] = []): MemoryIo {
  const files: Record<string, string> = { "/w/.git/HEAD": "ref: refs/heads/main\n" };
  for (const s of STACKS) if (!missing.includes(s)) for (const [f, t] of Object.entries(oldTree(s))) files[path.join(OUT, s, f)] = t;
  if (!missing.includes("alpha")) files[PROVIDER] = "provider binary";
  return createMemoryIo({ files });
}

async function stageAll(io: Io, runId: string) {
  const staged = [];
  for (const s of STACKS) {
    const dir = stagingDir(OUT, s, runId);
    await stageStack(dir, path.join(OUT, s), Object.entries(newTree(s)).map(([p, contents]) => ({ path: p, contents })), [], io);
    staged.push({ name: s, dir, folders: s === "alpha" ? FOLDERS : [] });
  }
  return staged;
}

/** Which build each stack folder holds: "old", "new", "missing" or "mixed" (anything else). */
function state(io: MemoryIo, missing: string[] = []): Record<string, string> {
  const snap = io.snapshot();
  const out: Record<string, string> = {};
  for (const s of STACKS) {
    const files = Object.fromEntries(
      [...snap].filter(([p]) => p.startsWith(path.join(OUT, s) + "/") && !p.includes("/.terraform/")).map(([p, t]) => [path.relative(path.join(OUT, s), p), t]),
    );
    const is = (tree: Record<string, string>) => JSON.stringify(Object.entries(files).sort()) === JSON.stringify(Object.entries(tree).sort());
    out[s] = is(newTree(s)) ? "new" : missing.includes(s) && Object.keys(files).length === 0 ? "old" : is(oldTree(s)) ? "old" : Object.keys(files).length === 0 ? "missing" : "mixed";
  }
  return out;
}

/** The message a promise rejects with (fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  assert.unreachable("expected a rejection");
  return "";
}

const leftovers = (io: MemoryIo) => [...io.snapshot().keys()].filter((p) => p.startsWith(OUT + "/") && path.relative(OUT, p).split("/").some((part) => part.startsWith(".stackc")));

/** Calls a complete commit makes, per operation. */
async function callsOfCleanCommit(missing: string[]): Promise<Map<string, number>> {
  const io = oldOut(missing);
  const staged = await stageAll(io, "r1");
  const counting = crashingIo(io, "none", 0);
  await commit(OUT, staged, "r1", counting.io);
  return counting.counts;
}

for (const missing of [[], ["beta"]]) {
  const label = missing.length === 0 ? "every stack replaced" : "a stack added";
  test(`${label}: a kill before any rename, fsync, write or removal of the commit — the next run makes every stack entirely old or entirely new`, async () => {
    const calls = await callsOfCleanCommit(missing);
    const renames = calls.get("rename") ?? 0;
    // the journal's rename, then out/<stack> → old (when it existed) and staged → out/<stack>, and
    // alpha's .terraform/ moved into its new folder
    assert.is(renames, 1 + 2 * STACKS.length - missing.length + 1);
    let trials = 0;
    for (const op of ["rename", "fsync", "writeFile", "remove", "stat"]) {
      for (let n = 1; n <= (calls.get(op) ?? 0); n++) {
        const io = oldOut(missing);
        const staged = await stageAll(io, "r1");
        const crashing = crashingIo(io, op, n);
        await commit(OUT, staged, "r1", crashing.io).catch(() => undefined);
        assert.ok(crashing.crashed(), `${op} #${n} was reached`);
        const committed = io.snapshot().has(path.join(OUT, JOURNAL_NAME)) || Object.values(state(io, missing)).every((s) => s === "new");
        const recovery = await recover(OUT, io);
        const after = state(io, missing);
        const versions = new Set(Object.values(after));
        assert.equal(versions.size, 1, `${op} #${n}: every stack the same build: ${JSON.stringify(after)}`);
        assert.is([...versions][0], committed ? "new" : "old", `${op} #${n}: ${JSON.stringify(after)}`);
        assert.equal(leftovers(io), [], `${op} #${n}: leftovers`);
        // terraform's working folder survives in alpha, whichever build it holds
        assert.is(io.snapshot().get(PROVIDER), "provider binary", `${op} #${n}: .terraform/ kept`);
        assert.equal([...io.snapshot().keys()].filter((p) => p.endsWith("aws.bin")), [PROVIDER]);
        // the journal's own rename is the commit point
        if (op === "rename" && n === 1) assert.is([...versions][0], "old");
        if (op === "rename" && n > 1) assert.is([...versions][0], "new");
        if (op === "rename" && n > 1) assert.ok(recovery.journal, `${op} #${n}: the journal was found`);
        trials++;
      }
    }
    assert.ok(trials >= 20, `${trials} kill points`);
  });
}

test("a rename refused in a live process (EACCES on the 3rd stack) undoes the swap: out/ stays old, nothing left over", async () => {
  const io = oldOut();
  const staged = await stageAll(io, "r1");
  let renames = 0;
  const refusing: Io = {
    ...io,
    rename: async (from, to) => {
      renames++;
      if (path.basename(from) === "gamma") throw ioError("EACCES", `permission denied, rename ${from}`);
      return io.rename(from, to);
    },
  };
  assert.match(await rejection(commit(OUT, staged, "r1", refusing)), /EACCES/);
  assert.ok(renames >= 6);
  assert.equal(state(io), { alpha: "old", beta: "old", gamma: "old" });
  assert.equal(leftovers(io), []);
  assert.is(io.snapshot().get(PROVIDER), "provider binary", "alpha's .terraform/ is back in its old folder");
});

test("a clean commit moves the tool-owned folder into the new build, by rename", async () => {
  const io = oldOut();
  const staged = await stageAll(io, "r1");
  await commit(OUT, staged, "r1", io);
  assert.equal(state(io), { alpha: "new", beta: "new", gamma: "new" });
  assert.is(io.snapshot().get(PROVIDER), "provider binary");
  assert.equal(leftovers(io), []);
});

test("staging flushes every file and folder before the commit; the commit flushes out/ after the journal and after the swap", async () => {
  const io = oldOut();
  const synced: string[] = [];
  const recording: Io = { ...io, fsync: async (p) => (synced.push(path.relative(OUT, p) || "."), io.fsync(p)) };
  const staged = await stageAll(recording, "r1");
  const staging = path.relative(OUT, staged[0]!.dir);
  assert.ok(synced.includes(`${staging}/main.tf`) && synced.includes(`${staging}/kops/cluster.yaml`) && synced.includes(`${staging}/kops`) && synced.includes(staging));
  // a folder after its files
  assert.ok(synced.indexOf(`${staging}/kops`) > synced.indexOf(`${staging}/kops/cluster.yaml`));
  synced.length = 0;
  await commit(OUT, staged, "r1", recording);
  assert.equal(synced, [`${JOURNAL_NAME}.tmp-r1`, ".", ".", "."]);
});

test("recover removes leftovers of older runs; inspect (verify) reports them and an interrupted journal without changing anything", async () => {
  const io = oldOut();
  await io.mkdir(path.join(OUT, ".stackc-tmp-alpha-123"));
  await io.writeFile(path.join(OUT, ".stackc-tmp-alpha-123", "main.tf"), "partial");
  await io.mkdir(path.join(OUT, ".stackc-old-beta-9"));
  await io.writeFile(path.join(OUT, ".stackc-old-beta-9", "x"), "x");
  await io.writeFile(path.join(OUT, "alpha", "kops", ".cluster.yaml.stackc-tmp-77"), "partial bind");
  const before = io.snapshot();
  const found = await inspect(OUT, io);
  assert.equal(found, { leftovers: [".stackc-old-beta-9", ".stackc-tmp-alpha-123", "alpha/kops/.cluster.yaml.stackc-tmp-77"] });
  assert.equal(io.snapshot(), before);
  const recovery = await recover(OUT, io);
  assert.equal(recovery.removed, [".stackc-old-beta-9", ".stackc-tmp-alpha-123", "alpha/kops/.cluster.yaml.stackc-tmp-77"]);
  assert.equal(leftovers(io), []);
  assert.equal(state(io), { alpha: "old", beta: "old", gamma: "old" });

  // an interrupted commit: verify's view names the journal and its stacks
  const staged = await stageAll(io, "r2");
  const crashing = crashingIo(io, "rename", 4);
  await commit(OUT, staged, "r2", crashing.io).catch(() => undefined);
  const interrupted = await inspect(OUT, io);
  assert.equal(interrupted.journal !== undefined && interrupted.journal !== true ? interrupted.journal.stacks.map((s) => s.name) : [], STACKS);
  assert.ok(interrupted.leftovers.length > 0);
});

test("a journal stackc did not write is refused, never acted on", async () => {
  const io = oldOut();
  await io.writeFile(path.join(OUT, JOURNAL_NAME), '{"format":1,"direction":"forward","stacks":[{"name":"../../etc","staged":"x","old":"y","hadTarget":true}]}');
  assert.match(await rejection(recover(OUT, io)), /is not a stackc journal/);
  assert.equal(state(io), { alpha: "old", beta: "old", gamma: "old" });
});

test.run();
