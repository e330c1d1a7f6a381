// Every spec stackc emits is checked by kops itself: the bound spec (`stackc bind` output) with
// kops v1.36.2's validation (zero errors) and the CRD schemas with unknown fields rejected; the
// template is rendered by kops' own templater (as `kops toolbox template` does, with and without
// the runbook's --format-yaml) and the result passes the same checks and holds exactly the data
// `stackc bind` wrote — two independent renderings of one template that must agree.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { validateKopsCrd } from "../helpers/kops-crd.js";
import { validateKopsTexts, type KopsResult } from "../helpers/kops-validate.js";
import { documents, emittedSpecs, type EmittedSpec } from "./emitted.js";
import { renderAndValidate, type RenderResult } from "./render-harness.js";

let specs: EmittedSpec[] = [];
let bound = new Map<string, KopsResult>();
let rendered = new Map<string, RenderResult>();
let formatted = new Map<string, RenderResult>();

test.before(async () => {
  specs = await emittedSpecs();
  const inputs = Object.fromEntries(specs.map((s) => [s.name, { template: s.template, values: s.outputText }]));
  [bound, rendered, formatted] = await Promise.all([
    validateKopsTexts(Object.fromEntries(specs.map((s) => [s.name, s.bound]))),
    renderAndValidate(inputs),
    renderAndValidate(inputs, { formatYaml: true }),
  ]);
});

test("the checks cover all eight example stacks and the variants", () => {
  assert.equal(specs.filter((s) => s.example).map((s) => s.name).sort(), [
    "dev-eu-west-1",
    "prod-ap-southeast-2",
    "prod-eu-west-1",
    "prod-euw1-blue",
    "prod-euw1-green",
    "prod-us-east-1",
    "staging-eu-west-1",
    "staging-euw1-legacy",
  ]);
  assert.ok(specs.filter((s) => !s.example).length >= 2, "variant stacks");
});

test("kops validation accepts every bound spec with zero errors", () => {
  for (const spec of specs) {
    const result = bound.get(spec.name);
    assert.ok(result, spec.name);
    assert.is(result.decodeError, undefined, `${spec.name}: ${result.decodeError}`);
    assert.equal(result.errors, [], spec.name);
  }
});

test("kops' templater renders every template with the stack's outputs, and kops accepts the result", () => {
  for (const [mode, results] of [["plain", rendered], ["--format-yaml", formatted]] as const) {
    for (const spec of specs) {
      const result = results.get(spec.name)!;
      assert.is(result.renderError, undefined, `${spec.name} (${mode}): ${result.renderError}`);
      assert.is(result.decodeError, undefined, `${spec.name} (${mode}): ${result.decodeError}`);
      assert.equal(result.errors, [], `${spec.name} (${mode})`);
    }
  }
});

test("the template rendered by kops and the spec bound by stackc hold the same data", () => {
  for (const spec of specs) {
    const boundDocs = documents(spec.bound);
    assert.equal(documents(rendered.get(spec.name)!.rendered!), boundDocs, `${spec.name}: kops toolbox template vs stackc bind`);
    // --format-yaml re-marshals through a map (keys sorted, comments dropped): same data again
    assert.equal(documents(formatted.get(spec.name)!.rendered!), boundDocs, `${spec.name}: --format-yaml`);
  }
});

test("no reference is left after rendering or binding", () => {
  for (const spec of specs) {
    assert.ok(spec.template.includes("{{ "), `${spec.name}: the template has references`);
    for (const text of [spec.bound, rendered.get(spec.name)!.rendered!]) {
      // only a tag value that spells a template action (variant stack) may contain braces
      const leftovers = text.split("\n").filter((l) => /\{\{|<no value>/.test(l) && !l.includes("is not a reference here"));
      assert.equal(leftovers, [], spec.name);
    }
  }
});

test("the CRD schemas (unknown fields rejected, YAML 1.1) accept the bound spec and the rendered template", () => {
  for (const spec of specs) {
    assert.equal(validateKopsCrd(spec.bound), [], `${spec.name} bound`);
    assert.equal(validateKopsCrd(rendered.get(spec.name)!.rendered!), [], `${spec.name} rendered`);
    // the template itself is YAML too (references are quoted strings), and structurally valid
    assert.equal(validateKopsCrd(spec.template), [], `${spec.name} template`);
  }
});

test("ids in the bound spec are the fixture's values", () => {
  const prod = specs.find((s) => s.name === "prod-eu-west-1")!;
  const outputs = JSON.parse(prod.outputText) as Record<string, { value: any }>;
  const [cluster] = documents(prod.bound);
  assert.is(cluster!["spec"].networkID, outputs["vpc_id"]!.value);
  assert.is(cluster!["spec"].dnsZone, outputs["route53_zone_id"]!.value);
  const b = cluster!["spec"].subnets.find((s: any) => s.name === "eu-west-1b");
  assert.equal(b, {
    name: "eu-west-1b",
    zone: "eu-west-1b",
    type: "Private",
    cidr: "10.20.64.0/19",
    id: outputs["private_subnet_ids"]!.value["eu-west-1b"],
    egress: outputs["nat_gateway_ids"]!.value["eu-west-1b"],
  });
});

test.run();
