// The policy rule catalog: one entry per check package, parsed from its `# METADATA` block by
// scripts/policy/build.mjs into policies/bundle/rules.json. `stackc explain`, the SARIF rule list
// and the docs read it from here; nothing evaluates wasm to get it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { packagePath } from "../../util/package-root.js";
import { PolicyError } from "../engine/errors.js";

/** deny fails the gate; warn reports; "(prod)": that severity in prod, the next lower one elsewhere. */
export type RuleSeverity = "deny" | "warn" | "deny(prod)" | "warn(prod)";

export interface RuleMeta {
  /** Stable id, e.g. "STK-NET-003"; also the Diagnostic code of its findings. */
  id: string;
  title: string;
  description: string;
  severity: RuleSeverity;
  /** GitHub code scanning security severity, "0.1".."10.0"; only security rules have one. */
  securitySeverity?: string;
  tags: string[];
  /** What to do about a finding (becomes the diagnostic's hint). */
  remediation: string;
  /** Equivalent checks in other scanners, by scanner: checkov, trivy, kics, polaris. */
  scanners: Record<string, string[]>;
  relatedResources: { ref: string; description?: string }[];
  /** Rego package, e.g. "stackc.checks.net.stk_net_003". */
  package: string;
  /** Repository-relative source file. */
  file: string;
}

/** The bundle folder shipped with stackc (policies/bundle, beside dist/). */
export function defaultBundleDir(): string {
  return packagePath("policies", "bundle");
}

const cache = new Map<string, readonly RuleMeta[]>();

/** The catalog, sorted by id (as written by the build). Cached per folder. */
export function loadRules(bundleDir: string = defaultBundleDir()): readonly RuleMeta[] {
  const file = path.join(bundleDir, "rules.json");
  const cached = cache.get(file);
  if (cached) return cached;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new PolicyError(`cannot read the rule catalog ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isRuleMeta)) {
    throw new PolicyError(`${file} is not a rule catalog (rebuild it with node scripts/policy/build.mjs)`);
  }
  const rules = Object.freeze(parsed.map((r) => Object.freeze(r)));
  cache.set(file, rules);
  return rules;
}

/** Look a rule up by id. */
export function findRule(rules: readonly RuleMeta[], id: string): RuleMeta | undefined {
  return rules.find((r) => r.id === id);
}

function isRuleMeta(value: unknown): value is RuleMeta {
  const r = value as Partial<RuleMeta> | null;
  return (
    r !== null &&
    typeof r === "object" &&
    typeof r.id === "string" &&
    typeof r.title === "string" &&
    typeof r.description === "string" &&
    (r.severity === "deny" || r.severity === "warn" || r.severity === "deny(prod)" || r.severity === "warn(prod)") &&
    (r.securitySeverity === undefined || typeof r.securitySeverity === "string") &&
    Array.isArray(r.tags) &&
    typeof r.remediation === "string" &&
    typeof r.scanners === "object" &&
    Array.isArray(r.relatedResources) &&
    typeof r.package === "string" &&
    typeof r.file === "string"
  );
}
