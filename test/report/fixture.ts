// One ReportInput that exercises every reporter path: two stacks (one clean for most rules), a
// finding inherited from a base file by both stacks, a waived finding, codes outside the policy
// catalog (known and unknown to the code registry), an info without a range, a global
// diagnostic, and text that needs escaping in every format. Rules are fixed here (not read from
// policies/bundle) so the goldens change only when a reporter does.
import type { Diagnostic, Range } from "../../compiler/diagnostics/diagnostic.js";
import type { RuleMeta } from "../../compiler/policy/catalog/rules.js";
import type { ReportInput } from "../../compiler/report/report-input.js";

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line, column, offset: line * 1000 + column }, end: { line: endLine, column: endColumn, offset: endLine * 1000 + endColumn } };
}

export const rules: RuleMeta[] = [
  {
    id: "STK-HELM-001",
    title: "Helm chart versions must be exact",
    description: "Every Helm release must pin one exact semantic version.",
    severity: "deny",
    tags: ["supply-chain", "helm"],
    remediation: "Set version to the exact chart version (helm search repo <repo>/<chart> --versions lists them).",
    scanners: {},
    relatedResources: [{ ref: "https://helm.sh/docs/topics/charts/#charts-and-versioning", description: "Helm, charts and versioning" }],
    package: "stackc.checks.helm.stk_helm_001",
    file: "policies/checks/helm/stk_helm_001.rego",
  },
  {
    id: "STK-NET-003",
    title: "Kubernetes API must not be open to the whole internet",
    description: "An API access entry that covers every address exposes the API server.",
    severity: "deny",
    securitySeverity: "9.0",
    tags: ["security", "network"],
    remediation: "Replace the entry with the CIDRs of your VPN & CI runners.",
    scanners: { checkov: ["CKV_AWS_38"], trivy: ["AVD-AWS-0041"] },
    relatedResources: [{ ref: "https://kops.sigs.k8s.io/cluster_spec/#kubernetesapiaccess" }],
    package: "stackc.checks.net.stk_net_003",
    file: "policies/checks/net/stk_net_003.rego",
  },
  {
    id: "STK-NET-009",
    title: "VPC flow logs should be enabled",
    description: "Flow logs keep a record of traffic for forensics.",
    severity: "warn",
    tags: ["network"],
    remediation: "Set spec.network.flowLogs: true.",
    scanners: {},
    relatedResources: [],
    package: "stackc.checks.net.stk_net_009",
    file: "policies/checks/net/stk_net_009.rego",
  },
];

const prod = "stacks/prod-eu-west-1.yaml";
const dev = "stacks/dev.yaml";

export const diagnostics: Diagnostic[] = [
  {
    code: "STK-NET-003",
    severity: "error",
    message: "spec.cluster.api.access[1] is 0.0.0.0/0, which opens the Kubernetes API to every IPv4 address",
    file: prod,
    range: range(14, 29, 14, 40),
    pointer: "/spec/cluster/api/access/1",
    stack: prod,
    hint: rules[1]!.remediation,
    data: { cidr: "0.0.0.0/0", family: "ipv4" },
  },
  // inherited from the base by both stacks
  {
    code: "STK-HELM-001",
    severity: "error",
    message: 'Chart release "my-app" version "^1.2.0" is a range, not an exact version',
    file: "stacks/base.yaml",
    range: range(40, 16, 40, 24),
    pointer: "/spec/charts/0/version",
    stack: prod,
    hint: rules[0]!.remediation,
  },
  {
    code: "STK-HELM-001",
    severity: "error",
    message: 'Chart release "my-app" version "^1.2.0" is a range, not an exact version',
    file: "stacks/base.yaml",
    range: range(40, 16, 40, 24),
    pointer: "/spec/charts/0/version",
    stack: dev,
    hint: rules[0]!.remediation,
  },
  {
    code: "STK-NET-009",
    severity: "warning",
    message: "VPC flow logs are disabled",
    file: dev,
    range: range(9, 3, 11, 1),
    pointer: "/spec/network",
    stack: dev,
    suppressed: { kind: "waiver", justification: "org-level flow logs", expires: "2027-03-01", file: dev, range: range(30, 9, 30, 20) },
  },
  {
    code: "STK-SCHEMA-001",
    severity: "error",
    message: 'Unknown property "regoin" in spec.cloud',
    file: dev,
    range: range(5, 11, 5, 17),
    pointer: "/spec/cloud/regoin",
    stack: dev,
    hint: 'Did you mean "region"?',
  },
  {
    code: "STK-ZZZ-001",
    severity: "warning",
    message: "Odd <value> & \"quotes\" 'here' 100% done\r\nsecond line \u0001 end",
    file: "stacks/we,ird:name #1.yaml",
    range: range(2, 1, 2, 5),
    stack: "stacks/we,ird:name #1.yaml",
  },
  {
    code: "STK-LOAD-005",
    severity: "info",
    message: "stacks/base.yaml is a StackBase and is only checked through the stacks that extend it",
    file: "stacks/base.yaml",
  },
  {
    code: "STK-IO-003",
    severity: "error",
    message: "Cannot write out/: permission denied",
  },
];

export const stacks = [
  { name: "prod-eu-west-1", file: prod },
  { name: "dev", file: dev },
];

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    diagnostics,
    stacks,
    rules,
    tool: { name: "stackc", version: "0.1.0", informationUri: "https://example.invalid/stackc" },
    ...overrides,
  };
}
