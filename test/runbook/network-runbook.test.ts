// The runbook parts of shared networks and blue/green: the cut-over section of the green stack
// (golden: test/fixtures/runbook/prod-euw1-green.cutover.md, UPDATE_GOLDEN=1 rewrites it), the
// network's own RUNBOOK.md (golden: out/<network>/), the network rows and steps of a stack in a
// network, and manifest text reaching the network's runbook only through the safe-text helpers.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { emitContext } from "../../compiler/emit/context.js";
import { emitNetwork } from "../../compiler/emit/network/emit.js";
import { runbookEmitter } from "../../compiler/emit/runbook/emitter.js";
import { repoPath } from "../helpers/repo.js";
import { exampleModel, exampleNetworks } from "../helpers/stacks.js";

const runbook = async (name: string) => runbookEmitter.emit(await exampleModel(name), emitContext()).files[0]!.contents;

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  assert.ok(start >= 0, `no section ${heading}`);
  const next = text.indexOf("\n## ", start + heading.length);
  return `${text.slice(start, next < 0 ? undefined : next + 1).replace(/\n+$/, "")}\n`;
}

test("green's cut-over from blue: golden, in the order restore, verify, DNS, retire", async () => {
  const cutover = section(await runbook("prod-euw1-green"), "## Cut-over from prod-euw1-blue");
  const file = repoPath("test", "fixtures", "runbook", "prod-euw1-green.cutover.md");
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, cutover);
  assert.ok(existsSync(file), "missing golden (UPDATE_GOLDEN=1 writes it; review the diff)");
  assert.fixture(cutover, readFileSync(file, "utf8"));
  const order = ["backup create cutover-prod-euw1-blue", "restore create cutover-from-prod-euw1-blue", "kops validate cluster --name eu-west-1.green", "scale deployment external-dns --replicas=0", "Retire the old stack"];
  const at = order.map((s) => cutover.indexOf(s));
  assert.ok(at.every((i) => i >= 0), `every step is there: ${at.join(",")}`);
  assert.equal([...at].sort((a, b) => a - b), at, "in order");
  assert.match(cutover, "read-only backup location `prod-euw1-blue` on\n`s3://acme-prod-euw1-blue-velero`");
});

test("blue has no cut-over section; both name their network, its block and the network's apply first", async () => {
  const blue = await runbook("prod-euw1-blue");
  assert.not.match(blue, "## Cut-over");
  assert.match(blue, "| VPC | network `shared-prod-euw1` (`stacks/shared/network.yaml`): 10.70.0.0/16, private block 10.70.32.0/19; NAT gateways: one per zone (3) |");
  assert.match(blue, "apply it first (`out/shared-prod-euw1/bin/up`, see `out/shared-prod-euw1/RUNBOOK.md`)");
  assert.match(blue, "Destroy its subnets, routes and tags in the network shared-prod-euw1, IAM and DNS; keep the buckets");
  assert.match(blue, "`s3://acme-shared-euw1-tfstate/networks/shared-prod-euw1/terraform.tfstate`");
  const legacy = await runbook("staging-euw1-legacy");
  assert.match(legacy, "existing VPC `vpc-0a1b2c3d4e5f60718`");
  assert.match(legacy, "reads the network's ids from its manifest");
});

test("the network's RUNBOOK.md: golden, apply order, and the network goes last on the way down", async () => {
  for (const network of await exampleNetworks()) {
    const file = emitNetwork(network).files.find((f) => f.path === "RUNBOOK.md")!;
    assert.fixture(file.contents, readFileSync(repoPath("out", network.name, "RUNBOOK.md"), "utf8"));
    assert.match(file.contents, "## Teardown");
    assert.ok(file.contents.indexOf("terraform-bootstrap") < file.contents.indexOf(`-chdir=out/${network.name}/terraform init`));
  }
});

test("manifest text reaches the network runbook escaped: no code fence, no comment, no heading", async () => {
  const [network] = await exampleNetworks();
  const hostile = { ...network!, manifest: { ...network!.manifest, metadata: { ...network!.manifest.metadata, description: "# evil\n```sh\nrm -rf /\n``` <!-- hide -->" } } };
  const text = emitNetwork(hostile).files.find((f) => f.path === "RUNBOOK.md")!.contents;
  assert.not.match(text, "\n```sh\nrm");
  assert.not.match(text, /(^|[^\\])<!-- hide/, "an HTML comment only ever escaped");
  assert.not.match(text, "\n# evil");
  assert.match(text, "\\# evil \\`\\`\\`sh rm -rf / \\`\\`\\` \\<!-- hide --\\>");
});

test.run();
