// versions.tf, providers.tf and backend.tf of both modules: the Terraform and provider floors, the
// account guard, stack tags on everything, a replica-region provider only where replicas live,
// and an S3 backend with a lock file (no DynamoDB) keyed per stack.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { exampleModel, exampleModels } from "../helpers/stacks.js";
import { artifactOf, moduleOf } from "./artifact-queries.js";

test("both modules require terraform >= 1.11.0 and aws >= 5.100.0, < 7.0.0", async () => {
  for (const model of await exampleModels()) {
    for (const module of artifactOf(model).modules) {
      assert.is(module.requiredVersion, ">= 1.11.0");
      assert.equal(module.requiredProviders, { aws: { source: "hashicorp/aws", version: ">= 5.100.0, < 7.0.0" } });
    }
  }
});

test("the provider has the region, the account guard when accountId is set, and the model's tags as default_tags", async () => {
  for (const model of await exampleModels()) {
    for (const module of artifactOf(model).modules) {
      const main = module.providers.find((p) => p.alias === null);
      assert.ok(main, `${model.name}/${module.dir}: default provider`);
      assert.is(main!.attributes.region, model.region);
      assert.equal(main!.attributes.allowed_account_ids, model.accountId ? [model.accountId] : undefined);
      assert.equal(main!.attributes.default_tags, [{ tags: model.tags }]);
    }
  }
});

test("a provider alias exists exactly for each replica region, with the same guard and tags", async () => {
  for (const model of await exampleModels()) {
    const root = moduleOf(artifactOf(model), "terraform");
    const regions = [...new Set(model.buckets.flatMap((b) => (b.replicaRegion ? [b.replicaRegion] : [])))];
    const aliases = root.providers.filter((p) => p.alias !== null);
    assert.equal(aliases.map((p) => [p.alias, p.attributes.region]), regions.map((r) => [`replica_${r.replace(/-/g, "_")}`, r]), model.name);
    for (const p of aliases) assert.equal(p.attributes.default_tags, [{ tags: model.tags }]);
  }
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  assert.equal(prod.providers.map((p) => p.alias), [null, "replica_eu_central_1"]);
});

test("the backend is s3 in the state bucket, one key per stack, encrypted, with a lock file and no DynamoDB", async () => {
  for (const model of await exampleModels()) {
    const backend = moduleOf(artifactOf(model), "terraform").backend;
    assert.equal(backend, {
      type: "s3",
      attributes: {
        bucket: model.stack.spec.stateStore.terraformBucket,
        key: `stacks/${model.name}/terraform.tfstate`,
        region: model.region,
        encrypt: true,
        // the key terraform-bootstrap creates for the state, by alias: without it `encrypt`
        // would write the state with SSE-S3 whatever the bucket's default encryption
        ...(model.kms.mode === "create" ? { kms_key_id: `alias/stackc/${model.name}-tfstate` } : {}),
        use_lockfile: true,
      },
    });
  }
});

test("the root module is split by topic; kms.tf only when the stack has a key to create", async () => {
  for (const model of await exampleModels()) {
    const files = moduleOf(artifactOf(model), "terraform").files;
    const kms = model.kms.mode === "create" || model.buckets.some((b) => b.replicaRegion) ? ["terraform/kms.tf"] : [];
    assert.equal(files, [
      "terraform/versions.tf",
      "terraform/providers.tf",
      "terraform/backend.tf",
      "terraform/network.tf",
      "terraform/storage.tf",
      ...kms,
      "terraform/dns.tf",
      "terraform/iam.tf",
      "terraform/outputs.tf",
    ]);
    assert.equal(moduleOf(artifactOf(model), "terraform-bootstrap").files, [
      "terraform-bootstrap/versions.tf",
      "terraform-bootstrap/providers.tf",
      "terraform-bootstrap/state-bucket.tf",
      "terraform-bootstrap/outputs.tf",
    ]);
  }
});

test.run();
