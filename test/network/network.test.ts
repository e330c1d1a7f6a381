// Shared networks and existing VPCs (kind: Network): what a stack in a network emits and what it
// does not, that its addresses depend only on its own block (adding or removing a stack or a
// zone moves nothing else), that the network manifest is one of the stack's inputs (lock,
// cache, --changed-since), and that both kops specs and the existing-VPC spec name the right ids.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile, type StackModel } from "../../compiler/index.js";
import { emitContext } from "../../compiler/emit/context.js";
import { emitNetwork } from "../../compiler/emit/network/emit.js";
import { terraformEmitter, type TerraformArtifact } from "../../compiler/emit/terraform/emitter.js";
import { kopsEmitter } from "../../compiler/emit/kops/index.js";
import { StackCache, runKey } from "../../compiler/fleet/cache.js";
import { runFleet } from "../../compiler/fleet/run.js";
import { repoPath, repoRoot } from "../helpers/repo.js";
import { exampleModel, exampleNetworks } from "../helpers/stacks.js";

function resourceTypes(artifact: TerraformArtifact, dir = "terraform"): string[] {
  const module = artifact.modules.find((m) => m.dir === dir)!;
  return module.resources.filter((r) => r.mode === "managed").map((r) => `${r.type}.${r.name}`);
}

function terraformOf(model: StackModel): TerraformArtifact {
  return terraformEmitter.emit(model, emitContext()).artifact as TerraformArtifact;
}

test("a stack in a shared network creates no VPC, gateway, NAT, EIP, utility subnet or flow log; it reads the network's state", async () => {
  const blue = await exampleModel("prod-euw1-blue");
  const types = resourceTypes(terraformOf(blue));
  for (const owned of ["aws_vpc.this", "aws_internet_gateway.this", "aws_nat_gateway.this", "aws_eip.nat", "aws_subnet.utility", "aws_flow_log.vpc", "aws_default_security_group.default"]) {
    assert.not.ok(types.includes(owned), `${owned} is the network's`);
  }
  for (const own of ["aws_subnet.private", "aws_route_table.private", "aws_route.private_default", "aws_route_table_association.private", "aws_ec2_tag.utility_cluster"]) {
    assert.ok(types.includes(own), `${own} is the stack's`);
  }
  const network = readFileSync(repoPath("out", "prod-euw1-blue", "terraform", "network.tf"), "utf8");
  assert.match(network, 'data "terraform_remote_state" "network" {');
  assert.match(network, 'key    = "networks/shared-prod-euw1/terraform.tfstate"');
  assert.not.match(network, /subnet-[0-9a-f]|nat-[0-9a-f]|vpc-[0-9a-f]/, "no id copied by hand");
});

test("an existing VPC: neither the network nor its stack emits aws_vpc, aws_subnet for a given id or aws_nat_gateway; kops names the ids", async () => {
  const [legacy] = (await exampleNetworks()).filter((n) => n.name === "legacy-staging-euw1");
  assert.ok(legacy);
  const networkTypes = emitNetwork(legacy!).artifact.terraform.modules.flatMap((m) => m.resources.map((r) => r.type));
  for (const type of ["aws_vpc", "aws_subnet", "aws_nat_gateway", "aws_eip", "aws_internet_gateway", "aws_route_table"]) assert.not.ok(networkTypes.includes(type), type);

  const stack = await exampleModel("staging-euw1-legacy");
  const artifact = terraformOf(stack);
  const types = resourceTypes(artifact);
  for (const type of ["aws_vpc.this", "aws_nat_gateway.this", "aws_subnet.utility", "aws_internet_gateway.this"]) assert.not.ok(types.includes(type), type);
  // its own private subnets are created beside the given ones, never the given ids
  const module = artifact.modules.find((m) => m.dir === "terraform")!;
  const subnets = module.resources.filter((r) => r.type === "aws_subnet").flatMap((r) => r.instances.map((i) => i.key));
  assert.equal(subnets, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  assert.not.ok(readFileSync(repoPath("out", "staging-euw1-legacy", "terraform", "network.tf"), "utf8").includes("terraform_remote_state"), "an existing network without endpoints needs no state");

  const template = kopsEmitter.emit(stack, emitContext()).files[0]!.contents;
  assert.match(template, "networkID: vpc-0a1b2c3d4e5f60718");
  assert.match(template, /id: subnet-0aa11bb22cc33dd44\n/);
  assert.match(template, /egress: nat-0ee55ff6600117722\n/);
  // only the subnets the stack creates are bound later
  assert.match(template, `id: '{{ index .private_subnet_ids.value "eu-west-1a" }}'`);
});

test("an existing network whose private subnets are shared: the stack creates no subnet and tags the given ones", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-net-shared-"));
  try {
    cpSync(repoPath("stacks", "base.yaml"), path.join(dir, "base.yaml"));
    const network = readFileSync(repoPath("stacks", "existing", "network.yaml"), "utf8")
      .replace("        natGateway: nat-0aa11bb22cc33dd44\n", "        natGateway: nat-0aa11bb22cc33dd44\n        privateSubnet: { id: subnet-0aa11bb22cc33dd99, cidr: 10.60.32.0/19 }\n")
      .replace("        natGateway: nat-0ee55ff6600117722\n", "        natGateway: nat-0ee55ff6600117722\n        privateSubnet: { id: subnet-0ee55ff6600117799, cidr: 10.60.64.0/19 }\n")
      .replace("        natGateway: nat-0c0ffee0123456789\n", "        natGateway: nat-0c0ffee0123456789\n        privateSubnet: { id: subnet-0c0ffee0123456799, cidr: 10.60.96.0/19 }\n");
    writeFileSync(path.join(dir, "network.yaml"), network);
    const stack = readFileSync(repoPath("stacks", "existing", "staging-legacy.yaml"), "utf8").replace("extends: ../base.yaml", "extends: ./base.yaml").replace("    block: 3\n", "");
    writeFileSync(path.join(dir, "stack.yaml"), stack);
    const result = await compile(["stack.yaml"], { cwd: dir, emit: true });
    assert.equal(result.diagnostics.filter((d) => d.severity === "error"), []);
    const model = result.stacks[0]!.model!;
    assert.equal(model.zones.map((z) => z.privateCidr), ["10.60.32.0/19", "10.60.64.0/19", "10.60.96.0/19"]);
    const artifact = result.stacks[0]!.artifacts!.terraform as TerraformArtifact;
    const types = resourceTypes(artifact);
    assert.not.ok(types.some((t) => /^aws_(subnet|route|route_table|route_table_association)\./.test(t)), types.join(", "));
    assert.ok(types.includes("aws_ec2_tag.private_cluster"));
    const template = result.stacks[0]!.files!.find((f) => f.path === "kops/cluster.tmpl.yaml")!.contents;
    assert.match(template, /id: subnet-0aa11bb22cc33dd99\n/);
    assert.not.match(template, "private_subnet_ids", "every id is known: nothing left to bind");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("blocks are stable: a stack's ranges do not move when another stack or one of its zones comes or goes", async () => {
  const dir = repoPath("stacks", "shared");
  const both = await compile(["prod-euw1-blue.yaml", "prod-euw1-green.yaml"], { cwd: dir });
  const alone = await compile(["prod-euw1-blue.yaml"], { cwd: dir });
  const cidrs = (r: typeof both, name: string) => r.stacks.find((s) => s.name === name)!.model!.zones.map((z) => `${z.name}=${z.privateCidr}`);
  assert.equal(cidrs(alone, "prod-euw1-blue"), cidrs(both, "prod-euw1-blue"));
  assert.equal(cidrs(both, "prod-euw1-blue"), ["eu-west-1a=10.70.32.0/22", "eu-west-1b=10.70.36.0/22", "eu-west-1c=10.70.40.0/22"]);
  assert.equal(cidrs(both, "prod-euw1-green"), ["eu-west-1a=10.70.64.0/22", "eu-west-1b=10.70.68.0/22", "eu-west-1c=10.70.72.0/22"]);

  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-net-zone-"));
  try {
    cpSync(repoPath("stacks"), tmp, { recursive: true });
    const file = path.join(tmp, "shared", "prod-euw1-blue.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("zones: [eu-west-1a, eu-west-1b, eu-west-1c]", "zones: [eu-west-1a, eu-west-1c]"));
    const fewer = await compile(["shared/prod-euw1-blue.yaml"], { cwd: tmp, allowOutside: [tmp] });
    assert.equal(cidrs(fewer, "prod-euw1-blue"), ["eu-west-1a=10.70.32.0/22", "eu-west-1c=10.70.40.0/22"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("the network manifest is an input of each stack that uses it: lock, cache and --changed-since", async () => {
  const lock = JSON.parse(readFileSync(repoPath("out", "prod-euw1-blue", "stackc.lock.json"), "utf8")) as { manifests: Record<string, string> };
  assert.equal(Object.keys(lock.manifests), ["../../stacks/shared/prod-euw1-blue.yaml", "../../stacks/base.yaml", "../../stacks/shared/network.yaml"]);

  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-net-cache-"));
  try {
    cpSync(repoPath("stacks"), path.join(tmp, "stacks"), { recursive: true });
    const cache = () => new StackCache(path.join(tmp, "cache"), runKey({ mode: "plain", today: "2026-12-01", outDir: "out" })!, tmp);
    const run = () => runFleet(["stacks/shared", "stacks/existing"], { mode: "check", cwd: tmp, jobs: 1, cache: cache() });
    const cold = await run();
    assert.is(cold.fromCache, 0);
    assert.is((await run()).fromCache, 5);
    const network = path.join(tmp, "stacks", "shared", "network.yaml");
    writeFileSync(network, readFileSync(network, "utf8").replace("retentionDays: 90", "retentionDays: 60"));
    // the network and both of its stacks are compiled again; the existing network and its stack are not
    assert.is((await run()).fromCache, 2);

    const changed = new Set([network]);
    const selected = await runFleet(["stacks"], { mode: "check", cwd: tmp, jobs: 1, changed });
    assert.equal(selected.stacks.map((s) => s.name).sort(), ["prod-euw1-blue", "prod-euw1-green", "shared-prod-euw1"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("use by name: the Network manifest of that metadata.name beside the file, the same model as by path; two of one name are an error", async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-net-name-"));
  try {
    cpSync(repoPath("stacks"), tmp, { recursive: true });
    const file = path.join(tmp, "shared", "prod-euw1-blue.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    use: ./network.yaml\n", "    use: shared-prod-euw1\n"));
    const byName = await compile(["shared/prod-euw1-blue.yaml"], { cwd: tmp, allowOutside: [tmp] });
    assert.equal(byName.diagnostics.filter((d) => d.severity === "error"), []);
    const byPath = await compile(["shared/prod-euw1-blue.yaml"], { cwd: repoPath("stacks"), emit: false });
    assert.equal(byName.stacks[0]!.model!.zones, byPath.stacks[0]!.model!.zones);
    assert.equal(byName.stacks[0]!.manifests, ["shared/prod-euw1-blue.yaml", "base.yaml", "shared/network.yaml"], "the network found is an input");
    // a second network of that name beside it: ambiguous, located at the use value
    writeFileSync(path.join(tmp, "shared", "copy.yaml"), readFileSync(path.join(tmp, "shared", "network.yaml"), "utf8"));
    const twice = await compile(["shared/prod-euw1-blue.yaml"], { cwd: tmp, allowOutside: [tmp] });
    assert.equal(
      twice.diagnostics.filter((d) => d.code === "STK-VPC-001").map((d) => `${d.file}:${d.range?.start.line} ${d.message}`),
      ["shared/prod-euw1-blue.yaml:18 2 networks are named shared-prod-euw1 in shared/ (copy.yaml, network.yaml)"],
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("the example networks compile to their own out/ folder, with their own state key", async () => {
  const networks = await exampleNetworks();
  assert.equal(networks.map((n) => `${n.name}:${n.state.key}`).sort(), [
    "legacy-staging-euw1:networks/legacy-staging-euw1/terraform.tfstate",
    "shared-prod-euw1:networks/shared-prod-euw1/terraform.tfstate",
  ]);
  const backend = readFileSync(repoPath("out", "shared-prod-euw1", "terraform", "backend.tf"), "utf8");
  assert.match(backend, 'key          = "networks/shared-prod-euw1/terraform.tfstate"');
  assert.match(readFileSync(repoPath("out", "shared-prod-euw1", "terraform", "providers.tf"), "utf8"), 'key_prefixes = ["kubernetes.io/cluster/"]');
  void repoRoot;
});

test.run();
