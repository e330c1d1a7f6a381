// IAM for external-secrets (chart 2.9.0, app v2.9.0): read-only access to AWS Secrets Manager
// secrets and SSM Parameter Store parameters under one name prefix, for ClusterSecretStores that
// use the controller's own service account (IRSA).
//
// Provenance: external-secrets/external-secrets, read 2026-11-21 (the index did not serve the docs
// at the pinned tag helm-chart-2.9.0 / cc5bfbc2):
// - docs/provider/aws-secrets-manager.md @ 90713b07aca8ca648720b5b92c68aa403f746cc8, "IAM Policy":
//   secretsmanager:GetResourcePolicy, GetSecretValue, DescribeSecret, ListSecretVersionIds on
//   `arn:aws:secretsmanager:<region>:<account>:secret:dev-*` ("pin down access to secrets matching
//   dev-*"). The PushSecret permissions on the same page (CreateSecret, PutSecretValue,
//   TagResource, DeleteSecret) are write access and are not granted.
// - docs/provider/aws-parameter-store.md @ e43c4bf5de5e01090bfcb9aa26c5bd2b4e811fac, "IAM Policy":
//   `ssm:GetParameter*` on `arn:aws:ssm:<region>:<account>:parameter/dev-*`. Our action format has
//   no wildcards, so the wildcard is expanded to the four actions it matches (GetParameter,
//   GetParameterHistory, GetParameters, GetParametersByPath). Finding parameters by tag needs
//   ssm:DescribeParameters and tag:GetResources on `*` (same page); not granted.
//
// Scope: the prefix comes from IamContext.externalSecretsPrefix, default `<cluster>/`. Secrets
// Manager ARNs end in `<name>-<6 random chars>`, and an SSM parameter `/a/b` has the ARN
// `parameter/a/b`, so `<prefix>*` covers both. The account is IamContext.accountId, or `*`.
// SecureString parameters and secrets encrypted with a customer-managed KMS key also need
// kms:Decrypt on that key; the AWS-managed keys need nothing more.
import type { IamStatement } from "../../catalog/iam-types.js";
import { partitionOf, type IamContext, type Provenance } from "./context.js";

export const EXTERNAL_SECRETS_PROVENANCE: Provenance[] = [
  {
    repo: "external-secrets/external-secrets",
    path: "docs/provider/aws-secrets-manager.md",
    ref: "helm-chart-2.9.0",
    commit: "90713b07aca8ca648720b5b92c68aa403f746cc8",
    read: "2026-11-21",
    notes: "doc at the pinned tag not readable in the index; read-only actions only, scoped to the stack prefix",
  },
  {
    repo: "external-secrets/external-secrets",
    path: "docs/provider/aws-parameter-store.md",
    ref: "helm-chart-2.9.0",
    commit: "e43c4bf5de5e01090bfcb9aa26c5bd2b4e811fac",
    read: "2026-11-21",
    notes: "ssm:GetParameter* expanded to its four actions; scoped to the stack prefix",
  },
];

/** The name prefix external-secrets may read, without a leading slash. */
export function externalSecretsPrefix(ctx: IamContext): string {
  const raw = ctx.externalSecretsPrefix ?? `${ctx.clusterName}/`;
  const prefix = raw.replace(/^\/+/, "");
  // An empty prefix would grant every secret in the account; wildcards would widen it silently.
  // The manifest schema should rule both out; reaching here with one is a bug, not user input.
  if (prefix === "" || /[*?]/.test(prefix)) {
    throw new Error(`external-secrets prefix ${JSON.stringify(raw)} must be a non-empty name prefix without wildcards`);
  }
  return prefix;
}

export function externalSecretsStatements(ctx: IamContext): IamStatement[] {
  const partition = partitionOf(ctx);
  const account = ctx.accountId ?? "*";
  const prefix = externalSecretsPrefix(ctx);
  return [
    {
      sid: "ReadStackSecrets",
      effect: "Allow",
      actions: [
        "secretsmanager:DescribeSecret",
        "secretsmanager:GetResourcePolicy",
        "secretsmanager:GetSecretValue",
        "secretsmanager:ListSecretVersionIds",
      ],
      resources: [`arn:${partition}:secretsmanager:${ctx.region}:${account}:secret:${prefix}*`],
    },
    {
      sid: "ReadStackParameters",
      effect: "Allow",
      actions: ["ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters", "ssm:GetParametersByPath"],
      resources: [`arn:${partition}:ssm:${ctx.region}:${account}:parameter/${prefix}*`],
    },
  ];
}
