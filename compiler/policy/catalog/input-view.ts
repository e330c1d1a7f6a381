// The catalog's view of a policy input: the input without the Terraform resources and artifact
// documents no catalog rule reads. Every evaluation serialises its input to JSON and the wasm
// parses it again; the Terraform artifact is most of a stack's input (about 100 of 140 KB), and
// under half of it is of a type a rule reads, so the view makes the catalog's evaluation about a
// fifth cheaper (the 500-stack bench). User policies and --dump-policy-input still get the whole input: they may
// read anything. test/policy/input-view.test.ts checks that every resource type the Rego names
// is kept, and that the catalog's findings are the same with the view as without.

/**
 * The Terraform resource types the catalog reads: policies/lib/tf.rego `types`, plus the IAM
 * policy documents STK-IAM-001 judges.
 */
export const CATALOG_TERRAFORM_TYPES: ReadonlySet<string> = new Set([
  "aws_default_security_group",
  "aws_flow_log",
  "aws_iam_policy_document",
  "aws_kms_key",
  "aws_nat_gateway",
  "aws_route",
  "aws_s3_bucket",
  "aws_s3_bucket_logging",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_versioning",
]);

/**
 * The documents of the other artifacts the catalog reads (the Helmfile releases, not the rendered
 * helmfile.yaml or the groups; the kops Cluster and InstanceGroups, not the bindings).
 */
export const CATALOG_ARTIFACT_PARTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  helmfile: ["releases"],
  kops: ["cluster", "instanceGroups"],
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The input the catalog is evaluated on: `input` itself when it has no artifacts, else a shallow
 * copy whose artifacts.terraform keeps, of each module, its `dir` and the resources of
 * CATALOG_TERRAFORM_TYPES (as they are, in order), and whose helmfile and kops artifacts keep the
 * CATALOG_ARTIFACT_PARTS. Nothing is copied deeply; `input` is not changed.
 */
export function catalogInput<T extends object>(input: T): T {
  const artifacts = (input as Json).artifacts;
  if (!isObject(artifacts)) return input;
  const view: Json = { ...artifacts };
  if (isObject(artifacts.terraform) && Array.isArray(artifacts.terraform.modules)) {
    const modules = artifacts.terraform.modules.map((m: unknown) => {
      // anything off the emitter's shape is passed on whole: the Rego decides what it makes of it
      if (!isObject(m) || !Array.isArray(m.resources)) return m;
      return { dir: m.dir, resources: m.resources.filter((r: unknown) => !isObject(r) || typeof r.type !== "string" || CATALOG_TERRAFORM_TYPES.has(r.type)) };
    });
    view.terraform = { modules };
  }
  for (const [name, parts] of Object.entries(CATALOG_ARTIFACT_PARTS)) {
    const artifact = artifacts[name];
    if (!isObject(artifact)) continue;
    const kept: Json = {};
    for (const part of parts) if (part in artifact) kept[part] = artifact[part];
    view[name] = kept;
  }
  return { ...input, artifacts: view };
}
