// spec.charts: https and OCI repositories, repositories shared with the curated add-ons, needs
// written as namespace/name, wait/timeout/values carried over.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { HELMFILE_PATH } from "../../compiler/emit/helmfile/index.js";
import type { HelmfileDocument } from "../../compiler/emit/helmfile/types.js";
import { at, emit, fixtureModel, parsedFile, release } from "./support.js";

test("repositories: one per URL, sorted by name; OCI registries with oci: true and no scheme", async () => {
  const output = emit(await fixtureModel("all-addons"));
  const doc = parsedFile(output, HELMFILE_PATH) as HelmfileDocument;
  const names = doc.repositories.map((r) => r.name);
  assert.equal(names, [...names].sort());
  assert.is(new Set(doc.repositories.map((r) => r.url)).size, doc.repositories.length);
  assert.equal(
    doc.repositories.find((r) => r.url === "registry.example.org/charts"),
    { name: "registry-example-org-charts", url: "registry.example.org/charts", oci: true },
  );
  // the trailing slash is dropped, so an equal URL is one repository
  assert.ok(doc.repositories.some((r) => r.name === "charts-example-org-stable" && r.url === "https://charts.example.org/stable"));
  assert.not.ok(doc.repositories.some((r) => r.url.startsWith("oci://")));
});

test("a chart from a curated repository shares the add-on's repository entry", async () => {
  const { artifact } = emit(await fixtureModel("all-addons"));
  const extra = release(artifact, "kube-state-extra");
  assert.is(extra.chart, "prometheus-community/kube-state-metrics");
  assert.is(extra.repository.name, release(artifact, "kube-prometheus-stack").repository.name);
});

test("chart needs become namespace/name; wait, timeout and values are carried over", async () => {
  const output = emit(await fixtureModel("all-addons"));
  const web = release(output.artifact, "web");
  assert.ok(web.needs.includes("cert-manager/cert-manager"), web.needs.join(", "));
  assert.ok(web.needs.includes("kube-system/aws-load-balancer-controller"));
  assert.is(web.wait, true);
  assert.equal(web.values, { replicas: 2 });
  const doc = parsedFile(output, HELMFILE_PATH) as HelmfileDocument;
  const webRelease = doc.releases.find((r) => r.name === "web")!;
  assert.is(webRelease.timeout, 900);
  assert.is(webRelease.chart, "charts-example-org-stable/web");
  assert.equal(parsedFile(output, "helmfile/values/web.yaml"), { replicas: 2 });

  const worker = release(output.artifact, "worker");
  assert.equal(worker.needs, ["apps/web"]);
  assert.is(worker.chart, "registry-example-org-charts/worker");
  assert.is(worker.repository.oci, true);
});

test("a disabled add-on is uninstalled explicitly: installed: false, no values, needed by no one", async () => {
  const output = emit(await fixtureModel("all-addons"));
  const doc = parsedFile(output, HELMFILE_PATH) as HelmfileDocument;
  const entry = doc.releases.find((r) => r.name === "metrics-server")!;
  assert.equal(entry, { name: "metrics-server", namespace: "kube-system", chart: "metrics-server/metrics-server", version: "3.13.1", installed: false, labels: { tier: "foundation" } });
  assert.is(doc.releases[doc.releases.length - 1]!.name, "metrics-server");
  assert.not.ok(output.files.some((f) => f.path === "helmfile/values/metrics-server.yaml"));
  assert.not.ok(doc.releases.some((r) => r.needs?.includes("kube-system/metrics-server")));
  assert.ok(doc.repositories.some((r) => r.name === at(entry, "chart")!.toString().split("/")[0]));
});

test.run();
