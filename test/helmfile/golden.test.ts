// The committed out/<stack>/helmfile/** is exactly what the emitter produces for each example
// stack (regenerate with `node scripts/golden.mjs helmfile` and review the diff).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitters } from "../../compiler/index.js";
import { helmfileEmitter } from "../../compiler/emit/helmfile/index.js";
import { assertGolden } from "../helpers/golden.js";
import { exampleModels } from "../helpers/stacks.js";

test("the helmfile emitter is registered after terraform and kops", () => {
  const ids = emitters.map((e) => e.id);
  assert.ok(ids.includes("helmfile"), ids.join(", "));
  const order = ["terraform", "kops", "helmfile"].filter((id) => ids.includes(id));
  assert.equal(ids.filter((id) => order.includes(id)), order);
});

test("golden helmfiles of the example stacks", async () => {
  const models = await exampleModels();
  assert.ok(models.length >= 5, `only ${models.length} example stacks`);
  for (const model of models) assertGolden(helmfileEmitter, model);
});

test.run();
