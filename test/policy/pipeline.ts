// Runs a fixture folder through the real pipeline as `stackc check` does: load, validate,
// normalize, every registered emitter, then the policy stage with a fixed clock. A fixture may
// hold tamper.json, {"<emitter id>": {"remove": ["<resource address>", …]}}, which drops
// Terraform resources from that emitter's artifact, and `"set": [{"address", "path", "value"}]`,
// which replaces one attribute (path into the first instance's attributes) of a resource: the
// only way to exercise the checks a manifest cannot violate (versioning, public access blocks,
// a state bucket left on SSE-S3), on an otherwise real artifact.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { compile, type CompileResult } from "../../compiler/compile/compile.js";
import type { Emitter } from "../../compiler/emit/emitter.js";
import { emitters } from "../../compiler/emit/registry.js";
import { createPolicyStage, type CatalogPolicyStage } from "../../compiler/policy/stage.js";
import type { UserPolicy } from "../../compiler/policy/user/user-policies.js";
import { repoPath } from "../helpers/repo.js";

/** The day every policy test runs on. */
export const NOW = new Date("2026-11-21T12:00:00Z");

export const bundleDir = repoPath("policies", "bundle");

let shared: CatalogPolicyStage | undefined;

export function policyStage(extraPolicies: readonly UserPolicy[] = []): CatalogPolicyStage {
  if (extraPolicies.length > 0) return createPolicyStage({ now: NOW, bundleDir, extraPolicies });
  return (shared ??= createPolicyStage({ now: NOW, bundleDir }));
}

export interface Tamper {
  [emitter: string]: { remove?: string[]; set?: { address: string; path: (string | number)[]; value: unknown }[] } | undefined;
}

interface TerraformLike {
  modules: { resources: { address: string; instances: { attributes: Record<string, unknown> }[] }[] }[];
}

function setAttribute(artifact: TerraformLike, change: { address: string; path: (string | number)[]; value: unknown }): void {
  const resource = artifact.modules.flatMap((m) => m.resources).find((r) => r.address === change.address);
  if (!resource) throw new Error(`tamper.json: ${change.address} is not in the artifact`);
  let node: unknown = resource.instances[0]?.attributes;
  for (const key of change.path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[key];
  const last = change.path[change.path.length - 1];
  if (node === null || typeof node !== "object" || last === undefined || !(last in node)) {
    throw new Error(`tamper.json: ${change.address} has no attribute ${change.path.join(".")}`);
  }
  (node as Record<string | number, unknown>)[last] = change.value;
}

export function tampered(tamper: Tamper): Emitter[] {
  return emitters.map((e) => {
    const remove = new Set(tamper[e.id]?.remove ?? []);
    const set = tamper[e.id]?.set ?? [];
    if (remove.size === 0 && set.length === 0) return e;
    return {
      ...e,
      emit(model, context) {
        const out = e.emit(model, context);
        const artifact = structuredClone(out.artifact) as TerraformLike;
        let removed = 0;
        for (const m of artifact.modules) {
          const before = m.resources.length;
          m.resources = m.resources.filter((r) => !remove.has(r.address));
          removed += before - m.resources.length;
        }
        if (removed !== remove.size) throw new Error(`tamper.json: ${[...remove].join(", ")} not all in the ${e.id} artifact`);
        for (const change of set) setAttribute(artifact, change);
        return { ...out, artifact };
      },
    };
  });
}

export async function checkFolder(dir: string, extraPolicies: readonly UserPolicy[] = []): Promise<CompileResult> {
  const tamperFile = path.join(dir, "tamper.json");
  const tamper = existsSync(tamperFile) ? (JSON.parse(readFileSync(tamperFile, "utf8")) as Tamper) : {};
  return compile(["stack.yaml"], { cwd: dir, emit: true, emitters: tampered(tamper), policy: policyStage(extraPolicies) });
}
