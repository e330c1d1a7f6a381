// Property test: random documents built through the AST print as text both formatters leave
// unchanged — hclwrite compiled to wasm (@cdktf/hcl-tools, always runs) and terraform fmt (run once
// over a directory of all documents, skipped visibly when terraform is missing). The seed is fixed
// so a failure reproduces; on failure the offending document is printed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { format } from "@cdktf/hcl-tools";
import { parse } from "@cdktf/hcl2json";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  attr,
  blank,
  block,
  bool,
  comment,
  file,
  list,
  nil,
  num,
  obj,
  printHcl,
  raw,
  str,
  tmpl,
  type BodyItem,
  type Expr,
  type HclFile,
  type TemplatePart,
} from "../../compiler/emit/terraform/hcl/index.js";
import { unless } from "../helpers/skip.js";
import { terraformFmtCheck, terraformFormat, terraformMissing } from "../helpers/terraform-cli.js";

const SEED = 1_161_100;
const DOCUMENTS = 320;

const shortName = fc.constantFrom("a", "b", "id", "ab", "x_1", "tags", "name", "count", "for_each", "depends_on");
const name = fc.oneof(
  { weight: 3, arbitrary: shortName },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,12}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{20,45}$/) },
);

// Text fragments that stress escaping: template introducers and their escapes, quotes, backslashes,
// control characters, line breaks, and multi-code-point graphemes.
const TRICKY = [
  "${", "%{", "$${", "%%{", "${~", "$", "%", "$$", "%%", "{", "}", '"', "\\", "\\n", "\\u0041", "\n", "\r\n", "\t",
  "\u0000", "\u0001", "\u007f", "\u0085", "\u00a0", "\u200b", "\u2028", "\ufeff", "é", "e\u0301", "$\u0301", "🚀",
  "👍🏽", "👨‍👩‍👧", "🇪🇺", "क्ष", "क्‍ष", "中文", "ไทำ", "ｶﾞ", "#", "//", "/*", "<<EOT", " ", "=", "a = 1",
];
const tricky = fc.constantFrom(...TRICKY);
const text = fc
  .array(fc.oneof(tricky, fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 }), fc.string({ unit: "grapheme", maxLength: 4 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
// Key widths decide `=` alignment and depend on Unicode data, so keys use fast-check's Unicode 15
// graphemes rather than arbitrary code points, which may be newer than terraform's tables.
const key = fc.oneof(
  name,
  fc.constantFrom("kubernetes.io/role/elb", "stackc.io/stack", "Name", "null", "true", "false", "for", "in", "1a", "", "a b"),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 5 }), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 4 }).map((p) => p.join("")),
);

const RAW = [
  "aws_vpc.this.id", "var.region", "local.azs", "each.key", "each.value.cidr", 'aws_subnet.private["eu-west-1a"].id',
  "aws_subnet.private[each.key].id", "jsonencode({ a = 1 })", "{ for az, s in aws_subnet.private : az => s.id }",
  "[for s in var.list : upper(s)]", "length(var.x) > 0 ? var.x[0] : null", "!var.enabled", "data.aws_iam_policy_document.velero.json",
  'merge(local.tags, { Name = "x" })', '"${var.a}-${var.b}"', "cidrsubnet(var.cidr, 8, 1)", "var.list[*].id", "{}", "[]",
  'format("%s-{", var.x)', 'try(var.a, "$${x}")', "{ a = 1 }.a", "-1", "var.a - 1",
];
const rawExpr = fc.oneof(
  fc.constantFrom(...RAW),
  fc.tuple(fc.constantFrom("var", "local", "aws_s3_bucket.velero", "module.vpc"), name).map(([base, attrName]) => `${base}.${attrName}`),
).map(raw);
const interpolation = rawExpr.filter((r) => !r.text.startsWith("-"));
const templatePart: fc.Arbitrary<TemplatePart> = fc.oneof(text, interpolation);
const template = fc
  .array(templatePart, { minLength: 1, maxLength: 5 })
  // A lone interpolation is refused by design (terraform fmt unwraps it).
  .filter((parts) => parts.some((p) => typeof p === "string" && p !== "") || parts.filter((p) => typeof p !== "string").length > 1)
  .map((parts) => tmpl(...parts));

const scalar: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 4, arbitrary: text.map(str) },
  { weight: 2, arbitrary: template },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(num) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(num) },
  { weight: 1, arbitrary: fc.boolean().map(bool) },
  { weight: 1, arbitrary: fc.constant(nil()) },
  { weight: 3, arbitrary: rawExpr },
);

const { expr } = fc.letrec<{ expr: Expr; listExpr: Expr; objectExpr: Expr }>((tie) => ({
  expr: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("listExpr"), tie("objectExpr")),
  listExpr: fc.oneof(fc.array(tie("expr"), { maxLength: 4 }), fc.array(scalar, { maxLength: 12 })).map(list),
  objectExpr: fc.uniqueArray(fc.tuple(key, tie("expr")), { selector: ([k]) => k, maxLength: 6 }).map(obj),
}));

// Top-level `variable` blocks are where terraform rewrites `type`; the printer refuses those forms.
const blockType = fc.oneof(fc.constantFrom("resource", "data", "locals", "output", "lifecycle", "rule", "filter"), name).filter((t) => t !== "variable");
const label = fc.oneof(name, fc.string({ unit: "binary-ascii", maxLength: 8 })).filter((l) => !/[$%\u0080-\u00ff]/.test(l));
// hcl2json cannot convert a body where one block type has different label counts.
const labelCount = (type: string): number => Array.from(type).reduce((sum, c) => sum + c.charCodeAt(0), 0) % 3;

function bodyArb(depth: number): fc.Arbitrary<BodyItem[]> {
  const items: fc.Arbitrary<BodyItem>[] = [
    fc.tuple(name, expr).map(([n, v]) => attr(n, v)),
    fc.tuple(name, expr).map(([n, v]) => attr(n, v)),
    fc.tuple(name, scalar).map(([n, v]) => attr(n, v)),
    fc.constant(blank()),
    text.map(comment),
  ];
  if (depth > 0) {
    const labels = fc.array(label, { minLength: 2, maxLength: 2 });
    items.push(fc.tuple(blockType, labels, bodyArb(depth - 1)).map(([t, l, b]) => block(t, l.slice(0, labelCount(t)), b)));
  }
  const top = depth === 2;
  return fc.array(fc.oneof(...items), { minLength: top ? 2 : 0, maxLength: top ? 10 : 6 }).map(uniqueAttributes);
}

// Terraform rejects a body that assigns the same name twice, so later duplicates are dropped.
function uniqueAttributes(items: BodyItem[]): BodyItem[] {
  const seen = new Set<string>();
  return items.filter((item) => item.kind !== "attribute" || (!seen.has(item.name) && seen.add(item.name) !== undefined));
}

const documentArb: fc.Arbitrary<HclFile> = bodyArb(2).map(file);

const documents = fc.sample(documentArb, { seed: SEED, numRuns: DOCUMENTS }).map(printHcl);

function show(index: number): string {
  return `document #${index} (seed ${SEED}):\n${documents[index]}`;
}

test("the generator covers what the printer must handle", () => {
  const all = documents.join("\n");
  for (const needle of ["$${", "%%{", "\\u0024${", '\\"', "\\\\", "\\n", "${ {", "{}\n", "[]", "= [\n", "= {\n", "},\n", "🚀", "#\n", "  #"]) {
    assert.ok(all.includes(needle), `no generated document contains ${JSON.stringify(needle)}`);
  }
  assert.ok(/^ {2,}\S+ {2,}= /m.test(all), "no aligned (padded) assignment was generated");
  assert.ok(new Set(documents).size > DOCUMENTS * 0.9, "documents repeat");
});

test("hclwrite (@cdktf/hcl-tools format) leaves every document unchanged", async () => {
  for (let i = 0; i < documents.length; i++) {
    const text = documents[i] as string;
    const formatted = await format(text);
    if (formatted !== text) {
      console.log(show(i));
      assert.fixture(formatted, text, `hclwrite reformats document #${i}`);
    }
  }
});

// hclwrite formats invalid input without complaint, so syntax is checked separately. hcl2json costs
// ~20 ms per document, so it parses every fourth one; terraform fmt (exit 2 on a parse error) checks all.
test("every fourth document parses (@cdktf/hcl2json)", async () => {
  for (let i = 0; i < documents.length; i += 4) {
    try {
      await parse(`doc-${i}.tf`, documents[i] as string);
    } catch (error) {
      console.log(show(i));
      assert.unreachable(`document #${i} does not parse: ${String(error)}`);
    }
  }
});

unless(test, terraformMissing())(`terraform fmt -check lists none of the ${DOCUMENTS} documents`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-hcl-fuzz-"));
  try {
    documents.forEach((text, i) => writeFileSync(path.join(dir, `doc-${String(i).padStart(3, "0")}.tf`), text));
    const result = terraformFmtCheck(dir);
    const listed = result.stdout.split("\n").filter((l) => l !== "");
    if (listed.length > 0 || result.code !== 0) {
      const first = listed[0] === undefined ? undefined : Number(/doc-(\d+)\.tf$/.exec(listed[0])?.[1]);
      if (first !== undefined) {
        console.log(show(first));
        const formatted = terraformFormat(documents[first] as string);
        assert.fixture(formatted.stdout, documents[first] as string, `terraform fmt reformats ${listed.length} documents, first #${first}`);
      }
      assert.unreachable(`terraform fmt exited ${result.code}: ${result.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
