// cert-manager, metrics-server, external-secrets, the Prometheus stack and the ingress
// controllers: the values that make them work on this stack and survive a node drain.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { addonCatalog } from "../../compiler/catalog/addons.js";
import { ADDON_WIRING } from "../../compiler/addons/wiring/index.js";
import { addonByKey } from "../../compiler/model/model.js";
import { exampleModel } from "../helpers/stacks.js";
import { at, emit, fixtureModel, release } from "./support.js";

test("every catalog add-on has a wiring module registered under its key", () => {
  for (const info of addonCatalog) assert.is(ADDON_WIRING[info.key]?.key, info.key, info.key);
  assert.is(Object.keys(ADDON_WIRING).length, addonCatalog.length);
});

test("cert-manager: CRDs with the chart, kept on uninstall; HA controller, webhook and cainjector", async () => {
  const model = await fixtureModel("all-addons");
  const { values } = release(emit(model).artifact, "cert-manager");
  assert.equal(at(values, "crds"), { enabled: true, keep: true });
  // dns01 is on in this fixture, so the model carries the IRSA service account
  assert.is(at(values, "serviceAccount", "name"), addonByKey(model, "certManager")!.serviceAccount!.name);
  for (const component of [[], ["webhook"], ["cainjector"]]) {
    assert.ok((at(values, ...component, "replicaCount") as number) >= 2, component.join("."));
    assert.is(at(values, ...component, "podDisruptionBudget", "enabled"), true, component.join("."));
  }
});

test("metrics-server: two replicas with a PDB and kops' insecure kubelet TLS; a disabled one is uninstalled", async () => {
  const { values } = release(emit(await exampleModel("prod-eu-west-1")).artifact, "metrics-server");
  assert.is(at(values, "replicas"), 2);
  assert.is(at(values, "podDisruptionBudget", "enabled"), true);
  assert.equal(at(values, "args"), ["--kubelet-insecure-tls"]);

  const disabled = release(emit(await fixtureModel("all-addons")).artifact, "metrics-server");
  assert.is(disabled.installed, false);
  assert.is(disabled.valuesFile, null);
});

test("external-secrets: CRDs installed, leader election with two replicas, IRSA service account", async () => {
  const model = await fixtureModel("all-addons");
  const { values } = release(emit(model).artifact, "external-secrets");
  assert.is(at(values, "installCRDs"), true);
  assert.is(at(values, "replicaCount"), 2);
  assert.is(at(values, "leaderElect"), true);
  assert.is(at(values, "serviceAccount", "name"), addonByKey(model, "externalSecrets")!.serviceAccount!.name);
});

test("kube-prometheus-stack: retention, volume size and class from the manifest; CRDs from their own release", async () => {
  const model = await exampleModel("prod-eu-west-1");
  const { artifact } = emit(model);
  const { values, needs } = release(artifact, "kube-prometheus-stack");
  const spec = at(values, "prometheus", "prometheusSpec");
  assert.is(at(spec, "retention"), "30d");
  assert.is(at(spec, "storageSpec", "volumeClaimTemplate", "spec", "resources", "requests", "storage"), "200Gi");
  assert.is(at(spec, "storageSpec", "volumeClaimTemplate", "spec", "storageClassName"), "gp3");
  assert.is(at(spec, "serviceMonitorSelectorNilUsesHelmValues"), false);
  assert.equal(at(spec, "externalLabels"), { cluster: model.clusterName });
  assert.is(at(values, "crds", "enabled"), false);
  // never the chart's well-known default admin password
  assert.equal(at(values, "grafana", "admin"), { existingSecret: "grafana-admin", userKey: "admin-user", passwordKey: "admin-password" });
  const crds = release(artifact, "prometheus-operator-crds");
  assert.is(crds.version, addonByKey(model, "kubePrometheusStack")!.settings.crdsVersion);
  assert.is(crds.namespace, "monitoring");
  assert.ok(needs.includes(crds.id));

  const dev = release(emit(await exampleModel("dev-eu-west-1")).artifact, "kube-prometheus-stack").values;
  assert.is(at(dev, "prometheus", "prometheusSpec", "retention"), "3d");
  assert.is(at(dev, "prometheus", "prometheusSpec", "storageSpec", "volumeClaimTemplate", "spec", "resources", "requests", "storage"), "20Gi");
});

test("traefik: an internal NLB of the load balancer controller, user values merged over the wiring", async () => {
  const prod = release(emit(await exampleModel("prod-eu-west-1")).artifact, "traefik");
  assert.equal(at(prod.values, "service", "annotations"), {
    "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
    "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
    "service.beta.kubernetes.io/aws-load-balancer-type": "external",
  });
  assert.ok(prod.needs.includes("kube-system/aws-load-balancer-controller"));
  assert.is(at(prod.values, "deployment", "replicas"), 2);
  assert.is(at(prod.values, "podDisruptionBudget", "enabled"), true);

  // the fixture sets values.deployment.replicas: 3 — merged, not replacing the deployment map
  const fixture = release(emit(await fixtureModel("all-addons")).artifact, "traefik");
  assert.equal(at(fixture.values, "deployment"), { replicas: 3 });
  assert.is(at(fixture.values, "ingressClass", "name"), "traefik");
});

test("ingress-nginx (retired, still selectable): internet-facing NLB, no snippets", async () => {
  const { values } = release(emit(await fixtureModel("all-addons")).artifact, "ingress-nginx");
  assert.is(at(values, "controller", "service", "annotations", "service.beta.kubernetes.io/aws-load-balancer-scheme"), "internet-facing");
  assert.is(at(values, "controller", "allowSnippetAnnotations"), false);
  assert.is(at(values, "controller", "metrics", "serviceMonitor", "enabled"), true);
});

test.run();
