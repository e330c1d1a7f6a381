// Findings → diagnostics: severity, code, location through the caller's `locate`, messages
// formatted in TypeScript per rule, hint/docs from the catalog.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Range } from "../../compiler/diagnostics/diagnostic.js";
import { type Locate, resultsToDiagnostics } from "../../compiler/policy/catalog/diagnostics.js";
import { createPolicyEngine } from "../../compiler/policy/engine/evaluate.js";
import { formatPolicyMessage, policyMessages } from "../../compiler/policy/catalog/messages.js";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { repoPath } from "../helpers/repo.js";
import { inputWith } from "./fixtures.js";

const rules = loadRules(repoPath("policies", "bundle"));
const range = (line: number, column: number, length: number): Range => ({
  start: { line, column, offset: line * 100 + column },
  end: { line, column: column + length, offset: line * 100 + column + length },
});

// A stand-in for the loader's source map: knows two paths, falls back to an ancestor for one.
const locate: Locate = (path) => {
  const p = path.join("/");
  if (p === "spec/cluster/api/access/1") return { file: "stacks/prod.yaml", range: range(14, 29, 11), pointer: "/spec/cluster/api/access/1" };
  if (p === "spec/charts/0/version") return { file: "stacks/base.yaml", range: range(40, 7, 6), pointer: "/spec/charts/0" };
  return undefined;
};

test("deny → error, warn → warning, located by the caller, with the rule's hint and docs", () => {
  const diagnostics = resultsToDiagnostics(
    {
      deny: [{ id: "STK-NET-003", path: ["spec", "cluster", "api", "access", 1], data: { cidr: "0.0.0.0/0", family: "ipv4" } }],
      warn: [{ id: "STK-HELM-001", path: ["spec", "charts", 0, "version"], data: { release: "my-app", source: "charts", version: "latest", reason: "keyword" } }],
    },
    rules,
    locate,
  );
  assert.equal(diagnostics, [
    {
      code: "STK-NET-003",
      severity: "error",
      message: "spec.cluster.api.access[1] is 0.0.0.0/0, which opens the Kubernetes API to every IPv4 address",
      file: "stacks/prod.yaml",
      range: range(14, 29, 11),
      pointer: "/spec/cluster/api/access/1",
      hint: rules.find((r) => r.id === "STK-NET-003")!.remediation,
      docs: "https://kops.sigs.k8s.io/cluster_spec/#kubernetesapiaccess",
      data: { cidr: "0.0.0.0/0", family: "ipv4" },
    },
    {
      code: "STK-HELM-001",
      severity: "warning",
      message: 'Chart release "my-app" version "latest" is a moving tag, not an exact version',
      // the value came from a base file; locate answered with an ancestor's pointer
      file: "stacks/base.yaml",
      range: range(40, 7, 6),
      pointer: "/spec/charts/0",
      hint: rules.find((r) => r.id === "STK-HELM-001")!.remediation,
      docs: "https://helm.sh/docs/topics/charts/#charts-and-versioning",
      data: { release: "my-app", source: "charts", version: "latest", reason: "keyword" },
    },
  ]);
});

test("without a location the pointer still names the path (escaped per RFC 6901)", () => {
  const [d] = resultsToDiagnostics({ deny: [{ id: "STK-NET-003", path: ["spec", "a/b~c", 0], data: { cidr: "::/0", family: "ipv6" } }], warn: [] }, rules, locate);
  assert.is(d!.file, undefined);
  assert.is(d!.range, undefined);
  assert.is(d!.pointer, "/spec/a~1b~0c/0");
  assert.match(d!.message, /every IPv6 address$/);
});

test("an id outside the catalog still becomes a diagnostic, worded from the path", () => {
  const [d] = resultsToDiagnostics({ deny: [{ id: "STK-X-999", path: ["spec", "x"], data: {} }], warn: [] }, rules, locate);
  assert.equal(d, { code: "STK-X-999", severity: "error", message: "Policy STK-X-999 failed at spec.x", pointer: "/spec/x", data: {} });
});

test("every catalog rule has a message formatter, and every formatter a catalog rule", () => {
  assert.equal(Object.keys(policyMessages).sort(), rules.map((r) => r.id).sort());
});

test("STK-HELM-001 messages, one per reason", () => {
  const msg = (data: Record<string, unknown>) => formatPolicyMessage({ id: "STK-HELM-001", path: ["spec", "charts", 0, "version"], data });
  const chart = { release: "my-app", source: "charts" };
  const table: [Record<string, unknown>, string][] = [
    [{ ...chart, reason: "missing" }, 'Chart release "my-app" has no version'],
    [{ ...chart, reason: "not-a-string", version: 1.2 }, 'Chart release "my-app" version 1.2 is a number, not a string'],
    [{ ...chart, reason: "not-a-string", version: null }, 'Chart release "my-app" version is null, not a string'],
    [{ ...chart, reason: "not-a-string", version: ["1.2.3"] }, 'Chart release "my-app" version ["1.2.3"] is a list, not a string'],
    [{ ...chart, reason: "empty", version: "" }, 'Chart release "my-app" has an empty version'],
    [{ ...chart, reason: "whitespace", version: "1.2.3\n" }, 'Chart release "my-app" version "1.2.3\\n" has surrounding whitespace'],
    [{ ...chart, reason: "range", version: "^1.2.0" }, 'Chart release "my-app" version "^1.2.0" is a range, not an exact version'],
    [{ ...chart, reason: "keyword", version: "latest" }, 'Chart release "my-app" version "latest" is a moving tag, not an exact version'],
    [{ ...chart, reason: "partial", version: "1.2" }, 'Chart release "my-app" version "1.2" is partial, so Helm resolves it like a range'],
    [{ ...chart, reason: "invalid", version: "01.2.3" }, 'Chart release "my-app" version "01.2.3" is not a valid semantic version'],
    [{ release: "certManager", source: "addons", reason: "range", version: "~1.2" }, 'Add-on "certManager" version "~1.2" is a range, not an exact version'],
  ];
  for (const [data, expected] of table) assert.is(msg(data), expected);
});

test("every reason the Rego can return has a message of its own", () => {
  // The reasons in the Rego source, so a new one without wording fails here.
  const engine = createPolicyEngine({ bundleDir: repoPath("policies", "bundle") });
  const versions: unknown[] = ["", "latest", "^1", "1.2", "01.2.3", " 1.2.3", 1.2];
  const reasons = new Set<string>();
  for (const version of versions) {
    for (const f of engine.evaluate(inputWith((s) => (s.spec.charts[0].version = version))).deny) reasons.add(String(f.data.reason));
  }
  for (const f of engine.evaluate(inputWith((s) => delete s.spec.charts[0].version)).deny) reasons.add(String(f.data.reason));
  assert.equal([...reasons].sort(), ["empty", "invalid", "keyword", "missing", "not-a-string", "partial", "range", "whitespace"]);
  const generic = formatPolicyMessage({ id: "STK-HELM-001", path: [], data: { release: "a", version: "x", reason: "no-such-reason" } });
  for (const reason of reasons) {
    const m = formatPolicyMessage({ id: "STK-HELM-001", path: [], data: { release: "a", version: "x", reason } });
    if (reason !== "invalid") assert.is.not(m, generic, reason);
  }
});

test.run();
