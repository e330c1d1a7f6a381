// Every emitted helmfile.yaml validates against stackc's closed schema (additionalProperties:
// false everywhere, because helmfile decodes strictly and a misspelt key is a load error) and
// against SchemaStore's loose helmfile schema (what editors use).
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { HELMFILE_PATH } from "../../compiler/emit/helmfile/index.js";
import { exampleModels } from "../helpers/stacks.js";
import { repoPath, upstreamPath } from "../helpers/repo.js";
import { emit, fixtureModel, parsedFile } from "./support.js";

const closedSchema = JSON.parse(readFileSync(repoPath("compiler", "emit", "helmfile", "helmfile.closed.schema.json"), "utf8")) as object;
const schemaStore = JSON.parse(readFileSync(upstreamPath("helmfile.schema.json"), "utf8")) as object;

const closed: ValidateFunction = new Ajv({ allErrors: true, strict: true }).compile(closedSchema);
// SchemaStore's file uses annotation keywords ajv's strict mode does not know.
const loose: ValidateFunction = new Ajv({ allErrors: true, strict: false }).compile(schemaStore);

async function emittedHelmfiles(): Promise<{ name: string; doc: unknown }[]> {
  const models = [...(await exampleModels()), await fixtureModel("all-addons"), await fixtureModel("minimal")];
  return models.map((model) => ({ name: model.name, doc: parsedFile(emit(model), HELMFILE_PATH) }));
}

test("every emitted helmfile validates against the closed schema and SchemaStore's", async () => {
  const docs = await emittedHelmfiles();
  assert.ok(docs.length >= 7);
  for (const { name, doc } of docs) {
    assert.ok(closed(doc), `${name}: ${JSON.stringify(closed.errors)}`);
    assert.ok(loose(doc), `${name}: ${JSON.stringify(loose.errors)}`);
  }
});

test("the closed schema is closed: a misspelt key fails it while SchemaStore's passes it", async () => {
  const { doc } = (await emittedHelmfiles())[0]!;
  const typo = structuredClone(doc) as { releases: Record<string, unknown>[] };
  typo.releases[0]!["need"] = ["cert-manager/cert-manager"];
  assert.not.ok(closed(typo));
  assert.ok(closed.errors?.some((e) => e.keyword === "additionalProperties" && e.params["additionalProperty"] === "need"));
  assert.ok(loose(typo), "SchemaStore's schema is loose, which is why the closed one exists");

  const topLevel = { ...(doc as object), kubeContext: "x" };
  assert.not.ok(closed(topLevel));
  const helmDefaults = structuredClone(doc) as { helmDefaults: Record<string, unknown> };
  helmDefaults.helmDefaults["atomc"] = true;
  assert.not.ok(closed(helmDefaults));
});

test("the closed schema rejects ranges and needs that are not namespace/name", async () => {
  const { doc } = (await emittedHelmfiles())[0]!;
  for (const version of ["^1.2.0", "~1.2.0", "1.2", "latest", ">=1.0.0", "1.x"]) {
    const ranged = structuredClone(doc) as { releases: Record<string, unknown>[] };
    ranged.releases[0]!["version"] = version;
    assert.not.ok(closed(ranged), version);
  }
  const bare = structuredClone(doc) as { releases: Record<string, unknown>[] };
  bare.releases[0]!["needs"] = ["cert-manager"];
  assert.not.ok(closed(bare));
});

test.run();
