// The build-time ajv standalone validator (scripts/build/precompile.mjs) is the validator the
// schema compiles to at run time: built from this schema, and giving the same verdict and the
// same errors on every manifest of the fixtures and examples (valid and invalid).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { ValidateFunction } from "ajv";
import { createStackAjv, stackSchema, stackSchemaText, stackValidator } from "../../compiler/validate/schema.js";
import { repoPath } from "../helpers/repo.js";

const require = createRequire(import.meta.url);
const generated = require(repoPath("dist", "compiler", "validate", "stack-validator.generated.cjs")) as { default: ValidateFunction; sourceSha256: string };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    });
}

test("the precompiled validator was generated from schema/stack.schema.json as it is now, and is the one in use", () => {
  assert.is(generated.sourceSha256, createHash("sha256").update(stackSchemaText()).digest("hex"));
  assert.is(stackValidator(), generated.default);
});

test("precompiled and run-time compiled validators agree on every fixture and example manifest", () => {
  const runtime = createStackAjv().compile(stackSchema());
  let invalid = 0;
  let compared = 0;
  for (const file of [...yamlFiles(repoPath("test", "fixtures")), ...yamlFiles(repoPath("stacks"))]) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, "utf8"), { logLevel: "silent" });
    } catch {
      continue; // YAML syntax fixtures never reach validation
    }
    if ((doc as { kind?: unknown } | null)?.kind !== "Stack") continue;
    const a = generated.default(doc);
    const b = runtime(doc);
    assert.is(a, b, file);
    assert.equal(JSON.stringify(generated.default.errors ?? null), JSON.stringify(runtime.errors ?? null), file);
    compared++;
    if (!a) invalid++;
  }
  // both sides of the comparison are exercised: manifests the schema accepts and refuses
  assert.ok(compared > 50 && invalid > 10 && compared - invalid > 10, `${compared} compared, ${invalid} invalid`);
});

test.run();
