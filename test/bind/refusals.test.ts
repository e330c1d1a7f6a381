// `stackc bind` refuses Terraform outputs that do not fit the stack, before binding anything:
// each problem with its code and its line:column inside the output file (and, where the
// manifest says otherwise, the manifest location), all problems of a file in one run, and no
// bound spec at all when there is one.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repoPath } from "../helpers/repo.js";
import { asText, bind, fixtureOutputs, located, positionOf, type Outputs } from "./support.js";

const PROD = "prod-eu-west-1";

function edited(edit: (o: Outputs) => void, stack = PROD): string {
  const outputs = fixtureOutputs(stack);
  edit(outputs);
  return asText(outputs);
}

test("the unedited fixture binds without a diagnostic (the baseline of every case below)", async () => {
  const result = await bind(PROD, asText(fixtureOutputs(PROD)));
  assert.equal(result.diagnostics, []);
  assert.ok(result.file && result.spec);
});

test("a missing output: STK-BIND-002 at the outputs object", async () => {
  const result = await bind(PROD, edited((o) => delete o["vpc_id"]));
  assert.equal(located(result), ["STK-BIND-002 tf.json:1:1"]);
  assert.match(result.diagnostics[0]!.message, "vpc_id");
  assert.is(result.file, undefined);
  assert.is(result.spec, undefined);
});

test("no outputs at all (terraform output -json before the first apply)", async () => {
  const result = await bind(PROD, "{}\n");
  assert.equal(located(result), ["STK-BIND-002 tf.json:1:1"]);
  assert.match(result.diagnostics[0]!.hint ?? "", "terraform apply");
});

test("a zone missing from a per-zone output: STK-BIND-004 at that output's value", async () => {
  const text = edited((o) => delete o["private_subnet_ids"]!.value["eu-west-1c"]);
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-004 tf.json:${valuePosition(text, "private_subnet_ids")}`]);
  assert.match(result.diagnostics[0]!.message, "eu-west-1c");
});

test("a zone the stack does not have: STK-BIND-004 at its key", async () => {
  const text = edited((o) => (o["utility_subnet_ids"]!.value["eu-west-1d"] = "subnet-0aaaaaaaaaaaaaaaa"));
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-004 tf.json:${positionOf(text, '"eu-west-1d"')}`]);
});

test("NAT gateways keyed by every zone (as the stack's Terraform writes them) or by NAT zone only both bind to the natZone's NAT", async () => {
  const dev = "dev-eu-west-1";
  const outputs = fixtureOutputs(dev);
  const nat = outputs["nat_gateway_ids"]!.value["eu-west-1a"] as string;
  assert.equal(outputs["nat_gateway_ids"]!.value, { "eu-west-1a": nat, "eu-west-1b": nat }, "the fixture has the every-zone form");
  const egress = async (text: string) => {
    const result = await bind(dev, text);
    assert.equal(result.diagnostics, []);
    return result.spec!.cluster.spec.subnets.filter((s) => s.type === "Private").map((s) => s.egress);
  };
  assert.equal(await egress(asText(outputs)), [nat, nat]);
  delete outputs["nat_gateway_ids"]!.value["eu-west-1b"];
  assert.equal(await egress(asText(outputs)), [nat, nat]);
  // but the NAT zone itself must be there, and a zone outside the stack is refused
  outputs["nat_gateway_ids"]!.value = { "eu-west-1b": nat, "eu-west-1c": nat };
  const text = asText(outputs);
  assert.equal(located(await bind(dev, text)), [
    `STK-BIND-004 tf.json:${valuePosition(text, "nat_gateway_ids")}`,
    `STK-BIND-004 tf.json:${positionOf(text, '"eu-west-1c"', '"nat_gateway_ids"')}`,
  ]);
});

test("a VPC CIDR that differs: STK-BIND-005 at the value, with the manifest's CIDR as related location", async () => {
  const text = edited((o) => (o["vpc_cidr_block"]!.value = "10.99.0.0/16"));
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-005 tf.json:${positionOf(text, '"10.99.0.0/16"')}`]);
  const manifest = readFileSync(repoPath("stacks", "prod.yaml"), "utf8");
  const related = result.diagnostics[0]!.related![0]!;
  assert.equal(`${related.file}:${related.range.start.line}:${related.range.start.column}`, `stacks/prod.yaml:${positionOf(manifest, "10.20.0.0/16", "  network:")}`);
});

test("outputs of another stack: a different state store or AWS account is STK-BIND-005", async () => {
  const text = edited((o) => {
    o["kops_state_store"]!.value = "s3://acme-stg-euw1-kops-state";
    o["irsa_policy_arns"]!.value["velero"] = "arn:aws:iam::111122223333:policy/stackc/prod-eu-west-1/velero";
  });
  // in file order: irsa_policy_arns comes before kops_state_store
  assert.equal(located(await bind(PROD, text)), [
    `STK-BIND-005 tf.json:${positionOf(text, '"arn:aws:iam::111122223333')}`,
    `STK-BIND-005 tf.json:${positionOf(text, '"s3://acme-stg-euw1-kops-state"')}`,
  ]);
});

test("malformed ids: STK-BIND-006 at each value (vpc-, subnet-, nat-, zone id, policy ARN)", async () => {
  const text = edited((o) => {
    o["vpc_id"]!.value = "vpc-123";
    o["private_subnet_ids"]!.value["eu-west-1a"] = "subnet-XYZ";
    o["nat_gateway_ids"]!.value["eu-west-1b"] = "igw-0a1b2c3d4e5f60718";
    o["route53_zone_id"]!.value = "/hostedzone/Z0123456789";
    o["irsa_policy_arns"]!.value["loki"] = "arn:aws:iam::210987654321:role/loki";
  });
  const result = await bind(PROD, text);
  // outputs are in alphabetical order in the file, and so are the diagnostics
  const expected = ['"arn:aws:iam::210987654321:role/loki"', '"igw-0a1b2c3d4e5f60718"', '"subnet-XYZ"', '"/hostedzone/Z0123456789"', '"vpc-123"'].map(
    (v) => `STK-BIND-006 tf.json:${positionOf(text, v)}`,
  );
  assert.equal(located(result), expected, "in file order");
  assert.match(result.diagnostics.find((d) => d.message.includes("vpc-123"))!.hint!, "vpc-0a1b2c3d4e5f60718");
});

test("IRSA policies: a missing add-on and one the stack does not have are STK-BIND-007", async () => {
  const text = edited((o) => {
    delete o["irsa_policy_arns"]!.value["velero"];
    o["irsa_policy_arns"]!.value["karpenter"] = "arn:aws:iam::210987654321:policy/stackc/prod-eu-west-1/karpenter";
  });
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-007 tf.json:${valuePosition(text, "irsa_policy_arns")}`, `STK-BIND-007 tf.json:${positionOf(text, '"karpenter"')}`]);
  assert.match(result.diagnostics[0]!.message, "velero");
});

test("the same subnet id for two subnets: STK-BIND-008 at the second, the first as related", async () => {
  const outputs = fixtureOutputs(PROD);
  const first = outputs["private_subnet_ids"]!.value["eu-west-1a"] as string;
  outputs["utility_subnet_ids"]!.value["eu-west-1a"] = first;
  const text = asText(outputs);
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-008 tf.json:${positionOf(text, `"${first}"`, '"utility_subnet_ids"')}`]);
  const related = result.diagnostics[0]!.related![0]!;
  assert.is(`${related.range.start.line}:${related.range.start.column}`, positionOf(text, `"${first}"`));
});

test("not a `terraform output -json` entry, or the wrong type: STK-BIND-003", async () => {
  const text = edited((o) => {
    (o as Record<string, unknown>)["vpc_id"] = "vpc-0a1b2c3d4e5f60718";
    o["private_subnet_ids"]!.value = ["subnet-0a1b2c3d4e5f60711"];
  });
  const result = await bind(PROD, text);
  assert.equal(located(result), [`STK-BIND-003 tf.json:${valuePosition(text, "private_subnet_ids", "[")}`, `STK-BIND-003 tf.json:${positionOf(text, '"vpc-0a1b2c3d4e5f60718"')}`]);
});

test("a file that is not JSON: STK-BIND-001 at the first character that is not", async () => {
  const cases: [string, string, string][] = [
    // `terraform output` without -json
    ['vpc_id = "vpc-0a1b2c3d4e5f60718"\n', "1:1", "expected a JSON value"],
    ['{\n  "vpc_id": {\n    "value": "vpc-0a1b2c3d4e5f60718",\n  }\n}\n', "4:3", 'expected a double-quoted property name, found "}"'],
    ["vpc_id:\n  value: vpc-0a1b2c3d4e5f60718\n", "1:1", "expected a JSON value"],
    ["", "1:1", "end of file"],
    ['{"vpc_id": {"value": "vpc-1"}} trailing', "1:32", "after the JSON value"],
  ];
  for (const [text, at, message] of cases) {
    const result = await bind(PROD, text);
    assert.equal(located(result), [`STK-BIND-001 tf.json:${at}`], JSON.stringify(text));
    assert.match(result.diagnostics[0]!.message, message);
    assert.is(result.file, undefined);
  }
  // JSON, but not an object of outputs
  assert.equal(located(await bind(PROD, "[]\n")), ["STK-BIND-001 tf.json:1:1"]);
});

test("every problem of a file is reported in one run", async () => {
  const text = edited((o) => {
    delete o["route53_zone_id"];
    o["vpc_cidr_block"]!.value = "10.21.0.0/16";
    o["nat_gateway_ids"]!.value["eu-west-1a"] = "nat-1";
  });
  // file order: the missing output is reported at the outputs object (1:1), then nat_gateway_ids, then vpc_cidr_block
  assert.equal(located(await bind(PROD, text)).map((l) => l.split(" ")[0]), ["STK-BIND-002", "STK-BIND-006", "STK-BIND-005"]);
});

/** Position of the value of output `name` (its `{`, or `open`). */
function valuePosition(text: string, name: string, open = "{"): string {
  const entry = text.indexOf(`"${name}"`);
  const value = text.indexOf('"value": ', entry) + '"value": '.length;
  if (text[value] !== open) throw new Error(`value of ${name} does not start with ${open}`);
  const before = text.slice(0, value).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

test.run();
