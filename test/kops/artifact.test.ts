// The kops artifact is what policies see: the documents exactly as the template holds them, plus
// where each Terraform-provided value goes. Both must be plain JSON data.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { terraformOutputs } from "../../compiler/emit/terraform-outputs.js";
import { documents, emittedSpecs } from "./emitted.js";

function at(value: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** Strings with a literal `{{` are escaped for kops' templater in the file; the artifact has the value. */
function unescape(value: unknown): unknown {
  if (typeof value === "string") return value.split("{{`{{`}}").join("{{");
  if (Array.isArray(value)) return value.map(unescape);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescape(k), unescape(v)]));
  return value;
}

test("the artifact's documents are the template's documents", async () => {
  for (const spec of await emittedSpecs()) {
    const [cluster, ...igs] = unescape(documents(spec.template)) as Record<string, any>[];
    assert.equal(spec.artifact.cluster, cluster, spec.name);
    assert.equal(spec.artifact.instanceGroups, igs, spec.name);
  }
});

test("the artifact is plain JSON data (no class instances for policies to trip over)", async () => {
  for (const spec of await emittedSpecs()) {
    assert.equal(JSON.parse(JSON.stringify(spec.artifact)), spec.artifact, spec.name);
  }
});

test("each binding points at its template string, and names the output and key bind fills it from", async () => {
  const prod = (await emittedSpecs()).find((s) => s.name === "prod-eu-west-1")!;
  for (const b of prod.artifact.bindings) assert.is(at(prod.artifact, b.pointer), b.template, b.pointer);
  const byPointer = new Map(prod.artifact.bindings.map((b) => [b.pointer, b]));
  assert.equal(byPointer.get("/cluster/spec/networkID"), { pointer: "/cluster/spec/networkID", output: "vpc_id", template: "{{ .vpc_id.value }}" });
  assert.equal(byPointer.get("/cluster/spec/subnets/1/egress"), {
    pointer: "/cluster/spec/subnets/1/egress",
    output: "nat_gateway_ids",
    key: "eu-west-1b",
    template: '{{ index .nat_gateway_ids.value "eu-west-1b" }}',
  });
  // every id-like value comes from Terraform: vpc, 3 private + 3 utility ids, 3 NATs, the zone, 6 inline IRSA policies
  const counts = new Map<string, number>();
  for (const b of prod.artifact.bindings) counts.set(b.output, (counts.get(b.output) ?? 0) + 1);
  assert.equal(Object.fromEntries(counts), {
    [terraformOutputs.route53ZoneId]: 1,
    [terraformOutputs.irsaPolicyArns]: 6,
    [terraformOutputs.vpcId]: 1,
    [terraformOutputs.privateSubnetIds]: 3,
    [terraformOutputs.natGatewayIds]: 3,
    [terraformOutputs.utilitySubnetIds]: 3,
  });
});

test("with one NAT gateway, every private subnet's egress reads the NAT zone's entry", async () => {
  const dev = (await emittedSpecs()).find((s) => s.name === "dev-eu-west-1")!;
  assert.equal(dev.model.natZones, ["eu-west-1a"]);
  const egress = dev.artifact.bindings.filter((b) => b.output === "nat_gateway_ids");
  assert.equal(egress.map((b) => [b.pointer, b.key]), [
    ["/cluster/spec/subnets/0/egress", "eu-west-1a"],
    ["/cluster/spec/subnets/1/egress", "eu-west-1a"],
  ]);
});

test.run();
