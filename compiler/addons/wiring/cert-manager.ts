// cert-manager (jetstack/cert-manager, pinned v1.21.1).
//
// Value keys checked against cert-manager/cert-manager deploy/charts/cert-manager/values.yaml,
// stored snapshot 001eb00d (the v1.17+ layout: `crds.enabled`/`crds.keep` replace the deprecated
// `installCRDs`; `replicaCount`, `podDisruptionBudget.{enabled,minAvailable}`, `serviceAccount.
// {create,name}`, `resources`); `webhook.*` and `cainjector.*` carry the same replica/PDB keys.
// The file at tag v1.21.1 (24e33194) is not in the stored index; the chart ships a closed
// values.schema.json, so a key that does not exist fails the install loudly rather than silently.
// Facts: /work/shared/reference/helmfile.md §5 (CRDs default off; wait for the webhook).
import { CRITICAL_REPLICAS, serviceAccountName } from "./shared.js";
import type { AddonWiring } from "./types.js";

const pdb = { enabled: true, minAvailable: 1 };

export const certManagerWiring: AddonWiring = {
  key: "certManager",
  tier: "foundation",
  // Its admission webhook must answer before anyone creates a Certificate or Issuer.
  wait: true,
  needs: () => [],
  // The CRDs are templates of this chart (crds.enabled); it renders no custom resources.
  customResources: () => false,
  values: ({ addon }) => ({
    // Installed and upgraded with the chart; kept when the release is deleted (deleting the
    // CRDs would delete every Certificate in the cluster).
    crds: { enabled: true, keep: true },
    replicaCount: CRITICAL_REPLICAS,
    podDisruptionBudget: pdb,
    resources: { requests: { cpu: "10m", memory: "64Mi" } },
    serviceAccount: { create: true, name: serviceAccountName(addon) },
    webhook: { replicaCount: CRITICAL_REPLICAS, podDisruptionBudget: pdb },
    cainjector: { replicaCount: CRITICAL_REPLICAS, podDisruptionBudget: pdb },
  }),
};
