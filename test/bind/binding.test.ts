// The bound spec stays true: bind keeps the outputs it used (kops/binding.json) next to
// cluster.yaml; a rebuild re-binds from them, so cluster.yaml always equals the current template
// rendered with those outputs; verify reports a cluster.yaml that is stale or edited.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";
import { validateKops } from "../helpers/kops-validate.js";

const NOW = ["--now", "2026-12-01"];

async function boundDev(): Promise<{ dir: string; kops: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-binding-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  cpSync(repoPath("test", "fixtures", "bind", "dev-eu-west-1.tf-output.json"), path.join(dir, "dev.tf-output.json"));
  assert.is((await runCli(["build", "stacks/dev.yaml", ...NOW], { cwd: dir })).code, 0);
  const bind = await runCli(["bind", "stacks/dev.yaml", "--terraform-output", "dev.tf-output.json"], { cwd: dir });
  assert.is(bind.code, 0, bind.stdout);
  return { dir, kops: path.join(dir, "out", "dev-eu-west-1", "kops") };
}

const groups = (yaml: string) => (yaml.match(/^kind: InstanceGroup$/gm) ?? []).length;

test("bind writes binding.json: the outputs it used (no others), the template and cluster.yaml hashes; verify is clean", async () => {
  const { dir, kops } = await boundDev();
  const binding = JSON.parse(readFileSync(path.join(kops, "binding.json"), "utf8"));
  assert.equal(Object.keys(binding), ["source", "template", "cluster", "outputs"]);
  assert.is(binding.source, "dev.tf-output.json");
  assert.equal(Object.keys(binding.outputs), ["irsa_policy_arns", "kops_state_store", "nat_gateway_ids", "private_subnet_ids", "route53_zone_id", "utility_subnet_ids", "vpc_cidr_block", "vpc_id"].filter((k) => k in binding.outputs));
  assert.not.ok("route53_name_servers" in binding.outputs || "bucket_names" in binding.outputs);
  assert.ok(Object.values(binding.outputs).every((o) => (o as { sensitive: boolean }).sensitive === false));
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.equal([verify.code, verify.stdout], [0, "Checked 1 stack: no problems.\n"]);
});

test("add an instance group and rebuild: cluster.yaml is re-bound (5 groups, like the template), kops accepts it, verify is clean", async () => {
  const { dir, kops } = await boundDev();
  const before = readFileSync(path.join(kops, "cluster.yaml"), "utf8");
  const dev = path.join(dir, "stacks", "dev.yaml");
  writeFileSync(dev, readFileSync(dev, "utf8").replace("        labels: { capacity: spot }\n", "        labels: { capacity: spot }\n      - name: batch\n        machineType: c6i.2xlarge\n        min: 0\n        max: 4\n"));
  const build = await runCli(["build", "stacks/dev.yaml", ...NOW], { cwd: dir });
  assert.is(build.code, 0, build.stdout);
  const after = readFileSync(path.join(kops, "cluster.yaml"), "utf8");
  assert.is(groups(before) + 1, groups(after));
  assert.is(groups(after), groups(readFileSync(path.join(kops, "cluster.tmpl.yaml"), "utf8")));
  assert.match(after, "  name: batch\n");
  assert.is((await runCli(["verify", "stacks/dev.yaml"], { cwd: dir })).code, 0);
  const results = await validateKops([path.join(kops, "cluster.yaml")]);
  assert.equal(results.get(path.join(kops, "cluster.yaml")), { errors: [] });
});

test("an edited cluster.yaml (maxSize): verify fails naming it", async () => {
  const { dir, kops } = await boundDev();
  const file = path.join(kops, "cluster.yaml");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/maxSize: 3\n/, "maxSize: 9\n"));
  assert.is.not(readFileSync(file, "utf8"), text);
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.is(verify.code, 1);
  assert.match(verify.stdout, "out/dev-eu-west-1/kops/cluster.yaml - error STK-SYNC-005: out/dev-eu-west-1/kops/cluster.yaml was edited by hand");
});

test("a stale cluster.yaml (bound from an older template): verify fails naming it; a rebuild re-binds it", async () => {
  const { dir, kops } = await boundDev();
  const old = { cluster: readFileSync(path.join(kops, "cluster.yaml"), "utf8"), binding: readFileSync(path.join(kops, "binding.json"), "utf8") };
  const dev = path.join(dir, "stacks", "dev.yaml");
  writeFileSync(dev, readFileSync(dev, "utf8").replace("max: 3", "max: 5"));
  assert.is((await runCli(["build", "stacks/dev.yaml", ...NOW], { cwd: dir })).code, 0);
  // as a tool that kept the file across the rebuild without re-binding would leave it
  writeFileSync(path.join(kops, "cluster.yaml"), old.cluster);
  writeFileSync(path.join(kops, "binding.json"), old.binding);
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.is(verify.code, 1);
  assert.match(verify.stdout, "error STK-SYNC-004: out/dev-eu-west-1/kops/cluster.yaml is stale: it was bound from an older template");
  // (the stack cache would take out/ as current from its lock: --no-cache rebuilds and re-binds)
  assert.is((await runCli(["build", "stacks/dev.yaml", "--no-cache", ...NOW], { cwd: dir })).code, 0);
  assert.is((await runCli(["verify", "stacks/dev.yaml"], { cwd: dir })).code, 0);
  assert.match(readFileSync(path.join(kops, "cluster.yaml"), "utf8"), "maxSize: 5\n");
});

test("a zone the outputs do not have yet: build keeps cluster.yaml with a warning; verify reports it stale until bind runs again", async () => {
  const { dir, kops } = await boundDev();
  const old = readFileSync(path.join(kops, "cluster.yaml"), "utf8");
  const dev = path.join(dir, "stacks", "dev.yaml");
  writeFileSync(dev, readFileSync(dev, "utf8").replace("zones: [eu-west-1a, eu-west-1b]", "zones: [eu-west-1a, eu-west-1b, eu-west-1c]"));
  const build = await runCli(["build", "stacks/dev.yaml", ...NOW], { cwd: dir });
  assert.is(build.code, 0, build.stdout);
  assert.match(build.stdout, "warning STK-SYNC-004: out/dev-eu-west-1/kops/cluster.yaml cannot be re-bound from the outputs it was bound with");
  assert.is(readFileSync(path.join(kops, "cluster.yaml"), "utf8"), old);
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.is(verify.code, 1);
  assert.match(verify.stdout, "error STK-SYNC-004: out/dev-eu-west-1/kops/cluster.yaml is stale: the stack changed and the outputs it was bound with no longer fit it");
});

test("a cluster.yaml without a binding record is reported", async () => {
  const { dir, kops } = await boundDev();
  const { rmSync } = await import("node:fs");
  rmSync(path.join(kops, "binding.json"));
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.is(verify.code, 1);
  assert.match(verify.stdout, "error STK-SYNC-004: out/dev-eu-west-1/kops/cluster.yaml has no binding record");
});

test.run();
