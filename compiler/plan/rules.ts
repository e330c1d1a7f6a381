// The change rules: what a build may not do to a running cluster without a reviewer saying so.
// Each is an error at the manifest line that causes it, with its own code, and passes only with
// an acknowledgement in spec.policy.acknowledgements naming the exact change (`change` equals
// the string the finding prints). Rules are registered units: one entry per code.
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { HelmDiff } from "./helm.js";
import type { KopsDiff } from "./kops.js";
import type { ChangeRecord } from "./record.js";
import type { TerraformDiff } from "./terraform.js";
import { removedPointer } from "./terraform.js";

export interface RuleInput {
  before: ChangeRecord;
  after: ChangeRecord;
  terraform: TerraformDiff;
  kops: KopsDiff;
  helm: HelmDiff;
}

/** A rule finding before acknowledgements: `change` is what an acknowledgement must name. */
export interface Violation {
  code: DiagnosticCode;
  change: string;
  message: string;
  pointer: string;
  hint: string;
}

export interface ChangeRule {
  code: DiagnosticCode;
  check(input: RuleInput): Violation[];
}

const kubernetesDowngrade: ChangeRule = {
  code: "STK-CHANGE-001",
  check: ({ kops }) => {
    const k = kops.kubernetes;
    if (!k || k.kind !== "downgrade") return [];
    return [{
      code: "STK-CHANGE-001",
      change: `kubernetes ${k.from} -> ${k.to}`,
      message: `Kubernetes ${k.from} -> ${k.to} is a downgrade`,
      pointer: "/spec/cluster/kubernetesVersion",
      hint: `Kubernetes does not support downgrades; keep ${k.from} (or a later patch) and fix forward`,
    }];
  },
};

const kubernetesSkip: ChangeRule = {
  code: "STK-CHANGE-002",
  check: ({ kops }) => {
    const k = kops.kubernetes;
    if (!k || !(k.kind === "major" || (k.kind === "minor" && k.minors > 1))) return [];
    return [{
      code: "STK-CHANGE-002",
      change: `kubernetes ${k.from} -> ${k.to}`,
      message: `Kubernetes ${k.from} -> ${k.to} moves the control plane ${k.kind === "major" ? "across a major version" : `${k.minors} minor versions`} in one build`,
      pointer: "/spec/cluster/kubernetesVersion",
      hint: "The control plane moves at most one minor per upgrade (Kubernetes' version skew policy): upgrade to the next minor, build and apply, then the one after",
    }];
  },
};

const etcdMembers: ChangeRule = {
  code: "STK-CHANGE-003",
  check: ({ kops, before, after }) => {
    const out: Violation[] = [];
    const byMember = new Map<string, { instanceGroup: string; now?: string }>();
    for (const m of kops.removedMembers) if (!byMember.has(m.member)) byMember.set(m.member, m);
    for (const [member, m] of byMember) {
      out.push({
        code: "STK-CHANGE-003",
        change: `etcd member ${member}`,
        message: m.now === undefined ? `etcd member ${member} (${m.instanceGroup}) would be removed` : `etcd member ${member} would move from ${m.instanceGroup} to ${m.now}`,
        pointer: "/spec/cluster/controlPlane",
        hint: "etcd members are never removed or renamed by a build: keep the control-plane count and zones (the control-plane zone set only grows); shrinking etcd is kops' manual member-removal procedure",
      });
    }
    for (const zone of before.controlPlaneZones.filter((z) => !after.controlPlaneZones.includes(z))) {
      if (out.some((v) => v.message.includes(zone))) continue;
      out.push({
        code: "STK-CHANGE-003",
        change: `control-plane zone ${zone}`,
        message: `The control plane would leave ${zone}`,
        pointer: "/spec/cluster/controlPlane",
        hint: "The control-plane zone set only grows",
      });
    }
    return out;
  },
};

const zoneRemoved: ChangeRule = {
  code: "STK-CHANGE-004",
  check: ({ kops }) =>
    kops.removedZones.map((zone) => ({
      code: "STK-CHANGE-004",
      change: `zone ${zone}`,
      message: `Zone ${zone} would be removed: its subnets, NAT gateway and instances are deleted`,
      pointer: "/spec/cloud/zones",
      hint: `Drain the workloads out of ${zone} first; then acknowledge the removal`,
    })),
};

const cidrChanged: ChangeRule = {
  code: "STK-CHANGE-005",
  check: ({ terraform, before, after }) =>
    terraform.replaced
      // subnets derived from a VPC CIDR that changes are part of that one change
      .filter((r) => r.arguments.includes("cidr_block") && (r.type === "aws_vpc" || (r.type === "aws_subnet" && !terraform.replaced.some((v) => v.module === r.module && v.type === "aws_vpc" && v.arguments.includes("cidr_block")))))
      .map((r) => {
        const from = String(before.terraform[r.module]?.[r.address]?.forceNew.cidr_block);
        const to = String(after.terraform[r.module]?.[r.address]?.forceNew.cidr_block);
        return {
          code: "STK-CHANGE-005",
          change: `${r.address} cidr_block ${from} -> ${to}`,
          message: `${r.type === "aws_vpc" ? "The VPC" : `Subnet ${r.address}`} CIDR ${from} -> ${to} replaces it${r.type === "aws_vpc" ? " and everything inside it" : " and every instance in it"}`,
          pointer: after.terraform[r.module]?.[r.address]?.pointer ?? "/spec/network",
          hint: "A CIDR cannot change in place; build a new stack (or network) next to this one and move the workloads",
        };
      }),
};

function replacedOrDeleted(type: string, code: DiagnosticCode, what: string, hint: string): ChangeRule {
  return {
    code,
    check: ({ terraform, before, after }) => [
      ...terraform.replaced
        .filter((r) => r.type === type)
        .map((r) => ({
          code,
          change: `${r.module}/${r.address}`,
          message: `${what} ${r.address} would be replaced (${r.because ? `because ${r.because} is replaced` : r.arguments.map((a) => `${a} ${String(before.terraform[r.module]?.[r.address]?.forceNew[a] ?? "(unset)")} -> ${String(after.terraform[r.module]?.[r.address]?.forceNew[a] ?? "(unset)")}`).join(", ")})`,
          pointer: after.terraform[r.module]?.[r.address]?.pointer ?? "/spec",
          hint,
        })),
      ...terraform.deleted
        .filter((d) => d.record.type === type)
        .map((d) => ({ code, change: `${d.module}/${d.address}`, message: `${what} ${d.address} would be deleted`, pointer: removedPointer(d.record.pointer), hint })),
    ],
  };
}

const bucketReplaced = replacedOrDeleted("aws_s3_bucket", "STK-CHANGE-006", "Bucket", "A bucket holds state; copy its objects to the new bucket before acknowledging (a bucket name never changes in place)");
const kmsReplaced = replacedOrDeleted("aws_kms_key", "STK-CHANGE-007", "KMS key", "Data encrypted with the key is unreadable once it is deleted; re-encrypt with the new key first");

const chartMajor: ChangeRule = {
  code: "STK-CHANGE-008",
  check: ({ helm }) =>
    helm.bumps
      .filter((b) => b.step === "major")
      .map((b) => ({
        code: "STK-CHANGE-008",
        change: `${b.id} ${b.from} -> ${b.to}`,
        message: `Chart of ${b.id} ${b.from} -> ${b.to} is a major upgrade`,
        pointer: b.pointer,
        hint: "A major chart version breaks something by definition: read the chart's upgrade notes, then acknowledge the exact bump",
      })),
};

const chartDowngrade: ChangeRule = {
  code: "STK-CHANGE-009",
  check: ({ helm }) =>
    helm.bumps
      .filter((b) => b.step === "downgrade")
      .map((b) => ({
        code: "STK-CHANGE-009",
        change: `${b.id} ${b.from} -> ${b.to}`,
        message: `Chart of ${b.id} ${b.from} -> ${b.to} is a downgrade`,
        pointer: b.pointer,
        hint: "Charts are not tested downwards (CRDs and stored objects may not be readable by the older version); use helm rollback on the cluster, or acknowledge the exact downgrade",
      })),
};

const releaseRemoved: ChangeRule = {
  code: "STK-CHANGE-010",
  check: ({ helm, before }) =>
    helm.orphaned
      .filter((o) => o.source !== "companion")
      .map((o) => {
        const chartName = Object.entries(before.charts).find(([, c]) => c.release === o.id)?.[0];
        const how = o.addon ? `set spec.addons.${o.addon}.enabled: false` : `set installed: false on spec.charts entry ${chartName ?? o.id}`;
        return {
          code: "STK-CHANGE-010",
          change: `release ${o.id}`,
          message: `${o.addon ? `Add-on ${o.addon}` : `Chart ${chartName ?? o.id}`} (${o.id}) is removed from the manifest while the baseline installs it`,
          pointer: o.addon ? "/spec/addons" : "/spec/charts",
          hint: `First ${how} (helmfile then uninstalls it), build and apply; delete the entry afterwards`,
        };
      }),
};

const irsaRemoved: ChangeRule = {
  code: "STK-CHANGE-011",
  check: ({ terraform, after }) =>
    terraform.deleted
      .filter((d) => d.record.type === "aws_iam_policy" && d.record.meta?.addon && after.addons[d.record.meta.addon]?.installed)
      .map((d) => ({
        code: "STK-CHANGE-011",
        change: `${d.module}/${d.address}`,
        message: `The IRSA policy of ${d.record.meta!.addon} (${d.address}) would be deleted while the add-on stays installed`,
        pointer: d.record.pointer,
        hint: "Its pods would lose their AWS permissions at once; uninstall the add-on first (enabled: false), or keep its IAM access",
      })),
};

export const changeRules: readonly ChangeRule[] = [
  kubernetesDowngrade,
  kubernetesSkip,
  etcdMembers,
  zoneRemoved,
  cidrChanged,
  bucketReplaced,
  kmsReplaced,
  chartMajor,
  chartDowngrade,
  releaseRemoved,
  irsaRemoved,
];
