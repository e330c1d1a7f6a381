// What `down` destroys in the stack's Terraform root module, and what it keeps.
//
// Kept: every S3 bucket of the stack with everything that protects it (versioning, encryption,
// public access block, bucket policy, lifecycle, logging, replication and its replica), the KMS
// key its objects are encrypted with (and the key's alias), and a public hosted zone. Why:
//   - the kops state store holds etcd-manager's backups and the Velero bucket the final backup
//     `down` just took — they are how the cluster comes back;
//   - the log buckets are audit evidence, and stackc never sets `force_destroy`, so Terraform could
//     not delete a bucket that holds objects (or old versions) anyway: destroy would fail half-way;
//   - destroying the key would make every kept object unreadable after its deletion window;
//   - a public zone re-created gets new name servers, breaking the parent zone's delegation.
// (The Terraform state bucket is in terraform-bootstrap/, a separate root `down` never touches.)
//
// Terraform has no "destroy all but" — `prevent_destroy` would make a plain destroy fail, not skip,
// and `terraform state rm` would orphan the buckets so the next `up` could not create them. So
// `down` destroys the other resources by name (`-target`). Destroying a target also destroys what
// depends on it, so the kept set is closed over dependencies: whatever a kept resource refers to
// (directly, through a data source, or by depends_on) is kept too, and no target can take a kept
// resource with it. The kept resources stay in the state, so the next `up` finds them unchanged.
import type { StackModel } from "../../model/model.js";
import { terraformArtifact, TERRAFORM_DIR } from "../terraform/emitter.js";
import type { ArtifactValue, ModuleArtifact } from "../terraform/tf/artifact.js";

export interface TeardownPlan {
  /** Addresses `terraform destroy -target` names, in the module's file and source order. */
  destroy: string[];
  /** Addresses of the managed resources left in place. */
  keep: string[];
}

const cache = new WeakMap<StackModel, TeardownPlan>();

export function teardownPlan(model: StackModel): TeardownPlan {
  let plan = cache.get(model);
  if (!plan) {
    const root = terraformArtifact(model).modules.find((m) => m.dir === TERRAFORM_DIR);
    if (!root) throw new Error("the stack has no Terraform root module");
    plan = planFor(root, model.stack.spec.dns.type === "public");
    cache.set(model, plan);
  }
  return plan;
}

export function planFor(module: ModuleArtifact, keepZone: boolean): TeardownPlan {
  const byAddress = new Map(module.resources.map((r) => [r.address, r]));
  // references are collected only for the resources the walk reaches (the kept ones and what they
  // use): the add-ons' large IAM documents and the network are never scanned
  const refsCache = new Map<string, Set<string>>();
  const refs = (address: string): Set<string> => {
    let to = refsCache.get(address);
    if (to) return to;
    to = new Set<string>();
    const r = byAddress.get(address);
    if (r) {
      for (const d of r.dependsOn) to.add(resourceAddress(d));
      for (const instance of r.instances) collectRefs(instance.attributes, to);
      if (r.forEach) collectRefs(r.forEach.expression, to);
      to.delete(r.address);
    }
    refsCache.set(address, to);
    return to;
  };
  const kept = new Set<string>();
  const visit = (address: string) => {
    if (kept.has(address)) return;
    kept.add(address);
    for (const next of refs(address)) visit(next);
  };
  for (const r of module.resources) {
    if (r.mode !== "managed") continue;
    if (r.meta.bucketRole !== undefined || (keepZone && r.type === "aws_route53_zone")) visit(r.address);
  }
  // the alias of a kept key stays with it (people find the key by its alias)
  for (const r of module.resources) {
    if (r.type === "aws_kms_alias" && [...refs(r.address)].every((a) => kept.has(a))) kept.add(r.address);
  }
  const managed = module.resources.filter((r) => r.mode === "managed");
  return {
    destroy: managed.filter((r) => !kept.has(r.address)).map((r) => r.address),
    keep: managed.filter((r) => kept.has(r.address)).map((r) => r.address),
  };
}

const RAW_REF = /\b((?:data\.)?aws_[a-z0-9_]+\.[a-z0-9_]+)/g;

/** `aws_subnet.private["a"]` → `aws_subnet.private`; `data.x.y` stays. */
function resourceAddress(address: string): string {
  return address.replace(/\[.*$/, "");
}

function collectRefs(value: ArtifactValue | undefined, into: Set<string>): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
    return;
  }
  if (typeof value.address === "string") into.add(resourceAddress(value.address));
  // a raw expression (`toset(...)`, a `for`) names what it uses in its text
  if (typeof value.$expr === "string") for (const m of value.$expr.matchAll(RAW_REF)) into.add(m[1]!);
  for (const [key, entry] of Object.entries(value)) if (key !== "address") collectRefs(entry, into);
}
