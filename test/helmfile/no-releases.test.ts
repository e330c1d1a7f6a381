// A stack with no add-ons and no charts gets no helmfile: nothing to install or uninstall
// (`releases: []` would fail stackc's closed schema and give helmfile nothing to act on). The
// lock records the omission with its reason and the runbook says there is nothing to apply; a
// stack whose only release is an uninstall (an add-on with enabled: false) still gets one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { HELMFILE_PATH, NO_HELMFILE_REASON, writesHelmfile } from "../../compiler/emit/helmfile/index.js";
import { memoryProject } from "../helpers/memory-io.js";
import { emit, fixtureDir, fixtureModel } from "./support.js";
import { readFileSync } from "node:fs";
import path from "node:path";

test("no add-ons, no charts: no helmfile file, an empty artifact, the omission stated", async () => {
  const model = await fixtureModel("no-releases");
  assert.equal(model.addons, []);
  assert.equal(model.charts, []);
  const out = emit(model);
  assert.equal(out.files, []);
  assert.equal(out.omitted, [{ path: HELMFILE_PATH, reason: NO_HELMFILE_REASON }]);
  assert.equal(out.artifact.releases, []);
  assert.is(writesHelmfile(model), false);
});

test("the built stack: no helmfile/ in the files, the lock names the omission, the runbook says so", async () => {
  const result = await compile(["stack.yaml"], { cwd: fixtureDir("no-releases"), emit: true });
  assert.equal(result.diagnostics.filter((d) => d.severity === "error"), []);
  const files = result.stacks[0]!.files!;
  assert.equal(files.filter((f) => f.path.startsWith("helmfile/")), []);
  const lock = JSON.parse(files.find((f) => f.path === "stackc.lock.json")!.contents) as { omitted?: Record<string, string>; files: Record<string, string> };
  assert.equal(lock.omitted, { [HELMFILE_PATH]: NO_HELMFILE_REASON });
  assert.not.ok(Object.keys(lock.files).some((f) => f.startsWith("helmfile/")));
  const runbook = files.find((f) => f.path === "RUNBOOK.md")!.contents;
  assert.match(runbook, `stackc writes no helmfile for this stack (${NO_HELMFILE_REASON})`);
  assert.not.match(runbook, "helmfile --file");
  // and the scripts that run the runbook's steps call no helmfile either
  // (as a command: the manifest's own path, test/fixtures/helmfile/no-releases/stack.yaml, has the word in it)
  for (const script of files.filter((f) => f.path.startsWith("bin/"))) assert.not.match(script.contents, /\bhelmfile\b(?!\/no-releases)/, script.path);
  assert.ok(files.some((f) => f.path === "bin/up"), "bin/up is written");
});

test("a stack that only uninstalls an add-on still gets a helmfile (installed: false)", async () => {
  const text = readFileSync(path.join(fixtureDir("no-releases"), "stack.yaml"), "utf8") + "  addons:\n    metricsServer: { version: 3.13.1, enabled: false }\n";
  const cwd = "/no-releases";
  const result = await compile(["stack.yaml"], { cwd, io: memoryProject({ "stack.yaml": text }, cwd), emit: true });
  assert.equal(result.diagnostics.filter((d) => d.severity === "error"), []);
  const helmfile = result.stacks[0]!.files!.find((f) => f.path === HELMFILE_PATH);
  assert.ok(helmfile, "helmfile.yaml written");
  assert.match(helmfile.contents, /installed: false/);
  const lock = JSON.parse(result.stacks[0]!.files!.find((f) => f.path === "stackc.lock.json")!.contents) as { omitted?: unknown };
  assert.is(lock.omitted, undefined);
});

test.run();
