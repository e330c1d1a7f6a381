// A generated fleet of valid, distinct stacks for the bench (and the fleet tests): stacks over
// ten regions and three environments, each extending an environment base that extends one org
// base — like a real platform repository. Stacks differ in zones, VPC CIDR, node groups,
// add-ons and charts, and every one passes `stackc check` (the bench refuses a fleet that does
// not). Generation is a pure function of (count, seed): the same fleet on every machine.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";

export const REGIONS = [
  ["eu-west-1", "euw1", ["a", "b", "c"]],
  ["eu-west-2", "euw2", ["a", "b", "c"]],
  ["eu-central-1", "euc1", ["a", "b", "c"]],
  ["eu-north-1", "eun1", ["a", "b", "c"]],
  ["us-east-1", "use1", ["a", "b", "c", "d", "f"]],
  ["us-east-2", "use2", ["a", "b", "c"]],
  ["us-west-2", "usw2", ["a", "b", "c", "d"]],
  ["ap-southeast-2", "apse2", ["a", "b", "c"]],
  ["ap-northeast-1", "apne1", ["a", "c", "d"]],
  ["ca-central-1", "cac1", ["a", "b", "d"]],
];
export const REPLICA = { "eu-west-1": "eu-central-1", "eu-west-2": "eu-west-1", "eu-central-1": "eu-west-1", "eu-north-1": "eu-central-1", "us-east-1": "us-west-2", "us-east-2": "us-east-1", "us-west-2": "us-east-1", "ap-southeast-2": "ap-northeast-1", "ap-northeast-1": "ap-southeast-2", "ca-central-1": "us-east-1" };
const ENVS = ["dev", "staging", "prod"];
export const MACHINES = ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "c6i.2xlarge", "r6i.xlarge"];
/** Spot groups: 10 types of one size (8 vCPU / 32 GiB), AWS's Spot guidance (STK-K8S-010). */
export const SPOT_TYPES = ["m6i.2xlarge", "m6a.2xlarge", "m5.2xlarge", "m5a.2xlarge", "m5d.2xlarge", "m5n.2xlarge", "m5ad.2xlarge", "m6id.2xlarge", "m6in.2xlarge", "m7i.2xlarge"];

/** mulberry32: a tiny seeded PRNG, so a fleet is identical everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const header = (depth) => `# yaml-language-server: $schema=${"../".repeat(depth)}schema/stack.schema.json\n`;

export function orgBase() {
  return {
    apiVersion: "stackc.dev/v1alpha1",
    kind: "StackBase",
    spec: {
      cloud: { provider: "aws" },
      tags: { team: "platform", "cost-center": "cc-4711" },
      network: { topology: "private", restrictDefaultSecurityGroup: true },
      dns: { type: "private" },
      storage: { encryption: "sse-kms", keyRotation: true },
      cluster: {
        networking: "cilium",
        image: "099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218",
        instanceMetadata: { httpTokens: "required", hopLimit: 1 },
        api: { loadBalancer: "internal" },
        controlPlane: { machineType: "m6i.large", rootVolume: { size: 64, type: "gp3", encrypted: true } },
        nodeGroups: [{ name: "general", machineType: "m6i.xlarge", min: 2, max: 6, rootVolume: { size: 100, type: "gp3", encrypted: true } }],
        etcd: { backupRetentionDays: 90, encryptedVolumes: true },
        secretsEncryption: true,
        auditLogging: { enabled: true, maxAgeDays: 30 },
      },
      addons: {
        certManager: { version: "v1.21.1" },
        externalDns: { version: "1.21.1", policy: "upsert-only" },
        clusterAutoscaler: { version: "9.59.0", expander: "least-waste" },
        metricsServer: { version: "3.13.1" },
        awsLoadBalancerController: { version: "3.5.0" },
        awsEbsCsiDriver: { version: "2.64.0" },
        externalSecrets: { version: "2.9.0" },
        kubePrometheusStack: { version: "88.5.3", retention: "15d", storageSize: "50Gi" },
        velero: { version: "12.1.0", pluginVersion: "v1.14.0" },
      },
      backups: { schedule: "0 3 * * *" },
    },
  };
}

export function envBase(env) {
  const spec = env === "dev"
    ? { network: { natGateways: "single" }, storage: { encryption: "sse-s3" }, cluster: { kubernetesVersion: "1.36.1", controlPlane: { machineType: "t3.large", count: 1 } }, addons: { velero: null }, backups: { enabled: false } }
    : { network: { natGateways: "perZone" }, cluster: { kubernetesVersion: env === "prod" ? "1.35.5" : "1.36.1", controlPlane: { machineType: "m6i.xlarge", count: 3 } }, backups: { enabled: true, retentionDays: 30 } };
  return { apiVersion: "stackc.dev/v1alpha1", kind: "StackBase", extends: "../base.yaml", metadata: { owner: "platform-team" }, spec };
}

const DEV_WAIVERS = [
  ["STK-NET-007", "One NAT gateway to save cost in dev"],
  ["STK-K8S-001", "Single control-plane node in dev"],
  ["STK-BKP-001", "Dev holds no state worth restoring"],
  ["STK-S3-001", "SSE-S3 in dev avoids a KMS key per developer stack"],
  ["STK-S3-004", "No S3 access-log bucket in dev"],
];

/** The i-th stack of the fleet (deterministic in i and seed). */
export function fleetStack(i, seed = 1) {
  const rand = prng(seed * 100003 + i);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const [region, short, letters] = REGIONS[i % REGIONS.length];
  const env = ENVS[Math.floor(i / REGIONS.length) % ENVS.length];
  const name = `${env}-${region}-${String(i).padStart(4, "0")}`;
  const id = `acme-${env}-${short}-${i}`;
  const zoneCount = env === "dev" ? 2 : 3;
  const zones = letters.slice(0, zoneCount).map((l) => `${region}${l}`);
  // a distinct /20 per stack inside 10.0.0.0/8: 4096 stacks before any two share a range
  const cidr = `10.${(i >> 4) & 255}.${(i & 15) << 4}.0/20`;
  const dnsZone = `${name}.k8s.acme.example`;
  const nodeGroups = [{ name: "general", machineType: pick(MACHINES), min: env === "prod" ? 3 : 1, max: 6 + Math.floor(rand() * 10) }];
  if (rand() < 0.6) nodeGroups.push({ name: "spot", machineTypes: [...SPOT_TYPES], spot: true, min: 0, max: 10 + Math.floor(rand() * 20), labels: { capacity: "spot" } });
  if (rand() < 0.3) nodeGroups.push({ name: "memory", machineType: "r6i.2xlarge", min: 2, max: 4, zones: zones.slice(0, 2), labels: { workload: "memory-intensive" }, taints: ["dedicated=memory:NoSchedule"] });
  const addons = {};
  if (rand() < 0.4) addons.loki = { version: "18.11.0", bucket: `${id}-loki`, retentionDays: 30 };
  if (addons.loki && rand() < 0.6) addons.fluentBit = { version: "0.58.1" }; // ships to loki
  if (rand() < 0.4) addons.traefik = { version: "37.3.0", loadBalancerScheme: "internal" };
  if (rand() < 0.2) addons.metricsServer = null;
  if (rand() < 0.3) addons.kubePrometheusStack = { retention: pick(["7d", "15d", "30d"]), storageSize: pick(["50Gi", "100Gi", "200Gi"]) };
  const charts = [];
  if (rand() < 0.5) {
    charts.push({ name: "podinfo", repo: "https://stefanprodan.github.io/podinfo", chart: "podinfo", version: "6.9.2", namespace: "apps", needs: ["cert-manager/cert-manager"], values: { replicaCount: 1 + Math.floor(rand() * 4) } });
  }
  if (rand() < 0.3) {
    charts.push({ name: `svc-${i}`, repo: "https://charts.example.com", chart: "service", version: `1.${i % 7}.${i % 5}`, namespace: "apps", values: { replicaCount: 2, service: { port: 8000 + (i % 100) } } });
  }
  const spec = {
    cloud: { region, zones, ...(env === "dev" ? {} : { accountId: String(210987654321 + (i % 5)) }) },
    network: { cidr, flowLogs: { enabled: true, bucket: `${id}-flow-logs`, retentionDays: env === "prod" ? 90 : 14 } },
    dns: { zone: dnsZone },
    stateStore: { bucket: `${id}-kops-state`, terraformBucket: `${id}-tfstate` },
    ...(env === "dev" ? {} : { storage: { accessLogsBucket: `${id}-s3-access-logs` } }),
    cluster: {
      name: `${region}.${dnsZone}`,
      api: { access: [cidr, "10.100.0.0/16"] },
      ...(env === "prod" ? { ssh: { access: [], bastion: false } } : {}),
      nodeGroups,
      irsa: { discoveryBucket: `${id}-oidc` },
    },
    addons,
    ...(charts.length ? { charts } : {}),
    ...(env === "dev" ? {} : { backups: { schedule: `0 ${i % 6} * * *`, bucket: `${id}-velero`, replicaRegion: REPLICA[region] } }),
    ...(env === "dev" ? { policy: { waivers: DEV_WAIVERS.map(([rule, reason]) => ({ rule, reason, expires: "2027-06-30" })) } } : {}),
  };
  return {
    file: `${env}/${name}.yaml`,
    name,
    env,
    doc: { apiVersion: "stackc.dev/v1alpha1", kind: "Stack", extends: "./base.yaml", metadata: { name, environment: env, description: `Generated fleet stack ${i}` }, spec },
  };
}

/** Writes a fleet of `count` stacks under dir (created; emptied first). Returns the stack files. */
export function writeFleet(dir, count, seed = 1) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "base.yaml"), header(0) + stringify(orgBase()));
  const files = [];
  for (const env of ENVS) {
    fs.mkdirSync(path.join(dir, env), { recursive: true });
    fs.writeFileSync(path.join(dir, env, "base.yaml"), stringify(envBase(env)));
  }
  for (let i = 0; i < count; i++) {
    const s = fleetStack(i, seed);
    fs.writeFileSync(path.join(dir, s.file), stringify(s.doc));
    files.push(s.file);
  }
  return files;
}
