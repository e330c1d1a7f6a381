// What the Cluster document says for a stack: the facts kops would otherwise look up, add-on
// ownership between kops and Helm, IRSA, SSH, secrets encryption and audit logging.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { addonCatalog, type StackModel } from "../../compiler/index.js";
import { buildKopsSpec } from "../../compiler/emit/kops/index.js";
import { OutputRef } from "../../compiler/emit/kops/refs.js";
import { emittedSpecs, type EmittedSpec } from "./emitted.js";

async function spec(name: string): Promise<EmittedSpec> {
  const found = (await emittedSpecs()).find((s) => s.name === name);
  if (!found) throw new Error(`no emitted spec ${name}`);
  return found;
}

/** The model with only these add-ons enabled (catalog order kept). */
function withAddons(model: StackModel, keys: string[]): StackModel {
  return { ...model, addons: model.addons.filter((a) => keys.includes(a.key)) };
}

test("everything kops would look up is written: CIDRs, version, LB class, DNS type, state store", async () => {
  const { model, artifact } = await spec("staging-eu-west-1");
  const s = artifact.cluster.spec;
  assert.is(s.kubernetesVersion, "1.36.1");
  assert.is(s.networkCIDR, "10.30.0.0/16");
  assert.is(s.nonMasqueradeCIDR, "100.64.0.0/10");
  assert.equal(s.api, { loadBalancer: { type: "Internal", class: "Network" } });
  assert.equal(s.topology, { dns: { type: "Private" } });
  assert.is(s.configBase, "s3://acme-stg-euw1-kops-state/eu-west-1.staging.k8s.acme.example");
  assert.equal(
    s.subnets.map((x) => [x.name, x.type, x.cidr]),
    model.zones.flatMap((z) => [[z.name, "Private", z.privateCidr]]).concat(model.zones.map((z) => [`utility-${z.name}`, "Utility", z.utilityCidr])),
  );
});

test("Helm-owned add-ons are switched off in kops, in the form kops accepts for each", async () => {
  const { artifact } = await spec("prod-eu-west-1");
  const s = artifact.cluster.spec;
  assert.equal(s.certManager, { enabled: true, managed: false });
  assert.equal(s.cloudConfig, { awsEBSCSIDriver: { managed: false }, manageStorageClasses: false });
  assert.equal(s.clusterAutoscaler, { enabled: false });
  assert.equal(s.metricsServer, { enabled: false });
  assert.equal(s.awsLoadBalancerController, { enabled: false });
});

test("each add-on that replaces a kops add-on switches exactly its own off, and nothing when absent", async () => {
  const { model } = await spec("prod-eu-west-1");
  const fields = ["certManager", "cloudConfig", "clusterAutoscaler", "metricsServer", "awsLoadBalancerController", "podIdentityWebhook"] as const;
  const present = (m: StackModel) => fields.filter((f) => buildKopsSpec(m).cluster.spec[f] !== undefined);
  assert.equal(present(withAddons(model, [])), []);
  const replacing = addonCatalog.filter((a) => a.replacesKops);
  assert.equal(replacing.map((a) => a.replacesKops).sort(), ["awsEBSCSIDriver", "awsLoadBalancerController", "certManager", "clusterAutoscaler", "metricsServer"]);
  for (const addon of replacing) {
    const field = addon.replacesKops === "awsEBSCSIDriver" ? "cloudConfig" : addon.replacesKops!;
    // an add-on with an IRSA role also needs kops' pod-identity webhook, which needs cert-manager
    const irsa = withAddons(model, [addon.key]).addons.some((a) => a.serviceAccount && a.iam);
    const expected = irsa ? [...new Set(["certManager", field, "podIdentityWebhook"])] : [field];
    assert.equal(present(withAddons(model, [addon.key])), fields.filter((f) => expected.includes(f)), addon.key);
  }
});

test("IRSA roles turn on kops' pod-identity webhook, with cert-manager from Helm or else from kops", async () => {
  const { model } = await spec("prod-eu-west-1");
  const helm = buildKopsSpec(model).cluster.spec;
  assert.equal([helm.podIdentityWebhook, helm.certManager], [{ enabled: true }, { enabled: true, managed: false }]);
  const kopsOwned = buildKopsSpec(withAddons(model, ["velero"])).cluster.spec;
  assert.equal([kopsOwned.podIdentityWebhook, kopsOwned.certManager], [{ enabled: true }, { enabled: true }]);
  const none = buildKopsSpec(withAddons(model, ["metricsServer"])).cluster.spec;
  assert.equal([none.podIdentityWebhook, none.certManager], [undefined, undefined]);
});

test("IRSA: the discovery store, and one role per add-on with its inline policy (from Terraform) and managed policies", async () => {
  const { model } = await spec("prod-eu-west-1");
  const s = buildKopsSpec(model).cluster.spec;
  assert.equal(s.serviceAccountIssuerDiscovery, { discoveryStore: "s3://acme-prod-euw1-oidc", enableAWSOIDCProvider: true });
  assert.is(s.iam.useServiceAccountExternalPermissions, true);
  assert.is(s.iam.legacy, false);
  const perms = s.iam.serviceAccountExternalPermissions!;
  const expected = model.addons.filter((a) => a.serviceAccount && a.iam);
  assert.equal(perms.map((p) => `${p.namespace}/${p.name}`), expected.map((a) => `${a.serviceAccount!.namespace}/${a.serviceAccount!.name}`));
  const velero = perms.find((p) => p.name === "velero")!;
  assert.equal(velero.aws.policyARNs, [new OutputRef("irsa_policy_arns", "velero")]);
  const ebs = perms.find((p) => p.name === "ebs-csi-controller-sa")!;
  assert.equal(ebs.aws.policyARNs, ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
});

test("without IRSA there is no discovery store and no service-account permission, but iam.legacy stays false", async () => {
  const { artifact } = await spec("variant-public");
  const s = artifact.cluster.spec;
  assert.is(s.serviceAccountIssuerDiscovery, undefined);
  assert.equal(s.iam, { legacy: false, allowContainerRegistry: true });
});

test("no SSH: an explicit empty sshAccess and no key pair; with SSH: the CIDRs, a key, the bastion's LB", async () => {
  const prod = (await spec("prod-eu-west-1")).artifact.cluster.spec;
  assert.equal(prod.sshAccess, []);
  assert.is(prod.sshKeyName, "");
  const pub = (await spec("variant-public")).artifact.cluster.spec;
  assert.equal(pub.sshAccess, ["203.0.113.0/24"]);
  assert.is(pub.sshKeyName, undefined);
  assert.equal(pub.topology, { dns: { type: "Public" }, bastion: { loadBalancer: { type: "Public" } } });
});

test("secrets encryption and audit logging: encryptionConfig, the audit flags and the policy file on the control plane", async () => {
  const prod = (await spec("prod-eu-west-1")).artifact.cluster.spec;
  assert.is(prod.encryptionConfig, true);
  assert.is(prod.kubeAPIServer!.auditLogMaxAge, 30);
  assert.is(prod.kubeAPIServer!.auditPolicyFile, prod.fileAssets![0]!.path);
  assert.equal(prod.fileAssets![0]!.roles, ["Master"]);
  assert.match(prod.fileAssets![0]!.content, /^apiVersion: audit\.k8s\.io\/v1\nkind: Policy\n/);
  const pub = (await spec("variant-public")).artifact.cluster.spec;
  assert.is(pub.encryptionConfig, undefined);
  assert.is(pub.kubeAPIServer, undefined);
  assert.is(pub.fileAssets, undefined);
});

test("etcd: main and events, a member per control-plane group named after its zone, encryption and retention from the manifest", async () => {
  const pub = (await spec("variant-public")).artifact.cluster.spec;
  assert.equal(pub.etcdClusters.map((e) => e.name), ["main", "events"]);
  for (const etcd of pub.etcdClusters) {
    assert.equal(etcd.manager, { backupRetentionDays: 7 });
    assert.equal(
      etcd.etcdMembers.map((m) => `${m.name}:${m.instanceGroup}:${m.encryptedVolume}`),
      [
        "a:control-plane-eu-central-1a:false",
        "b:control-plane-eu-central-1b:false",
        "c:control-plane-eu-central-1c:false",
        "a-2:control-plane-eu-central-1a-2:false",
        "b-2:control-plane-eu-central-1b-2:false",
      ],
    );
  }
});

test("CNI: cilium without kube-proxy; calico and amazonvpc keep kube-proxy", async () => {
  assert.equal((await spec("prod-eu-west-1")).artifact.cluster.spec.kubeProxy, { enabled: false });
  const calico = (await spec("variant-public")).artifact.cluster.spec;
  assert.equal(calico.networking, { calico: {} });
  assert.is(calico.kubeProxy, undefined);
  assert.equal((await spec("variant-vpc-cni")).artifact.cluster.spec.networking, { amazonvpc: {} });
});

test("cloudLabels: every stack tag (the schema already refuses the keys kops reserves)", async () => {
  const { model, artifact } = await spec("variant-public");
  assert.equal(artifact.cluster.spec.cloudLabels, model.tags);
  assert.is(artifact.cluster.spec.cloudLabels["created"], "2026-01-01");
});

test.run();
