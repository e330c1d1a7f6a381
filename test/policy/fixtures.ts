// Policy inputs for the TypeScript tests: a clean production stack (defaults applied, as
// normalize hands it over) and a helper to derive variants from it.
import type { PolicyInput } from "../../compiler/policy/input.js";
import { type PolicyFacts, policyFacts } from "../../compiler/policy/facts.js";

/** A fixed day, so end-of-life and expiry checks give the same answer every time. */
export const facts: PolicyFacts = policyFacts("prod", new Date("2026-06-01T00:00:00Z"));

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
      backups: { enabled: true, schedule: "0 3 * * *", retentionDays: 30, bucket: "example-velero", replicaRegion: "eu-central-1" },
    },
  };
}

/** The clean stack changed by `edit`, as a policy input. */
export function inputWith(edit: (stack: Record<string, any>) => void = () => {}): PolicyInput {
  const stack = cleanStack();
  edit(stack);
  return { stack, facts };
}
