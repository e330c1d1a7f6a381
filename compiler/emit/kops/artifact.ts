// The kops emitter's artifact: the Cluster and InstanceGroup documents as data, for policies.
//
//   {
//     cluster:        { apiVersion, kind: "Cluster", metadata: { name }, spec: { … } },
//     instanceGroups: [ { apiVersion, kind: "InstanceGroup", metadata: { name, labels }, spec: { … } }, … ],
//     bindings:       [ { pointer: "/cluster/spec/subnets/0/id", output: "private_subnet_ids",
//                         key: "eu-west-1a", template: "{{ index .private_subnet_ids.value \"eu-west-1a\" }}" }, … ]
//   }
//
// The documents are what cluster.tmpl.yaml holds (kops v1alpha2 field names; the control-plane
// role spelled Master; a literal `{{`, which the file escapes for kops' templater, as itself). A value only `terraform apply` knows (VPC, subnet and NAT
// ids, the hosted zone id, IRSA policy ARNs) is its template string there; `bindings` lists
// each one: a JSON Pointer into this artifact, the `terraform output -json` entry (and map key)
// `stackc bind` fills it from.
import type { TerraformOutputName } from "../terraform-outputs.js";
import { mapRefs, refSites } from "./refs.js";
import type { KopsCluster, KopsInstanceGroup, KopsSpec } from "./types.js";

/** A document with every OutputRef replaced by its template string. */
type Unbound<T> = T extends object ? { [K in keyof T]: Unbound<T[K]> } : T;

export interface KopsBinding {
  pointer: string;
  output: TerraformOutputName;
  key?: string;
  template: string;
}

export interface KopsArtifact {
  cluster: Unbound<KopsCluster>;
  instanceGroups: Unbound<KopsInstanceGroup>[];
  bindings: KopsBinding[];
}

export function kopsArtifact(spec: KopsSpec): KopsArtifact {
  const documents = { cluster: spec.cluster, instanceGroups: spec.instanceGroups };
  const bindings = refSites(documents).map(({ pointer, ref }) => ({
    pointer,
    output: ref.output,
    ...(ref.key !== undefined ? { key: ref.key } : {}),
    template: ref.template(),
  }));
  const data = mapRefs(documents, (ref) => ref.template()) as Pick<KopsArtifact, "cluster" | "instanceGroups">;
  return { ...data, bindings };
}
