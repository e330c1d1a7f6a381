// The kops emitter: out/<stack>/kops/cluster.tmpl.yaml, the Cluster and its InstanceGroups
// (kops.k8s.io/v1alpha2) with Terraform's ids as `kops toolbox template` references. `stackc bind`
// renders kops/cluster.yaml from the same objects and `terraform output -json`, so that file is
// kept across rebuilds.
import type { Emitter } from "../emitter.js";
import { generatedHeader } from "../header.js";
import { kopsArtifact } from "./artifact.js";
import { buildKopsSpec } from "./spec.js";
import { kopsSpecYaml } from "./yaml.js";

export const KOPS_TEMPLATE_PATH = "kops/cluster.tmpl.yaml";
export const KOPS_BOUND_PATH = "kops/cluster.yaml";
/** What bind bound cluster.yaml from (compiler/bind/binding.ts); kept and re-bound by rebuilds. */
export const KOPS_BINDING_PATH = "kops/binding.json";

export const kopsEmitter: Emitter = {
  id: "kops",
  description: "kops Cluster and InstanceGroups (kops toolbox template over terraform output -json)",
  preserve: [KOPS_BOUND_PATH, KOPS_BINDING_PATH],
  emit(model) {
    const spec = buildKopsSpec(model);
    const header =
      generatedHeader(model) +
      "# A `kops toolbox template`: ids come from `terraform output -json` (--values); `stackc bind` renders kops/cluster.yaml from the same outputs.\n";
    return {
      files: [{ path: KOPS_TEMPLATE_PATH, contents: kopsSpecYaml(spec, "template", header) }],
      artifact: kopsArtifact(spec),
    };
  },
};

export { buildKopsSpec } from "./spec.js";
export { kopsArtifact, type KopsArtifact, type KopsBinding } from "./artifact.js";
export { kopsSpecYaml } from "./yaml.js";
export { OutputRef, mapRefs, refSites, type Bindable } from "./refs.js";
export type { KopsSpec, KopsCluster, KopsInstanceGroup } from "./types.js";
