// The committed out/<stack>/kops/cluster.tmpl.yaml is exactly what the emitter produces for each
// example stack (regenerate with `node scripts/golden.mjs kops` and review the diff), and the
// emitter is registered where the pipeline expects it.
import { emitContext } from "../../compiler/emit/context.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitters } from "../../compiler/index.js";
import { KOPS_BOUND_PATH, KOPS_TEMPLATE_PATH, kopsEmitter } from "../../compiler/emit/kops/index.js";
import { assertGolden } from "../helpers/golden.js";
import { exampleModels } from "../helpers/stacks.js";

test("the kops emitter is registered right after terraform", () => {
  const ids = emitters.map((e) => e.id);
  assert.ok(ids.includes("kops"), ids.join(", "));
  const i = ids.indexOf("kops");
  if (ids.includes("terraform")) assert.is(ids[i - 1], "terraform");
  if (ids.includes("helmfile")) assert.ok(ids.indexOf("helmfile") > i);
});

test("the template is its only file; the bound spec that bind writes is preserved by rebuilds", async () => {
  const [model] = await exampleModels();
  assert.equal(kopsEmitter.emit(model!, { ...emitContext(), stackcVersion: "0.0.0" }).files.map((f) => f.path), [KOPS_TEMPLATE_PATH]);
  assert.equal(kopsEmitter.preserve, [KOPS_BOUND_PATH]);
});

test("golden kops templates of the example stacks", async () => {
  const models = await exampleModels();
  assert.ok(models.length >= 5, `only ${models.length} example stacks`);
  for (const model of models) assertGolden(kopsEmitter, model);
});

test.run();
