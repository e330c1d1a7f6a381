// The committed bundle (policies/bundle/) is up to date, reproducible, and its rule catalog says
// what the METADATA blocks say.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { importScript, runOpa } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

interface BuildModule {
  ENTRYPOINTS: string[];
  BUNDLE_FILES: string[];
  buildPolicies(o: { outDir: string; capabilities?: boolean }): Promise<{ files: string[] }>;
  checkBundle(): Promise<string[]>;
}
interface InputsModule {
  inputsDigest(root: string, opaVersion: string): string;
  bundleInputs(root: string): string[];
  regoFiles(root: string): { sources: string[]; tests: string[] };
}
interface MetadataModule {
  packageAnnotations(source: string, file?: string): { package: string; annotations?: Record<string, unknown> } | undefined;
  ruleFromAnnotations(pkg: string, a: Record<string, unknown>, file: string): Record<string, unknown>;
}

const build = await importScript<BuildModule>("scripts/policy/build.mjs");
const inputs = await importScript<InputsModule>("scripts/policy/inputs.mjs");
const metadata = await importScript<MetadataModule>("scripts/policy/metadata.mjs");
const { OPA_VERSION } = await importScript<{ OPA_VERSION: string }>("scripts/tools/opa.mjs");

test("inputs.sha256 matches the current sources (cheap staleness check, no opa needed)", () => {
  const committed = readFileSync(repoPath("policies", "bundle", "inputs.sha256"), "utf8");
  assert.is(inputs.inputsDigest(repoRoot, OPA_VERSION), committed, "policies/bundle is stale: run node scripts/policy/build.mjs");
});

test("the inputs are the non-test .rego files and capabilities.json, sorted", () => {
  const files = inputs.bundleInputs(repoRoot);
  assert.ok(files.includes("policies/main.rego"));
  assert.ok(files.includes("policies/capabilities.json"));
  assert.ok(files.every((f) => !f.endsWith("_test.rego") && !f.startsWith("policies/bundle/")));
  assert.equal(files, [...files].sort());
});

test("building twice gives byte-identical files, equal to the committed bundle", async () => {
  const a = mkdtempSync(path.join(os.tmpdir(), "stackc-build-a-"));
  const b = mkdtempSync(path.join(os.tmpdir(), "stackc-build-b-"));
  try {
    await build.buildPolicies({ outDir: a, capabilities: false });
    await build.buildPolicies({ outDir: b, capabilities: false });
    for (const name of build.BUNDLE_FILES) {
      const bytes = readFileSync(path.join(a, name));
      assert.ok(bytes.equals(readFileSync(path.join(b, name))), `${name} differs between two builds`);
      assert.ok(bytes.equals(readFileSync(repoPath("policies", "bundle", name))), `committed ${name} is stale`);
    }
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test("the bundle manifest lists the entrypoints in order", () => {
  const manifest = JSON.parse(readFileSync(repoPath("policies", "bundle", ".manifest"), "utf8")) as { wasm: { entrypoint: string }[]; rego_version: number };
  assert.equal(
    manifest.wasm.map((w) => w.entrypoint),
    build.ENTRYPOINTS,
  );
  assert.is(manifest.rego_version, 1);
});

test("rules.json carries what `opa inspect -a` reads from each check's METADATA", async () => {
  const rules = loadRules(repoPath("policies", "bundle"));
  assert.ok(rules.length >= 2);
  for (const rule of rules) {
    const r = await runOpa(["inspect", "-a", "-f", "json", rule.file]);
    assert.is(r.status, 0, r.stderr);
    const a = (JSON.parse(r.stdout) as { annotations: { annotations: Record<string, any> }[] }).annotations.find(
      (x) => x.annotations.scope === "package",
    )!.annotations;
    assert.is(rule.title, a.title);
    assert.is(rule.description, a.description);
    assert.is(rule.id, a.custom.id);
    assert.is(rule.severity, a.custom.severity);
    assert.is(rule.securitySeverity, a.custom.security_severity);
    assert.equal(rule.tags, a.custom.tags);
    assert.is(rule.remediation, a.custom.remediation);
    assert.equal(rule.scanners, a.custom.scanners);
    assert.equal(rule.relatedResources, a.related_resources ?? []);
  }
  assert.equal(
    rules.map((r) => r.id),
    rules.map((r) => r.id).sort(),
  );
});

test("every check package has a Rego test file beside it", () => {
  const { sources, tests } = inputs.regoFiles(repoRoot);
  for (const rule of loadRules(repoPath("policies", "bundle"))) {
    assert.ok(sources.includes(rule.file), rule.file);
    assert.ok(tests.includes(rule.file.replace(/\.rego$/, "_test.rego")), `${rule.file} has no _test.rego`);
  }
});

const good = {
  title: "T",
  description: "D",
  custom: { id: "STK-NET-099", severity: "deny", tags: ["network"], remediation: "R", scanners: {} },
  line: 1,
};

test("METADATA validation: a well-formed block passes", () => {
  const rule = metadata.ruleFromAnnotations("stackc.checks.net.stk_net_099", good, "x.rego");
  assert.is(rule.id, "STK-NET-099");
});

test("METADATA validation: the conventions are enforced", () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ["stackc.checks.net.other", good, "must be stackc.checks.net.stk_net_099"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, severity: "error" } }, "custom.severity"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, remediation: undefined } }, "custom.remediation"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, security_severity: 9 } }, "security_severity"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, security_severity: "11.0" } }, "security_severity"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, scanners: { snyk: ["x"] } } }, "custom.scanners.snyk"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, severty: "deny" } }, "unknown keys severty"],
    ["stackc.checks.net.stk_net_099", { ...good, title: "" }, "title"],
    ["stackc.checks.net.stk_net_099", { ...good, custom: { ...good.custom, id: "NET-3" } }, "STK-AREA-NNN"],
  ];
  for (const [pkg, a, message] of bad) {
    assert.throws(() => metadata.ruleFromAnnotations(pkg, a, "x.rego"), (e: Error) => e.message.includes(message), message);
  }
});

test("METADATA parsing: only the block directly above `package` is the package's", () => {
  const src = "# METADATA\n# title: Pkg\n# custom:\n#   id: STK-A-001\npackage stackc.checks.a.stk_a_001\n\n# METADATA\n# title: rule\ndeny contains 1 if true\n";
  const parsed = metadata.packageAnnotations(src)!;
  assert.is(parsed.package, "stackc.checks.a.stk_a_001");
  assert.is(parsed.annotations!.title, "Pkg");
  assert.equal(metadata.packageAnnotations("package x.y\n"), { package: "x.y", annotations: undefined });
  assert.throws(() => metadata.packageAnnotations("# METADATA\n# title: [\npackage a\n", "bad.rego"), /bad.rego:1: METADATA is not valid YAML/);
});

test.run();
