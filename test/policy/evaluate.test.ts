// The committed wasm bundle, evaluated in-process, finds what the Rego says it should — and
// exactly what OPA's interpreter finds for the same inputs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBundle } from "../../compiler/policy/engine/bundle.js";
import { type PolicyResults, createPolicyEngine, evaluatePolicies, parseFindings } from "../../compiler/policy/engine/evaluate.js";
import { PolicyError } from "../../compiler/policy/engine/errors.js";
import { importScript, opaEval } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";
import { inputWith } from "./fixtures.js";

const engine = createPolicyEngine({ bundleDir: repoPath("policies", "bundle") });

type Case = [name: string, edit: (s: Record<string, any>) => void, expected: [id: string, path: (string | number)[]][]];

const cases: Case[] = [
  ["clean stack", () => {}, []],
  ["API open to 0.0.0.0/0", (s) => s.spec.cluster.api.access.push("0.0.0.0/0"), [["STK-NET-003", ["spec", "cluster", "api", "access", 2]]]],
  ["API open to ::/0", (s) => (s.spec.cluster.api.access = ["::/0"]), [["STK-NET-003", ["spec", "cluster", "api", "access", 0]]]],
  ["any /0", (s) => (s.spec.cluster.api.access = ["10.0.0.0/8", "1.2.3.4/0"]), [["STK-NET-003", ["spec", "cluster", "api", "access", 1]]]],
  ["chart version latest", (s) => (s.spec.charts[1].version = "latest"), [["STK-HELM-001", ["spec", "charts", 1, "version"]]]],
  ["chart version range", (s) => (s.spec.charts[0].version = "^1.2.0"), [["STK-HELM-001", ["spec", "charts", 0, "version"]]]],
  ["chart version partial", (s) => (s.spec.charts[0].version = "1.2"), [["STK-HELM-001", ["spec", "charts", 0, "version"]]]],
  // passes the catalog regex, fails semver.is_valid: the custom builtin decides in wasm
  ["chart version leading zero", (s) => (s.spec.charts[0].version = "1.02.3"), [["STK-HELM-001", ["spec", "charts", 0, "version"]]]],
  ["chart version missing", (s) => delete s.spec.charts[0].version, [["STK-HELM-001", ["spec", "charts", 0]]]],
  ["chart version a YAML number", (s) => (s.spec.charts[0].version = 1.2), [["STK-HELM-001", ["spec", "charts", 0, "version"]]]],
  ["add-on version range", (s) => (s.spec.addons.velero.version = "~12.1"), [["STK-HELM-001", ["spec", "addons", "velero", "version"]]]],
  [
    "several at once",
    (s) => {
      s.spec.cluster.api.access = ["0.0.0.0/0", "::/0"];
      s.spec.charts[0].version = "*";
    },
    [
      ["STK-HELM-001", ["spec", "charts", 0, "version"]],
      ["STK-NET-003", ["spec", "cluster", "api", "access", 0]],
      ["STK-NET-003", ["spec", "cluster", "api", "access", 1]],
    ],
  ],
  ["no charts, no addons, no api", (s) => (s.spec = {}), []],
];

for (const [name, edit, expected] of cases) {
  test(`findings: ${name}`, () => {
    const results = engine.evaluate(inputWith(edit));
    assert.equal(
      results.deny.map((r) => [r.id, r.path]),
      expected,
    );
    assert.equal(results.warn, []);
  });
}

test("the data a finding carries", () => {
  const r = engine.evaluate(inputWith((s) => (s.spec.charts[0].version = "^1.2.0")));
  assert.equal(r.deny, [
    {
      id: "STK-HELM-001",
      path: ["spec", "charts", 0, "version"],
      data: { reason: "range", release: "my-app", source: "charts", version: "^1.2.0" },
    },
  ]);
});

test("wasm and OPA's interpreter agree on every case", async () => {
  const inputs = cases.map(([, edit]) => inputWith(edit));
  const { regoFiles } = await importScript<{ regoFiles(root: string): { sources: string[] } }>("scripts/policy/inputs.mjs");
  const [interpreted] = await opaEval("[f | some x in input; f := data.stackc.main.findings with input as x]", regoFiles(repoRoot).sources, inputs);
  const expected = (interpreted as unknown[]).map((f) => parseFindings(f));
  assert.equal(
    inputs.map((input) => engine.evaluate(input)),
    expected,
  );
});

test("one instance serves many evaluations with the same answer (setData once, heap reset per call)", () => {
  const a = inputWith((s) => (s.spec.cluster.api.access = ["0.0.0.0/0"]));
  const b = inputWith();
  const first = engine.evaluate(a);
  for (let i = 0; i < 500; i++) {
    assert.equal(engine.evaluate(i % 2 ? a : b), i % 2 ? first : { deny: [], warn: [] });
  }
});

test("evaluatePolicies uses the shipped bundle by default", () => {
  const r = evaluatePolicies(inputWith((s) => (s.spec.cluster.api.access = ["::/0"])));
  assert.equal(
    r.deny.map((f) => f.id),
    ["STK-NET-003"],
  );
  assert.equal(evaluatePolicies(inputWith(), engine), { deny: [], warn: [] } satisfies PolicyResults);
});

test("the bundle is compiled once per folder and exposes its entrypoints", () => {
  const b = loadBundle(repoPath("policies", "bundle"));
  assert.is(loadBundle(repoPath("policies", "bundle")), b);
  assert.equal(b.entrypoints, ["stackc/main/findings", "stackc/main/deny", "stackc/main/warn"]);
  assert.equal(engine.entrypoints, ["stackc/main/deny", "stackc/main/findings", "stackc/main/warn"]);
});

test("parseFindings rejects off-contract results with a PolicyError", () => {
  const bad: unknown[] = [
    null,
    [],
    { deny: {}, warn: [] },
    { deny: [{ id: "STK-NET-003", path: "spec.cluster", data: {} }], warn: [] },
    { deny: [{ id: "net003", path: [], data: {} }], warn: [] },
    { deny: [{ id: "STK-NET-003", path: [-1], data: {} }], warn: [] },
    { deny: [{ id: "STK-NET-003", path: [], data: "x" }], warn: [] },
    { deny: [{ id: "STK-NET-003", path: [], data: {}, msg: "sprintf'd" }], warn: [] },
    { deny: [] },
  ];
  for (const value of bad) {
    assert.throws(() => parseFindings(value), (e: unknown) => e instanceof PolicyError, JSON.stringify(value));
  }
});

test("parseFindings sorts by id, then path (numbers numerically), then data as JSON text", () => {
  const f = (id: string, path: (string | number)[], data = {}) => ({ id, path, data });
  const r = parseFindings({
    deny: [f("STK-B-001", []), f("STK-A-001", ["x", 10]), f("STK-A-001", ["x", 9]), f("STK-A-001", ["x", 9], { a: 1 })],
    warn: [],
  });
  assert.equal(
    r.deny.map((x) => [x.id, x.path, x.data]),
    [
      ["STK-A-001", ["x", 9], { a: 1 }],
      ["STK-A-001", ["x", 9], {}],
      ["STK-A-001", ["x", 10], {}],
      ["STK-B-001", [], {}],
    ],
  );
});

test.run();
