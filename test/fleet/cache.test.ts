// The stack cache: a stack whose manifests, bases, stackc build, policy bundle and policy date
// hash as recorded is not compiled again — by check (findings), build (nothing rewritten) or
// verify — and each of those inputs invalidates exactly what it should. Results with and
// without the cache are identical; deleting the cache folder only costs time.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { StackCache, buildId, runKey } from "../../compiler/fleet/cache.js";
import { runFleet } from "../../compiler/fleet/run.js";
import { createPolicyStage } from "../../compiler/policy/stage.js";
import { runCli } from "../helpers/cli.js";
import { importScript } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

const tmp = mkdtempSync(path.join(tmpdir(), "stackc-cache-"));
const fleetLib = await importScript<{ writeFleet(dir: string, count: number): string[] }>("scripts/bench/lib/fleet.mjs");
const files = fleetLib.writeFleet(path.join(tmp, "fleet"), 24);
const cacheDir = path.join(tmp, "cache");
const now = new Date("2026-12-01T00:00:00Z");

function gate(today: string, bundleDir?: string) {
  const key = runKey({ mode: "gate", today, outDir: "out", ...(bundleDir ? { bundleDir } : {}) });
  assert.type(key, "string", "the build writes a build id (npm run build / npm test)");
  return new StackCache(cacheDir, key!, tmp);
}

async function check(cache: StackCache | undefined, at = now) {
  return runFleet(["fleet"], { mode: "check", cwd: tmp, jobs: 1, now: at, policy: createPolicyStage({ now: at }), ...(cache ? { cache } : {}) });
}

const strip = (r: { diagnostics: unknown[]; stacks: unknown[] }) => JSON.stringify({ d: r.diagnostics, s: r.stacks });

test("check: the second run takes every stack from the cache, with the same findings; deleting the cache only costs time", async () => {
  assert.ok(buildId());
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = await check(gate("2026-12-01"));
  assert.is(cold.fromCache, 0);
  const warm = await check(gate("2026-12-01"));
  assert.is(warm.fromCache, 24);
  assert.is(strip(warm), strip(cold));
  assert.ok(warm.diagnostics.length > 10, "waived findings of the dev stacks are part of the comparison");
  const none = await check(undefined);
  assert.is(strip(none), strip(cold));
  rmSync(cacheDir, { recursive: true, force: true });
  assert.is((await check(gate("2026-12-01"))).fromCache, 0);
});

test("a change to a shared base recompiles exactly the stacks that extend it, and its findings show", async () => {
  await check(gate("2026-12-01"));
  const base = path.join(tmp, "fleet", "staging", "base.yaml");
  const text = readFileSync(base, "utf8");
  const staging = files.filter((f) => f.startsWith("staging/")).length;
  assert.ok(staging > 3);
  try {
    // staging loses its backups: a policy finding on every staging stack
    writeFileSync(base, text.replace(/enabled: true/, "enabled: false"));
    const after = await check(gate("2026-12-01"));
    assert.is(after.fromCache, 24 - staging);
    const fresh = await check(undefined);
    assert.is(strip(after), strip(fresh));
    assert.ok(after.diagnostics.some((d) => d.code === "STK-BKP-001" && d.stack?.startsWith("fleet/staging/")));
  } finally {
    writeFileSync(base, text);
  }
  assert.is((await check(gate("2026-12-01"))).fromCache, 24 - staging, "the original base hashes as before: its entries are used again");
});

test("a different policy bundle or another policy date is another key: nothing from the cache; the same day at another time is the same key", async () => {
  await check(gate("2026-12-01"));
  const bundle = path.join(tmp, "bundle");
  cpSync(repoPath("policies", "bundle"), bundle, { recursive: true });
  const rules = path.join(bundle, "rules.json");
  writeFileSync(rules, readFileSync(rules, "utf8").replace(/"title": "/, '"title": "(changed) '));
  assert.is.not(runKey({ mode: "gate", today: "2026-12-01", outDir: "out", bundleDir: bundle }), runKey({ mode: "gate", today: "2026-12-01", outDir: "out" }));
  assert.is((await check(gate("2026-12-01", bundle))).fromCache, 0);

  assert.is(runKey({ mode: "gate", today: "2026-12-01", outDir: "out" }), runKey({ mode: "gate", today: "2026-12-01", outDir: "out" }));
  assert.is.not(runKey({ mode: "gate", today: "2026-12-02", outDir: "out" }), runKey({ mode: "gate", today: "2026-12-01", outDir: "out" }));
  assert.is.not(runKey({ mode: "gate", today: "2026-12-01", outDir: "out", build: "other" }), runKey({ mode: "gate", today: "2026-12-01", outDir: "out" }));
  // the dev waivers expire on 2027-06-30: a later date must report them expired, cache or not
  const later = new Date("2027-07-02T00:00:00Z");
  const expired = await check(gate("2027-07-02"), later);
  assert.is(expired.fromCache, 0);
  assert.is(strip(expired), strip(await check(undefined, later)));
  assert.ok(expired.diagnostics.length !== (await check(gate("2026-12-01"))).diagnostics.length);
});

test("build: an unchanged fleet rewrites nothing; one edited stack is the only one written; out/ equals a full build", async () => {
  const out = path.join(tmp, "out");
  const args = ["build", "fleet", "--now", "2026-12-01", "--cache-dir", cacheDir, "--jobs", "1"];
  const first = await runCli(args, { cwd: tmp });
  assert.is(first.code, 0, first.stdout);
  const mtimes = () => Object.fromEntries(readdirSync(out).map((d) => [d, statSync(path.join(out, d, "stackc.lock.json")).mtimeMs]));
  const before = mtimes();
  const again = await runCli(args, { cwd: tmp });
  assert.is(again.code, 0);
  assert.not.match(again.stdout, /Wrote/);
  assert.equal(mtimes(), before);

  const file = path.join(tmp, "fleet", files[5]!);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/description: (.*)/, "description: $1 (edited)"));
  const touched = await runCli(args, { cwd: tmp });
  assert.is(touched.code, 0);
  const name = path.basename(files[5]!, ".yaml");
  assert.match(touched.stdout, new RegExp(`Wrote out/${name}/\\n$`));
  const after = mtimes();
  for (const [dir, t] of Object.entries(before)) if (dir !== name) assert.is(after[dir], t, dir);

  const full = await runCli(["build", "fleet", "--now", "2026-12-01", "--no-cache", "--out", "out-full"], { cwd: tmp });
  assert.is(full.code, 0);
  for (const dir of readdirSync(out)) {
    for (const f of ["stackc.lock.json", "RUNBOOK.md", "helmfile/helmfile.yaml", "terraform/network.tf"]) {
      assert.fixture(readFileSync(path.join(out, dir, f), "utf8"), readFileSync(path.join(tmp, "out-full", dir, f), "utf8"), `${dir}/${f}`);
    }
  }
  // verify from the cache still catches a hand edit
  const verify = ["verify", "fleet", "--cache-dir", cacheDir];
  assert.is((await runCli(verify, { cwd: tmp })).code, 0);
  assert.is((await runCli(verify, { cwd: tmp })).code, 0);
  const runbook = path.join(out, name, "RUNBOOK.md");
  writeFileSync(runbook, `${readFileSync(runbook, "utf8")}edited\n`);
  const caught = await runCli([...verify, "--format", "json"], { cwd: tmp });
  assert.is(caught.code, 1);
  assert.match(caught.stdout, /STK-SYNC-002/);
});

test("build: a rebuild of settled output records stat stamps and reads no file again; an edit that keeps size and mtime is still caught", async () => {
  const out = path.join(tmp, "out-stamps");
  const stampCache = path.join(tmp, "cache-stamps");
  const args = ["build", "fleet", "--now", "2026-12-01", "--cache-dir", stampCache, "--jobs", "1", "--out", "out-stamps"];
  assert.is((await runCli(args, { cwd: tmp })).code, 0);
  // the files are an hour old: settled (cached-output.ts); their ctime is now
  const hourAgo = Date.now() / 1000 - 3600;
  const age = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) age(full);
      else utimesSync(full, hourAgo, hourAgo);
    }
  };
  age(out);
  const stampedEntries = () =>
    readdirSync(stampCache)
      .map((f) => JSON.parse(readFileSync(path.join(stampCache, f), "utf8")) as { stamps?: Record<string, string>; files: Record<string, string> })
      .filter((e) => e.stamps && Object.keys(e.stamps).length === Object.keys(e.files).length).length;
  assert.is(stampedEntries(), 0);
  const restamp = await runCli(args, { cwd: tmp });
  assert.is(restamp.code, 0);
  assert.not.match(restamp.stdout, /Wrote/);
  assert.is(stampedEntries(), files.length);
  const again = await runCli(args, { cwd: tmp });
  assert.is(again.code, 0);
  assert.not.match(again.stdout, /Wrote/);

  const name = path.basename(files[3]!, ".yaml");
  const runbook = path.join(out, name, "RUNBOOK.md");
  const text = readFileSync(runbook, "utf8");
  const before = statSync(runbook);
  writeFileSync(runbook, text.replace(/stackc/, "STACKC"));
  utimesSync(runbook, before.atime, before.mtime);
  assert.is(statSync(runbook).size, before.size);
  const caught = await runCli([...args, "--format", "json"], { cwd: tmp });
  assert.is(caught.code, 1);
  assert.match(caught.stdout, new RegExp(`"code":\\s*"STK-SYNC-002"[^}]*out-stamps/${name}/RUNBOOK.md|out-stamps/${name}/RUNBOOK.md[^}]*"STK-SYNC-002"`));
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
