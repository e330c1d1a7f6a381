// Structural checks over the IAM data of every registered add-on, in every partition stackc
// supports. These are the rules the Terraform emitter and AWS rely on: a malformed sid, action or
// condition fails `terraform apply` (MalformedPolicyDocument) long after `stackc build` said yes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { IamResource, IamStatement } from "../../compiler/catalog/iam-types.js";
import {
  ADDON_IAM,
  IAM_ADDON_KEYS,
  isIamAddonKey,
  partitionOf,
  resolveAddonIam,
  type IamContext,
} from "../../compiler/addons/iam/index.js";

const CONTEXTS: IamContext[] = [
  { clusterName: "prod.k8s.example.com", region: "eu-west-1" },
  { clusterName: "cn.k8s.example.cn", region: "cn-north-1", accountId: "123456789012" },
  { clusterName: "gov.k8s.example.com", region: "us-gov-west-1", externalSecretsPrefix: "/platform/gov/" },
];

const SID = /^[A-Za-z0-9]+$/;
// service prefix (lowercase, digits, dashes) and an API name; no wildcards.
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
// condition keys are namespaced (`aws:`, `ec2:`, `route53:` …)
const CONDITION_KEY = /^[a-z0-9-]+:\S+$/;
const CONDITION_OPERATORS = new Set([
  "StringEquals",
  "StringNotEquals",
  "StringLike",
  "StringNotLike",
  "ArnLike",
  "ArnEquals",
  "Bool",
  "Null",
  "ForAllValues:StringEquals",
  "ForAllValues:StringLike",
  "ForAnyValue:StringEquals",
  "ForAnyValue:StringLike",
]);
const BUCKET_ROLES = new Set(["kops-state", "terraform-state", "oidc", "velero", "flow-logs", "access-logs", "loki"]);

function strings(statements: IamStatement[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    out.push(s.sid, ...s.actions);
    for (const r of s.resources) if (typeof r === "string") out.push(r);
    for (const c of s.conditions ?? []) out.push(c.test, c.variable, ...c.values);
  }
  return out;
}

function resourceKey(r: IamResource): string {
  return typeof r === "string" ? r : JSON.stringify(r);
}

test("the registry holds exactly the curated add-ons that call AWS", () => {
  assert.equal(
    [...IAM_ADDON_KEYS],
    [
      "awsEbsCsiDriver",
      "awsLoadBalancerController",
      "certManager",
      "clusterAutoscaler",
      "externalDns",
      "externalSecrets",
      "loki",
      "velero",
    ],
  );
  // fluent-bit ships to Loki in-cluster: no IAM, so no entry (and no empty policy document)
  assert.not.ok(isIamAddonKey("fluentBit"));
  assert.ok(isIamAddonKey("velero"));
});

test("only the load-balancer controller keeps upstream action order", () => {
  const exempt = IAM_ADDON_KEYS.filter((k) => ADDON_IAM[k].upstreamOrder);
  assert.equal(exempt, ["awsLoadBalancerController"]);
});

test("every add-on records where its policy came from", () => {
  for (const key of IAM_ADDON_KEYS) {
    const provenance = ADDON_IAM[key].provenance;
    assert.ok(provenance.length > 0, key);
    for (const p of provenance) {
      assert.match(p.repo, /^[\w.-]+\/[\w.-]+$/, `${key} repo`);
      assert.ok(p.path.length > 0, `${key} path`);
      assert.ok(p.ref.length > 0, `${key} ref`);
      assert.match(p.read, /^\d{4}-\d{2}-\d{2}$/, `${key} read date`);
      if (p.commit !== undefined) assert.match(p.commit, /^[0-9a-f]{40}$/, `${key} commit`);
    }
  }
});

for (const ctx of CONTEXTS) {
  const partition = partitionOf(ctx);

  test(`[${partition}] every add-on grants something: statements or a managed policy`, () => {
    for (const key of IAM_ADDON_KEYS) {
      const { statements, managedPolicyArns } = resolveAddonIam(key, ctx);
      assert.ok(statements.length + managedPolicyArns.length > 0, key);
    }
  });

  test(`[${partition}] sids are letters and digits, unique within an add-on`, () => {
    for (const key of IAM_ADDON_KEYS) {
      const sids = resolveAddonIam(key, ctx).statements.map((s) => s.sid);
      for (const sid of sids) assert.match(sid, SID, `${key}: ${sid}`);
      assert.is(new Set(sids).size, sids.length, `${key}: duplicate sid`);
    }
  });

  test(`[${partition}] actions are service:Action, without duplicates, sorted unless upstream order`, () => {
    for (const key of IAM_ADDON_KEYS) {
      for (const s of resolveAddonIam(key, ctx).statements) {
        assert.ok(s.actions.length > 0, `${key}/${s.sid}: no actions`);
        for (const a of s.actions) assert.match(a, ACTION, `${key}/${s.sid}: ${a}`);
        assert.is(new Set(s.actions).size, s.actions.length, `${key}/${s.sid}: duplicate action`);
        if (!ADDON_IAM[key].upstreamOrder) {
          assert.equal(s.actions, [...s.actions].sort(), `${key}/${s.sid}: actions not sorted`);
        }
        assert.ok(s.effect === "Allow" || s.effect === "Deny", `${key}/${s.sid}: effect`);
      }
    }
  });

  test(`[${partition}] resources are non-empty: '*', an ARN of this partition, or a known ref`, () => {
    for (const key of IAM_ADDON_KEYS) {
      for (const s of resolveAddonIam(key, ctx).statements) {
        assert.ok(s.resources.length > 0, `${key}/${s.sid}: no resources`);
        const keys = s.resources.map(resourceKey);
        assert.is(new Set(keys).size, keys.length, `${key}/${s.sid}: duplicate resource`);
        for (const r of s.resources) {
          if (typeof r === "string") {
            assert.ok(r === "*" || r.startsWith(`arn:${partition}:`), `${key}/${s.sid}: ${r}`);
          } else if (r.ref === "route53-zone") {
            assert.equal(Object.keys(r), ["ref"]);
          } else {
            assert.ok(r.ref === "bucket" || r.ref === "bucket-objects", `${key}/${s.sid}: ref ${JSON.stringify(r)}`);
            assert.ok(BUCKET_ROLES.has(r.bucket), `${key}/${s.sid}: bucket ${r.bucket}`);
          }
        }
      }
    }
  });

  test(`[${partition}] conditions are well-formed`, () => {
    for (const key of IAM_ADDON_KEYS) {
      for (const s of resolveAddonIam(key, ctx).statements) {
        if (s.conditions === undefined) continue;
        assert.ok(s.conditions.length > 0, `${key}/${s.sid}: empty conditions array`);
        const pairs = s.conditions.map((c) => `${c.test} ${c.variable}`);
        // one operator/key pair once: duplicates would silently overwrite each other in JSON
        assert.is(new Set(pairs).size, pairs.length, `${key}/${s.sid}: repeated condition`);
        for (const c of s.conditions) {
          assert.ok(CONDITION_OPERATORS.has(c.test), `${key}/${s.sid}: operator ${c.test}`);
          assert.match(c.variable, CONDITION_KEY, `${key}/${s.sid}: key ${c.variable}`);
          assert.ok(c.values.length > 0, `${key}/${s.sid}: no values for ${c.variable}`);
          for (const v of c.values) assert.ok(v.length > 0, `${key}/${s.sid}: empty value`);
          if (c.test === "Null") {
            for (const v of c.values) assert.ok(v === "true" || v === "false", `${key}/${s.sid}: Null ${v}`);
          }
        }
      }
    }
  });

  test(`[${partition}] \${cluster} is replaced and no other \${…} reaches the HCL printer`, () => {
    for (const key of IAM_ADDON_KEYS) {
      const { statements, managedPolicyArns } = resolveAddonIam(key, ctx);
      for (const s of [...strings(statements), ...managedPolicyArns]) {
        assert.not.ok(s.includes("${"), `${key}: ${s}`);
      }
    }
  });

  test(`[${partition}] managed policies are AWS-managed ARNs of this partition`, () => {
    for (const key of IAM_ADDON_KEYS) {
      for (const arn of resolveAddonIam(key, ctx).managedPolicyArns) {
        assert.match(arn, new RegExp(`^arn:${partition}:iam::aws:policy/[\\w/+=,.@-]+$`), `${key}: ${arn}`);
      }
    }
  });
}

test("resolving is deterministic and hands out fresh objects", () => {
  const ctx = CONTEXTS[0]!;
  for (const key of IAM_ADDON_KEYS) {
    const first = resolveAddonIam(key, ctx);
    const second = resolveAddonIam(key, ctx);
    assert.equal(first, second, key);
    // an emitter that sorts or edits its copy must not change what the next caller gets
    for (const s of first.statements) {
      s.actions.reverse();
      s.resources.length = 0;
      for (const c of s.conditions ?? []) c.values.length = 0;
    }
    first.managedPolicyArns.length = 0;
    assert.equal(resolveAddonIam(key, ctx), second, key);
  }
});

test("a placeholder other than ${cluster} is refused, not passed on to HCL", () => {
  const ctx: IamContext = {
    clusterName: "prod.k8s.example.com",
    region: "eu-west-1",
    // an IAM policy variable would become a Terraform interpolation in the HCL output
    externalSecretsPrefix: "${aws:username}/",
  };
  assert.throws(() => resolveAddonIam("externalSecrets", ctx), /unresolved placeholder/);
});

test.run();
