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
  return {
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
    natPerZone: spec.network.natGateways === "perZone",
    natSummary: spec.network.natGateways === "perZone" ? `one per zone (${model.natZones.length})` : `one, in ${model.natZones[0] ?? "-"}`,
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

export const runbookEmitter: Emitter = {
  id: "runbook",
  description: "RUNBOOK.md: the ordered apply steps for the stack",
  emit: (model, context) => ({ files: [{ path: "RUNBOOK.md", contents: render(context.templates.runbook, runbookContext(model)) }] }),
};
