// The closed CRD check (test/helpers/kops-crd.ts) exists because kops' decoder drops unknown
// fields silently. These tests prove the drop with the real kops decoder and show the CRD check
// catching what kops lets through.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crdSchema, strictSchema, validateKopsCrd, type KopsCrdError } from "../helpers/kops-crd.js";
import { validateKopsText, validateKopsTexts } from "../helpers/kops-validate.js";
import { editValid } from "./fixtures.js";

const at = (errors: KopsCrdError[]) => errors.map((e) => `${e.document} ${e.keyword} ${e.pointer}`);

test("a misspelt kubernetesVersion: the CRD check names it, kops only misses the real field", async () => {
  const yaml = editValid("  kubernetesVersion: 1.36.1\n", "  kubernetesVersio: 1.36.1\n");
  assert.equal(at(validateKopsCrd(yaml)), ["1 additionalProperties /spec/kubernetesVersio"]);
  assert.match(validateKopsCrd(yaml)[0]!.message, 'unknown field "kubernetesVersio"');
  // kops decodes the file fine; the misspelt key is gone, so it reports the field as missing.
  const kops = await validateKopsText(yaml);
  assert.is(kops.decodeError, undefined);
  assert.equal(kops.errors.map((e) => `${e.type} ${e.field}`), ["FieldValueRequired spec.kubernetesVersion"]);
});

// The proof of the silent drop: `iam.legacy: true` is rejected (broken/iam-legacy.yaml), but the
// same value under a misspelt key passes kops with zero errors — and so would any typo that
// was meant to turn a safety setting on.
test("kops silently drops an unknown field that the CRD check rejects", async () => {
  const results = await validateKopsTexts({
    typo: editValid("    legacy: false\n", "    legacy: false\n    legcy: true\n"),
    // encoding/json would match keys case-insensitively; kops' decoder does not
    capitalised: editValid("    legacy: false\n", "    Legacy: true\n"),
  });
  assert.equal(results.get("typo"), { errors: [] });
  assert.equal(results.get("capitalised"), { errors: [] });
  assert.equal(at(validateKopsCrd(editValid("    legacy: false\n", "    legacy: false\n    legcy: true\n"))), [
    "1 additionalProperties /spec/iam/legcy",
  ]);
  // (the CRD also lists iam.legacy as required, hence the second error)
  assert.equal(at(validateKopsCrd(editValid("    legacy: false\n", "    Legacy: true\n"))), [
    "1 required /spec/iam",
    "1 additionalProperties /spec/iam/Legacy",
  ]);
});

test("unknown top-level and InstanceGroup keys are rejected too", () => {
  const yaml = editValid("  role: Node\n  image: 099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218\n  machineType: m6i.xlarge\n  minSize: 3\n",
    "  role: Node\n  image: 099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218\n  machineType: m6i.xlarge\n  minSize: 3\n  minsize: 4\n");
  assert.equal(at(validateKopsCrd(yaml)), ["5 additionalProperties /spec/minsize"]);
  assert.is(validateKopsCrd(yaml)[0]!.name, "nodes");
  assert.equal(at(validateKopsCrd(`${editValid("kind: Cluster\n", "kind: Cluster\nstatus2: {}\n")}`)), ["1 additionalProperties /status2"]);
});

// Types, unlike unknown keys, are enforced by kops' decoder as well: the file does not decode.
test("a wrong type is rejected by the CRD check, and kops fails to decode it", async () => {
  const yaml = editValid("  minSize: 3\n", '  minSize: "3"\n');
  assert.equal(at(validateKopsCrd(yaml)), ["5 type /spec/minSize"]);
  const kops = await validateKopsText(yaml);
  assert.match(kops.decodeError ?? "", "spec.minSize of type int32");
  assert.equal(kops.errors, []);
});

// kops reads YAML with sigs.k8s.io/yaml (YAML 1.1): an unquoted `no` is a boolean there. The CRD
// check parses the same way, so it agrees with kops instead of passing a YAML 1.2 string.
test("YAML 1.1 booleans: `team: no` is a bool for kops and for the CRD check", async () => {
  const yaml = editValid("    team: platform\n", "    team: no\n");
  assert.equal(at(validateKopsCrd(yaml)), ["1 type /spec/cloudLabels/team"]);
  assert.match((await validateKopsText(yaml)).decodeError ?? "", "cannot unmarshal bool into Go struct field ClusterSpec.spec.cloudLabels of type string");
  assert.equal(validateKopsCrd(editValid("    team: platform\n", '    team: "no"\n')), []);
});

test("maps stay open, structs are closed", () => {
  const schema = strictSchema(crdSchema("Cluster")) as any;
  assert.is(schema.additionalProperties, false);
  assert.is(schema.properties.spec.additionalProperties, false);
  assert.is(schema.properties.spec.properties.iam.additionalProperties, false);
  assert.equal(schema.properties.spec.properties.cloudLabels.additionalProperties, { type: "string" });
  // metadata has no properties in the CRD (ObjectMeta is validated by the API machinery): open
  assert.is(schema.properties.metadata.additionalProperties, undefined);
  // the stored CRD itself is not modified
  assert.is((crdSchema("Cluster") as any).properties.spec.additionalProperties, undefined);
});

test("int-or-string: integers and strings pass, the Quantity pattern applies to strings only", () => {
  const withRollingUpdate = (value: string) =>
    editValid("  capacityRebalance: true\n", `  capacityRebalance: true\n  rollingUpdate:\n    maxSurge: ${value}\n`);
  assert.equal(validateKopsCrd(withRollingUpdate("1")), []);
  assert.equal(validateKopsCrd(withRollingUpdate('"25%"')), []);
  assert.ok(validateKopsCrd(withRollingUpdate("true")).some((e) => e.pointer === "/spec/rollingUpdate/maxSurge"));

  const withMemory = (value: string) =>
    editValid("    spotAllocationStrategy: price-capacity-optimized\n",
      `    spotAllocationStrategy: price-capacity-optimized\n    instanceRequirements:\n      memory:\n        min: ${value}\n`);
  assert.equal(validateKopsCrd(withMemory("8Gi")), []);
  assert.equal(validateKopsCrd(withMemory("8192")), []);
  assert.equal(at(validateKopsCrd(withMemory('"8 GB"'))).filter((e) => e.includes("pattern")), ["6 pattern /spec/mixedInstancesPolicy/instanceRequirements/memory/min"]);
});

test("documents that are not kops v1alpha2 Cluster/InstanceGroup are reported", () => {
  const errors = validateKopsCrd("apiVersion: kops.k8s.io/v1alpha3\nkind: Cluster\nmetadata: {name: a.b}\n---\napiVersion: v1\nkind: ConfigMap\n");
  assert.equal(at(errors), ["1 const /apiVersion", "2 const /apiVersion", "2 enum /kind"]);
});

test.run();
