// The committed out/<stack>/terraform*/ files are exactly what the emitter produces (regenerate
// with `node scripts/golden.mjs terraform` and review the diff), every file starts with the
// generated header, and the output depends on nothing but the model.
import { emitContext } from "../../compiler/emit/context.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitters } from "../../compiler/index.js";
import { generatedHeader } from "../../compiler/emit/header.js";
import { terraformEmitter } from "../../compiler/emit/terraform/emitter.js";
import { assertGolden } from "../helpers/golden.js";
import { exampleModels } from "../helpers/stacks.js";

test("out/<stack>/terraform and terraform-bootstrap match the emitter byte for byte", async () => {
  for (const model of await exampleModels()) assertGolden(terraformEmitter, model);
});

test("every file is a .tf under terraform/ or terraform-bootstrap/ and starts with the generated header", async () => {
  for (const model of await exampleModels()) {
    const { files } = terraformEmitter.emit(model, emitContext());
    assert.ok(files.length >= 10, `${model.name}: ${files.length} files`);
    for (const file of files) {
      assert.match(file.path, /^terraform(-bootstrap)?\/[a-z-]+\.tf$/);
      assert.ok(file.contents.startsWith(generatedHeader(model, "#")), `${file.path} lacks the header`);
    }
  }
});

test("output is deterministic and does not depend on the model object's identity", async () => {
  for (const model of await exampleModels()) {
    const first = terraformEmitter.emit(model, emitContext());
    const copy = structuredClone(model);
    // structuredClone drops nothing the emitter reads (the model is plain data)
    const second = terraformEmitter.emit(copy, { ...emitContext(), stackcVersion: "0.0.0-other" });
    assert.equal(second.files, first.files, `${model.name}: files differ between runs`);
    assert.equal(JSON.parse(JSON.stringify(second.artifact)), JSON.parse(JSON.stringify(first.artifact)));
  }
});

test("the emitter is registered first (terraform, then kops, then helmfile)", () => {
  const ids = emitters.map((e) => e.id);
  assert.is(ids[0], "terraform");
  for (const [before, after] of [["terraform", "kops"], ["kops", "helmfile"]] as const) {
    if (ids.includes(before) && ids.includes(after)) assert.ok(ids.indexOf(before) < ids.indexOf(after), `${before} before ${after}`);
  }
});

test.run();
