// bin/up and bin/down run against recording stubs (test/helpers/script-stubs.ts): the exact
// commands, their order and arguments, the folder they run in; the refusals (no --yes without a
// terminal, a "no" typed on one, a production stack without --allow-prod, unknown flags); a
// failing command stopping the script; and a hostile manifest path staying one inert argument.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { downScript, scriptsEmitter, upScript } from "../../compiler/emit/lifecycle/emitter.js";
import { renderScript } from "../../compiler/emit/shell/script.js";
import { emitContext } from "../../compiler/emit/context.js";
import { repoPath } from "../helpers/repo.js";
import { line, sandbox, type Sandbox } from "../helpers/script-stubs.js";
import { exampleModel } from "../helpers/stacks.js";

const committed = (stack: string, name: string) => readFileSync(repoPath("out", stack, "bin", name), "utf8");

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

const DEV = "dev-eu-west-1";
const DEV_CLUSTER = "eu-west-1.dev.k8s.acme.example";
const PROD = "prod-eu-west-1";
const PROD_CLUSTER = "eu-west-1.prod.k8s.acme.example";

test(
  "dev bin/up: the runbook's first apply, exactly, in order, from the repository root",
  withSandbox((box) => {
    box.install(DEV, "up", committed(DEV, "up"));
    // the encryption config the runbook asks for (secretsEncryption is on in stacks/base.yaml)
    writeFileSync(path.join(box.root, "encryptionconfig.yaml"), "kind: EncryptionConfiguration\n");
    const r = box.run(DEV, "up", []);
    assert.is(r.status, 0, r.stderr);
    assert.equal(r.calls.map(line), [
      "terraform -chdir=out/dev-eu-west-1/terraform-bootstrap init -input=false",
      "terraform -chdir=out/dev-eu-west-1/terraform-bootstrap apply -input=false -auto-approve",
      "terraform -chdir=out/dev-eu-west-1/terraform init -input=false",
      "terraform -chdir=out/dev-eu-west-1/terraform apply -input=false -auto-approve",
      "terraform -chdir=out/dev-eu-west-1/terraform output -json",
      "stackc bind stacks/dev.yaml --terraform-output dev-eu-west-1.tf-output.json",
      "kops create -f out/dev-eu-west-1/kops/cluster.yaml",
      `kops create secret encryptionconfig -f encryptionconfig.yaml --name ${DEV_CLUSTER}`,
      `kops update cluster --name ${DEV_CLUSTER} --yes`,
      `kops export kubecfg --name ${DEV_CLUSTER} --admin=2h`,
      `kops validate cluster --name ${DEV_CLUSTER} --wait 20m`,
      "kubectl create namespace monitoring",
      "openssl rand -base64 24",
      "kubectl --namespace monitoring create secret generic grafana-admin --from-literal=admin-user=admin --from-literal=admin-password=c2VjcmV0LWZvci10ZXN0cw==",
      "helmfile --file out/dev-eu-west-1/helmfile/helmfile.yaml apply",
    ]);
    // every command ran in the folder out/ is in, kops with the stack's state store
    for (const call of r.calls) assert.is(call.cwd, box.root, line(call));
    for (const call of r.calls.filter((c) => c.tool === "kops")) assert.is(call.kopsStateStore, "s3://acme-dev-euw1-kops-state");
    // terraform's outputs went to the file bind reads, in that folder
    assert.is(readFileSync(path.join(box.root, "dev-eu-west-1.tf-output.json"), "utf8"), "{}\n");
    // each step is announced; the password's value never is
    assert.match(r.stderr, `==> [1/7] Terraform state bucket`);
    assert.match(r.stderr, `+ password="$(openssl rand -base64 24)"`);
    assert.not.match(r.stderr + r.stdout, "c2VjcmV0LWZvci10ZXN0cw==");
    assert.match(r.stderr, "up: done.");
  }),
);

test(
  "prod bin/down --yes --allow-prod: final backup waited for and checked, helmfile destroy, kops delete, targeted terraform destroy",
  withSandbox((box) => {
    box.install(PROD, "down", committed(PROD, "down"));
    const r = box.run(PROD, "down", ["--yes", "--allow-prod"]);
    assert.is(r.status, 0, r.stderr);
    const lines = r.calls.map(line);
    assert.equal(lines.slice(0, 7), [
      `kops export kubecfg --name ${PROD_CLUSTER} --admin=1h`,
      "date -u +%Y%m%d-%H%M%S",
      "velero backup create final-20261206-120000 --from-schedule velero-cluster --namespace velero --wait",
      "kubectl --namespace velero get backups.velero.io final-20261206-120000 --output jsonpath={.status.phase}",
      "helmfile --file out/prod-eu-west-1/helmfile/helmfile.yaml destroy",
      `kops delete cluster --name ${PROD_CLUSTER} --yes`,
      "terraform -chdir=out/prod-eu-west-1/terraform init -input=false",
    ]);
    assert.is(lines.length, 8);
    const destroy = r.calls[7]!;
    assert.equal(destroy.args.slice(0, 4), ["-chdir=out/prod-eu-west-1/terraform", "destroy", "-input=false", "-auto-approve"]);
    const targets = destroy.args.slice(4);
    assert.ok(targets.every((t) => t.startsWith("-target=")), targets.join(" "));
    for (const gone of ["aws_vpc.this", "aws_nat_gateway.this", "aws_subnet.private", "aws_eip.nat", "aws_route53_zone.cluster", "aws_iam_policy.irsa_velero"]) {
      assert.ok(targets.includes(`-target=${gone}`), gone);
    }
    // the state and backup buckets (and what protects them) are never named
    for (const kept of ["aws_s3_bucket.kops_state", "aws_s3_bucket.velero", "aws_s3_bucket.velero_replica", "aws_kms_key.this", "aws_s3_bucket_versioning.velero", "aws_s3_bucket_public_access_block.kops_state"]) {
      assert.not.ok(targets.includes(`-target=${kept}`), kept);
    }
    for (const call of r.calls.filter((c) => c.tool === "kops")) assert.is(call.kopsStateStore, "s3://acme-prod-euw1-kops-state");
  }),
);

test(
  "down refuses without --yes when stdin is not a terminal: exit 3, nothing run",
  withSandbox((box) => {
    box.install(DEV, "down", committed(DEV, "down"));
    const r = box.run(DEV, "down", [], { stdin: "dev-eu-west-1\n" });
    assert.is(r.status, 3);
    assert.match(r.stderr, "down: stdin is not a terminal, so nothing can confirm: pass --yes. Nothing was changed.");
    assert.equal(r.calls, []);
  }),
);

test(
  "down on a terminal: a wrong answer refuses (exit 3, nothing run); the stack's name goes ahead",
  withSandbox((box) => {
    box.install(DEV, "down", committed(DEV, "down"));
    const no = box.run(DEV, "down", [], { tty: true, stdin: "no\n" });
    assert.is(no.status, 3, no.stdout);
    assert.match(no.stdout, "Type dev-eu-west-1 to continue:");
    assert.match(no.stdout, "down: not confirmed. Nothing was changed.");
    assert.equal(no.calls, []);
    const yes = box.run(DEV, "down", [], { tty: true, stdin: "dev-eu-west-1\n" });
    assert.is(yes.status, 0, yes.stdout);
    assert.is(yes.calls[0] && line(yes.calls[0]), `kops export kubecfg --name ${DEV_CLUSTER} --admin=1h`);
    assert.is(line(yes.calls.at(-1)!).split(" ").slice(0, 3).join(" "), "terraform -chdir=out/dev-eu-west-1/terraform destroy");
  }),
);

test(
  "prod down refuses without --allow-prod, even with --yes: exit 3 and the flag named, nothing run",
  withSandbox((box) => {
    box.install(PROD, "down", committed(PROD, "down"));
    const r = box.run(PROD, "down", ["--yes"]);
    assert.is(r.status, 3);
    assert.match(r.stderr, "down: prod-eu-west-1 is a production stack: pass --allow-prod as well to tear it down. Nothing was changed.");
    assert.equal(r.calls, []);
    // dev has no such flag: it is an unknown argument there
    box.install(DEV, "down", committed(DEV, "down"));
    const dev = box.run(DEV, "down", ["--yes", "--allow-prod"]);
    assert.is(dev.status, 2);
    assert.match(dev.stderr, "down: unknown argument: --allow-prod");
    assert.equal(dev.calls, []);
  }),
);

test(
  "unknown flags are refused with the usage (exit 2); --help prints it (exit 0); nothing runs",
  withSandbox((box) => {
    box.install(DEV, "up", committed(DEV, "up"));
    box.install(PROD, "down", committed(PROD, "down"));
    const bad = box.run(DEV, "up", ["--yes"]);
    assert.is(bad.status, 2);
    assert.match(bad.stderr, "up: unknown argument: --yes");
    assert.match(bad.stderr, "Usage: out/dev-eu-west-1/bin/up [--from STEP] [--help]");
    const help = box.run(PROD, "down", ["--help"]);
    assert.is(help.status, 0);
    assert.match(help.stdout, "Usage: out/prod-eu-west-1/bin/down [--yes] [--allow-prod] [--from STEP] [--help]");
    assert.match(help.stdout, "--from STEP    start at this step (after a failure: the one it stopped in): credentials, backup, addons, cluster, terraform");
    assert.match(help.stdout, "--allow-prod   required: this is a production stack");
    assert.match(help.stdout, "Exit status: 0 done; 2 usage error; 3 refused");
    assert.equal([...bad.calls, ...help.calls], []);
  }),
);

test(
  "a failing command stops the script there (set -e): its status, the step named, nothing after it",
  withSandbox((box) => {
    box.install(PROD, "down", committed(PROD, "down"));
    const r = box.run(PROD, "down", ["--yes", "--allow-prod"], { env: { STUB_FAIL: "helmfile" } });
    assert.is(r.status, 7);
    assert.match(r.stderr, "down: stopped in step addons: the command above failed (exit 7). Fix the cause, then continue with out/prod-eu-west-1/bin/down --from addons");
    assert.equal(r.calls.map((c) => c.tool), ["kops", "date", "velero", "kubectl", "helmfile"]);
    // the same in up: a failing terraform apply, and bind never runs
    box.install(DEV, "up", committed(DEV, "up"));
    writeFileSync(path.join(box.root, "encryptionconfig.yaml"), "x\n");
    const up = box.run(DEV, "up", [], { env: { STUB_FAIL: "terraform -chdir=out/dev-eu-west-1/terraform" } });
    assert.is(up.status, 7);
    assert.equal(up.calls.map(line), ["terraform -chdir=out/dev-eu-west-1/terraform-bootstrap init -input=false", "terraform -chdir=out/dev-eu-west-1/terraform-bootstrap apply -input=false -auto-approve", "terraform -chdir=out/dev-eu-west-1/terraform init -input=false"]);
    assert.match(up.stderr, "up: stopped in step terraform");
  }),
);

test(
  "--from STEP starts at that step (each step sets what it needs); an unknown step is a usage error",
  withSandbox((box) => {
    box.install(DEV, "up", committed(DEV, "up"));
    // no encryptionconfig.yaml: only the cluster step needs it, and it does not run
    const r = box.run(DEV, "up", ["--from", "validate"]);
    assert.is(r.status, 0, r.stderr);
    assert.equal(r.calls.map(line), [
      `kops validate cluster --name ${DEV_CLUSTER} --wait 20m`,
      "kubectl create namespace monitoring",
      "openssl rand -base64 24",
      "kubectl --namespace monitoring create secret generic grafana-admin --from-literal=admin-user=admin --from-literal=admin-password=c2VjcmV0LWZvci10ZXN0cw==",
      "helmfile --file out/dev-eu-west-1/helmfile/helmfile.yaml apply",
    ]);
    assert.is(r.calls[0]!.kopsStateStore, "s3://acme-dev-euw1-kops-state");
    assert.match(r.stderr, "==> [6/7] Wait until the cluster is healthy");
    const eq = box.run(DEV, "up", ["--from=addons"]);
    assert.is(eq.status, 0, eq.stderr);
    assert.is(eq.calls[0] && line(eq.calls[0]), "kubectl create namespace monitoring");
    const cluster = box.run(DEV, "up", ["--from", "cluster"]);
    assert.is(cluster.status, 4);
    assert.match(cluster.stderr, "up: encryptionconfig.yaml is missing");
    const bad = box.run(DEV, "up", ["--from", "everything"]);
    assert.is(bad.status, 2);
    assert.match(bad.stderr, "up: --from: no step named everything (steps: bootstrap, terraform, bind, cluster, credentials, validate, addons)");
    const none = box.run(DEV, "up", ["--from"]);
    assert.is(none.status, 2);
    assert.match(none.stderr, "up: --from needs a step");
    assert.equal([...bad.calls, ...none.calls, ...cluster.calls], []);
    box.install(PROD, "down", committed(PROD, "down"));
    const down = box.run(PROD, "down", ["--yes", "--allow-prod", "--from", "terraform"]);
    assert.is(down.status, 0, down.stderr);
    assert.equal(down.calls.map((c) => `${c.tool} ${c.args[1] ?? ""}`), ["terraform init", "terraform destroy"]);
  }),
);

test(
  "down stops before deleting anything when the final backup did not complete",
  withSandbox((box) => {
    box.install(PROD, "down", committed(PROD, "down"));
    const r = box.run(PROD, "down", ["--yes", "--allow-prod"], { env: { STUB_PHASE: "PartiallyFailed" } });
    assert.is(r.status, 1);
    assert.match(r.stderr, "the final backup did not complete (see velero backup describe); nothing was deleted.");
    assert.equal(r.calls.map((c) => c.tool), ["kops", "date", "velero", "kubectl"]);
  }),
);

test(
  "a missing program or file: exit 4 before anything runs",
  withSandbox((box) => {
    box.install(PROD, "down", committed(PROD, "down"));
    const r = box.run(PROD, "down", ["--yes", "--allow-prod"], { without: ["velero"] });
    assert.is(r.status, 4);
    assert.match(r.stderr, "down: velero is not on PATH. Nothing was run.");
    assert.equal(r.calls, []);
    box.install(DEV, "up", committed(DEV, "up"));
    const up = box.run(DEV, "up", []);
    assert.is(up.status, 4);
    assert.match(up.stderr, "up: encryptionconfig.yaml is missing: create it first");
    assert.equal(up.calls, []);
  }),
);

/** The sh code blocks of a runbook between two headings (`## Tear down` to the end, say). */
function codeBlocks(markdown: string, from: string, to?: string): string[] {
  const start = markdown.indexOf(from);
  assert.ok(start >= 0, from);
  const end = to === undefined ? markdown.length : markdown.indexOf(to, start);
  return [...markdown.slice(start, end).matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

test(
  "the runbook's own code blocks, run by bash, make exactly the calls the scripts make",
  withSandbox((box) => {
    writeFileSync(path.join(box.root, "encryptionconfig.yaml"), "x\n");
    for (const stack of [DEV, PROD]) {
      const runbook = readFileSync(repoPath("out", stack, "RUNBOOK.md"), "utf8");
      box.install(stack, "up", committed(stack, "up"));
      box.install(stack, "down", committed(stack, "down"));
      // First apply, without the alternative to bind (rendering with kops toolbox instead)
      const first = codeBlocks(runbook, "## First apply", "## Day 2").filter((b) => !b.startsWith("kops toolbox template"));
      const byHand = box.runText(first.join("\n"));
      assert.is(byHand.status, 0, byHand.stderr);
      const up = box.run(stack, "up", []);
      assert.is(up.status, 0, up.stderr);
      assert.equal(up.calls, byHand.calls, `${stack}: bin/up and the runbook's first apply`);
      const teardown = box.runText(codeBlocks(runbook, "## Tear down").join("\n"));
      assert.is(teardown.status, 0, teardown.stderr);
      const down = box.run(stack, "down", stack === PROD ? ["--yes", "--allow-prod"] : ["--yes"]);
      assert.is(down.status, 0, down.stderr);
      assert.equal(down.calls, teardown.calls, `${stack}: bin/down and the runbook's tear down`);
      assert.is(down.calls.length, stack === PROD ? 8 : 5, "dev has backups off: no final backup");
    }
  }),
);

test("the committed scripts are what the emitter renders now, and executable", async () => {
  for (const stack of [DEV, PROD, "staging-eu-west-1", "prod-us-east-1", "prod-ap-southeast-2"]) {
    const model = await exampleModel(stack);
    const files = scriptsEmitter.emit(model, emitContext()).files;
    assert.equal(files.map((f) => [f.path, f.executable]), [["bin/down", true], ["bin/up", true]]);
    for (const f of files) assert.is(f.contents, committed(stack, path.basename(f.path)), `${stack}/${f.path}`);
  }
});

test(
  "a hostile manifest path stays one inert argument (quoted by the printer), and up still runs",
  withSandbox(async (box) => {
    const dev = await exampleModel(DEV);
    const hostile = "stacks/it's $(touch pwned) `touch pwned2` *;x\"y/-dev.yaml";
    // generated files name the manifest by its workspace-relative path (model.source)
    const model = { ...dev, file: hostile, source: hostile };
    box.install(DEV, "up", renderScript(upScript(model)));
    box.install(DEV, "down", renderScript(downScript(model)));
    writeFileSync(path.join(box.root, "encryptionconfig.yaml"), "x\n");
    const r = box.run(DEV, "up", []);
    assert.is(r.status, 0, r.stderr);
    const bind = r.calls.find((c) => c.tool === "stackc")!;
    assert.equal(bind.args, ["bind", hostile, "--terraform-output", "dev-eu-west-1.tf-output.json"]);
    assert.not.ok(existsSync(path.join(box.root, "pwned")) || existsSync(path.join(box.root, "pwned2")));
    const help = box.run(DEV, "down", ["--help"]);
    assert.is(help.status, 0);
    // a path starting with "-" is given as ./-…, never as an option
    const dash = renderScript(upScript({ ...dev, file: "-rf.yaml", source: "-rf.yaml" }));
    assert.match(dash, "stackc bind ./-rf.yaml --terraform-output");
  }),
);

test.run();
