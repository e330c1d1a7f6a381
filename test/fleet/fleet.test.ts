// Fleets: the worker pool gives the bytes of a one-thread run (reports and out/), --shard splits
// a fleet into disjoint slices that cover it, --changed-since selects exactly the stacks whose
// manifest or base changed in a git work tree, and progress never reaches a non-TTY.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { progressLine } from "../../compiler/cli/fleet-options.js";
import { runCli } from "../helpers/cli.js";
import { importScript } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

const tmp = mkdtempSync(path.join(tmpdir(), "stackc-fleet-"));
const fleetLib = await importScript<{ writeFleet(dir: string, count: number): string[] }>("scripts/bench/lib/fleet.mjs");
const NOW = ["--now", "2026-12-01"];

// a valid fleet of 30, and a copy with problems: a duplicate stack name, a schema error, a policy error
const valid = path.join(tmp, "valid");
const files = fleetLib.writeFleet(valid, 30);
const broken = path.join(tmp, "broken");
fleetLib.writeFleet(broken, 30);
const edit = (dir: string, file: string, from: RegExp, to: string) => {
  const full = path.join(dir, file);
  const text = readFileSync(full, "utf8");
  assert.ok(from.test(text), `${file} has ${from}`);
  writeFileSync(full, text.replace(from, to));
};
edit(broken, files[3]!, /name: \S+/, `name: ${path.basename(files[4]!, ".yaml")}`);
edit(broken, files[7]!, /retentionDays: (\d+)/, "retentionDays: many");
edit(broken, files[12]!, /        - 10.100.0.0\/16/, "        - 0.0.0.0/0");
edit(broken, files[20]!, /  cidr: \S+/, "  cidr: 10.300.0.0/20");

function tree(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, tree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full, "utf8");
  }
  return out;
}

test("check: --jobs 3 reports exactly what --jobs 1 reports (text and json, with findings in many stacks)", async () => {
  for (const format of ["text", "json"]) {
    const serial = await runCli(["check", broken, ...NOW, "--format", format, "--jobs", "1"], { cwd: tmp });
    const parallel = await runCli(["check", broken, ...NOW, "--format", format, "--jobs", "3"], { cwd: tmp });
    assert.is(serial.code, 1);
    assert.is(parallel.code, serial.code);
    assert.fixture(parallel.stdout, serial.stdout);
    assert.is(parallel.stderr, serial.stderr);
  }
  const json = JSON.parse((await runCli(["check", broken, ...NOW, "--format", "json", "--jobs", "3"], { cwd: tmp })).stdout) as { diagnostics: { code: string }[] };
  // the report has something to compare: a fleet finding, a schema error and a policy error
  const codes = json.diagnostics.map((d) => d.code);
  assert.ok(codes.includes("STK-FLEET-001"), codes.join(" "));
  assert.ok(codes.some((c) => c.startsWith("STK-SCHEMA-")), codes.join(" "));
  assert.ok(codes.some((c) => c.startsWith("STK-NET-")), codes.join(" "));
});

test("build: --jobs 3 writes byte-identical out/ to --jobs 1; verify passes both ways; a failing fleet writes nothing", async () => {
  const a = path.join(tmp, "out-serial");
  const b = path.join(tmp, "out-parallel");
  const serial = await runCli(["build", valid, ...NOW, "--out", a, "--jobs", "1"], { cwd: tmp });
  const parallel = await runCli(["build", valid, ...NOW, "--out", b, "--jobs", "3"], { cwd: tmp });
  assert.is(serial.code, 0, serial.stdout);
  assert.is(parallel.code, 0, parallel.stdout);
  assert.is(parallel.stdout.replaceAll(b, a), serial.stdout);
  // a fleet's build says how many it wrote in one short line, not 30 paths
  const wrote = /Wrote 30 stacks under (\S+)\/ \((\S+)\/ \.\.\. (\S+)\/\)\n$/.exec(serial.stdout);
  assert.ok(wrote, serial.stdout.slice(-300));
  assert.is(wrote[1], a);
  for (const folder of [wrote[2]!, wrote[3]!]) assert.ok(existsSync(path.join(folder, "stackc.lock.json")), folder);
  const ta = tree(a);
  assert.is(readdirSync(a).length, 30);
  assert.ok(Object.keys(ta).length > 30 * 10);
  assert.equal(tree(b), ta);
  for (const [out, jobs] of [[a, "3"], [b, "1"]] as const) {
    const verified = await runCli(["verify", valid, "--out", out, "--jobs", jobs], { cwd: tmp });
    assert.is(verified.code, 0, verified.stdout);
  }
  // a hand edit is found by the parallel verify too
  const edited = path.join(b, readdirSync(b)[5]!, "RUNBOOK.md");
  writeFileSync(edited, `${readFileSync(edited, "utf8")}\nhand edit\n`);
  const verified = await runCli(["verify", valid, "--out", b, "--jobs", "3", "--format", "json"], { cwd: tmp });
  assert.is(verified.code, 1);
  assert.match(verified.stdout, /STK-SYNC-002/);

  const none = path.join(tmp, "out-broken");
  const failed = await runCli(["build", broken, ...NOW, "--out", none, "--jobs", "3"], { cwd: tmp });
  assert.is(failed.code, 1);
  assert.ok(!existsSync(none) || readdirSync(none).length === 0, `nothing written (${existsSync(none) ? readdirSync(none).join(" ") : ""})`);
});

test("--shard k/n: disjoint slices that together cover every stack exactly once, sizes within one", async () => {
  const all = JSON.parse((await runCli(["check", valid, ...NOW, "-f", "json", "--jobs", "1"], { cwd: tmp })).stdout) as { stacks: { file: string }[] };
  assert.is(all.stacks.length, 30);
  for (const n of [1, 3, 7]) {
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let k = 1; k <= n; k++) {
      const run = await runCli(["check", valid, ...NOW, "-f", "json", "--shard", `${k}/${n}`], { cwd: tmp });
      assert.is(run.code, 0);
      const stacks = (JSON.parse(run.stdout) as { stacks: { file: string }[] }).stacks.map((s) => s.file);
      sizes.push(stacks.length);
      seen.push(...stacks);
    }
    assert.equal([...seen].sort(), all.stacks.map((s) => s.file).sort(), `n=${n}`);
    assert.is(new Set(seen).size, 30);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes.join(",")}`);
  }
  for (const bad of ["0/3", "4/3", "1/0", "a/b", "2"]) {
    const run = await runCli(["check", valid, "--shard", bad], { cwd: tmp });
    assert.is(run.code, 2, bad);
    assert.match(run.stderr, /--shard/);
  }
  for (const bad of ["0", "-2", "x", "1.5"]) {
    const run = await runCli(["build", valid, "--jobs", bad], { cwd: tmp });
    assert.is(run.code, 2, bad);
    assert.match(run.stderr, /--jobs/);
  }
});

test("--changed-since: exactly the stacks whose manifest or base changed (committed, unstaged, untracked)", async () => {
  const repo = path.join(tmp, "repo");
  cpSync(valid, path.join(repo, "fleet"), { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "fleet");
  const selected = async (ref: string) => {
    const run = await runCli(["check", "fleet", ...NOW, "-f", "json", "--changed-since", ref], { cwd: repo });
    assert.is(run.code, 0, run.stdout + run.stderr);
    return (JSON.parse(run.stdout) as { stacks: { file: string }[] }).stacks.map((s) => s.file).sort();
  };
  assert.equal(await selected("HEAD"), []);

  // a shared base (committed change): exactly the stacks extending it
  edit(repo, "fleet/prod/base.yaml", /retentionDays: 30/, "retentionDays: 35");
  git("commit", "-q", "-am", "prod base");
  const prod = files.filter((f) => f.startsWith("prod/")).map((f) => `fleet/${f}`).sort();
  assert.ok(prod.length >= 5);
  assert.equal(await selected("HEAD~1"), prod);
  assert.equal(await selected("HEAD"), []);

  // one stack edited (not staged) and a new untracked stack, on top of the committed base change
  const devStack = files.find((f) => f.startsWith("dev/"))!;
  edit(repo, `fleet/${devStack}`, /description: (.*)/, "description: $1 edited");
  const fresh = readFileSync(path.join(repo, "fleet", devStack), "utf8").replace(/name: (dev-\S+)/, "name: $1-new").replace(/acme-dev-/g, "acme-dev-new-").replace(/\.k8s\.acme/g, "-new.k8s.acme");
  writeFileSync(path.join(repo, "fleet", "dev", "new-stack.yaml"), fresh);
  assert.equal(await selected("HEAD~1"), [...prod, `fleet/${devStack}`, "fleet/dev/new-stack.yaml"].sort());
  assert.equal(await selected("HEAD"), [`fleet/${devStack}`, "fleet/dev/new-stack.yaml"].sort());

  // the fleet checks still see the whole fleet: a changed dev stack taking an unchanged prod
  // stack's name is found, though the prod stack is not compiled (and, later in the fleet, it is
  // the one the finding is located in)
  const victim = files.find((f) => f.startsWith("prod/") && !f.endsWith("base.yaml"))!;
  const victimName = /name: (\S+)/.exec(readFileSync(path.join(repo, "fleet", victim), "utf8"))![1]!;
  const taker = files.find((f) => f.startsWith("dev/") && f !== devStack && !f.endsWith("base.yaml"))!;
  edit(repo, `fleet/${taker}`, /name: \S+/, `name: ${victimName}`);
  git("commit", "-q", "-am", "clash");
  const clash = await runCli(["check", "fleet", ...NOW, "-f", "json", "--changed-since", "HEAD~1"], { cwd: repo });
  assert.is(clash.code, 1, clash.stdout);
  const found = (JSON.parse(clash.stdout) as { diagnostics: { code: string; file: string; related?: { file: string }[] }[] }).diagnostics.filter((d) => d.code === "STK-FLEET-001");
  assert.is(found.length, 1, clash.stdout);
  assert.equal([found[0]!.file, ...found[0]!.related!.map((r) => r.file)].sort(), [`fleet/${taker}`, `fleet/${victim}`].sort());
  // and across shards: whichever shard holds one of the two stacks reports it
  const shards = await Promise.all(
    [1, 2, 3].map(async (k) => {
      const run = await runCli(["check", "fleet", ...NOW, "-f", "json", "--shard", `${k}/3`], { cwd: repo });
      const json = JSON.parse(run.stdout) as { stacks: { file: string }[]; diagnostics: { code: string }[] };
      return { code: run.code, holds: json.stacks.some((x) => [`fleet/${taker}`, `fleet/${victim}`].includes(x.file)), clash: json.diagnostics.some((d) => d.code === "STK-FLEET-001") };
    }),
  );
  for (const shard of shards) {
    assert.is(shard.clash, shard.holds);
    assert.is(shard.code, shard.holds ? 1 : 0);
  }
  git("reset", "-q", "--hard", "HEAD~1");

  const bad = await runCli(["check", "fleet", "--changed-since", "no-such-ref"], { cwd: repo });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /no-such-ref/);
  const outside = await runCli(["check", valid, "--changed-since", "HEAD"], { cwd: tmpdir() });
  assert.is(outside.code, 2);
  assert.match(outside.stderr, /git work tree/);
});

test("progress: never when stdout is not a TTY (nor in CI); a redrawn line and a clean end on a TTY", async () => {
  const piped = await runCli(["check", valid, ...NOW, "--jobs", "2"], { cwd: tmp, tty: false });
  assert.not.match(piped.stderr, /stacks/);
  assert.is(piped.stderr, "");
  let err = "";
  const stream = (tty: boolean) => ({ write: (s: string) => void (err += s), isTTY: tty });
  const line = progressLine({ stdout: stream(true), stderr: stream(true), env: {}, cwd: tmp }, "checking", 0);
  line.update(1, 3);
  line.update(3, 3);
  line.end();
  assert.match(err, /checking 1\/3 stacks/);
  assert.match(err, /checking 3\/3 stacks/);
  assert.ok(err.endsWith("\r\u001b[2K"));
  err = "";
  for (const io of [{ stdout: stream(false), stderr: stream(true), env: {} }, { stdout: stream(true), stderr: stream(true), env: { CI: "true" } }]) {
    const quiet = progressLine({ ...io, cwd: tmp }, "checking", 0);
    quiet.update(3, 3);
    quiet.end();
  }
  assert.is(err, "");
});

test("the closing summary line gives the run's time on a TTY only (piped reports stay byte-identical)", async () => {
  const piped = await runCli(["check", valid, ...NOW, "--jobs", "1"], { cwd: tmp, tty: false });
  assert.match(piped.stdout, /Checked 30 stacks: no problems, \d+ waived\.\n$/);
  const tty = await runCli(["check", valid, ...NOW, "--jobs", "1", "--no-color"], { cwd: tmp, tty: true });
  assert.match(tty.stdout, /Checked 30 stacks: no problems, \d+ waived in \d+\.\d+ s\.\n$/);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
