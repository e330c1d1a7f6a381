// Install order: every `needs` names a release in the file, the graph has no cycle, install
// groups follow from it, versions are exact, and the rules hold — cert-manager and the CRDs
// first, webhook charts waited for, the load balancer controller before every Service, Velero last.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NeedsCycleError, orderReleases, type OrderInput } from "../../compiler/emit/helmfile/order.js";
import type { HelmfileArtifact } from "../../compiler/emit/helmfile/index.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { emit, fixtureModel, release } from "./support.js";

const EXACT = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

async function artifacts(): Promise<HelmfileArtifact[]> {
  const models = [...(await exampleModels()), await fixtureModel("all-addons"), await fixtureModel("minimal")];
  return models.map((m) => emit(m).artifact);
}

/** Kahn's algorithm over the emitted needs, independent of the emitter's own code. */
function groupsOf(artifact: HelmfileArtifact): string[][] {
  const installed = artifact.releases.filter((r) => r.installed);
  const pending = new Map(installed.map((r) => [r.id, new Set(r.needs)]));
  const groups: string[][] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, needs]) => needs.size === 0).map(([id]) => id).sort();
    if (ready.length === 0) throw new Error(`cycle among ${[...pending.keys()].join(", ")}`);
    groups.push(ready);
    for (const id of ready) pending.delete(id);
    for (const needs of pending.values()) for (const id of ready) needs.delete(id);
  }
  return groups;
}

function reaches(artifact: HelmfileArtifact, from: string, to: string): boolean {
  const byId = new Map(artifact.releases.map((r) => [r.id, r]));
  const stack = [...(byId.get(from)?.needs ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.needs ?? []));
  }
  return false;
}

test("every needs target is an installed release, versions are exact, no cycles, groups match", async () => {
  for (const artifact of await artifacts()) {
    const installed = new Set(artifact.releases.filter((r) => r.installed).map((r) => r.id));
    for (const r of artifact.releases) {
      assert.ok(EXACT.test(r.version), `${r.id}: ${r.version}`);
      for (const need of r.needs) assert.ok(installed.has(need), `${r.id} needs ${need}`);
      if (!r.installed) assert.equal(r.needs, [], `${r.id} is uninstalled and needs nothing`);
    }
    assert.equal(artifact.groups, groupsOf(artifact));
    for (const r of artifact.releases.filter((x) => x.installed)) {
      assert.is(artifact.groups[r.group! - 1]?.includes(r.id), true, r.id);
    }
  }
});

test("cert-manager and the Prometheus CRDs are in the first group, Velero alone in the last", async () => {
  for (const artifact of await artifacts()) {
    assert.is(release(artifact, "cert-manager").group, 1);
    const crds = artifact.releases.find((r) => r.name === "prometheus-operator-crds");
    if (crds) assert.is(crds.group, 1);
    const velero = artifact.releases.find((r) => r.name === "velero");
    if (velero) assert.equal(artifact.groups[artifact.groups.length - 1], [velero.id]);
  }
});

test("prod installs in five groups: foundation, load balancer controller, platform, log shipper, Velero", async () => {
  const { artifact } = emit(await exampleModel("prod-eu-west-1"));
  assert.equal(artifact.groups, [
    [
      "cert-manager/cert-manager",
      "external-secrets/external-secrets",
      "kube-system/aws-ebs-csi-driver",
      "kube-system/metrics-server",
      "monitoring/prometheus-operator-crds",
    ],
    ["kube-system/aws-load-balancer-controller"],
    ["apps/podinfo", "external-dns/external-dns", "kube-system/cluster-autoscaler", "logging/loki", "monitoring/kube-prometheus-stack", "traefik/traefik"],
    ["logging/fluent-bit"],
    ["velero/velero"],
  ]);
});

test("webhook and CRD charts are waited for; releases with custom resources skip validation on install", async () => {
  for (const artifact of await artifacts()) {
    for (const name of ["cert-manager", "external-secrets", "aws-load-balancer-controller", "prometheus-operator-crds"]) {
      const r = artifact.releases.find((x) => x.name === name && x.installed);
      if (r) assert.ok(r.wait, `${name} must be waited for`);
    }
    for (const name of ["kube-prometheus-stack", "velero", "aws-load-balancer-controller"]) {
      const r = artifact.releases.find((x) => x.name === name && x.installed);
      if (r) assert.ok(r.disableValidationOnInstall, `${name} renders custom resources`);
    }
  }
});

test("a release with a ServiceMonitor needs the Prometheus CRDs and skips validation on first install", async () => {
  const hasServiceMonitor = (v: unknown): boolean =>
    v !== null && typeof v === "object" &&
    Object.entries(v as Record<string, unknown>).some(
      ([k, x]) => (k === "serviceMonitor" && (x as { enabled?: unknown })?.enabled === true) || hasServiceMonitor(x),
    );
  let checked = 0;
  for (const artifact of await artifacts()) {
    for (const r of artifact.releases.filter((x) => x.installed && hasServiceMonitor(x.values))) {
      checked++;
      assert.ok(reaches(artifact, r.id, "monitoring/prometheus-operator-crds"), `${r.id} needs the CRDs`);
      assert.ok(r.disableValidationOnInstall, r.id);
    }
  }
  assert.ok(checked >= 10, `only ${checked} releases with ServiceMonitors`);
});

test("nothing later than the load balancer controller starts before its Service webhook is ready", async () => {
  for (const artifact of await artifacts()) {
    const lbc = artifact.releases.find((r) => r.name === "aws-load-balancer-controller");
    if (!lbc) continue;
    for (const r of artifact.releases.filter((x) => x.installed && x.id !== lbc.id)) {
      if (r.tier === "foundation") assert.ok(reaches(artifact, lbc.id, r.id), `${r.id} before the controller`);
      else assert.ok(reaches(artifact, r.id, lbc.id), `${r.id} after the controller`);
    }
    // fluent-bit reaches it through loki: the rule adds no redundant edge
    const fluentBit = artifact.releases.find((r) => r.name === "fluent-bit");
    if (fluentBit) assert.not.ok(fluentBit.needs.includes(lbc.id));
  }
});

test("without the controller or Velero, only declared needs order the releases", async () => {
  const { artifact } = emit(await fixtureModel("minimal"));
  assert.equal(artifact.groups, [["apps/app", "cert-manager/cert-manager"]]);
});

const input = (id: string, tier: OrderInput["tier"], needs: string[] = [], extra: Partial<OrderInput> = {}): OrderInput => ({
  id,
  tier,
  needs,
  barrier: false,
  last: false,
  ...extra,
});

test("orderReleases: a declared cycle is an error, not an order", () => {
  assert.throws(() => orderReleases([input("a/a", "app", ["b/b"]), input("b/b", "app", ["a/a"])]), (e: unknown) => e instanceof NeedsCycleError);
});

test("orderReleases: the last release skips releases that need it and follows every other", () => {
  const order = orderReleases([
    input("x/base", "foundation"),
    input("x/app", "app", ["x/base"]),
    input("x/restore-check", "app", ["x/backup"]),
    input("x/backup", "backup", [], { last: true }),
  ]);
  assert.equal(order.needs.get("x/backup"), ["x/app"]);
  assert.equal(order.groups, [["x/base"], ["x/app"], ["x/backup"], ["x/restore-check"]]);
});

test.run();
