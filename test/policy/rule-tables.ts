// The catalog's rule tables, in typescript-eslint's RuleTester manner (run by rules.test.ts
// through rule-tester.ts): per rule, overlays on the clean production base that must pass it
// (valid) and overlays that must fail it (invalid), each with the exact findings — the data the
// message is worded from, the line and column in the case's code, the severity when it is a
// warning (deny(prod) rules warn outside prod). `node dist/test/policy/rule-tables.print.js`
// prints what every case produces, to write or review a table.
import type { RuleCases } from "./rule-tester.js";

export const ruleTables: Record<string, RuleCases> = {
  "STK-BKP-001": {
    valid: [
      {
        name: "backups on, daily",
        code: "spec:\n  backups:\n    enabled: true\n    schedule: \"30 1 * * *\"\n",
      },
    ],
    invalid: [
      {
        name: "backups off in prod",
        code: "spec:\n  backups:\n    enabled: false\n",
        errors: [
          { data: { reason: "disabled" }, line: 3, column: 14 },
        ],
      },
      {
        name: "backups off in dev (a warning)",
        environment: "dev",
        code: "spec:\n  backups:\n    enabled: false\n",
        errors: [
          { data: { reason: "disabled" }, line: 3, column: 14, severity: "warning" },
        ],
      },
      {
        name: "backups off in staging (a warning)",
        environment: "staging",
        code: "spec:\n  backups:\n    enabled: false\n",
        errors: [
          { data: { reason: "disabled" }, line: 3, column: 14, severity: "warning" },
        ],
      },
    ],
  },
  "STK-BKP-002": {
    valid: [
      {
        name: "hourly",
        code: "spec:\n  backups:\n    schedule: \"0 * * * *\"\n",
      },
    ],
    invalid: [
      {
        name: "weekly",
        code: "spec:\n  backups:\n    schedule: \"0 3 * * 0\"\n",
        errors: [
          { data: { reason: "not-daily", schedule: "0 3 * * 0" }, line: 3, column: 15 },
        ],
      },
      {
        name: "not five fields",
        code: "spec:\n  backups:\n    schedule: \"0 3 * *\"\n",
        errors: [
          { data: { reason: "fields", count: 4, schedule: "0 3 * *" }, line: 3, column: 15 },
        ],
      },
    ],
  },
  "STK-BKP-003": {
    valid: [
      {
        name: "7 days in dev",
        environment: "dev",
        code: "spec:\n  backups:\n    retentionDays: 7\n",
      },
    ],
    invalid: [
      {
        name: "14 days in prod",
        code: "spec:\n  backups:\n    retentionDays: 14\n",
        errors: [
          { data: { days: 14, minimum: 30, backup: "velero" }, line: 3, column: 20 },
        ],
      },
      {
        name: "5 days in dev",
        environment: "dev",
        code: "spec:\n  backups:\n    retentionDays: 5\n",
        errors: [
          { data: { days: 5, minimum: 7, backup: "velero" }, line: 3, column: 20 },
        ],
      },
    ],
  },
  "STK-BKP-004": {
    valid: [
      {
        name: "replicated to another region",
        code: "spec:\n  backups:\n    replicaRegion: eu-north-1\n",
      },
    ],
    invalid: [
      {
        name: "replica in the stack's own region",
        code: "spec:\n  backups:\n    replicaRegion: eu-west-1\n",
        errors: [
          { data: { reason: "same-region", region: "eu-west-1" }, line: 3, column: 20, severity: "warning" },
        ],
      },
    ],
  },
  "STK-HELM-001": {
    valid: [
      {
        name: "an exact version",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n",
      },
    ],
    invalid: [
      {
        name: "a caret range",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: ^1.2.0\n",
        errors: [
          { data: { reason: "range", version: "^1.2.0", release: "app", source: "charts" }, line: 7, column: 16 },
        ],
      },
      {
        name: "a partial version",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: \"1.2\"\n",
        errors: [
          { data: { reason: "partial", version: "1.2", release: "app", source: "charts" }, line: 7, column: 16 },
        ],
      },
    ],
  },
  "STK-HELM-002": {
    valid: [
      {
        name: "an oci:// repository",
        code: "spec:\n  charts:\n    - name: app\n      repo: oci://registry.example.com/charts\n      chart: app\n      namespace: apps\n      version: 1.2.0\n",
      },
    ],
    invalid: [
      {
        name: "plain http",
        code: "spec:\n  charts:\n    - name: app\n      repo: http://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n",
        errors: [
          { data: { reason: "insecure", release: "app", repo: "http://charts.example.com" }, line: 4, column: 13 },
        ],
      },
    ],
  },
  "STK-HELM-003": {
    valid: [
      {
        name: "a pinned tag in dev",
        environment: "dev",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        image: nginx:1.27.3\n",
      },
    ],
    invalid: [
      {
        name: "latest in dev",
        environment: "dev",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        image: nginx:latest\n",
        errors: [
          { data: { reason: "latest", image: "nginx:latest", release: "app" }, line: 9, column: 16, severity: "warning" },
        ],
      },
      {
        name: "a tag without digest in prod",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        image: nginx:1.27.3\n",
        errors: [
          { data: { reason: "not-digest", image: "nginx:1.27.3", release: "app" }, line: 9, column: 16, severity: "warning" },
        ],
      },
    ],
  },
  "STK-HELM-004": {
    valid: [
      {
        name: "two replicas",
        code: "spec:\n  addons:\n    certManager:\n      values:\n        replicaCount: 2\n",
      },
    ],
    invalid: [
      {
        name: "one cert-manager replica",
        code: "spec:\n  addons:\n    certManager:\n      values:\n        replicaCount: 1\n",
        errors: [
          { data: { addon: "certManager", aspect: "replicas", release: "cert-manager", value: 1 }, line: 5, column: 23, severity: "warning" },
        ],
      },
    ],
  },
  "STK-K8S-001": {
    valid: [
      {
        name: "three members",
        code: "spec:\n  cluster:\n    controlPlane:\n      count: 3\n",
      },
    ],
    invalid: [
      {
        name: "one member in prod",
        code: "spec:\n  cluster:\n    controlPlane:\n      count: 1\n",
        errors: [
          { data: { count: 1, etcdClusters: ["main", "events"] }, line: 4, column: 14 },
        ],
      },
      {
        name: "one member in dev (a warning)",
        environment: "dev",
        code: "spec:\n  cluster:\n    controlPlane:\n      count: 1\n",
        errors: [
          { data: { count: 1, etcdClusters: ["main", "events"] }, line: 4, column: 14, severity: "warning" },
        ],
      },
    ],
  },
  "STK-K8S-002": {
    valid: [
      {
        name: "three members in three zones",
        code: "spec:\n  cluster:\n    controlPlane:\n      count: 3\n",
      },
    ],
    invalid: [
      {
        name: "five members in three zones",
        code: "spec:\n  cluster:\n    controlPlane:\n      count: 5\n",
        errors: [
          { data: { groups: ["control-plane-eu-west-1a", "control-plane-eu-west-1a-2"], zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], zone: "eu-west-1a" }, line: 4, column: 14 },
          { data: { groups: ["control-plane-eu-west-1b", "control-plane-eu-west-1b-2"], zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], zone: "eu-west-1b" }, line: 4, column: 14 },
        ],
      },
    ],
  },
  "STK-K8S-003": {
    valid: [
      {
        name: "MAJOR.MINOR.PATCH",
        code: "spec:\n  cluster:\n    kubernetesVersion: 1.35.5\n",
      },
    ],
    invalid: [
      {
        name: "a channel name",
        code: "spec:\n  cluster:\n    kubernetesVersion: stable\n",
        errors: [
          { data: { reason: "keyword", version: "stable" }, line: 3, column: 24 },
        ],
      },
    ],
  },
  "STK-K8S-004": {
    valid: [
      {
        name: "inside the window",
        code: "spec:\n  cluster:\n    kubernetesVersion: 1.35.5\n",
      },
    ],
    invalid: [
      {
        name: "below the window",
        code: "spec:\n  cluster:\n    kubernetesVersion: 1.30.14\n",
        errors: [
          { data: { minor: "1.30", reason: "too-old", min: "1.31.0", version: "1.30.14", max: "1.37.0" }, line: 3, column: 24 },
        ],
      },
      {
        name: "above the window",
        code: "spec:\n  cluster:\n    kubernetesVersion: 1.37.0\n",
        errors: [
          { data: { minor: "1.37", reason: "too-new", min: "1.31.0", version: "1.37.0", max: "1.37.0" }, line: 3, column: 24 },
        ],
      },
    ],
  },
  "STK-K8S-005": {
    valid: [
      {
        name: "tokens required",
        code: "spec:\n  cluster:\n    instanceMetadata:\n      httpTokens: required\n",
      },
    ],
    invalid: [
      {
        name: "tokens optional",
        code: "spec:\n  cluster:\n    instanceMetadata:\n      httpTokens: optional\n",
        errors: [
          { data: { reason: "tokens", groups: ["control-plane-eu-west-1a", "control-plane-eu-west-1b", "control-plane-eu-west-1c", "general"], httpTokens: "optional" }, line: 4, column: 19 },
        ],
      },
    ],
  },
  "STK-K8S-006": {
    valid: [
      {
        name: "secrets encrypted",
        code: "spec:\n  cluster:\n    secretsEncryption: true\n",
      },
    ],
    invalid: [
      {
        name: "secrets in the clear",
        code: "spec:\n  cluster:\n    secretsEncryption: false\n",
        errors: [
          { data: {}, line: 3, column: 24 },
        ],
      },
    ],
  },
  "STK-K8S-007": {
    valid: [
      {
        name: "etcd volumes encrypted",
        code: "spec:\n  cluster:\n    etcd:\n      encryptedVolumes: true\n",
      },
    ],
    invalid: [
      {
        name: "etcd volumes unencrypted",
        code: "spec:\n  cluster:\n    etcd:\n      encryptedVolumes: false\n",
        errors: [
          { data: { volume: "etcd", groups: [] }, line: 4, column: 25 },
        ],
      },
    ],
  },
  "STK-K8S-008": {
    valid: [
      {
        name: "audit logging on",
        code: "spec:\n  cluster:\n    auditLogging:\n      enabled: true\n",
      },
    ],
    invalid: [
      {
        name: "audit logging off",
        code: "spec:\n  cluster:\n    auditLogging:\n      enabled: false\n",
        errors: [
          { data: {}, line: 4, column: 16, severity: "warning" },
        ],
      },
    ],
  },
  "STK-K8S-009": {
    valid: [
      {
        name: "a single node in dev",
        environment: "dev",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: general\n        min: 1\n",
      },
    ],
    invalid: [
      {
        name: "a single node in prod",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: general\n        min: 1\n",
        errors: [
          { data: { reason: "min", group: "general", min: 1 }, line: 5, column: 14, severity: "warning" },
        ],
      },
    ],
  },
  "STK-IAM-001": {
    valid: [
      {
        name: "upstream's unconditioned statements, verbatim (allowlisted)",
        code: "spec:\n  addons:\n    velero: { version: 12.1.0 }\n",
      },
    ],
    invalid: [
      {
        name: "velero's snapshot statement with one action more than upstream",
        tamper: {
          terraform: {
            set: [
              {
                address: "data.aws_iam_policy_document.irsa_velero",
                path: ["statement", 0, "actions"],
                value: ["ec2:CreateSnapshot", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteSnapshot", "ec2:DeleteVolume", "ec2:DescribeSnapshots", "ec2:DescribeVolumes"],
              },
            ],
          },
        },
        code: "spec:\n  addons:\n    velero: { version: 12.1.0 }\n",
        errors: [
          {
            data: {
              document: "data.aws_iam_policy_document.irsa_velero",
              sid: "EbsSnapshots",
              actions: ["ec2:CreateSnapshot", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteSnapshot", "ec2:DeleteVolume"],
            },
            line: 3,
            column: 13,
          },
        ],
      },
    ],
  },
  "STK-KMS-001": {
    valid: [
      {
        name: "rotation on",
        code: "spec:\n  storage:\n    keyRotation: true\n",
      },
    ],
    invalid: [
      {
        name: "rotation off",
        code: "spec:\n  storage:\n    keyRotation: false\n",
        errors: [
          { data: { reason: "disabled" }, line: 3, column: 18, severity: "warning" },
        ],
      },
    ],
  },
  "STK-NET-001": {
    valid: [
      {
        name: "workers in private subnets",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: general\n        subnetType: private\n",
      },
    ],
    invalid: [
      {
        name: "workers in utility subnets",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: general\n        subnetType: utility\n",
        errors: [
          { data: { group: "general", subnetType: "utility" }, line: 5, column: 21 },
        ],
      },
    ],
  },
  "STK-NET-002": {
    valid: [
      {
        name: "control plane private",
        code: "spec:\n  cluster:\n    controlPlane:\n      subnetType: private\n",
      },
    ],
    invalid: [
      {
        name: "control plane in utility subnets",
        code: "spec:\n  cluster:\n    controlPlane:\n      subnetType: utility\n",
        errors: [
          { data: { subnetType: "utility", groups: ["control-plane-eu-west-1a", "control-plane-eu-west-1b", "control-plane-eu-west-1c"] }, line: 4, column: 19 },
        ],
      },
    ],
  },
  "STK-NET-003": {
    valid: [
      {
        name: "private ranges only",
        code: "spec:\n  cluster:\n    api:\n      access: [10.0.0.0/8, 192.168.0.0/16]\n",
      },
    ],
    invalid: [
      {
        name: "0.0.0.0/0 among others",
        code: "spec:\n  cluster:\n    api:\n      access: [10.0.0.0/8, 0.0.0.0/0]\n",
        errors: [
          { data: { cidr: "0.0.0.0/0", family: "ipv4" }, line: 4, column: 28 },
        ],
      },
    ],
  },
  "STK-NET-004": {
    valid: [
      {
        name: "ssh from a private range through a bastion in dev",
        environment: "dev",
        code: "spec:\n  cluster:\n    ssh:\n      bastion: true\n      access: [10.0.0.0/8]\n",
      },
    ],
    invalid: [
      {
        name: "ssh from anywhere",
        environment: "dev",
        code: "spec:\n  cluster:\n    ssh:\n      bastion: true\n      access:\n        - 10.0.0.0/8\n        - 0.0.0.0/0\n",
        errors: [
          { data: { reason: "open", cidr: "0.0.0.0/0", family: "ipv4" }, line: 7, column: 11 },
        ],
      },
    ],
  },
  "STK-NET-005": {
    valid: [
      {
        name: "an internal API load balancer",
        code: "spec:\n  cluster:\n    api:\n      loadBalancer: internal\n",
      },
    ],
    invalid: [
      {
        name: "a public API in prod",
        code: "spec:\n  cluster:\n    api:\n      loadBalancer: public\n",
        errors: [
          { data: { loadBalancer: "public" }, line: 4, column: 21 },
        ],
      },
      {
        name: "a public API in dev (a warning)",
        environment: "dev",
        code: "spec:\n  cluster:\n    api:\n      loadBalancer: public\n",
        errors: [
          { data: { loadBalancer: "public" }, line: 4, column: 21, severity: "warning" },
        ],
      },
    ],
  },
  "STK-NET-006": {
    valid: [
      {
        name: "two zones in dev",
        environment: "dev",
        code: "spec:\n  cloud:\n    zones: [eu-west-1a, eu-west-1b]\n  cluster:\n    controlPlane:\n      count: 1\n",
      },
    ],
    invalid: [
      {
        name: "two zones in prod",
        code: "spec:\n  cloud:\n    zones: [eu-west-1a, eu-west-1b]\n  cluster:\n    controlPlane:\n      count: 3\n",
        errors: [
          { data: { minimum: 3, zones: ["eu-west-1a", "eu-west-1b"] }, line: 3, column: 12 },
        ],
      },
    ],
  },
  "STK-NET-007": {
    valid: [
      {
        name: "one NAT gateway per zone",
        code: "spec:\n  network:\n    natGateways: perZone\n",
      },
    ],
    invalid: [
      {
        name: "a single NAT gateway in prod",
        code: "spec:\n  network:\n    natGateways: single\n",
        errors: [
          { data: { natZones: ["eu-west-1a"], zones: ["eu-west-1b", "eu-west-1c"] }, line: 3, column: 18 },
        ],
      },
      {
        name: "a single NAT gateway in dev (a warning)",
        environment: "dev",
        code: "spec:\n  network:\n    natGateways: single\n",
        errors: [
          { data: { natZones: ["eu-west-1a"], zones: ["eu-west-1b", "eu-west-1c"] }, line: 3, column: 18, severity: "warning" },
        ],
      },
    ],
  },
  "STK-NET-008": {
    valid: [
      {
        name: "an RFC 1918 VPC",
        code: "spec:\n  network:\n    cidr: 172.16.0.0/16\n",
      },
    ],
    invalid: [
      {
        name: "a VPC outside RFC 1918",
        code: "spec:\n  network:\n    cidr: 172.32.0.0/16\n",
        errors: [
          { data: { reason: "public-vpc", cidr: "172.32.0.0/16" }, line: 3, column: 11 },
        ],
      },
    ],
  },
  "STK-NET-009": {
    valid: [
      {
        name: "flow logs on",
        code: "spec:\n  network:\n    flowLogs:\n      enabled: true\n",
      },
    ],
    invalid: [
      {
        name: "flow logs off",
        code: "spec:\n  network:\n    flowLogs:\n      enabled: false\n",
        errors: [
          { data: { reason: "disabled" }, line: 4, column: 16, severity: "warning" },
        ],
      },
    ],
  },
  "STK-NET-010": {
    valid: [
      {
        name: "default security group restricted",
        code: "spec:\n  network:\n    restrictDefaultSecurityGroup: true\n",
      },
    ],
    invalid: [
      {
        name: "default security group left open",
        code: "spec:\n  network:\n    restrictDefaultSecurityGroup: false\n",
        errors: [
          { data: {}, line: 3, column: 35, severity: "warning" },
        ],
      },
    ],
  },
  "STK-S3-001": {
    valid: [
      {
        name: "SSE-KMS",
        code: "spec:\n  storage:\n    encryption: sse-kms\n",
      },
    ],
    invalid: [
      {
        name: "SSE-S3 (a warning: encrypted, but not with KMS)",
        code: "spec:\n  storage:\n    encryption: sse-s3\n",
        errors: [
          { data: { reason: "sse-s3", buckets: ["fx-kops-state", "fx-kops-state-replica", "fx-tfstate", "fx-velero", "fx-velero-replica"] }, line: 3, column: 17, severity: "warning" },
        ],
      },
      {
        name: "SSE-KMS asked, but the generated state bucket is on SSE-S3 (its effective encryption)",
        tamper: {
          terraform: {
            set: [
              {
                address: "aws_s3_bucket_server_side_encryption_configuration.terraform_state",
                path: ["rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"],
                value: "AES256",
              },
            ],
          },
        },
        code: "spec:\n  stateStore:\n    terraformBucket: fx-tfstate\n",
        errors: [
          { data: { reason: "effective-sse-s3", bucket: "fx-tfstate", role: "terraform-state" }, line: 3, column: 22, severity: "warning" },
        ],
      },
    ],
  },
  "STK-S3-002": {
    valid: [
      {
        name: "every bucket versioned",
        code: "spec:\n  stateStore:\n    bucket: fx-kops-state\n",
      },
    ],
    invalid: [
      {
        name: "the state bucket's versioning removed",
        tamper: { terraform: { remove: ["aws_s3_bucket_versioning.kops_state"] } },
        code: "spec:\n  stateStore:\n    bucket: fx-kops-state\n",
        errors: [
          { data: { role: "kops-state", bucket: "fx-kops-state" }, line: 3, column: 13 },
        ],
      },
    ],
  },
  "STK-S3-003": {
    valid: [
      {
        name: "every bucket blocks public access",
        code: "spec:\n  backups:\n    bucket: fx-velero\n",
      },
    ],
    invalid: [
      {
        name: "the backup bucket's public access block removed",
        tamper: { terraform: { remove: ["aws_s3_bucket_public_access_block.velero"] } },
        code: "spec:\n  backups:\n    bucket: fx-velero\n",
        errors: [
          { data: { reason: "no-block", role: "velero", bucket: "fx-velero" }, line: 3, column: 13 },
        ],
      },
    ],
  },
  "STK-S3-004": {
    valid: [
      {
        name: "access logging on",
        code: "spec:\n  storage:\n    accessLogsBucket: fx-s3-access-logs\n",
      },
    ],
    invalid: [
      {
        name: "no access logs bucket",
        code: "spec:\n  storage:\n    encryption: sse-kms\n    accessLogsBucket: null\n",
        errors: [
          { data: { reason: "no-access-logs", buckets: ["fx-kops-state", "fx-kops-state-replica", "fx-tfstate", "fx-velero", "fx-velero-replica"] }, line: 2, column: 3, severity: "warning" },
        ],
      },
      {
        name: "the backup replica's access logging removed (replicas are model buckets too)",
        tamper: { terraform: { remove: ["aws_s3_bucket_logging.velero_replica"] } },
        code: "spec:\n  backups:\n    replicaRegion: eu-central-1\n",
        errors: [
          { data: { reason: "logging-not-emitted", bucket: "fx-velero-replica" }, line: 3, column: 20, severity: "warning" },
        ],
      },
    ],
  },
  "STK-SEC-001": {
    valid: [
      {
        name: "references: a vals URI, a SOPS value, Secret names, an external-secrets entry",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        db:\n          password: ref+awssecrets://prod/db#password\n          token: ENC[AES256_GCM,data:Tr7o=,type:str]\n          existingSecret: app-db\n          passwordSecret: app-admin\n        data: [{ secretKey: password, remoteRef: { key: prod/db } }]\n",
      },
      {
        name: "empty and non-string values under secret-like keys",
        environment: "dev",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        password: \"\"\n        tokenTTL: 5m\n        authToken: false\n",
      },
    ],
    invalid: [
      {
        name: "a literal password, in prod and in dev alike",
        environment: "dev",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        password: hunter2\n",
        errors: [{ data: { release: "app", source: "charts", kind: "secret-key", key: "password" }, line: 9, column: 19 }],
      },
      {
        name: "an AWS access key id and a GitHub token under harmless keys",
        code: "spec:\n  charts:\n    - name: app\n      repo: https://charts.example.com\n      chart: app\n      namespace: apps\n      version: 1.2.0\n      values:\n        aws: { id: AKIAIOSFODNN7EXAMPLE }\n        gh: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n",
        errors: [
          { data: { release: "app", source: "charts", kind: "aws-access-key", key: "id" }, line: 9, column: 20 },
          { data: { release: "app", source: "charts", kind: "token", key: "gh" }, line: 10, column: 13 },
        ],
      },
      {
        name: "a private key in an add-on's values",
        code: "spec:\n  addons:\n    certManager:\n      values:\n        tls: \"-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\"\n",
        errors: [{ data: { release: "certManager", source: "addons", kind: "private-key", key: "tls" }, line: 5, column: 14 }],
      },
    ],
  },
  "STK-NET-011": {
    valid: [
      {
        name: "RFC 1918, RFC 6598 and the VPC",
        code: "spec:\n  cluster:\n    api:\n      access: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 10.20.0.0/16]\n    ssh:\n      access: [10.0.0.0/8]\n      bastion: true\n",
      },
      {
        name: "a public API load balancer's list is not judged here",
        environment: "dev",
        code: "spec:\n  cluster:\n    api:\n      loadBalancer: public\n      access: [203.0.113.0/24]\n",
      },
    ],
    invalid: [
      {
        name: "11/8 on the internal API",
        code: "spec:\n  cluster:\n    api:\n      access: [10.20.0.0/16, 11.0.0.0/8]\n",
        errors: [
          { data: { cidr: "11.0.0.0/8", list: "api", suggestion: "10.0.0.0/8", vpc: "10.20.0.0/16" }, line: 4, column: 30 },
        ],
      },
      {
        name: "a public /16 for SSH",
        environment: "dev",
        code: "spec:\n  cluster:\n    ssh:\n      bastion: true\n      access:\n        - 172.32.0.0/16\n",
        errors: [
          { data: { cidr: "172.32.0.0/16", list: "ssh", suggestion: "172.16.0.0/12", vpc: "10.20.0.0/16" }, line: 6, column: 11 },
        ],
      },
      {
        name: "source ranges of an internal traefik",
        code: "spec:\n  addons:\n    traefik:\n      version: 37.3.0\n      loadBalancerScheme: internal\n      values:\n        service:\n          spec:\n            loadBalancerSourceRanges: [10.0.0.0/8, 192.0.0.0/8]\n",
        errors: [
          { data: { cidr: "192.0.0.0/8", list: "source-ranges", release: "traefik", suggestion: "192.168.0.0/16", vpc: "10.20.0.0/16" }, line: 9, column: 52 },
        ],
      },
    ],
  },
  "STK-NET-012": {
    valid: [
      {
        name: "us-east-1's six zones",
        code: "spec:\n  cloud:\n    region: us-east-1\n    zones: [us-east-1a, us-east-1d, us-east-1f]\n  backups:\n    replicaRegion: us-west-2\n",
      },
    ],
    invalid: [
      {
        name: "eu-west-1 has no zone d",
        code: "spec:\n  cloud:\n    zones: [eu-west-1a, eu-west-1b, eu-west-1d]\n",
        errors: [
          { data: { reason: "unknown-zone", region: "eu-west-1", zone: "eu-west-1d", zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }, line: 3, column: 37 },
        ],
      },
      {
        name: "ca-central-1 skips c",
        code: "spec:\n  cloud:\n    region: ca-central-1\n    zones:\n      - ca-central-1a\n      - ca-central-1b\n      - ca-central-1c\n",
        errors: [
          { data: { reason: "unknown-zone", region: "ca-central-1", zone: "ca-central-1c", zones: ["ca-central-1a", "ca-central-1b", "ca-central-1d"] }, line: 7, column: 9 },
        ],
      },
      {
        name: "a misspelt replica region",
        code: "spec:\n  backups:\n    replicaRegion: eu-centrl-1\n",
        errors: [
          { data: { reason: "unknown-region", region: "eu-centrl-1", setting: "backups-replica" }, line: 3, column: 20 },
        ],
      },
    ],
  },
  "STK-K8S-010": {
    valid: [
      {
        name: "ten types of one size",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: spot\n        machineTypes: [m6i.xlarge, m6a.xlarge, m5.xlarge, m5a.xlarge, m5d.xlarge, m5n.xlarge, m5ad.xlarge, m6id.xlarge, m6in.xlarge, m7i.xlarge]\n        spot: true\n        min: 2\n        max: 10\n",
      },
      {
        name: "one type on demand",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: batch\n        machineType: c6i.2xlarge\n        min: 2\n        max: 4\n",
      },
    ],
    invalid: [
      {
        name: "three types",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: spot\n        machineTypes: [m6i.xlarge, m6a.xlarge, m5.xlarge]\n        spot: true\n        min: 2\n        max: 10\n",
        errors: [
          { data: { count: 3, group: "spot", minimum: 10 }, line: 5, column: 23, severity: "warning" },
        ],
      },
      {
        name: "one type, in dev too",
        environment: "dev",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: spot\n        machineType: m6i.xlarge\n        spot: true\n        min: 0\n        max: 10\n",
        errors: [
          { data: { count: 1, group: "spot", minimum: 10 }, line: 5, column: 22, severity: "warning" },
        ],
      },
    ],
  },
  "STK-K8S-011": {
    valid: [
      {
        name: "Graviton types with an arm64 image",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: graviton\n        machineTypes: [m7g.xlarge, m6g.xlarge]\n        image: 099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260218\n        min: 2\n        max: 6\n",
      },
      {
        name: "an AMI id names no architecture",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: graviton\n        machineType: m7g.xlarge\n        image: ami-0123456789abcdef0\n        min: 2\n        max: 6\n",
      },
    ],
    invalid: [
      {
        name: "Graviton types with the default amd64 image",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: graviton\n        machineTypes: [m7g.xlarge, c7g.xlarge]\n        min: 2\n        max: 6\n",
        errors: [
          { data: { group: "graviton", image: "099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218", imageArchitecture: "amd64", reason: "image", role: "Node", types: ["c7g.xlarge", "m7g.xlarge"] }, line: 5, column: 23 },
        ],
      },
      {
        name: "an Intel control plane with an arm64 image",
        code: "spec:\n  cluster:\n    controlPlane:\n      machineType: m6i.large\n      image: 099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260218\n",
        errors: [
          { data: { group: "control-plane", image: "099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260218", imageArchitecture: "arm64", reason: "image", role: "ControlPlane", types: ["m6i.large"] }, line: 4, column: 20 },
        ],
      },
      {
        name: "arm64 and amd64 types behind one AMI id",
        code: "spec:\n  cluster:\n    nodeGroups:\n      - name: mixed\n        machineTypes: [m7g.xlarge, m6i.xlarge]\n        image: ami-0123456789abcdef0\n        min: 2\n        max: 6\n",
        errors: [
          { data: { group: "mixed", image: "ami-0123456789abcdef0", reason: "mixed", role: "Node", types: ["m6i.xlarge", "m7g.xlarge"] }, line: 5, column: 23 },
        ],
      },
    ],
  },
  "STK-BKP-005": {
    valid: [
      {
        name: "hourly, kept 30 days",
        code: "spec:\n  backups:\n    schedule: \"0 * * * *\"\n    retentionDays: 30\n",
      },
    ],
    invalid: [
      {
        name: "every five minutes",
        code: "spec:\n  backups:\n    schedule: \"*/5 * * * *\"\n",
        errors: [
          { data: { reason: "too-frequent", runsPerHour: 12, schedule: "*/5 * * * *" }, line: 3, column: 15, severity: "warning" },
        ],
      },
      {
        name: "@every 20m",
        code: "spec:\n  backups:\n    schedule: \"@every 20m\"\n",
        errors: [
          { data: { minutes: 20, reason: "too-frequent", schedule: "@every 20m" }, line: 3, column: 15, severity: "warning" },
        ],
      },
      {
        name: "weekdays only, kept 2 days (a weekend without backups)",
        environment: "dev",
        code: "spec:\n  backups:\n    schedule: \"0 3 * * 1-5\"\n    retentionDays: 2\n",
        errors: [
          { data: { intervalDays: 3, reason: "retention", retentionDays: 2, schedule: "0 3 * * 1-5" }, line: 4, column: 20, severity: "warning" },
        ],
      },
    ],
  },
  "STK-WAIVER-001": {
    valid: [
      {
        name: "a waiver for six months",
        code: "spec:\n  network:\n    flowLogs: { enabled: false }\n  policy:\n    waivers:\n      - { rule: STK-NET-009, reason: Flow logs are collected org-wide, expires: 2027-05-21 }\n",
      },
    ],
    invalid: [
      {
        name: "two years",
        code: "spec:\n  network:\n    flowLogs: { enabled: false }\n  policy:\n    waivers:\n      - rule: STK-NET-009\n        reason: Flow logs are collected org-wide\n        expires: 2028-11-21\n",
        errors: [
          { data: { days: 731, expires: "2028-11-21", maximum: 365, rule: "STK-NET-009", today: "2026-11-21" }, line: 8, column: 18 },
        ],
      },
      {
        name: "over a 90-day maximum",
        code: "spec:\n  network:\n    flowLogs: { enabled: false }\n  policy:\n    maxWaiverDays: 90\n    waivers:\n      - rule: STK-NET-009\n        reason: Flow logs are collected org-wide\n        expires: 2027-03-01\n",
        errors: [
          { data: { days: 100, expires: "2027-03-01", maximum: 90, rule: "STK-NET-009", today: "2026-11-21" }, line: 9, column: 18 },
        ],
      },
    ],
  },
  "STK-HELM-005": {
    valid: [
      {
        name: "target-type ip",
        code: "spec:\n  charts:\n    - name: podinfo\n      repo: https://stefanprodan.github.io/podinfo\n      chart: podinfo\n      version: 6.9.2\n      namespace: apps\n      values:\n        ingress:\n          enabled: true\n          className: alb\n          annotations:\n            alb.ingress.kubernetes.io/target-type: ip\n",
      },
      {
        name: "a NodePort service",
        code: "spec:\n  charts:\n    - name: podinfo\n      repo: https://stefanprodan.github.io/podinfo\n      chart: podinfo\n      version: 6.9.2\n      namespace: apps\n      values:\n        service: { type: NodePort }\n        ingress: { enabled: true, className: alb }\n",
      },
    ],
    invalid: [
      {
        name: "podinfo's ClusterIP with instance targets",
        code: "spec:\n  charts:\n    - name: podinfo\n      repo: https://stefanprodan.github.io/podinfo\n      chart: podinfo\n      version: 6.9.2\n      namespace: apps\n      values:\n        ingress:\n          enabled: true\n          className: alb\n",
        errors: [
          { data: { ingress: "ingress", release: "podinfo", serviceType: "ClusterIP", targetType: "instance" }, line: 11, column: 22 },
        ],
      },
      {
        name: "Grafana of kube-prometheus-stack, class by annotation",
        code: "spec:\n  addons:\n    kubePrometheusStack:\n      version: 88.5.3\n      values:\n        grafana:\n          ingress:\n            enabled: true\n            annotations:\n              kubernetes.io/ingress.class: alb\n",
        errors: [
          { data: { ingress: "grafana.ingress", release: "kube-prometheus-stack", serviceType: "ClusterIP", targetType: "instance" }, line: 8, column: 13 },
        ],
      },
    ],
  },
};
