// `stackc bind` writes out/<stack>/kops/cluster.yaml after `stackc build` wrote the stack's folder;
// the next build replaces the folder, and must carry the bound spec over (the kops emitter
// declares it in `preserve`), while the template itself is regenerated.
import { emitContext } from "../../compiler/emit/context.js";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitStack, writeStackOutputs } from "../../compiler/index.js";
import { KOPS_BOUND_PATH, KOPS_TEMPLATE_PATH, kopsEmitter } from "../../compiler/emit/kops/index.js";
import { exampleStack } from "./support.js";

test("a rebuild keeps kops/cluster.yaml and rewrites kops/cluster.tmpl.yaml", async () => {
  const { model } = await exampleStack("dev-eu-west-1");
  const emitted = emitStack(model!, [kopsEmitter], emitContext());
  assert.equal(emitted.value!.preserve, [KOPS_BOUND_PATH]);
  const out = mkdtempSync(path.join(tmpdir(), "stackc-rebuild-"));
  const dir = path.join(out, model!.name, "kops");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "cluster.yaml"), "bound earlier\n");
  writeFileSync(path.join(dir, "cluster.tmpl.yaml"), "stale template\n");
  await writeStackOutputs(out, [{ name: model!.name, files: emitted.value!.files, preserve: emitted.value!.preserve }]);
  assert.is(readFileSync(path.join(dir, "cluster.yaml"), "utf8"), "bound earlier\n");
  assert.is(readFileSync(path.join(dir, "cluster.tmpl.yaml"), "utf8"), emitted.value!.files.find((f) => f.path === KOPS_TEMPLATE_PATH)!.contents);
});

test.run();
