// kops rejects every spec in test/fixtures/kops/broken/ (broken-specs.test.ts). None of those
// breakages may ever reach kops from stackc. Each one is either
// - a manifest mistake stackc refuses first, at the manifest line to change (a manifest in
//   test/fixtures/kops/caught-by-stackc/<case>.yaml, compiled: exact code, file, line, column,
//   and no model, so nothing is emitted), or
// - impossible by construction: an invariant that holds for every spec the emitter produces
//   (every example and variant stack), and that is shown to detect the broken fixture itself,
//   so it is not vacuous.
import { emitContext } from "../../compiler/emit/context.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";
import { validateKopsText } from "../helpers/kops-validate.js";
import { kopsEmitter } from "../../compiler/emit/kops/index.js";
import { documents, emittedSpecs } from "./emitted.js";
import { bindKopsSpec } from "../../compiler/bind/index.js";
import { fakeTerraformOutputs } from "./fake-outputs.js";
import { brokenFixture, brokenFixtureNames, CLASSIC } from "./fixtures.js";

const MANIFESTS = repoPath("test", "fixtures", "kops", "caught-by-stackc");

type Docs = Record<string, any>[];
/** Violations of one invariant in a spec (empty: it holds). */
type Invariant = (docs: Docs) => string[];

const masters = (docs: Docs) => docs.slice(1).filter((d) => d["spec"].role === "Master" || d["spec"].role === "ControlPlane");
const subnets = (docs: Docs): Record<string, any>[] => docs[0]!["spec"].subnets ?? [];

const INVARIANTS: Record<string, Invariant> = {
  "every subnet has an id": (docs) => subnets(docs).filter((s) => !s["id"]).map((s) => `subnet ${s["name"]} has no id`),
  "control-plane groups are min = max = 1": (docs) =>
    masters(docs).filter((ig) => ig["spec"].minSize !== 1 || ig["spec"].maxSize !== 1).map((ig) => `${ig["metadata"].name} is ${ig["spec"].minSize}..${ig["spec"].maxSize}`),
  "every control-plane group is in every etcd cluster, odd member counts": (docs) =>
    (docs[0]!["spec"].etcdClusters as any[]).flatMap((etcd) => [
      ...masters(docs)
        .filter((ig) => !etcd.etcdMembers.some((m: any) => m.instanceGroup === ig["metadata"].name))
        .map((ig) => `${ig["metadata"].name} is not in etcd cluster ${etcd.name}`),
      ...(etcd.etcdMembers.length % 2 === 1 ? [] : [`etcd cluster ${etcd.name} has ${etcd.etcdMembers.length} members`]),
    ]),
  "the EBS CSI driver is never disabled, only unmanaged": (docs) =>
    docs[0]!["spec"].cloudConfig?.awsEBSCSIDriver?.enabled === false ? ["cloudConfig.awsEBSCSIDriver.enabled is false"] : [],
  "egress only on Private subnets, and on every one": (docs) =>
    subnets(docs).flatMap((s) =>
      s["type"] === "Private" ? (s["egress"] ? [] : [`private subnet ${s["name"]} has no egress`]) : s["egress"] ? [`${s["type"]} subnet ${s["name"]} has egress`] : [],
    ),
  "iam.legacy is false": (docs) => (docs[0]!["spec"].iam?.legacy === false ? [] : [`iam.legacy is ${docs[0]!["spec"].iam?.legacy}`]),
  "every InstanceGroup is labelled with its cluster": (docs) =>
    docs
      .slice(1)
      .filter((ig) => ig["metadata"].labels?.["kops.k8s.io/cluster"] !== docs[0]!["metadata"].name)
      .map((ig) => `${ig["metadata"].name} has no kops.k8s.io/cluster label for ${docs[0]!["metadata"].name}`),
  "an Internal API load balancer has Private subnets": (docs) =>
    docs[0]!["spec"].api.loadBalancer.type === "Internal" && !subnets(docs).some((s) => s["type"] === "Private") ? ["internal API LB without a Private subnet"] : [],
  "cilium's kube-proxy replacement runs without kube-proxy": (docs) =>
    docs[0]!["spec"].networking?.cilium?.enableNodePort === true && docs[0]!["spec"].kubeProxy?.enabled !== false ? ["cilium enableNodePort with kube-proxy on"] : [],
  "the API load balancer is a Network Load Balancer": (docs) =>
    docs[0]!["spec"].api.loadBalancer.class === "Network" ? [] : [`api.loadBalancer.class is ${docs[0]!["spec"].api.loadBalancer.class}`],
};

type Catch = { manifest: string } | { invariant: keyof typeof INVARIANTS };

/** Each breakage kops refuses → how stackc makes sure it never gets there. */
const CAUGHT: Record<string, Catch> = {
  "cluster-name-without-dot": { manifest: "cluster-name-without-dot.yaml" },
  "control-plane-max-size-2": { invariant: "control-plane groups are min = max = 1" },
  "control-plane-not-in-every-etcd-cluster": { invariant: "every control-plane group is in every etcd cluster, odd member counts" },
  "discovery-store-bucket-with-dots": { manifest: "discovery-store-bucket-with-dots.yaml" },
  "ebs-csi-driver-disabled": { invariant: "the EBS CSI driver is never disabled, only unmanaged" },
  "egress-on-utility-subnet": { invariant: "egress only on Private subnets, and on every one" },
  "etcd-even-members": { manifest: "etcd-even-members.yaml" },
  "iam-legacy": { invariant: "iam.legacy is false" },
  "ig-unknown-subnet": { manifest: "ig-unknown-subnet.yaml" },
  "ig-without-cluster-label": { invariant: "every InstanceGroup is labelled with its cluster" },
  "internal-lb-without-private-subnet": { invariant: "an Internal API load balancer has Private subnets" },
  "kube-proxy-with-cilium-node-port": { invariant: "cilium's kube-proxy replacement runs without kube-proxy" },
  "mixed-subnet-ids": { invariant: "every subnet has an id" },
  "no-node-instance-group": { manifest: "no-node-instance-group.yaml" },
  "non-masquerade-overlaps-network": { manifest: "non-masquerade-overlaps-network.yaml" },
  "ssh-access-not-canonical": { manifest: "ssh-access-not-canonical.yaml" },
  "subnet-cidr-outside-network": { manifest: "subnet-cidr-outside-network.yaml" },
};

test("every broken kops fixture has a stackc check, and every manifest case a broken fixture", () => {
  assert.equal(Object.keys(CAUGHT).sort(), brokenFixtureNames());
  const manifests = readdirSync(MANIFESTS).filter((f) => f !== "valid.yaml").sort();
  assert.equal(manifests, Object.values(CAUGHT).flatMap((c) => ("manifest" in c ? [c.manifest] : [])).sort());
});

test("the base manifest of the cases is valid, and kops accepts what stackc emits for it", async () => {
  const result = await compile(["valid.yaml"], { cwd: MANIFESTS });
  assert.equal(result.diagnostics.filter((d) => d.severity !== "info"), []);
  const model = result.stacks[0]!.model!;
  const template = kopsEmitter.emit(model, emitContext()).files[0]!.contents;
  assert.ok(template.length > 0);
  const bound = bindKopsSpec({ model, outputText: JSON.stringify(fakeTerraformOutputs(model)), outputFile: "outputs.json" });
  assert.equal(bound.diagnostics, []);
  assert.equal(await validateKopsText(bound.file!.contents), { errors: [] });
});

for (const [name, caught] of Object.entries(CAUGHT)) {
  if (!("manifest" in caught)) continue;
  test(`${name}: stackc refuses the manifest first, at the line to change`, async () => {
    const text = readFileSync(path.join(MANIFESTS, caught.manifest), "utf8");
    const expected = parseMarkers(caught.manifest, text).map(formatExpectation);
    assert.is(expected.length, 1, "one marked diagnostic per case");
    const result = await compile([caught.manifest], { cwd: MANIFESTS });
    const actual = result.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`);
    assert.equal(actual, expected, result.diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.code} ${d.message}`).join("\n"));
    // an error before the model means no emitter ever runs: no kops spec exists to break
    assert.is(result.stacks[0]?.model, undefined);
  });
}

test("every invariant holds for every spec stackc emits (template and bound)", async () => {
  const specs = await emittedSpecs();
  for (const spec of specs) {
    for (const [name, check] of Object.entries(INVARIANTS)) {
      assert.equal(check(documents(spec.bound)), [], `${spec.name} bound: ${name}`);
      assert.equal(check(documents(spec.template)), [], `${spec.name} template: ${name}`);
    }
  }
});

for (const [name, caught] of Object.entries(CAUGHT)) {
  if (!("invariant" in caught)) continue;
  test(`${name}: impossible by construction — the invariant "${caught.invariant}" detects the broken fixture`, () => {
    const violations = INVARIANTS[caught.invariant]!(documents(readFileSync(brokenFixture(name), "utf8")));
    assert.ok(violations.length > 0, `the invariant does not see the breakage in broken/${name}.yaml`);
  });
}

// Not broken for kops 1.36.2 (classic-api-lb.test.ts), but refused by 1.37: stackc never writes it.
test("Classic API load balancer (accepted by kops 1.36.2): detected by the NLB invariant, never emitted", () => {
  const check = INVARIANTS["the API load balancer is a Network Load Balancer"]!;
  assert.ok(check(documents(readFileSync(CLASSIC, "utf8"))).length > 0);
});

test.run();
