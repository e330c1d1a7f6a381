// Releases declare the Capabilities their chart's templates test and the cluster will serve
// (helmfile's per-release apiVersions, passed to `helm template` and helm-diff as
// --api-versions), so an offline render — `helmfile template`, the diff `helmfile apply` runs
// on a fresh cluster — is the one the cluster gets: traefik's ServiceMonitor template fails
// without monitoring.coreos.com/v1, which the Prometheus CRDs release installs first.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CHART_API_CHECKS } from "../../compiler/addons/wiring/index.js";
import type { HelmfileArtifact } from "../../compiler/emit/helmfile/index.js";
import { compile } from "../../compiler/index.js";
import { memoryProject } from "../helpers/memory-io.js";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { emit, fixtureModel, release } from "./support.js";

const byName = (artifact: HelmfileArtifact) => Object.fromEntries(artifact.releases.filter((r) => r.apiVersions.length > 0).map((r) => [r.name, r.apiVersions]));

test("prod: every release whose chart tests an API the cluster serves declares exactly those", async () => {
  const { artifact, files } = emit(await exampleModel("prod-eu-west-1"));
  assert.equal(byName(artifact), {
    // ServiceMonitor/PrometheusRule templates fail without the CRD API (the CRDs install first)
    traefik: ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"],
    "fluent-bit": ["monitoring.coreos.com/v1", "networking.k8s.io/v1", "policy/v1"],
    velero: ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"],
    // GA in Kubernetes 1.34; prod runs 1.35
    "aws-ebs-csi-driver": ["storage.k8s.io/v1/VolumeAttributesClass"],
    "metrics-server": ["policy/v1"],
    "kube-prometheus-stack": ["autoscaling/v2"],
  });
  // in the file, beside the release
  const helmfile = files.find((f) => f.path === "helmfile/helmfile.yaml")!.contents;
  assert.match(helmfile, "    disableValidationOnInstall: true\n    apiVersions:\n      - monitoring.coreos.com/v1\n      - policy/v1/PodDisruptionBudget\n    values:\n      - values/traefik.yaml\n");
});

test("a CRD API is declared only for releases installed after the release that installs it", async () => {
  for (const model of [...(await exampleModels()), await fixtureModel("all-addons")]) {
    const { artifact } = emit(model);
    const crds = artifact.releases.find((r) => r.name === "prometheus-operator-crds");
    for (const r of artifact.releases) {
      if (!r.apiVersions.some((a) => a.startsWith("monitoring.coreos.com/"))) continue;
      assert.ok(crds && r.group !== null && crds.group !== null && r.group > crds.group, `${model.name}: ${r.name} declares monitoring.coreos.com but may install with or before its CRDs`);
      assert.ok(r.needs.includes(`${crds.namespace}/${crds.name}`), `${model.name}: ${r.name} needs the CRDs release`);
    }
    // foundation releases install alongside the CRDs: no CRD API for them
    for (const name of ["external-secrets", "aws-ebs-csi-driver"]) {
      const r = artifact.releases.find((x) => x.name === name);
      if (r) assert.not.ok(r.apiVersions.some((a) => a.startsWith("monitoring.coreos.com/")), `${model.name}: ${name}`);
    }
  }
});

test("nothing the cluster will not serve: no VPA, snapshot, OpenShift, Gateway API or removed API is ever declared", async () => {
  const never = /^(autoscaling\.k8s\.io|snapshot\.storage\.k8s\.io|security\.openshift\.io|gateway\.networking\.k8s\.io)\/|^(autoscaling\/v2beta2|policy\/v1beta1\/PodSecurityPolicy|networking\.k8s\.io\/v1beta1|storage\.k8s\.io\/v1beta1\/VolumeAttributesClass)$/;
  for (const model of [...(await exampleModels()), await fixtureModel("all-addons")]) {
    for (const r of emit(model).artifact.releases) {
      for (const api of r.apiVersions) assert.not.match(api, never, `${model.name}: ${r.name} declares ${api}`);
      // and only what the chart tests
      const tested = r.addon && r.source === "addon" ? CHART_API_CHECKS[r.addon]?.apis ?? [] : [];
      for (const api of r.apiVersions) assert.ok(tested.includes(api), `${model.name}: ${r.name} declares ${api}, which its chart does not test`);
    }
  }
});

test("without kube-prometheus-stack no monitoring API; before Kubernetes 1.34 no VolumeAttributesClass", async () => {
  const base = `apiVersion: stackc.dev/v1alpha1
kind: Stack
metadata: { name: api-versions, environment: dev }
spec:
  cloud: { provider: aws, region: eu-west-1, zones: [eu-west-1a, eu-west-1b] }
  network: { cidr: 10.20.0.0/16 }
  dns: { zone: k8s.example.com }
  stateStore: { bucket: api-versions-kops-state, terraformBucket: api-versions-tfstate }
  cluster:
    name: dev.k8s.example.com
    kubernetesVersion: 1.33.7
    controlPlane: { machineType: m6i.large }
    nodeGroups: [{ name: general, machineType: m6i.xlarge, min: 1, max: 3 }]
    irsa: { discoveryBucket: api-versions-oidc }
  addons:
    certManager: { version: v1.21.1 }
    awsLoadBalancerController: { version: 3.5.0 }
    awsEbsCsiDriver: { version: 2.64.0 }
    traefik: { version: 37.3.0 }
`;
  const cwd = "/api-versions";
  const result = await compile(["stack.yaml"], { cwd, io: memoryProject({ "stack.yaml": base }, cwd), emit: true });
  assert.equal(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), []);
  const artifact = result.stacks[0]!.artifacts!.helmfile as HelmfileArtifact;
  assert.equal(release(artifact, "traefik").apiVersions, ["policy/v1/PodDisruptionBudget"]);
  assert.equal(release(artifact, "aws-ebs-csi-driver").apiVersions, []);
  assert.not.match(result.stacks[0]!.files!.find((f) => f.path === "helmfile/helmfile.yaml")!.contents, "monitoring.coreos.com");
});

test("a chart declares nothing unless its manifest entry does (stackc does not know its templates)", async () => {
  const { artifact } = emit(await exampleModel("prod-eu-west-1"));
  assert.equal(release(artifact, "podinfo").apiVersions, []);
});

test("spec.charts[].apiVersions reach the release, sorted; a malformed one is a schema error at its line", async () => {
  const stack = (apis: string) => `apiVersion: stackc.dev/v1alpha1
kind: Stack
metadata: { name: chart-apis, environment: dev }
spec:
  cloud: { provider: aws, region: eu-west-1, zones: [eu-west-1a, eu-west-1b] }
  network: { cidr: 10.20.0.0/16 }
  dns: { zone: k8s.example.com }
  stateStore: { bucket: chart-apis-kops-state, terraformBucket: chart-apis-tfstate }
  cluster:
    name: dev.k8s.example.com
    kubernetesVersion: 1.36.1
    controlPlane: { machineType: m6i.large }
    nodeGroups: [{ name: general, machineType: m6i.xlarge, min: 1, max: 3 }]
    irsa: { discoveryBucket: chart-apis-oidc }
  charts:
    - name: app
      repo: https://charts.example.com
      chart: app
      version: 1.2.3
      namespace: apps
      apiVersions: ${apis}
`;
  const cwd = "/chart-apis";
  const ok = await compile(["stack.yaml"], { cwd, io: memoryProject({ "stack.yaml": stack("[policy/v1/PodDisruptionBudget, monitoring.coreos.com/v1]") }, cwd), emit: true });
  assert.equal(ok.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), []);
  const artifact = ok.stacks[0]!.artifacts!.helmfile as HelmfileArtifact;
  assert.equal(release(artifact, "app").apiVersions, ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"]);
  assert.match(ok.stacks[0]!.files!.find((f) => f.path === "helmfile/helmfile.yaml")!.contents, "    apiVersions:\n      - monitoring.coreos.com/v1\n      - policy/v1/PodDisruptionBudget\n");

  const bad = await compile(["stack.yaml"], { cwd, io: memoryProject({ "stack.yaml": stack("[monitoring coreos v1]") }, cwd), emit: true });
  assert.equal(bad.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.range?.start.line}`), ["STK-SCHEMA-005 21"]);
});

test.run();
