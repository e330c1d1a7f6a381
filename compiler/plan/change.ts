// A change is data, like a diagnostic: what moves from the baseline to the new build, how much
// it hurts a running cluster, a stable code, the reason, and the manifest line behind it.
// Text, json and markdown plans are reporters over the same list.
import type { Range } from "../diagnostics/diagnostic.js";

export type ChangeClass = "safe" | "disruptive" | "destructive";
export type ChangeTool = "stack" | "terraform" | "kops" | "helm";

export interface Change {
  class: ChangeClass;
  /** Stable id, e.g. CHG-TF-REPLACE (see changeCodes). */
  code: string;
  tool: ChangeTool;
  /** What changes: a Terraform address (with its module folder), an instance group, a release, a zone. */
  target: string;
  /** One sentence: what happens and why. */
  reason: string;
  /** JSON Pointer into the manifest of the setting that causes it. */
  pointer: string;
  file?: string;
  range?: Range;
  /** Values before and after, when the change is one value. */
  from?: string;
  to?: string;
  /** Instance groups whose instances this change replaces (a kops rolling update). */
  rolls?: string[];
}

/** Every change code, with the class it has unless the change says otherwise. */
export const changeCodes: Readonly<Record<string, { title: string }>> = {
  "CHG-STACK-RETIRE": { title: "Stack retired (its manifest is gone)" },
  "CHG-ZONE-ADD": { title: "Availability zone added" },
  "CHG-ZONE-REMOVE": { title: "Availability zone removed" },
  "CHG-K8S-PATCH": { title: "Kubernetes patch upgrade" },
  "CHG-K8S-MINOR": { title: "Kubernetes minor upgrade" },
  "CHG-K8S-DOWNGRADE": { title: "Kubernetes downgrade" },
  "CHG-ETCD-ADD": { title: "etcd member added" },
  "CHG-ETCD-REMOVE": { title: "etcd member removed or moved" },
  "CHG-TF-CREATE": { title: "Terraform resource created" },
  "CHG-TF-UPDATE": { title: "Terraform resource updated in place" },
  "CHG-TF-REPLACE": { title: "Terraform resource replaced" },
  "CHG-TF-DELETE": { title: "Terraform resource deleted" },
  "CHG-KOPS-CLUSTER": { title: "kops Cluster field changed" },
  "CHG-KOPS-IG-CREATE": { title: "Instance group added" },
  "CHG-KOPS-IG-DELETE": { title: "Instance group removed" },
  "CHG-KOPS-IG-RESIZE": { title: "Instance group resized" },
  "CHG-KOPS-IG-ZONES": { title: "Instance group zones changed" },
  "CHG-KOPS-IG-ROLL": { title: "Instance group rolled" },
  "CHG-HELM-INSTALL": { title: "Release installed" },
  "CHG-HELM-UNINSTALL": { title: "Release uninstalled" },
  "CHG-HELM-ORPHAN": { title: "Release dropped from the helmfile (left running, unmanaged)" },
  "CHG-HELM-FORGET": { title: "Uninstalled release entry removed" },
  "CHG-HELM-PATCH": { title: "Chart patch upgrade" },
  "CHG-HELM-MINOR": { title: "Chart minor upgrade" },
  "CHG-HELM-MAJOR": { title: "Chart major upgrade" },
  "CHG-HELM-DOWNGRADE": { title: "Chart downgrade" },
  "CHG-HELM-VERSION": { title: "Chart version changed (not semver)" },
  "CHG-HELM-CHART": { title: "Release's chart changed" },
  "CHG-HELM-VALUES": { title: "Release values changed" },
};

const classOrder: Record<ChangeClass, number> = { destructive: 0, disruptive: 1, safe: 2 };
const toolOrder: Record<ChangeTool, number> = { stack: 0, terraform: 1, kops: 2, helm: 3 };

/** Within a tool, what drives the rest comes first: the Kubernetes version, then etcd. */
function rank(c: Change): number {
  return c.code.startsWith("CHG-K8S-") ? 0 : c.code.startsWith("CHG-ETCD-") ? 1 : 2;
}

/** Plan order: by tool (the order they are applied in), then rank, target, code. */
export function compareChanges(a: Change, b: Change): number {
  return toolOrder[a.tool] - toolOrder[b.tool] || rank(a) - rank(b) || cmp(a.target, b.target) || cmp(a.code, b.code);
}

export function worstClass(changes: readonly Change[]): ChangeClass | undefined {
  let worst: ChangeClass | undefined;
  for (const c of changes) if (worst === undefined || classOrder[c.class] < classOrder[worst]) worst = c.class;
  return worst;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
