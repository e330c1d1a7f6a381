// External Secrets Operator (external-secrets chart, pinned 2.9.0).
//
// Value keys checked against external-secrets/external-secrets deploy/charts/external-secrets/
// values.yaml, stored snapshot 00c5cec5: `installCRDs`, `replicaCount`, `leaderElect`,
// `podDisruptionBudget.{enabled,minAvailable}`, `serviceAccount.{create,name}`,
// `webhook.replicaCount`. The commit of tag helm-chart-2.9.0 (cc5bfbc2) is not stored for this file.
import { CRITICAL_REPLICAS, serviceAccountName } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const externalSecretsWiring: AddonWiring = {
  key: "externalSecrets",
  tier: "foundation",
  // Validating webhook (failurePolicy Fail) for SecretStores and ExternalSecrets.
  wait: true,
  needs: () => [],
  // No ServiceMonitor: it installs in the first group, before the Prometheus CRDs exist.
  customResources: () => false,
  values: ({ addon }) => ({
    installCRDs: true,
    // Two controllers need leader election, or both reconcile every ExternalSecret.
    replicaCount: CRITICAL_REPLICAS,
    leaderElect: true,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    serviceAccount: { create: true, name: serviceAccountName(addon) },
    webhook: { replicaCount: CRITICAL_REPLICAS },
  }),
};
