// RUNBOOK.md: the ordered apply steps for one stack, with its real names filled in. Human
// text, so a Handlebars template (DESIGN: Handlebars is for human text). Deliberately no
// "what changed since the last build" section: that would make the file depend on the
// previous out/ and every rebuild would change it; `stackc diff` and the pull request diff
// show changes instead.
import type { Emitter } from "../emitter.js";
import type { StackModel } from "../../model/model.js";
import { GRAFANA_ADMIN_SECRET } from "../../addons/wiring/kube-prometheus-stack.js";
import { htmlCommentText, markdownCode, markdownText, shellQuote } from "./safe-text.js";
import { runbookTemplate } from "./template.js";
import { externalDnsOwnerId } from "../../addons/wiring/external-dns.js";
import { NO_HELMFILE_REASON } from "../helmfile/index.js";
import { PROD_FLAG } from "../lifecycle/emitter.js";
import { teardownPlan } from "../lifecycle/keep.js";
import { DOWN_ADMIN_TTL, stackLifecycle, UP_ADMIN_TTL, writesHelmfile } from "../lifecycle/steps.js";
import type { Step } from "../shell/command.js";
import { printForRunbook } from "../shell/print.js";

/** A fenced sh block holding the step's commands, as print.ts prints them (the fence outlasts any backtick run inside). */
function shellBlock(steps: readonly Step[], indent = ""): string {
  const text = steps.flatMap((s) => s.actions.flatMap(printForRunbook)).join("\n");
  const fence = "`".repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return [`${fence}sh`, ...text.split("\n"), fence].map((line) => (line === "" ? line : `${indent}${line}`)).join("\n");
}

/** Every step of a list as `{id: block}`, and as a list of `{title, block}`. */
function blocks(steps: readonly Step[], indent = ""): { byId: Record<string, string>; list: { id: string; title: string; block: string }[] } {
  const list = steps.map((s) => ({ id: s.id, title: markdownText(s.title), block: shellBlock([s], indent) }));
  return { byId: Object.fromEntries(list.map((b) => [b.id, b.block])), list };
}

/** `source`: the template text, from EmitContext.templates (read through the Io). */
function render(source: string, context: unknown): string {
  // one trailing newline, no runs of blank lines left by omitted sections
  return `${runbookTemplate(source)(context).replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

export function runbookContext(model: StackModel): Record<string, unknown> {
  const { spec, metadata } = model.stack;
  const bucket = (role: string) => model.buckets.find((b) => b.role === role)?.name;
  const velero = model.buckets.find((b) => b.role === "velero");
  const grafana = model.addons.find((a) => a.key === "kubePrometheusStack");
  const lifecycle = stackLifecycle(model);
  const teardown = teardownPlan(model);
  return {
    up: blocks(lifecycle.up).byId,
    down: blocks(lifecycle.down).list,
    upgrade: blocks(lifecycle.upgrade, "   ").byId,
    helmfile: writesHelmfile(model),
    noHelmfileReason: NO_HELMFILE_REASON,
    upAdminTtl: UP_ADMIN_TTL,
    downAdminTtl: DOWN_ADMIN_TTL,
    prod: model.environment === "prod",
    prodFlag: PROD_FLAG,
    keptCount: teardown.keep.length,
    destroyedCount: teardown.destroy.length,
    keptBuckets: [...model.buckets.filter((b) => b.role !== "terraform-state"), ...model.remoteBuckets].map((b) => `\`${b.name}\``).join(", "),
    // user text, each escaped for where the template puts it (safe-text.ts); the template
    // renders with noEscape, so nothing else from the manifest may be free text
    // the manifest relative to its workspace root, where the runbook's commands run (the same
    // bytes whichever folder stackc ran in)
    fileComment: htmlCommentText(model.source),
    fileCode: markdownCode(model.source),
    fileShell: shellQuote(model.source),
    diffCommand: markdownCode(`stackc diff ${shellQuote(model.source)}`),
    planCommand: markdownCode(`stackc plan ${shellQuote(model.source)} --format markdown`),
    name: model.name,
    description: metadata.description === undefined ? undefined : markdownText(metadata.description),
    environment: model.environment,
    accountId: model.accountId,
    clusterName: model.clusterName,
    kubernetesVersion: spec.cluster.kubernetesVersion,
    networking: spec.cluster.networking,
    region: model.region,
    zoneList: model.zones.map((z) => z.name).join(", "),
    vpcCidr: model.vpcCidr,
    natPerZone: natPerZone(model),
    natSummary: natPerZone(model) ? `one per zone (${model.natZones.length})` : `one, in ${model.natZones[0] ?? "-"}`,
    network: model.network
      ? {
          name: model.network.model.name,
          fileCode: markdownCode(model.network.model.source),
          existing: model.network.model.existing !== undefined,
          vpcId: model.network.model.existing?.vpcId,
          block: model.network.block,
          stateBucket: model.network.model.state.bucket,
          stateKey: model.network.model.state.key,
        }
      : undefined,
    replaces: replacesContext(model),
    apiLoadBalancer: spec.cluster.api.loadBalancer,
    apiAccess: (spec.cluster.api.access ?? []).join(", "),
    apiSummary: `${spec.cluster.api.loadBalancer} Network Load Balancer, reachable from ${(spec.cluster.api.access ?? []).join(", ")}`,
    dnsZone: spec.dns.zone,
    dnsType: spec.dns.type,
    publicZone: spec.dns.type === "public",
    kopsStateBucket: bucket("kops-state"),
    terraformBucket: spec.stateStore.terraformBucket,
    terraformStateKey: `stacks/${model.name}/terraform.tfstate`,
    secretsEncryption: spec.cluster.secretsEncryption,
    addons: model.addons,
    addonList: model.addons.map((a) => `\`${a.info.release}\` ${a.version}`).join(", "),
    irsaRoles: model.addons
      .filter((a) => a.serviceAccount && a.iam)
      .map((a) => ({
        addon: a.key,
        name: a.serviceAccount!.name,
        namespace: a.serviceAccount!.namespace,
        policy: a.iam!.statements.length > 0,
        managed: a.iam!.managedPolicyArns,
      })),
    backups: spec.backups.enabled && velero !== undefined,
    backupSchedule: spec.backups.schedule,
    backupRetentionDays: spec.backups.retentionDays,
    veleroBucket: velero?.name,
    replicaRegion: velero?.replicaRegion,
    etcdRetentionDays: spec.cluster.etcd.backupRetentionDays,
    waivers: spec.policy.waivers.map((w) => ({ ...w, reason: markdownText(w.reason) })),
    grafanaSecret: grafana ? { name: GRAFANA_ADMIN_SECRET, namespace: grafana.info.namespace } : undefined,
  };
}

/** Blue/green: the stack this one replaces, for the cut-over section. */
function replacesContext(model: StackModel): Record<string, unknown> | undefined {
  const old = model.replaces;
  if (!old) return undefined;
  const bucket = old.buckets.find((b) => b.role === "velero");
  const oldDns = old.addons.find((a) => a.key === "externalDns");
  const newOwner = externalDnsOwnerId(model);
  const oldOwner = externalDnsOwnerId(old);
  const sameNetwork = model.network !== undefined && old.network !== undefined && model.network.model.file === old.network.model.file;
  return {
    name: old.name,
    fileCode: markdownCode(old.source),
    clusterName: old.clusterName,
    kopsStateBucket: old.buckets.find((b) => b.role === "kops-state")?.name,
    bucket: bucket?.name,
    kms: old.kms.mode !== "none",
    sameNetwork,
    network: sameNetwork ? model.network!.model.name : undefined,
    backup: `cutover-${old.name}`,
    restore: `cutover-from-${old.name}`,
    externalDns: newOwner !== undefined && oldOwner !== undefined && oldDns !== undefined,
    ownerNew: newOwner?.id,
    ownerOld: oldOwner?.id,
    externalDnsNamespace: oldDns?.info.namespace,
    // what this cluster's own add-ons (helmfile) and kops run: never restored over them
    platformNamespaces: [...new Set(["kube-system", "kube-public", "kube-node-lease", ...model.addons.map((a) => a.info.namespace)])].sort().join(","),
  };
}

/** Each zone routes through its own NAT gateway (its own VPC's setting, or its network's). */
function natPerZone(model: StackModel): boolean {
  return model.network ? model.zones.every((z) => z.natZone === z.name) : model.stack.spec.network.natGateways === "perZone";
}

export const runbookEmitter: Emitter = {
  id: "runbook",
  description: "RUNBOOK.md: the ordered apply steps for the stack",
  emit: (model, context) => ({ files: [{ path: "RUNBOOK.md", contents: render(context.templates.runbook, runbookContext(model)) }] }),
};
