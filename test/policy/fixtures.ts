// Policy inputs for the TypeScript tests: a clean production stack (defaults applied, as
// normalize hands it over) and a helper to derive variants from it.
import type { PolicyFacts, PolicyInput } from "../../compiler/policy/evaluate.js";

export const facts: PolicyFacts = {
  environment: "prod",
  now: "2026-06-01T00:00:00Z",
  supportedKubernetes: { min: "1.31", max: "1.36", recommendedMin: "1.33" },
};

export function cleanStack(): Record<string, any> {
  return {
    apiVersion: "stackc.dev/v1alpha1",
    kind: "Stack",
    metadata: { name: "prod-eu-west-1", environment: "prod" },
    spec: {
      cloud: { provider: "aws", region: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
      network: { cidr: "10.20.0.0/16", topology: "private", natGateways: "perZone" },
      cluster: {
        name: "prod.k8s.example.com",
        kubernetesVersion: "1.36.1",
        api: { loadBalancer: "internal", access: ["10.0.0.0/8", "fd00::/8"] },
      },
      addons: {
        certManager: { version: "v1.21.1" },
        externalDns: { version: "1.21.1" },
        clusterAutoscaler: { version: "9.59.0" },
        velero: { version: "12.1.0" },
      },
      charts: [
        { name: "my-app", repo: "https://charts.example.com", chart: "my-app", version: "1.2.3", namespace: "apps" },
        { name: "other", repo: "oci://registry.example.com/charts", chart: "other", version: "2.0.0-rc.1+build.7" },
      ],
      backups: { enabled: true, schedule: "0 3 * * *", retentionDays: 30, bucket: "example-velero" },
    },
  };
}

/** The clean stack changed by `edit`, as a policy input. */
export function inputWith(edit: (stack: Record<string, any>) => void = () => {}): PolicyInput {
  const stack = cleanStack();
  edit(stack);
  return { stack, facts };
}
