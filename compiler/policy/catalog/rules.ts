// The policy rule catalog: one entry per check package, parsed from its `# METADATA` block by
// scripts/policy/build.mjs into policies/bundle/rules.json. `stackc explain`, the SARIF rule list
// and the docs read it from here; nothing evaluates wasm to get it.
import path from "node:path";
import { cachedRead } from "../../assets/assets.js";
import type { Io } from "../../io/io.js";
import { nodeIo } from "../../io/node-io.js";
import { defaultBundleDir } from "../engine/bundle.js";
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

/** The catalog, sorted by id (as written by the build). Read once per Io and folder. */
export function loadRules(bundleDir: string = defaultBundleDir(), io: Io = nodeIo): readonly RuleMeta[] {
  const file = path.join(path.resolve(bundleDir), "rules.json");
  return cachedRead(io, `rules:${file}`, () => readRules(file, io));
}

function readRules(file: string, io: Io): readonly RuleMeta[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(io.readTextSync(file));
  } catch (err) {
    throw new PolicyError(`cannot read the rule catalog ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isRuleMeta)) {
    throw new PolicyError(`${file} is not a rule catalog (rebuild it with node scripts/policy/build.mjs)`);
  }
  return Object.freeze(parsed.map((r) => Object.freeze(r)));
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
