// Human messages for policy findings, one formatter per rule id. The Rego returns facts
// ({id, path, data}); wording lives here, in one language, testable, and free of the SDK's
// sprintf quirks. A rule without a formatter falls back to its title (test/policy checks every
// catalog rule has one).
import { displayPath, toPointer } from "../../load/pointer.js";
import type { PolicyResult } from "../engine/evaluate.js";
import { AWS_REGION_ZONES } from "../../catalog/aws-zones.js";

export type MessageFormatter = (data: Readonly<Record<string, unknown>>, result: PolicyResult) => string;

/** A value for a message: strings quoted (JSON escapes keep control characters visible). */
function show(value: unknown): string {
  if (value === undefined) return "(none)";
  return JSON.stringify(value) ?? String(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function release(data: Readonly<Record<string, unknown>>): string {
  const name = show(text(data.release, "?"));
  return data.source === "addons" ? `Add-on ${name}` : `Chart release ${name}`;
}

const helmReasons: Readonly<Record<string, (data: Readonly<Record<string, unknown>>) => string>> = {
  missing: () => "has no version",
  "not-a-string": (d) =>
    d.version === null
      ? "version is null, not a string"
      : `version ${show(d.version)} is ${Array.isArray(d.version) ? "a list" : d.version !== null && typeof d.version === "object" ? "a map" : `a ${typeof d.version}`}, not a string`,
  empty: () => "has an empty version",
  whitespace: (d) => `version ${show(d.version)} has surrounding whitespace`,
  range: (d) => `version ${show(d.version)} is a range, not an exact version`,
  keyword: (d) => `version ${show(d.version)} is a moving tag, not an exact version`,
  partial: (d) => `version ${show(d.version)} is partial, so Helm resolves it like a range`,
  invalid: (d) => `version ${show(d.version)} is not a valid semantic version`,
};

type Data = Readonly<Record<string, unknown>>;

/** A list of names for a message: a, b and c. */
function list(value: unknown): string {
  const items = Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : show(v))) : [];
  if (items.length === 0) return "(none)";
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function plural(n: unknown, one: string, many = `${one}s`): string {
  return `${typeof n === "number" ? n : "?"} ${n === 1 ? one : many}`;
}

function groups(d: Data): string {
  const names = Array.isArray(d.groups) ? d.groups : [];
  return `${names.length === 1 ? "instance group" : "instance groups"} ${list(names)}`;
}

const cronFields = "minute hour day-of-month month day-of-week";

export const policyMessages: Readonly<Record<string, MessageFormatter>> = {
  "STK-NET-001": (d) =>
    d.reason === "emitted"
      ? `The generated kops InstanceGroup ${show(text(d.group, "?"))} uses a ${text(d.subnetType, "?")} subnet although the stack puts it in private subnets`
      : `Node group ${show(text(d.group, "?"))} runs in the ${text(d.subnetType, "?")} (public) subnets; worker nodes must be in private subnets`,
  "STK-NET-002": (d) =>
    d.reason === "emitted"
      ? `The generated kops spec puts ${groups(d)} in a ${text(d.subnetType, "?")} subnet although the stack puts it in private subnets`
      : `The control plane (${groups(d)}) runs in the ${text(d.subnetType, "?")} (public) subnets; it must be in private subnets`,
  "STK-NET-003": (d, r) =>
    `${displayPath(toPointer(r.path))} is ${text(d.cidr, "?")}, which opens the Kubernetes API to every ${
      d.family === "ipv6" ? "IPv6" : "IPv4"
    } address`,
  "STK-NET-004": (d, r) =>
    d.reason === "direct"
      ? `SSH reaches the instances directly from ${list(d.cidrs)}; in prod allow SSH only through a bastion, or use SSM`
      : `${displayPath(toPointer(r.path))} is ${text(d.cidr, "?")}, which opens SSH to every ${d.family === "ipv6" ? "IPv6" : "IPv4"} address`,
  "STK-NET-005": (d) => `The Kubernetes API load balancer is ${text(d.loadBalancer, "?")}; a production API must be internal`,
  "STK-NET-006": (d) => {
    const zones = Array.isArray(d.zones) ? d.zones : [];
    return `The ${d.reason === "network" ? "network" : "stack"} spans ${plural(zones.length, "availability zone")}${zones.length > 0 ? ` (${list(zones)})` : ""}; at least ${d.minimum} are needed`;
  },
  "STK-NET-007": (d) =>
    d.reason === "emitted"
      ? `The generated Terraform routes zone ${list(d.zones)} through the NAT gateway of ${list(d.natZones)}`
      : `${Array.isArray(d.zones) && d.zones.length === 1 ? "Zone" : "Zones"} ${list(d.zones)} send egress through a NAT gateway in another zone (NAT gateways only in ${list(d.natZones)})${d.reason === "network" ? `: the network ${text(d.network, "?")} has no NAT gateway per zone` : ""}`,
  "STK-NET-008": (d) => {
    if (d.reason === "public-vpc") return `VPC CIDR ${text(d.cidr, "?")} is not private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)`;
    const subnet = `${text(d.kind, "?")} subnet ${text(d.cidr, "?")} of ${text(d.zone, "?")}`;
    if (d.reason === "outside-vpc") return `The ${subnet} is outside the VPC ${text(d.vpc, "?")}`;
    const other = (d.other ?? {}) as Data;
    return `The ${subnet} overlaps the ${text(other.kind, "?")} subnet ${text(other.cidr, "?")} of ${text(other.zone, "?")}`;
  },
  "STK-NET-009": (d) =>
    d.reason === "not-emitted"
      ? "Flow logs are enabled, but the generated Terraform has no aws_flow_log"
      : d.reason === "network"
        ? `VPC flow logs are disabled in the network ${text(d.network, "?")}`
        : "VPC flow logs are disabled",
  "STK-NET-010": (d) =>
    d.reason === "emitted"
      ? "The generated Terraform does not strip the default security group's rules"
      : "The VPC's default security group keeps its allow-all rules (restrictDefaultSecurityGroup is false)",
  "STK-NET-011": (d, r) => {
    const where = displayPath(toPointer(r.path));
    const what = (): string => {
      switch (d.list) {
        case "api":
          return "the internal API load balancer's access list";
        case "ssh":
          return "the SSH access list";
        case "source-ranges":
          return `the source ranges of add-on ${show(text(d.release, "?"))}, whose load balancer is internal`;
        case "ingress":
          return `the inbound CIDRs of an internal ALB Ingress of ${show(text(d.release, "?"))}`;
        default:
          return "an internal access list";
      }
    };
    return `${where} allows ${text(d.cidr, "?")} in ${what()}, which covers public addresses (private: RFC 1918, RFC 6598 100.64.0.0/10 or the VPC ${text(d.vpc, "?")})`;
  },
  "STK-NET-012": (d) =>
    d.reason === "unknown-region"
      ? `${d.setting === "backups-replica" ? "Backup replica region" : "Region"} ${text(d.region, "?")} is not an AWS Region stackc knows`
      : `Zone ${text(d.zone, "?")} does not exist: ${text(d.region, "?")} has ${plural(Array.isArray(d.zones) ? d.zones.length : 0, "Availability Zone")}`,
  "STK-K8S-010": (d) =>
    `Spot node group ${show(text(d.group, "?"))} has ${plural(d.count, "instance type")}; AWS recommends being flexible across at least ${d.minimum}`,
  "STK-K8S-011": (d) => {
    const who = d.role === "ControlPlane" ? "The control plane" : d.role === "Bastion" ? "The bastion" : `Node group ${show(text(d.group, "?"))}`;
    if (d.reason === "mixed") return `${who} mixes arm64 and amd64 instance types (${list(d.types)}); no single image boots on both`;
    const other = d.imageArchitecture === "arm64" ? "amd64" : "arm64";
    return `${who} runs ${other} instance ${Array.isArray(d.types) && d.types.length === 1 ? "type" : "types"} ${list(d.types)} with an ${text(d.imageArchitecture, "?")} image (${text(d.image, "?")})`;
  },
  "STK-K8S-001": (d) =>
    d.reason === "emitted"
      ? `The generated kops etcd cluster ${list(d.etcdClusters)} has ${plural(d.count, "member")}; Raft needs an odd number, at least 3`
      : `The control plane has ${plural(d.count, "etcd member")} per etcd cluster (main, events); Raft needs an odd number, at least 3`,
  "STK-K8S-002": (d) => `Control-plane ${groups(d)} share zone ${text(d.zone, "?")}: losing it loses more than one etcd member`,
  "STK-K8S-003": (d) => {
    const v = show(d.version);
    switch (d.reason) {
      case "keyword":
        return `kubernetesVersion ${v} is a channel name, not an exact release`;
      case "range":
        return `kubernetesVersion ${v} is a range, not an exact release`;
      case "partial":
        return `kubernetesVersion ${v} is partial; pin MAJOR.MINOR.PATCH`;
      case "prerelease":
        return `kubernetesVersion ${v} is a pre-release or carries build metadata; pin a published release`;
      case "not-a-string":
        return `kubernetesVersion ${v} is not a string (quote it in YAML)`;
      default:
        return `kubernetesVersion ${v} is not an exact MAJOR.MINOR.PATCH release`;
    }
  },
  "STK-K8S-004": (d) => {
    const v = `Kubernetes ${text(d.version, "?")}`;
    const window = `kops supports ${text(d.min, "?")} up to (not including) ${text(d.max, "?")}`;
    switch (d.reason) {
      case "too-old":
        return `${v} is older than the supported window (${window})`;
      case "too-new":
        return `${v} is newer than the supported window (${window})`;
      case "deprecated":
        return `${v} is below the recommended ${text(d.recommendedMin, "?")}; kops deprecates it`;
      case "end-of-life":
        return `Kubernetes ${text(d.minor, "?")} reached its end of life on ${text(d.endOfLife, "?")}; it gets no more fixes`;
      default:
        return `Kubernetes ${text(d.minor, "?")} reaches its end of life on ${text(d.endOfLife, "?")} (in ${plural(d.daysLeft, "day")})`;
    }
  },
  "STK-K8S-005": (d) =>
    d.reason === "emitted"
      ? `The generated kops spec does not require IMDSv2 (httpTokens: ${text(d.httpTokens, "?")}) for ${groups(d)}`
      : d.reason === "hop-limit"
      ? `The instance metadata hop limit is ${d.hopLimit} for ${groups(d)}; above 1, containers can reach IMDS through the node`
      : `Instance metadata accepts IMDSv1 (httpTokens: ${text(d.httpTokens, "?")}) for ${groups(d)}; require IMDSv2`,
  "STK-K8S-006": (d) =>
    d.reason === "emitted"
      ? "The generated kops Cluster does not enable encryptionConfig although secretsEncryption is on"
      : "Kubernetes Secrets are stored unencrypted in etcd (secretsEncryption is false)",
  "STK-K8S-007": (d) =>
    d.volume === "etcd" ? "The etcd volumes are not encrypted (encryptedVolumes is false)" : `Root volumes of ${groups(d)} are not encrypted`,
  "STK-K8S-008": () => "API server audit logging is disabled",
  "STK-K8S-009": (d) =>
    d.reason === "zones"
      ? `Node group ${show(text(d.group, "?"))} runs in ${plural(Array.isArray(d.zones) ? d.zones.length : 0, "zone")}${
          Array.isArray(d.zones) && d.zones.length > 0 ? ` (${list(d.zones)})` : ""
        }; a prod node group should span at least 2`
      : `Node group ${show(text(d.group, "?"))} keeps min ${d.min} node; a prod node group should keep at least 2`,
  "STK-HELM-001": (d) => {
    const reason = helmReasons[text(d.reason, "invalid")] ?? helmReasons.invalid!;
    return `${release(d)} ${reason(d)}`;
  },
  "STK-HELM-002": (d) => {
    const what = `Chart release ${show(text(d.release, "?"))} comes from ${text(d.repo, "?")}`;
    if (d.reason === "insecure") return `${what} over plain http; use https:// or oci://`;
    if (d.reason === "local") return `${what}, a local path; prod charts must come from an https:// or oci:// repository`;
    return `${what}, an unsupported scheme; use https:// or oci://`;
  },
  "STK-HELM-003": (d) => {
    const where = `Release ${show(text(d.release, "?"))}`;
    const image = show(d.image);
    switch (d.reason) {
      case "latest":
        return `${where} overrides an image with the moving tag ${image}`;
      case "latest-wired":
        return `${where} is generated with the moving image tag ${image}`;
      case "no-tag":
        return `${where} overrides image ${image} without a tag (Kubernetes pulls latest)`;
      case "empty":
        return `${where} overrides an image with an empty tag`;
      default:
        return `${where} pins image ${image} by tag; prefer a digest (@sha256:…) in prod`;
    }
  },
  "STK-HELM-004": (d) => {
    const addon = `Critical add-on ${show(text(d.addon, "?"))}`;
    if (d.aspect === "replicas") return `${addon} runs ${plural(d.value, "replica")}; run at least 2`;
    if (d.aspect === "pdb") return `${addon} has no PodDisruptionBudget`;
    return `${addon} declares no resource requests`;
  },
  // Never the value: only what kind of secret it is and where (the value is masked everywhere).
  "STK-HELM-005": (d) =>
    `Release ${show(text(d.release, "?"))} has an ALB Ingress (${text(d.ingress, "?")}) for a ${text(d.serviceType, "?")} service with ${text(d.targetType, "?")} targets; the AWS Load Balancer Controller refuses it, so no load balancer is created`,
  "STK-SEC-001": (d) => {
    const kinds: Record<string, string> = {
      "private-key": "a private key",
      "aws-access-key": "an AWS access key id",
      token: "an API token",
      "secret-key": `a literal value under the secret-like key ${show(text(d.key, "?"))}`,
    };
    return `${release(d)} has a plaintext secret in its values: ${kinds[String(d.kind)] ?? "a secret"}`;
  },
  "STK-BKP-001": (d) =>
    d.reason === "not-scheduled" ? "Backups are enabled, but the generated Helmfile schedules no Velero backup" : "Cluster backups are disabled",
  "STK-BKP-002": (d) => {
    const s = show(d.schedule);
    switch (d.reason) {
      case "not-daily":
        return `Backup schedule ${s} runs less often than daily`;
      case "fields":
        return `Backup schedule ${s} has ${plural(d.count, "field")}; a cron expression has 5 (${cronFields})`;
      case "not-a-string":
        return `Backup schedule ${s} is not a string`;
      default:
        return d.field === "macro" ? `Backup schedule ${s} is not a known @ expression` : `Backup schedule ${s} has an invalid ${text(d.field, "?")} field`;
    }
  },
  "STK-BKP-003": (d) =>
    `${d.backup === "etcd" ? "etcd backups are" : "Backups are"} kept ${plural(d.days, "day")}; keep them at least ${plural(d.minimum, "day")}`,
  "STK-BKP-004": (d) =>
    d.reason === "same-region"
      ? `The backup bucket is replicated within its own region (${text(d.region, "?")}); replicate to another region`
      : "The backup bucket is not replicated to another region",
  "STK-BKP-005": (d) =>
    d.reason === "retention"
      ? `Backups are kept ${plural(d.retentionDays, "day")}, but schedule ${show(d.schedule)} can leave ${plural(d.intervalDays, "day")} between two backups: each expires before the next exists`
      : "minutes" in d
      ? `Backup schedule ${show(d.schedule)} runs every ${plural(d.minutes, "minute")}, more often than hourly`
      : `Backup schedule ${show(d.schedule)} runs ${plural(d.runsPerHour, "time")} an hour, more often than hourly`,
  "STK-WAIVER-001": (d) =>
    `The waiver of ${text(d.rule, "?")} runs until ${text(d.expires, "?")}, ${plural(d.days, "day")} from today; waivers may run at most ${plural(d.maximum, "day")} (spec.policy.maxWaiverDays)`,
  "STK-S3-001": (d) => {
    if (d.reason === "unencrypted") return `Bucket ${text(d.bucket, "?")} (${text(d.role, "?")}) has no default encryption in the generated Terraform`;
    if (d.reason === "effective-sse-s3") {
      return `Bucket ${text(d.bucket, "?")} (${text(d.role, "?")}) is encrypted with SSE-S3 in the generated Terraform although the stack uses SSE-KMS`;
    }
    return `Buckets ${list(d.buckets)} are encrypted with SSE-S3; prefer SSE-KMS`;
  },
  "STK-S3-002": (d) => `Bucket ${text(d.bucket, "?")} (${text(d.role, "?")}) is not versioned in the generated Terraform`,
  "STK-S3-003": (d) =>
    d.reason === "public-read"
      ? `Bucket ${text(d.bucket, "?")} (${text(d.role, "?")}) is publicly readable; only the IRSA discovery bucket may be`
      : `Bucket ${text(d.bucket, "?")} (${text(d.role, "?")}) has no complete public access block in the generated Terraform`,
  "STK-S3-004": (d) => {
    if (d.reason === "logging-not-emitted") return `Bucket ${text(d.bucket, "?")} has no access logging in the generated Terraform`;
    if (d.reason === "noncurrent-expiry") {
      return `Bucket ${text(d.bucket, "?")} expires old versions after ${plural(d.noncurrentDays, "day")}, before its ${plural(d.retentionDays, "day")} of backups`;
    }
    return `S3 access logging is off for ${list(d.buckets)}`;
  },
  "STK-IAM-001": (d) =>
    `IAM statement ${text(d.sid, "?")} of ${text(d.document, "?")} allows ${list(d.actions)} on "*" without a condition`,
  "STK-KMS-001": (d) =>
    d.reason === "not-emitted" ? `KMS key ${text(d.key, "?")} has no automatic rotation in the generated Terraform` : "Automatic rotation of the stack's KMS key is disabled",
};

/**
 * Hints that depend on the finding (the private range meant, the Region's real zones, the latest
 * allowed expiry). Rules without one get their catalog remediation as the hint.
 */
export const policyHints: Readonly<Record<string, (data: Data) => string | undefined>> = {
  "STK-NET-011": (d) => (typeof d.suggestion === "string" ? `Did you mean ${d.suggestion}? Private ranges: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10 or the VPC ${text(d.vpc, "?")}` : undefined),
  "STK-NET-012": (d) => {
    if (d.reason === "unknown-zone") return `Zones of ${text(d.region, "?")}: ${Array.isArray(d.zones) ? d.zones.join(", ") : "(none)"}`;
    const region = text(d.region, "");
    const prefix = region.replace(/-?\d+$/, "");
    const near = Object.keys(AWS_REGION_ZONES).filter((r) => r.startsWith(prefix.split("-").slice(0, 2).join("-")));
    const listed = near.length > 0 ? near : Object.keys(AWS_REGION_ZONES).filter((r) => r.slice(0, 2) === region.slice(0, 2));
    return listed.length > 0
      ? `Known Regions like it: ${listed.join(", ")}. A Region newer than stackc's table: waive STK-NET-012 until stackc lists it`
      : "Use an AWS Region name such as eu-west-1; a Region newer than stackc's table: waive STK-NET-012 until stackc lists it";
  },
  "STK-WAIVER-001": (d) => {
    const latest = addDays(d.today, d.maximum);
    return latest ? `Set expires to ${latest} or earlier, and renew the waiver with a fresh reason when it ends` : undefined;
  },
};

/** YYYY-MM-DD plus n days, in UTC (no clock: the date comes from the finding). */
function addDays(date: unknown, n: unknown): string | undefined {
  if (typeof date !== "string" || typeof n !== "number" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

/** The hint for one finding: its own when the rule words one, else the rule's remediation. */
export function formatPolicyHint(result: PolicyResult, remediation: string | undefined): string | undefined {
  return policyHints[result.id]?.(result.data) ?? remediation;
}

/** The message for one finding; `fallback` (the rule title) when the id has no formatter. */
export function formatPolicyMessage(result: PolicyResult, fallback?: string): string {
  const format = policyMessages[result.id];
  if (format) return format(result.data, result);
  return `${fallback ?? `Policy ${result.id} failed`} at ${displayPath(toPointer(result.path))}`;
}
