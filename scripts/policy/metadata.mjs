// Parses the package-scoped `# METADATA` blocks of the check packages into the rule catalog
// (policies/bundle/rules.json). Done here, at build time, with the yaml package rather than by
// returning rego.metadata.chain() from wasm: the catalog is needed without evaluating anything
// (stackc explain, SARIF rules, docs), and it keeps the wasm free of documentation strings.
// test/policy cross-checks the result against `opa inspect -a`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const SEVERITIES = ["deny", "warn", "deny(prod)", "warn(prod)"];
const SCANNERS = ["checkov", "trivy", "kics", "polaris"];
const ID = /^STK-([A-Z0-9]+)-(\d{3})$/;

/**
 * The package-scoped METADATA block of one .rego source, or undefined when it has none.
 * A block is `# METADATA` followed by comment lines, directly above `package …`.
 */
export function packageAnnotations(source, file = "<source>") {
  const lines = source.split(/\r?\n/);
  let pkg;
  let annotations;
  for (let i = 0; i < lines.length; i++) {
    if (!/^#\s*METADATA\s*$/.test(lines[i] ?? "")) continue;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] ?? "").startsWith("#"); j++) body.push((lines[j] ?? "").replace(/^# ?/, ""));
    const next = /^package\s+([\w.]+)\s*$/.exec(lines[j] ?? "");
    if (!next) continue; // a rule-scoped block: not catalog data
    let yaml;
    try {
      yaml = parse(body.join("\n"), { uniqueKeys: true, prettyErrors: true }) ?? {};
    } catch (err) {
      throw new Error(`${file}:${i + 1}: METADATA is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof yaml !== "object" || Array.isArray(yaml)) throw new Error(`${file}:${i + 1}: METADATA must be a YAML mapping`);
    pkg = next[1];
    annotations = { ...yaml, line: i + 1 };
    break;
  }
  if (!pkg) {
    const m = /^package\s+([\w.]+)\s*$/m.exec(source);
    return m ? { package: m[1], annotations: undefined } : undefined;
  }
  return { package: pkg, annotations };
}

/** One catalog entry from a check package, validated against the conventions in policies/README.md. */
export function ruleFromAnnotations(pkg, a, file) {
  const where = `${file}:${a.line}`;
  const fail = (msg) => {
    throw new Error(`${where}: ${msg}`);
  };
  const str = (v, name) => (typeof v === "string" && v.trim() !== "" ? v.trim() : fail(`${name} must be a non-empty string`));
  const strings = (v, name) =>
    Array.isArray(v) && v.every((x) => typeof x === "string" && x !== "") ? [...v] : fail(`${name} must be a list of strings`);

  if (a.scope !== undefined && a.scope !== "package") fail(`scope must be package (found ${a.scope})`);
  const custom = a.custom ?? fail("custom is missing");
  const id = str(custom.id, "custom.id");
  const m = ID.exec(id) ?? fail(`custom.id ${id} does not look like STK-AREA-NNN`);
  const expected = `stackc.checks.${m[1].toLowerCase()}.stk_${m[1].toLowerCase()}_${m[2]}`;
  if (pkg !== expected) fail(`package ${pkg} must be ${expected} for ${id}`);
  const severity = str(custom.severity, "custom.severity");
  if (!SEVERITIES.includes(severity)) fail(`custom.severity must be one of ${SEVERITIES.join(", ")}`);

  const rule = {
    id,
    title: str(a.title, "title"),
    description: str(a.description, "description"),
    severity,
  };
  if (custom.security_severity !== undefined) {
    const s = str(custom.security_severity, "custom.security_severity");
    const n = Number(s);
    if (!/^\d{1,2}\.\d$/.test(s) || n < 0.1 || n > 10) fail(`custom.security_severity must be a quoted "0.1".."10.0"`);
    rule.securitySeverity = s;
  }
  rule.tags = strings(custom.tags ?? fail("custom.tags is missing"), "custom.tags");
  if (rule.tags.length > 20) fail("custom.tags: at most 20 (GitHub code scanning limit)");
  rule.remediation = str(custom.remediation, "custom.remediation");
  const scanners = custom.scanners ?? fail("custom.scanners is missing (use {} when there is no equivalent)");
  if (typeof scanners !== "object" || Array.isArray(scanners)) fail("custom.scanners must be a mapping");
  rule.scanners = {};
  for (const key of Object.keys(scanners).sort()) {
    if (!SCANNERS.includes(key)) fail(`custom.scanners.${key}: expected one of ${SCANNERS.join(", ")}`);
    rule.scanners[key] = strings(scanners[key], `custom.scanners.${key}`);
  }
  const unknown = Object.keys(custom).filter(
    (k) => !["id", "severity", "security_severity", "tags", "remediation", "scanners"].includes(k),
  );
  if (unknown.length > 0) fail(`custom: unknown keys ${unknown.join(", ")}`);
  rule.relatedResources = (a.related_resources ?? []).map((r, i) => {
    if (!r || typeof r.ref !== "string") fail(`related_resources[${i}].ref must be a URL`);
    return r.description === undefined ? { ref: r.ref } : { ref: r.ref, description: str(r.description, "description") };
  });
  rule.package = pkg;
  rule.file = file;
  return rule;
}

/**
 * The catalog for a list of repository-relative .rego paths (non-test sources): one entry per
 * package under stackc.checks, sorted by id. Packages elsewhere (stackc.main, stackc.lib.*) are
 * infrastructure and carry no id.
 */
export function buildCatalog(root, files) {
  const rules = [];
  const seen = new Map();
  for (const file of files) {
    const parsed = packageAnnotations(readFileSync(path.join(root, file), "utf8"), file);
    if (!parsed || !parsed.package.startsWith("stackc.checks.")) continue;
    if (!parsed.annotations) throw new Error(`${file}: check package ${parsed.package} has no METADATA block`);
    const rule = ruleFromAnnotations(parsed.package, parsed.annotations, file);
    if (seen.has(rule.id)) throw new Error(`${file}: ${rule.id} is already defined in ${seen.get(rule.id)}`);
    seen.set(rule.id, file);
    rules.push(rule);
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function serializeCatalog(rules) {
  return JSON.stringify(rules, null, 2) + "\n";
}
