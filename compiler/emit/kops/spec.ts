// The kops spec of a stack as typed objects, with OutputRefs where Terraform's values go: what
// the template (this emitter), the artifact (policies) and `stackc bind` are all made from.
import type { StackModel } from "../../model/model.js";
import { buildCluster } from "./cluster.js";
import { buildInstanceGroups } from "./instance-groups.js";
import type { KopsSpec } from "./types.js";

export function buildKopsSpec(model: StackModel): KopsSpec {
  return { cluster: buildCluster(model), instanceGroups: buildInstanceGroups(model) };
}
