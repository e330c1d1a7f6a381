// The shapes the Helmfile emitter produces: the helmfile.yaml document (a closed subset of
// helmfile v1's state file, validated in tests by helmfile.closed.schema.json next to this file)
// and the artifact policies inspect.
import type { AddonKey } from "../../catalog/addons.js";
import type { Tier } from "../../addons/wiring/index.js";

export interface HelmfileRepository {
  name: string;
  /** https URL, or for an OCI registry the registry path without `oci://`. */
  url: string;
  oci?: true;
}

export interface HelmDefaults {
  /** kops names the kubeconfig context after the cluster. */
  kubeContext: string;
  /** Roll back a failed upgrade (Helm 4: --rollback-on-failure). */
  atomic: true;
  wait: true;
  waitForJobs: true;
  /** Seconds. */
  timeout: number;
  createNamespace: true;
  historyMax: number;
}

export interface HelmfileRelease {
  name: string;
  namespace: string;
  /** `<repository name>/<chart>`. */
  chart: string;
  /** Exact chart version. */
  version: string;
  /** Only ever `false`: a disabled add-on is uninstalled, not silently dropped. */
  installed?: false;
  labels: { tier: Tier };
  /** `namespace/name` of releases installed first. */
  needs?: string[];
  wait?: true;
  timeout?: number;
  disableValidationOnInstall?: true;
  /**
   * Capabilities.APIVersions for offline renders (template, the first diff): what the chart tests
   * and the cluster will serve (curated add-ons: addons/wiring/api-checks.ts; charts: spec.charts[].apiVersions).
   */
  apiVersions?: string[];
  /** `values/<release>.yaml`, relative to helmfile.yaml. */
  values?: string[];
}

export interface HelmfileDocument {
  repositories: HelmfileRepository[];
  helmDefaults: HelmDefaults;
  releases: HelmfileRelease[];
}

/**
 * What the Helmfile emitter generated, as plain data (artifacts.helmfile in the policy input):
 *
 *   {
 *     helmfile: HelmfileDocument,          // exactly what helmfile/helmfile.yaml holds
 *     groups: string[][],                  // install groups in order, each sorted "namespace/name"
 *     releases: [{                         // in helmfile.yaml order
 *       id: "namespace/name", name, namespace,
 *       source: "addon" | "companion" | "chart",
 *       addon?: AddonKey,                  // the curated add-on (also for its companions)
 *       pointer: "/spec/addons/<key>" | "/spec/charts/<i>",   // where to point a finding
 *       chart: "<repo>/<chart>", repository: { name, url, oci }, version,
 *       installed: boolean, tier, group: number | null (null when not installed),
 *       needs: string[], wait: boolean, disableValidationOnInstall: boolean,
 *       apiVersions: string[],             // helmfile's apiVersions ([] when none)
 *       valuesFile: "helmfile/values/<name>.yaml" | null,
 *       values: { … }                      // the merged values written to valuesFile
 *     }]
 *   }
 */
export interface HelmfileArtifact {
  helmfile: HelmfileDocument;
  groups: string[][];
  releases: ReleaseArtifact[];
}

export interface ReleaseArtifact {
  id: string;
  name: string;
  namespace: string;
  source: "addon" | "companion" | "chart";
  addon?: AddonKey;
  pointer: string;
  chart: string;
  repository: { name: string; url: string; oci: boolean };
  version: string;
  installed: boolean;
  tier: Tier;
  group: number | null;
  needs: string[];
  wait: boolean;
  disableValidationOnInstall: boolean;
  apiVersions: string[];
  valuesFile: string | null;
  values: Record<string, unknown>;
}
