// The Kubernetes versions stackc supports: a data file shipped with stackc, passed to the
// policies as input.facts.kubernetes (STK-K8S-004). Update it with each kops bump and each
// upstream minor release.
//
// Window — kops v1.36.2 (the release stackc targets), upup/pkg/fi/cloudup/apply_cluster.go:
//   below 1.31.0 "kubernetes upgrade is required" (refused), below 1.33.0 a deprecation
//   warning, 1.37.0 and above "not yet supported; upgrading kops is required" (refused).
//   /work/shared/reference/kops.md §1.
//
// End of life — the upstream "End Of Life Date" of each minor, from the release pages
// https://kubernetes.io/releases/<minor>/ (generated from kubernetes/website
// data/releases/schedule.yaml), read 2026-11-21:
//   1.31 2025-10-28 (schedule.yaml)   1.32 2026-02-28 (schedule.yaml, 14-month policy)
//   1.33 2026-06-28   1.34 2026-10-27   1.35 2027-02-28   1.36 2027-06-28   1.37 2027-10-28
// Patch releases are supported until that date; after it there are no more CVE fixes.

export interface KubernetesFacts {
  /** kops release line whose window this is. */
  kops: string;
  /** Lowest supported version (inclusive). */
  min: string;
  /** First unsupported version (exclusive). */
  max: string;
  /** Below this kops warns the version is deprecated. */
  recommendedMin: string;
  /** MAJOR.MINOR → upstream end-of-life date (YYYY-MM-DD). */
  endOfLife: Readonly<Record<string, string>>;
  /** Warn this many days before a minor's end of life. */
  eolWarningDays: number;
}

export const kubernetesFacts: KubernetesFacts = Object.freeze({
  kops: "1.36",
  min: "1.31.0",
  max: "1.37.0",
  recommendedMin: "1.33.0",
  endOfLife: Object.freeze({
    "1.31": "2025-10-28",
    "1.32": "2026-02-28",
    "1.33": "2026-06-28",
    "1.34": "2026-10-27",
    "1.35": "2027-02-28",
    "1.36": "2027-06-28",
    "1.37": "2027-10-28",
  }),
  eolWarningDays: 60,
});

/** Where the end-of-life dates come from (stackc explain STK-K8S-004, docs). */
export const kubernetesFactsSource = "https://kubernetes.io/releases/ (End Of Life Date of each minor; kubernetes/website data/releases/schedule.yaml)";
