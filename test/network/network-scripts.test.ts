// A network's bin/up and bin/down against recording stubs (test/helpers/script-stubs.ts): up
// applies the state bucket, then the network; down refuses while any subnet of the VPC still
// carries a cluster's kubernetes.io/cluster/ tag (the stub `aws` answers the count), and
// otherwise destroys everything but the buckets; a production network needs --allow-prod. The
// committed scripts are what the emitter renders now, and the runbook prints the same commands.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitNetwork } from "../../compiler/emit/network/emit.js";
import { CLUSTER_SUBNETS_QUERY, networkTeardownPlan } from "../../compiler/emit/network/lifecycle.js";
import { repoPath } from "../helpers/repo.js";
import { line, sandbox, type Sandbox } from "../helpers/script-stubs.js";
import { exampleNetworks } from "../helpers/stacks.js";

const SHARED = "shared-prod-euw1";
const LEGACY = "legacy-staging-euw1";
const committed = (network: string, name: string) => readFileSync(repoPath("out", network, "bin", name), "utf8");

function withSandbox(fn: (box: Sandbox) => void | Promise<void>) {
  return async () => {
    const box = sandbox();
    try {
      await fn(box);
    } finally {
      box.cleanup();
    }
  };
}

test(
  "network bin/up: the state bucket, then the network, from the repository root",
  withSandbox((box) => {
    box.install(SHARED, "up", committed(SHARED, "up"));
    const r = box.run(SHARED, "up", []);
    assert.is(r.status, 0, r.stderr);
    assert.equal(r.calls.map(line), [
      `terraform -chdir=out/${SHARED}/terraform-bootstrap init -input=false`,
      `terraform -chdir=out/${SHARED}/terraform-bootstrap apply -input=false -auto-approve`,
      `terraform -chdir=out/${SHARED}/terraform init -input=false`,
      `terraform -chdir=out/${SHARED}/terraform apply -input=false -auto-approve`,
    ]);
    for (const call of r.calls) assert.is(call.cwd, box.root);
  }),
);

test(
  "network bin/down refuses while a cluster still uses the network: nothing is destroyed",
  withSandbox((box) => {
    box.install(SHARED, "down", committed(SHARED, "down"));
    const r = box.run(SHARED, "down", ["--yes", "--allow-prod"], { env: { STUB_AWS: "2" } });
    assert.is.not(r.status, 0);
    assert.match(r.stderr, "a cluster still uses the network shared-prod-euw1");
    assert.equal(r.calls.map(line), [
      `terraform -chdir=out/${SHARED}/terraform init -input=false`,
      `terraform -chdir=out/${SHARED}/terraform output -raw vpc_id`,
      // the stub's terraform prints {} for any output: that is the VPC id the query names
      `aws ec2 describe-subnets --region eu-west-1 --filters Name=vpc-id,Values={} --query ${CLUSTER_SUBNETS_QUERY} --output text`,
    ]);
    assert.not.ok(r.calls.some((c) => c.args.includes("destroy")));
  }),
);

test(
  "network bin/down with no cluster left: destroys everything but the buckets, by name",
  withSandbox(async (box) => {
    box.install(SHARED, "down", committed(SHARED, "down"));
    const r = box.run(SHARED, "down", ["--yes", "--allow-prod"]);
    assert.is(r.status, 0, r.stderr);
    const network = (await exampleNetworks()).find((n) => n.name === SHARED)!;
    const plan = networkTeardownPlan(network);
    const destroy = r.calls.at(-1)!;
    assert.equal(line(destroy), `terraform -chdir=out/${SHARED}/terraform destroy -input=false -auto-approve ${plan.destroy.map((a) => `-target=${a}`).join(" ")}`);
    for (const gone of ["aws_vpc.this", "aws_nat_gateway.this", "aws_subnet.utility", "aws_vpc_endpoint.s3"]) assert.ok(plan.destroy.includes(gone), gone);
    for (const kept of ["aws_s3_bucket.flow_logs", "aws_s3_bucket_versioning.flow_logs"]) assert.ok(plan.keep.includes(kept), kept);
  }),
);

test(
  "a production network's down needs --allow-prod; without --yes it needs a terminal",
  withSandbox((box) => {
    box.install(SHARED, "down", committed(SHARED, "down"));
    const noFlag = box.run(SHARED, "down", ["--yes"]);
    assert.equal([noFlag.status, noFlag.calls.length], [3, 0]);
    assert.match(noFlag.stderr, "shared-prod-euw1 is a production network: pass --allow-prod");
    const noYes = box.run(SHARED, "down", ["--allow-prod"]);
    assert.equal([noYes.status, noYes.calls.length], [3, 0]);
  }),
);

test(
  "an existing VPC's down: the VPC id is the manifest's, no output is read; only what stackc added is destroyed",
  withSandbox(async (box) => {
    box.install(LEGACY, "down", committed(LEGACY, "down"));
    const r = box.run(LEGACY, "down", ["--yes"]);
    assert.is(r.status, 0, r.stderr);
    assert.equal(r.calls.slice(0, 2).map(line), [
      `terraform -chdir=out/${LEGACY}/terraform init -input=false`,
      `aws ec2 describe-subnets --region eu-west-1 --filters Name=vpc-id,Values=vpc-0a1b2c3d4e5f60718 --query ${CLUSTER_SUBNETS_QUERY} --output text`,
    ]);
    const destroy = line(r.calls.at(-1)!);
    assert.match(destroy, "-target=aws_flow_log.vpc");
    assert.not.match(destroy, /aws_vpc\.|aws_subnet\.|aws_nat_gateway\./);
  }),
);

test("the committed scripts are what the emitter renders now; the runbook shows the same commands", async () => {
  for (const network of await exampleNetworks()) {
    const files = emitNetwork(network).files;
    for (const name of ["up", "down"]) {
      const file = files.find((f) => f.path === `bin/${name}`)!;
      assert.ok(file.executable, `${network.name} bin/${name} is executable`);
      assert.is(file.contents, committed(network.name, name));
    }
    const runbook = files.find((f) => f.path === "RUNBOOK.md")!.contents;
    assert.match(runbook, `terraform -chdir=out/${network.name}/terraform-bootstrap apply -input=false -auto-approve`);
    assert.match(runbook, `--query 'length(Subnets[?Tags[?starts_with(Key, '\\''kubernetes.io/cluster/'\\'')]])' \\\n  --output text`);
  }
});

test.run();
