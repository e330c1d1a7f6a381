// `stackc explain <id>`: what a policy rule or a diagnostic code means, why it matters, how to
// fix it and which other scanners check the same. Catalog rules come from rules.json (their
// METADATA), other codes from the code registry. Pure: data in, text out.
import type { CodeInfo } from "../../diagnostics/codes.js";
import { type KubernetesFacts, kubernetesFacts, kubernetesFactsSource } from "./kubernetes-versions.js";
import type { RuleMeta } from "./rules.js";

export interface Explanation {
  id: string;
  kind: "policy" | "diagnostic";
  title: string;
  /** deny | warn | deny(prod) | warn(prod) for policies; error | warning | info for codes. */
  severity: string;
  /** Why it matters. */
  rationale: string;
  /** What to do. */
  fix?: string;
  securitySeverity?: string;
  tags: string[];
  scanners: Record<string, string[]>;
  references: { ref: string; description?: string }[];
  /** Extra facts (the supported Kubernetes window for STK-K8S-004). */
  notes: string[];
  source?: string;
}

export function findExplanation(
  id: string,
  rules: readonly RuleMeta[],
  codes: ReadonlyMap<string, CodeInfo>,
  kubernetes: KubernetesFacts = kubernetesFacts,
): Explanation | undefined {
  const key = id.trim().toUpperCase();
  const rule = rules.find((r) => r.id === key);
  if (rule) {
    const e: Explanation = {
      id: rule.id,
      kind: "policy",
      title: rule.title,
      severity: rule.severity,
      rationale: rule.description,
      fix: rule.remediation,
      tags: [...rule.tags],
      scanners: rule.scanners,
      references: rule.relatedResources,
      notes: rule.id === "STK-K8S-004" ? kubernetesNotes(kubernetes) : [],
      source: rule.file,
    };
    if (rule.securitySeverity !== undefined) e.securitySeverity = rule.securitySeverity;
    return e;
  }
  const info = codes.get(key);
  if (!info) return undefined;
  return { id: info.code, kind: "diagnostic", title: info.title, severity: info.severity, rationale: info.help, tags: [], scanners: {}, references: [], notes: [] };
}

function kubernetesNotes(k: KubernetesFacts): string[] {
  return [
    `Supported with kops ${k.kops}: ${k.min} <= version < ${k.max}; below ${k.recommendedMin} kops warns it is deprecated.`,
    `End of life (warned ${k.eolWarningDays} days ahead): ${Object.entries(k.endOfLife)
      .map(([minor, date]) => `${minor} ${date}`)
      .join(", ")}.`,
    `Source: ${kubernetesFactsSource}.`,
  ];
}

const severityWords: Readonly<Record<string, string>> = {
  deny: "deny (fails the gate)",
  warn: "warn (reported; fails only with --fail-on warn)",
  "deny(prod)": "deny in prod, warn elsewhere",
  "warn(prod)": "warn in prod, not reported elsewhere",
  error: "error",
  warning: "warning",
  info: "info",
};

const scannerNames: Readonly<Record<string, string>> = { checkov: "Checkov", trivy: "Trivy", kics: "KICS", polaris: "Polaris" };

/** Word-wrapped at 100 columns, indented by two spaces. */
function paragraph(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line !== "" && line.length + 1 + w.length > 98) {
      lines.push(line);
      line = w;
    } else {
      line = line === "" ? w : `${line} ${w}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => `  ${l}`).join("\n");
}

export function explainText(e: Explanation): string {
  const out = [`${e.id}: ${e.title}`, "", `Severity: ${severityWords[e.severity] ?? e.severity}${e.securitySeverity ? ` (security severity ${e.securitySeverity})` : ""}`];
  if (e.tags.length > 0) out.push(`Tags: ${e.tags.join(", ")}`);
  out.push("", e.kind === "policy" ? "Why:" : "What it means:", paragraph(e.rationale));
  if (e.fix) out.push("", "How to fix:", paragraph(e.fix));
  for (const note of e.notes) out.push("", paragraph(note));
  const scanners = Object.entries(e.scanners).filter(([, ids]) => ids.length > 0);
  if (e.kind === "policy") {
    out.push("", "Equivalent checks:");
    if (scanners.length === 0) out.push("  none (a kops/Helm intent other scanners do not check)");
    for (const [name, ids] of scanners) out.push(`  ${scannerNames[name] ?? name}: ${ids.join(", ")}`);
  }
  if (e.references.length > 0) {
    out.push("", "References:");
    for (const r of e.references) out.push(`  ${r.description ? `${r.description}: ` : ""}${r.ref}`);
  }
  if (e.kind === "policy") out.push("", `Waive it for one stack: spec.policy.waivers: [{ rule: ${e.id}, reason: "…", expires: YYYY-MM-DD }]`);
  if (e.source) out.push(`Policy source: ${e.source}`);
  return `${out.join("\n")}\n`;
}

export function explainJson(e: Explanation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
