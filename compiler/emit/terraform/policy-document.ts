// `data "aws_iam_policy_document"` from typed statements: the one way this emitter writes IAM
// JSON (IRSA policies, bucket policies, key policies, the replication role), so every policy is
// reviewable HCL and validated by the provider instead of a hand-built JSON string.
import { data, nestedList, type TfBody, type TfResource, type ResourceOptions } from "./tf/blocks.js";
import type { TfValue } from "./tf/values.js";

export interface DocPrincipal {
  readonly type: "AWS" | "Service" | "*";
  readonly identifiers: readonly TfValue[];
}

export interface DocCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly TfValue[];
}

export interface DocStatement {
  readonly sid: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources: readonly TfValue[];
  readonly principals?: readonly DocPrincipal[];
  readonly conditions?: readonly DocCondition[];
}

export function policyDocument(name: string, statements: readonly DocStatement[], options: ResourceOptions = {}): TfResource {
  const sids = new Set<string>();
  for (const s of statements) {
    if (sids.has(s.sid)) throw new Error(`policy document ${name} repeats statement id ${s.sid}`);
    sids.add(s.sid);
  }
  return data("aws_iam_policy_document", name, { statement: nestedList(statements.map(statementBody)) }, options);
}

function statementBody(s: DocStatement): TfBody {
  return {
    sid: s.sid,
    effect: s.effect,
    actions: [...s.actions],
    // trust policies have no resources
    resources: s.resources.length > 0 ? [...s.resources] : undefined,
    principals: s.principals && s.principals.length > 0 ? nestedList(s.principals.map((p) => ({ type: p.type, identifiers: [...p.identifiers] }))) : undefined,
    condition:
      s.conditions && s.conditions.length > 0
        ? nestedList(s.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })))
        : undefined,
  };
}

/** Deny every request that does not use TLS (aws:SecureTransport), for any bucket policy. */
export function denyInsecureTransport(bucketArn: TfValue, objectsArn: TfValue): DocStatement {
  return {
    sid: "DenyInsecureTransport",
    effect: "Deny",
    actions: ["s3:*"],
    resources: [bucketArn, objectsArn],
    principals: [{ type: "*", identifiers: ["*"] }],
    conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
  };
}
