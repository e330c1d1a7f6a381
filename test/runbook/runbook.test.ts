// RUNBOOK.md: golden per example stack, and the parts that depend on the stack's settings.
import { emitContext } from "../../compiler/emit/context.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runbookEmitter } from "../../compiler/emit/runbook/emitter.js";
import { assertGolden } from "../helpers/golden.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";

const text = async (name: string) => runbookEmitter.emit(await exampleModel(name), emitContext()).files[0]!.contents;

test("golden RUNBOOK.md for every example stack", async () => {
  for (const model of await exampleModels()) assertGolden(runbookEmitter, model);
});

test("prod: backups with their replica region, NAT per zone, no waivers section", async () => {
  const prod = await text("prod-eu-west-1");
  assert.match(prod, "s3://acme-prod-euw1-velero`, replicated to eu-central-1");
  assert.match(prod, "NAT gateways: one per zone (3)");
  assert.not.match(prod, "## Waived policy rules");
  assert.match(prod, "stackc bind stacks/prod.yaml --terraform-output prod-eu-west-1.tf-output.json");
  assert.match(prod, "kubectl --namespace monitoring create secret generic grafana-admin");
});

test("the admin-credentials step, the upgrade section and the tear down, in order, with the stack's names", async () => {
  const prod = await text("prod-eu-west-1");
  const at = (s: string) => {
    const i = prod.indexOf(s);
    assert.ok(i >= 0, s);
    return i;
  };
  // first apply: credentials (short-lived) after the update and before validate
  assert.ok(at("kops update cluster --name eu-west-1.prod.k8s.acme.example --yes") < at("### 5. Admin credentials"));
  assert.ok(at("kops export kubecfg --name eu-west-1.prod.k8s.acme.example --admin=2h") < at("kops validate cluster --name eu-west-1.prod.k8s.acme.example --wait 20m"));
  // upgrade: plan and helmfile diff first, then the spec, previews before --yes, control plane before nodes
  const order = [
    "## Upgrading Kubernetes",
    "stackc plan stacks/prod.yaml --format markdown\n",
    "helmfile --file out/prod-eu-west-1/helmfile/helmfile.yaml diff",
    "   kops replace -f out/prod-eu-west-1/kops/cluster.yaml",
    "   kops update cluster --name eu-west-1.prod.k8s.acme.example\n",
    "   kops update cluster --name eu-west-1.prod.k8s.acme.example --yes",
    "   kops rolling-update cluster --name eu-west-1.prod.k8s.acme.example\n",
    "--instance-group-roles control-plane --yes",
    "   kops rolling-update cluster --name eu-west-1.prod.k8s.acme.example --yes",
    "## Tear down",
    "velero backup create \"${backup}\" --from-schedule velero-cluster --namespace velero --wait",
    "helmfile --file out/prod-eu-west-1/helmfile/helmfile.yaml destroy",
    "kops delete cluster --name eu-west-1.prod.k8s.acme.example --yes",
    "terraform -chdir=out/prod-eu-west-1/terraform destroy -input=false -auto-approve",
  ];
  const positions = order.map(at);
  assert.equal(positions, [...positions].sort((a, b) => a - b));
  assert.match(prod, "`kops upgrade cluster` is not used");
  assert.match(prod, "production stack it also refuses without `--allow-prod`");
  const dev = await text("dev-eu-west-1");
  assert.not.match(dev, "--allow-prod");
  assert.not.match(dev, "velero backup create");
  assert.match(dev, "If terraform stops with `HostedZoneNotEmpty`");
});

test("dev: single NAT, no backups, every waiver listed with its expiry", async () => {
  const dev = await text("dev-eu-west-1");
  assert.match(dev, "NAT gateways: one, in eu-west-1a");
  assert.not.match(dev, "**Backups**");
  assert.match(dev, "- `STK-NET-007` until 2027-06-30: One NAT gateway to save cost");
  assert.is((dev.match(/^- `STK-/gm) ?? []).length, 5);
});

test("a public zone gets the delegation step, a private one does not", async () => {
  const model = await exampleModel("staging-eu-west-1");
  const publicModel = { ...model, stack: { ...model.stack, spec: { ...model.stack.spec, dns: { ...model.stack.spec.dns, type: "public" as const } } } };
  assert.not.match(await text("staging-eu-west-1"), "delegate it from its parent zone");
  assert.match(runbookEmitter.emit(publicModel, emitContext()).files[0]!.contents, "delegate it from its parent zone");
});

test("output is Markdown with one trailing newline and no blank-line runs", async () => {
  for (const model of await exampleModels()) {
    const t = runbookEmitter.emit(model, emitContext()).files[0]!.contents;
    assert.ok(t.endsWith("\n") && !t.endsWith("\n\n"), model.name);
    assert.not.match(t, /\n\n\n/);
  }
});

test.run();
