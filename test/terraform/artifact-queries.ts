// Small readers over the Terraform emitter's artifact (compiler/emit/terraform/tf/artifact.ts),
// the same data policies read, so tests assert on what policies will see.
import { emitContext } from "../../compiler/emit/context.js";
import { type StackModel } from "../../compiler/index.js";
import { terraformEmitter } from "../../compiler/emit/terraform/emitter.js";
import type { ArtifactValue, InstanceArtifact, ModuleArtifact, ResourceArtifact, TerraformArtifact } from "../../compiler/emit/terraform/tf/artifact.js";

export function artifactOf(model: StackModel): TerraformArtifact {
  return terraformEmitter.emit(model, emitContext()).artifact as TerraformArtifact;
}

export function moduleOf(artifact: TerraformArtifact, dir: "terraform" | "terraform-bootstrap"): ModuleArtifact {
  const found = artifact.modules.find((m) => m.dir === dir);
  if (!found) throw new Error(`no module ${dir}`);
  return found;
}

export function resources(module: ModuleArtifact, type: string, mode: "managed" | "data" = "managed"): ResourceArtifact[] {
  return module.resources.filter((r) => r.type === type && r.mode === mode);
}

export function resourceAt(module: ModuleArtifact, address: string): ResourceArtifact {
  const found = module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`no ${address}`);
  return found;
}

/** Every instance of every resource of `type`. */
export function instances(module: ModuleArtifact, type: string, mode: "managed" | "data" = "managed"): InstanceArtifact[] {
  return resources(module, type, mode).flatMap((r) => r.instances);
}

export function instanceAt(module: ModuleArtifact, address: string): InstanceArtifact {
  for (const r of module.resources) for (const i of r.instances) if (i.address === address) return i;
  throw new Error(`no instance ${address}`);
}

/** The instance address a `{ $ref }` value points at, or undefined for a literal. */
export function refAddress(value: ArtifactValue | undefined): string | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.address === "string") return value.address;
  return undefined;
}

/** The first block of a nested block type. */
export function firstBlock(value: ArtifactValue | undefined): { [key: string]: ArtifactValue } {
  if (!Array.isArray(value) || value.length === 0) throw new Error("no nested block");
  const first = value[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) throw new Error("not a block");
  return first;
}

/** The resource of `type` attached (via its `bucket` argument) to the bucket at `bucketAddress`. */
export function attachedTo(module: ModuleArtifact, type: string, bucketAddress: string): InstanceArtifact[] {
  return instances(module, type).filter((i) => refAddress(i.attributes.bucket) === bucketAddress);
}
