// iam.tf: one IAM policy per add-on with inline IRSA statements (model.addons[].iam). kops
// creates the service accounts' roles and attaches these policies by ARN (irsa_policy_arns
// output → serviceAccountExternalPermissions); AWS-managed policies are attached by kops as they
// are and do not appear here. Symbolic resources become references to what this module creates:
// `route53-zone` → aws_route53_zone.cluster.arn, `bucket` → aws_s3_bucket.<role>.arn,
// `bucket-objects` → "${aws_s3_bucket.<role>.arn}/*".
//
// One statement is added here rather than in the add-on data: an add-on that reads or writes a
// bucket encrypted with the stack's KMS key needs kms:Decrypt and kms:GenerateDataKey on that key,
// which only the Terraform emitter knows (it decides each bucket's encryption).
import type { BucketRole, IamResource, IamStatement } from "../../catalog/iam-types.js";
import { addonsWithInlinePolicy, type AddonModel } from "../../model/model.js";
import { boundedName, IAM_POLICY_NAME_MAX } from "./names.js";
import { policyDocument, type DocStatement } from "./policy-document.js";
import { snakeCase, type TfStack } from "./stack.js";
import { restoreSource, restoreSourceItems, restoreSourceKmsKeyArn } from "./restore-source.js";
import { resource, type TfFile, type TfItem, type TfResource } from "./tf/blocks.js";
import { ref, type TfValue } from "./tf/values.js";

/** Add-ons that get an aws_iam_policy: enabled, with at least one inline statement. */
export function irsaAddons(stack: TfStack): AddonModel[] {
  return addonsWithInlinePolicy(stack.model);
}

export function irsaPolicyName(addon: AddonModel): string {
  return `irsa_${snakeCase(addon.key)}`;
}

/** Thrown for a statement that refers to something the stack does not create. */
export class UnresolvableIamResource extends Error {
  override name = "UnresolvableIamResource";
}

function resolveResource(stack: TfStack, r: IamResource, addon: AddonModel): TfValue {
  if (typeof r === "string") return r;
  if (r.ref === "route53-zone") return ref("aws_route53_zone.cluster", "arn");
  if (!stack.model.buckets.some((b) => b.role === r.bucket)) {
    throw new UnresolvableIamResource(`add-on ${addon.key} needs the ${r.bucket} bucket, which the stack does not have`);
  }
  return r.ref === "bucket" ? stack.bucketAttr(r.bucket, "arn") : stack.bucketObjects(r.bucket);
}

/** Stack buckets the statements refer to. */
function bucketsUsed(statements: readonly IamStatement[]): BucketRole[] {
  const roles = new Set<BucketRole>();
  for (const s of statements) for (const r of s.resources) if (typeof r !== "string" && r.ref !== "route53-zone") roles.add(r.bucket);
  return [...roles];
}

export const KMS_STATEMENT_SID = "UseStackKmsKeyForBuckets";

export function irsaStatements(stack: TfStack, addon: AddonModel): DocStatement[] {
  const statements = addon.iam?.statements ?? [];
  const out: DocStatement[] = statements.map((s) => ({
    sid: s.sid,
    effect: s.effect,
    actions: [...s.actions],
    resources: s.resources.map((r) => resolveResource(stack, r, addon)),
    ...(s.conditions && s.conditions.length > 0 ? { conditions: s.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })) } : {}),
  }));
  const kmsBuckets = bucketsUsed(statements).filter((role) => {
    const bucket = stack.bucket(role);
    return bucket !== undefined && stack.sseAlgorithm(bucket) === "aws:kms";
  });
  if (kmsBuckets.length > 0) {
    out.push({ sid: KMS_STATEMENT_SID, effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [stack.kmsKeyArn()] });
  }
  if (addon.key === "velero") out.push(...restoreSourceStatements(stack));
  return out;
}

/**
 * Blue/green: read-only access to the replaced stack's backups (its Velero bucket, and its KMS
 * key when the bucket is encrypted with one: decrypt only). The key's ARN comes from the replaced
 * stack's own Terraform state (restore-source.ts), never a copied value.
 */
function restoreSourceStatements(stack: TfStack): DocStatement[] {
  const source = restoreSource(stack.model);
  if (!source) return [];
  const arn = `arn:${stack.partition}:s3:::${source.bucket}`;
  return [
    { sid: "RestoreSourceObjects", effect: "Allow", actions: ["s3:GetObject"], resources: [`${arn}/*`] },
    { sid: "RestoreSourceBucket", effect: "Allow", actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [arn] },
    ...(source.kms ? [{ sid: "RestoreSourceDecrypt", effect: "Allow" as const, actions: ["kms:Decrypt"], resources: [restoreSourceKmsKeyArn()] }] : []),
  ];
}

export interface IrsaPolicy {
  readonly addon: AddonModel;
  /** Resource name of its policy document and aws_iam_policy. */
  readonly name: string;
  readonly statements: readonly DocStatement[];
}

const planned = new WeakMap<TfStack, readonly IrsaPolicy[]>();

/**
 * The IRSA policies the module creates, decided once per stack so iam.tf and outputs.tf agree:
 * an add-on whose statements cannot be resolved is reported (STK-EMIT-001) and left out of both.
 */
export function irsaPolicies(stack: TfStack): readonly IrsaPolicy[] {
  let policies = planned.get(stack);
  if (policies) return policies;
  const out: IrsaPolicy[] = [];
  for (const addon of irsaAddons(stack)) {
    try {
      out.push({ addon, name: irsaPolicyName(addon), statements: irsaStatements(stack, addon) });
    } catch (error) {
      if (!(error instanceof UnresolvableIamResource)) throw error;
      stack.report(error.message, addon.pointer);
    }
  }
  policies = out;
  planned.set(stack, policies);
  return policies;
}

export function iamResources(stack: TfStack): TfResource[] {
  const out: TfResource[] = [];
  for (const { addon, name, statements } of irsaPolicies(stack)) {
    const meta = { addon: addon.key };
    const sa = addon.serviceAccount ? ` (service account ${addon.serviceAccount.namespace}/${addon.serviceAccount.name})` : "";
    out.push(
      policyDocument(name, statements, { meta }),
      resource(
        "aws_iam_policy",
        name,
        {
          name: boundedName(`${stack.stackName}-${addon.info.release}`, IAM_POLICY_NAME_MAX),
          description: `IRSA permissions of ${addon.info.release}${sa} in cluster ${stack.model.clusterName}`,
          policy: ref(`data.aws_iam_policy_document.${name}`, "json"),
        },
        { meta },
      ),
    );
  }
  return out;
}

export function iamFile(dir: string, stack: TfStack): TfFile | undefined {
  const items: TfItem[] = [...restoreSourceItems(stack), ...iamResources(stack)];
  if (items.length === 0) return undefined;
  return { path: `${dir}/iam.tf`, summary: "IAM policies of the add-ons' service accounts (IRSA); kops creates the roles and attaches them.", items };
}
