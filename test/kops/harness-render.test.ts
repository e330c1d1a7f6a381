// The harness's template mode (-values, -format-yaml; test/kops-validate/render.go) behaves like
// `kops toolbox template`: missing outputs fail the render (--fail-on-missing), a missing map key
// does not (Go's `index`), and the rendered text is what gets validated.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderAndValidate, runHarness } from "./render-harness.js";
import { validText } from "./fixtures.js";

const values = JSON.stringify({ vpc_id: { sensitive: false, type: "string", value: "vpc-0a1b2c3d4e5f60718" }, ids: { value: { a: "x" } } });

test("references are rendered from the values, and the rendered spec is what kops validates", async () => {
  const template = validText().replace("networkID: vpc-0a1b2c3d4e5f60718", "networkID: '{{ .vpc_id.value }}'");
  assert.ok(template !== validText());
  const result = (await renderAndValidate({ t: { template, values } })).get("t")!;
  assert.is(result.renderError, undefined);
  assert.equal(result.errors, []);
  assert.match(result.rendered!, "networkID: 'vpc-0a1b2c3d4e5f60718'\n");
  // the validation really runs on the rendered text: a value kops refuses is reported
  const broken = template.replace("  - 10.0.0.0/8\n  subnets:", "  - 10.0.0.1/8\n  subnets:");
  assert.equal((await renderAndValidate({ t: { template: broken, values } })).get("t")!.errors.map((e) => e.field), ["spec.sshAccess[0]"]);
});

test("an output the values do not have fails the render, as kops' --fail-on-missing does", async () => {
  const template = validText().replace("networkID: vpc-0a1b2c3d4e5f60718", "networkID: '{{ .subnet_ids.value }}'");
  const result = (await renderAndValidate({ t: { template, values } })).get("t")!;
  assert.match(result.renderError ?? "", 'map has no entry for key "subnet_ids"');
  assert.is(result.rendered, undefined);
  assert.equal(result.errors, []);
});

// Why `stackc bind` checks every zone key itself: kops' templater renders a missing map key as
// "<no value>" without an error, and only AWS would notice the bad subnet id later.
test("a missing map key renders as <no value> without an error (so bind checks the keys)", async () => {
  const template = validText().replace("    id: subnet-0a1b2c3d4e5f60711\n", "    id: '{{ index .ids.value \"b\" }}'\n");
  const result = (await renderAndValidate({ t: { template, values } })).get("t")!;
  assert.is(result.renderError, undefined);
  assert.match(result.rendered!, "    id: '<no value>'\n");
  assert.equal(result.errors, []);
});

test("--format-yaml re-marshals the documents: comments dropped, keys sorted", async () => {
  const result = (await renderAndValidate({ t: { template: validText(), values } }, { formatYaml: true })).get("t")!;
  assert.equal(result.errors, []);
  assert.ok(!result.rendered!.includes("#"), "no comments");
  assert.ok(result.rendered!.startsWith("apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: prod.k8s.example.com\nspec:\n  api:\n"));
});

test("-format-yaml without -values is a usage error; an unreadable values file too", async () => {
  assert.is((await runHarness(["-format-yaml", "-"])).code, 2);
  const missing = await runHarness(["-values", "/nonexistent/values.json", "-"]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, "-values");
});

test.run();
