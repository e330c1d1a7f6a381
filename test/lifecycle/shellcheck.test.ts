// shellcheck (installed by scripts/tools/shellcheck.mjs, which scripts/test.mjs runs first; its
// absence is a failure, never a skip) on every generated script in out/, with its optional checks
// on too; and on scripts it must reject: a planted bad one, so a silent shellcheck cannot pass.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { downScript, upScript } from "../../compiler/emit/lifecycle/emitter.js";
import { renderScript } from "../../compiler/emit/shell/script.js";
import { repoPath } from "../helpers/repo.js";
import { exampleModel } from "../helpers/stacks.js";

function shellcheck(files: string[]): { status: number | null; output: string } {
  const r = spawnSync("shellcheck", ["--enable=all", "--format=gcc", ...files], { encoding: "utf8", timeout: 120_000 });
  if (r.error) throw new Error(`shellcheck did not run (${r.error.message}): node scripts/tools/shellcheck.mjs installs it`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function generatedScripts(): string[] {
  const out = repoPath("out");
  const files: string[] = [];
  for (const stack of readdirSync(out).sort()) {
    const bin = path.join(out, stack, "bin");
    let names: string[] = [];
    try {
      names = readdirSync(bin).sort();
    } catch {
      continue;
    }
    for (const name of names) files.push(path.join(bin, name));
  }
  return files;
}

test("every generated script in out/ passes shellcheck (all optional checks enabled) and is executable", () => {
  const files = generatedScripts();
  assert.is(files.length, 20, files.join("\n"));
  const r = shellcheck(files);
  assert.is(r.output, "");
  assert.is(r.status, 0);
  for (const f of files) assert.ok((statSync(f).mode & 0o111) === 0o111, `${f} is not executable`);
});

test("shellcheck rejects a planted bad script (the check can fail)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-shellcheck-"));
  try {
    const bad = path.join(dir, "bad");
    writeFileSync(bad, '#!/usr/bin/env bash\nset -euo pipefail\nname=$1\nrm -rf /tmp/$name\n', { mode: 0o755 });
    const r = shellcheck([bad]);
    assert.is(r.status, 1);
    assert.match(r.output, "SC2086");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("scripts for a hostile manifest path pass shellcheck too", async () => {
  const dev = await exampleModel("dev-eu-west-1");
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-shellcheck-"));
  try {
    const files: string[] = [];
    for (const file of ["stacks/it's $(touch pwned) `x` *;\"y\".yaml", "-rf.yaml", "stacks/a\nb.yaml"]) {
      for (const [name, spec] of [["up", upScript({ ...dev, file })], ["down", downScript({ ...dev, file })]] as const) {
        const target = path.join(dir, `${name}-${files.length}`);
        writeFileSync(target, renderScript(spec), { mode: 0o755 });
        files.push(target);
      }
    }
    const r = shellcheck(files);
    assert.is(r.output, "");
    assert.is(r.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
