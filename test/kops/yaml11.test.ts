// kops reads YAML 1.1 and renders the template with Go's text/template first. A tag value `no` or
// `2026-01-01`, or one that spells a template action, must come out of both as the same string.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { validateKopsCrd } from "../helpers/kops-crd.js";
import { documents, emittedSpecs } from "./emitted.js";
import { renderAndValidate } from "./render-harness.js";

test("YAML-1.1-ambiguous strings are quoted, so kops reads them as the strings they are", async () => {
  const spec = (await emittedSpecs()).find((s) => s.name === "variant-public")!;
  assert.match(spec.bound, '\n    backup: "no"\n');
  assert.match(spec.bound, '\n    created: "2026-01-01"\n');
  assert.match(spec.bound, '\n    enabled: "yes"\n');
  const [cluster, ...igs] = documents(spec.bound);
  assert.is(cluster!["spec"].cloudLabels.backup, "no");
  assert.is(cluster!["spec"].cloudLabels.created, "2026-01-01");
  assert.is(igs.find((ig) => ig["metadata"].name === "mixed")!["spec"].nodeLabels.enabled, "yes");
  assert.equal(validateKopsCrd(spec.bound), []);
});

test("a literal `{{` survives kops' templater; only the references are rendered", async () => {
  const spec = (await emittedSpecs()).find((s) => s.name === "variant-public")!;
  const note = spec.model.tags["note"]!;
  assert.match(note, "{{ .vpc_id.value }}");
  assert.ok(!spec.template.includes(`note: ${note}`) && !spec.template.includes(`"${note}"`), "escaped in the template");
  const result = (await renderAndValidate({ variant: { template: spec.template, values: spec.outputText } })).get("variant")!;
  assert.equal(result.errors, []);
  const [rendered] = documents(result.rendered!);
  assert.is(rendered!["spec"].cloudLabels.note, note);
  assert.match(rendered!["spec"].networkID, /^vpc-[0-9a-f]{17}$/);
  // bind does not go through a template engine: the value is written as is
  assert.is(documents(spec.bound)[0]!["spec"].cloudLabels.note, note);
});

test.run();
