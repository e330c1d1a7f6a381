// The stack's lifecycle as one typed command list: bringing it up from nothing, tearing it down,
// and upgrading it. RUNBOOK.md prints these steps and bin/up and bin/down run them (both through
// shell/print.ts), so the scripts run exactly the runbook's commands, in order, by construction.
// Paths are relative to the folder the runbook's commands run from (where `stackc build` wrote
// out/), like everything in the runbook.
import { VELERO_SCHEDULE } from "../../addons/wiring/velero.js";
import { addonByKey, bucketByRole, type StackModel } from "../../model/model.js";
import { GRAFANA_ADMIN_SECRET } from "../../addons/wiring/kube-prometheus-stack.js";
import { output, run, variable, type Action, type Step } from "../shell/command.js";
import { teardownPlan } from "./keep.js";
import { writesHelmfile as plansReleases } from "../helmfile/index.js";

/** Lifetime of the admin credential `up` exports: enough for validate (20m) and the add-ons, short enough to expire the same day. */
export const UP_ADMIN_TTL = "2h";
/** Lifetime of the admin credential `down` exports: the final backup and helmfile destroy. */
export const DOWN_ADMIN_TTL = "1h";
export const VALIDATE_WAIT = "20m";
export const UPGRADE_VALIDATE_WAIT = "15m";
/** The file Terraform's outputs go to (what `stackc bind` and `kops toolbox template` read). */
export const tfOutputFile = (model: StackModel) => `${model.name}.tf-output.json`;

export interface StackLifecycle {
  up: Step[];
  down: Step[];
  /** A Kubernetes upgrade, after the manifest's version changed and the stack was rebuilt. */
  upgrade: Step[];
}

/** Where the stack's generated files are, as the runbook names them. */
export function stackPaths(model: StackModel) {
  const dir = `out/${model.name}`;
  return {
    dir,
    bootstrap: `${dir}/terraform-bootstrap`,
    terraform: `${dir}/terraform`,
    kopsSpec: `${dir}/kops/cluster.yaml`,
    helmfile: `${dir}/helmfile/helmfile.yaml`,
  };
}

const cache = new WeakMap<StackModel, StackLifecycle>();
const helmfiles = new WeakMap<StackModel, boolean>();

/** Whether the stack has a helmfile (it plans every release to know): asked once per model. */
export function writesHelmfile(model: StackModel): boolean {
  let writes = helmfiles.get(model);
  if (writes === undefined) {
    writes = plansReleases(model);
    helmfiles.set(model, writes);
  }
  return writes;
}

export function stackLifecycle(model: StackModel): StackLifecycle {
  let lifecycle = cache.get(model);
  if (!lifecycle) {
    const own = (steps: Step[]) => steps.map((s) => withStateStore(model, s));
    lifecycle = { up: own(upSteps(model)), down: own(downSteps(model)), upgrade: own(upgradeSteps(model)) };
    cache.set(model, lifecycle);
  }
  return lifecycle;
}

/**
 * A step that runs kops sets KOPS_STATE_STORE itself, first: each step's block can be pasted on
 * its own, and a script started at any step (`--from`) has what it needs.
 */
function withStateStore(model: StackModel, step: Step): Step {
  const usesKops = step.actions.some((a) => (a.kind === "run" || a.kind === "expect") && a.command.argv[0] === "kops");
  const sets = step.actions.some((a) => a.kind === "export" && a.name === "KOPS_STATE_STORE");
  return usesKops && !sets ? { ...step, actions: [kopsStateStore(model), ...step.actions] } : step;
}

/**
 * The manifest as an operand: relative to the workspace root the scripts run from (model.source,
 * never the folder stackc ran in); a name starting with `-` would read as an option.
 */
function manifestOperand(model: StackModel): string {
  return model.source.startsWith("-") ? `./${model.source}` : model.source;
}

function kopsStateStore(model: StackModel): Action {
  const bucket = bucketByRole(model, "kops-state");
  if (!bucket) throw new Error("the stack has no kops state bucket");
  return { kind: "export", name: "KOPS_STATE_STORE", value: `s3://${bucket.name}` };
}

function credentials(model: StackModel, ttl: string): Step {
  return {
    id: "credentials",
    title: `Admin credentials for ${model.clusterName} (valid ${ttl})`,
    actions: [
      kopsStateStore(model),
      { kind: "comment", text: `a cluster-admin credential in the kubeconfig, expiring after ${ttl} (kops' default user has none)` },
      run("kops", "export", "kubecfg", "--name", model.clusterName, `--admin=${ttl}`),
    ],
  };
}

function terraformApply(model: StackModel, id: string, title: string, dir: string, outputs: boolean): Step {
  return {
    id,
    title,
    actions: [
      run("terraform", `-chdir=${dir}`, "init", "-input=false"),
      run("terraform", `-chdir=${dir}`, "apply", "-input=false", "-auto-approve"),
      ...(outputs ? [{ kind: "run", command: { argv: ["terraform", `-chdir=${dir}`, "output", "-json"], stdoutTo: tfOutputFile(model) } } as const] : []),
    ],
  };
}

function bindStep(model: StackModel): Step {
  return {
    id: "bind",
    title: "Bind the kops spec to the created resources",
    actions: [run("stackc", "bind", manifestOperand(model), "--terraform-output", tfOutputFile(model))],
  };
}

function validate(model: StackModel, wait: string): Action {
  return run("kops", "validate", "cluster", "--name", model.clusterName, "--wait", wait);
}

function helmfile(model: StackModel, command: "apply" | "destroy" | "diff"): Action {
  return run("helmfile", "--file", stackPaths(model).helmfile, command);
}

export function upSteps(model: StackModel): Step[] {
  const paths = stackPaths(model);
  const cluster = model.clusterName;
  const encryption = model.stack.spec.cluster.secretsEncryption;
  const grafana = addonByKey(model, "kubePrometheusStack");
  const steps: Step[] = [
    terraformApply(model, "bootstrap", "Terraform state bucket (terraform-bootstrap, local state)", paths.bootstrap, false),
    terraformApply(model, "terraform", "Network, buckets, DNS, IAM (terraform)", paths.terraform, true),
    bindStep(model),
    {
      id: "cluster",
      title: `Create the cluster ${cluster}`,
      actions: [
        kopsStateStore(model),
        run("kops", "create", "-f", paths.kopsSpec),
        ...(encryption
          ? [
              { kind: "comment", text: "secrets are encrypted at rest in etcd: the encryption config goes in before the first update" } as const,
              run("kops", "create", "secret", "encryptionconfig", "-f", "encryptionconfig.yaml", "--name", cluster),
            ]
          : []),
        run("kops", "update", "cluster", "--name", cluster, "--yes"),
      ],
      ...(encryption
        ? {
            requires: [
              {
                path: "encryptionconfig.yaml",
                hint: "create it first (an aescbc key: head -c 32 /dev/urandom | base64; see RUNBOOK.md) and keep a copy in your secret store.",
              },
            ],
          }
        : {}),
    },
    credentials(model, UP_ADMIN_TTL),
    { id: "validate", title: "Wait until the cluster is healthy", actions: [validate(model, VALIDATE_WAIT)] },
  ];
  // a stack with no add-ons and no charts has no helmfile (and nothing for helmfile to do)
  if (!writesHelmfile(model)) return steps;
  steps.push({
      id: "addons",
      title: "Add-ons (helmfile)",
      actions: [
        ...(grafana
          ? [
              { kind: "comment", text: "Grafana's admin login comes from a Secret, never the chart's well-known default" } as const,
              run("kubectl", "create", "namespace", grafana.info.namespace),
              { kind: "assign", name: "password", value: output("openssl", "rand", "-base64", "24") } as const,
              run(
                "kubectl",
                "--namespace",
                grafana.info.namespace,
                "create",
                "secret",
                "generic",
                GRAFANA_ADMIN_SECRET,
                "--from-literal=admin-user=admin",
                ["--from-literal=admin-password=", variable("password")],
              ),
            ]
          : []),
        helmfile(model, "apply"),
      ],
    });
  return steps;
}

export function downSteps(model: StackModel): Step[] {
  const paths = stackPaths(model);
  const velero = addonByKey(model, "velero");
  const backups = model.stack.spec.backups.enabled && velero !== undefined;
  const plan = teardownPlan(model);
  const steps: Step[] = [credentials(model, DOWN_ADMIN_TTL)];
  if (backups) {
    const namespace = velero.info.namespace;
    steps.push({
      id: "backup",
      title: "A final Velero backup, waited for",
      actions: [
        { kind: "comment", text: `the schedule's own template (what it includes, its TTL), under a name of its own` },
        { kind: "assign", name: "backup", value: ["final-", output("date", "-u", "+%Y%m%d-%H%M%S")] },
        run("velero", "backup", "create", variable("backup"), "--from-schedule", `${velero.info.release}-${VELERO_SCHEDULE}`, "--namespace", namespace, "--wait"),
        // `velero backup create --wait` exits 0 whatever the backup's phase (it only waits for the
        // phase to leave New/InProgress: pkg/cmd/cli/backup/create.go), so the phase is checked
        {
          kind: "expect",
          command: { argv: ["kubectl", "--namespace", namespace, "get", "backups.velero.io", variable("backup"), "--output", "jsonpath={.status.phase}"] },
          equals: "Completed",
          otherwise: "the final backup did not complete (see velero backup describe); nothing was deleted.",
        },
      ],
    });
  }
  if (writesHelmfile(model)) steps.push({ id: "addons", title: "Remove the add-ons (helmfile destroy)", actions: [helmfile(model, "destroy")] });
  steps.push(
    {
      id: "cluster",
      title: `Delete the cluster ${model.clusterName}`,
      actions: [kopsStateStore(model), run("kops", "delete", "cluster", "--name", model.clusterName, "--yes")],
    },
    {
      id: "terraform",
      // in a shared network the VPC is the network's: only the cluster's subnets, routes and tags go
      title: model.network ? `Destroy its subnets, routes and tags in the network ${model.network.model.name}, IAM and DNS; keep the buckets` : "Destroy the network, IAM and DNS; keep the buckets",
      actions: [
        run("terraform", `-chdir=${paths.terraform}`, "init", "-input=false"),
        {
          kind: "comment",
          text: `kept: ${plan.keep.length} resources (the buckets with their protections and KMS key${model.stack.spec.dns.type === "public" ? ", the public zone" : ""}); see RUNBOOK.md`,
        },
        run("terraform", `-chdir=${paths.terraform}`, "destroy", "-input=false", "-auto-approve", ...plan.destroy.map((a) => `-target=${a}`)),
      ],
    },
  );
  return steps;
}

export function upgradeSteps(model: StackModel): Step[] {
  const paths = stackPaths(model);
  const cluster = model.clusterName;
  const releases = writesHelmfile(model);
  const steps: Step[] = [
    {
      id: "review",
      title: "Review what will change",
      actions: [
        { kind: "comment", text: "every change from the last build, the groups that roll; refuses unacknowledged unsafe changes" },
        run("stackc", "plan", manifestOperand(model), "--format", "markdown"),
        kopsStateStore(model),
        run("kops", "export", "kubecfg", "--name", cluster, `--admin=${UP_ADMIN_TTL}`),
        ...(releases ? [{ kind: "comment", text: "what the add-on releases will change (needs the helm-diff plugin)" } as const, helmfile(model, "diff")] : []),
      ],
    },
    terraformApply(model, "terraform", "Terraform, if terraform/ changed", paths.terraform, true),
    bindStep(model),
    {
      id: "cluster",
      title: "The new spec into the state store, then the cloud",
      actions: [
        run("kops", "replace", "-f", paths.kopsSpec),
        { kind: "comment", text: "without --yes: a preview of what kops will change" },
        run("kops", "update", "cluster", "--name", cluster),
        run("kops", "update", "cluster", "--name", cluster, "--yes"),
      ],
    },
    {
      id: "roll",
      title: "Roll the instances: control plane first, then the nodes",
      actions: [
        { kind: "comment", text: "without --yes: which instance groups need a roll" },
        run("kops", "rolling-update", "cluster", "--name", cluster),
        run("kops", "rolling-update", "cluster", "--name", cluster, "--instance-group-roles", "control-plane", "--yes"),
        validate(model, UPGRADE_VALIDATE_WAIT),
        run("kops", "rolling-update", "cluster", "--name", cluster, "--yes"),
        validate(model, UPGRADE_VALIDATE_WAIT),
      ],
    },
  ];
  if (releases) steps.push({ id: "addons", title: "Add-ons that follow the Kubernetes minor", actions: [helmfile(model, "apply")] });
  return steps;
}
