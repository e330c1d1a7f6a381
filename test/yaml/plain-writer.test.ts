// The direct YAML writer (compiler/emit/yaml-plain.ts) is only a shortcut: wherever it writes a
// document, the bytes are the yaml library's with the same options. Checked over every YAML
// value the emitters serialize for the examples and a generated fleet, and over random
// documents (keys and strings from an alphabet rich in YAML indicators and number-like text).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Scalar } from "yaml";
import { compile, emitters } from "../../compiler/index.js";
import { emitStack } from "../../compiler/emit/emit.js";
import { emitContext } from "../../compiler/emit/context.js";
import { libraryYaml, yamlPaths } from "../../compiler/emit/yaml.js";
import { plainYaml } from "../../compiler/emit/yaml-plain.js";
import { importScript } from "../helpers/opa.js";
import { repoRoot } from "../helpers/repo.js";


function agree(value: unknown): boolean {
  const fast = plainYaml(value);
  if (fast === undefined) return false;
  assert.fixture(fast, libraryYaml(value));
  return true;
}

test("every emitted file of the examples and a fleet of 60: the same bytes with and without the fast writer", async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-yaml-"));
  try {
    const fleet = await importScript<{ writeFleet(dir: string, count: number): string[] }>("scripts/bench/lib/fleet.mjs");
    fleet.writeFleet(path.join(tmp, "fleet"), 60);
    // the fleet is written outside the repository: allowed explicitly
    const result = await compile(["stacks", path.join(tmp, "fleet")], { cwd: repoRoot, allowOutside: [tmp] });
    const models = result.stacks.map((s) => s.model).filter((m) => m !== undefined);
    assert.is(models.length, 68, "60 fleet stacks and the 8 example stacks");
    const before = { ...yamlPaths };
    let files = 0;
    for (const model of models) {
      yamlPaths.fastPath = true;
      const fast = emitStack(model, emitters, emitContext()).value!.files;
      yamlPaths.fastPath = false;
      const library = emitStack(model, emitters, emitContext()).value!.files;
      assert.equal(fast.map((f) => f.path), library.map((f) => f.path));
      fast.forEach((f, i) => assert.fixture(f.contents, library[i]!.contents, `${model.name}: ${f.path}`));
      files += fast.filter((f) => /\.ya?ml$/.test(f.path)).length;
    }
    yamlPaths.fastPath = true;
    const fastDocuments = yamlPaths.fast - before.fast;
    assert.ok(files > 500, `${files} YAML files`);
    // the comparison is only worth something when the fast path does most of the work
    assert.ok(fastDocuments > files * 0.8, `${fastDocuments} fast documents for ${files} YAML files`);
  } finally {
    yamlPaths.fastPath = true;
    rmSync(tmp, { recursive: true, force: true });
  }
});

const tricky = fc.constantFrom(
  "", "a", "true", "False", "null", "~", "NULL", "0", "-1", "+3", "1.5", ".5", "1e3", "0x1F", "0o17", ".inf", "-.Inf", ".nan",
  "yes", "no", "on", "2026-01-01", "1.2.3", "v1.21.1", "10.0.0.0/16", "a: b", "a:b", "a #b", "a#b", "-", "- a", "-a", "?", "? a",
  ":", "a:", " a", "a ", "#x", "&a", "*a", "!t", "|", ">", "'q'", '"q"', "it's", 'say "hi"', `mix ' and "`, "%x", "@x", "`x",
  "[x]", "{x}", "x,y", "---", "...", "--- x", "0 2 * * *", "arn:aws:iam::123:role/x", "eks.amazonaws.com/role-arn", "a\tb", "é", "a\nb",
);
const text = fc.oneof(tricky, fc.string({ maxLength: 12 }));
const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const doc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("object"), tie("array")),
  object: fc.dictionary(text, tie("value"), { maxKeys: 5 }),
  array: fc.array(tie("value"), { maxLength: 4 }),
}));

test("random documents: wherever the fast writer answers, it answers the library's bytes", () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.oneof(doc.object, doc.array), (value) => {
      if (agree(value)) answered++;
    }),
    { numRuns: 3000, seed: 1515 },
  );
  assert.ok(answered > 300, `the fast writer answered only ${answered} of 3000`);
});

test("styled scalars (quoted, literal blocks) and maps with quoted keys", () => {
  const styled = (value: string, type: Scalar.Type) => Object.assign(new Scalar(value), { type });
  const cases: unknown[] = [
    { a: styled("no", Scalar.QUOTE_DOUBLE), b: styled(`{{ index . "x" }}`, Scalar.QUOTE_SINGLE), c: [styled("it's", Scalar.QUOTE_SINGLE)] },
    { content: styled("apiVersion: v1\nkind: Policy\nrules:\n  - level: Metadata\n", Scalar.BLOCK_LITERAL) },
    { files: [{ name: "x", content: styled("line one\n\nline three", Scalar.BLOCK_LITERAL) }] },
    [styled("a\nb\n", Scalar.BLOCK_LITERAL), { k: styled("plain", Scalar.BLOCK_LITERAL) }],
  ];
  for (const value of cases) assert.ok(agree(value), JSON.stringify(value));
  // not the fast writer's business: left to the library
  assert.is(plainYaml({ s: styled("  indented\n", Scalar.BLOCK_LITERAL) }), undefined);
  assert.is(plainYaml({ s: "naïve" }), undefined);
  assert.is(plainYaml({ s: "two\nlines" }), undefined);
  assert.is(plainYaml([[1, 2]]), undefined);
  assert.is(plainYaml({ n: 1e21 }), undefined);
});

test.run();
