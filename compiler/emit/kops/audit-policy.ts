// API server audit logging (spec.cluster.auditLogging): kube-apiserver's audit flags plus the
// policy file, shipped to the control-plane hosts as a kops file asset. Shape as in kops'
// docs/cluster_spec.md "Audit Logging" (v1.36.2): the policy file and the log live in
// directories nodeup mounts into the kube-apiserver pod (nodeup/pkg/model/kube_apiserver.go:796-812).
// Without auditPolicyFile kube-apiserver logs nothing, so both are always written together.
import { toYaml } from "../yaml.js";
import type { KopsClusterSpec, KopsFileAsset } from "./types.js";

export const AUDIT_POLICY_PATH = "/etc/kubernetes/audit/policy-config.yaml";
export const AUDIT_LOG_PATH = "/var/log/kube-apiserver-audit.log";
/** Rotated files kept (besides the age limit) and the size at which a file is rotated, in MB. */
export const AUDIT_LOG_MAX_BACKUPS = 10;
export const AUDIT_LOG_MAX_SIZE_MB = 100;

/**
 * stackc's audit policy (audit.k8s.io/v1, first matching rule wins): health probes not at all;
 * Secrets, ConfigMaps and token requests/reviews at Metadata only, so credentials never reach
 * the log; RBAC changes with their request body (who granted what to whom); everything else
 * at Metadata. The RequestReceived stage only duplicates ResponseComplete, so it is omitted.
 */
export function auditPolicy(): Record<string, unknown> {
  return {
    apiVersion: "audit.k8s.io/v1",
    kind: "Policy",
    omitStages: ["RequestReceived"],
    rules: [
      { level: "None", nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version"] },
      {
        level: "Metadata",
        resources: [
          { group: "", resources: ["secrets", "configmaps", "serviceaccounts/token"] },
          { group: "authentication.k8s.io", resources: ["tokenreviews"] },
        ],
      },
      {
        level: "Request",
        verbs: ["create", "update", "patch", "delete", "deletecollection"],
        resources: [{ group: "rbac.authorization.k8s.io" }],
      },
      { level: "Metadata" },
    ],
  };
}

export function auditLogging(maxAgeDays: number): Pick<Required<KopsClusterSpec>, "kubeAPIServer"> & { asset: KopsFileAsset } {
  return {
    kubeAPIServer: {
      auditLogPath: AUDIT_LOG_PATH,
      auditLogMaxAge: maxAgeDays,
      auditLogMaxBackups: AUDIT_LOG_MAX_BACKUPS,
      auditLogMaxSize: AUDIT_LOG_MAX_SIZE_MB,
      auditPolicyFile: AUDIT_POLICY_PATH,
    },
    asset: {
      name: "audit-policy-config",
      path: AUDIT_POLICY_PATH,
      roles: ["Master"],
      content: toYaml(auditPolicy()),
    },
  };
}
