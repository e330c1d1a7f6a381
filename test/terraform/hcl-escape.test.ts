// Escaping must preserve the value, which formatters cannot tell (they only move whitespace). Each
// printed string is decoded again: by terraform console (exact evaluation, when installed) and by
// @cdktf/hcl2json (always). Terraform normalizes string literals to NFC, so that is the expected value.
import { parse } from "@cdktf/hcl2json";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { attr, file, printHcl, raw, str, tmpl, type Expr, type TemplatePart } from "../../compiler/emit/terraform/hcl/index.js";
import { unless } from "../helpers/skip.js";
import { terraformEvaluate, terraformMissing } from "../helpers/terraform-cli.js";

const SEED = 4_242;

const FIXED = [
  "", "$", "%", "$$", "%%", "${", "%{", "$${", "%%{", "$$${x}", "${var.x}", "%{ if a }b%{ endif }", "a$", "a%", "{}", '"', "\\",
  "\\n", "\n", "\r\n", "\t", "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u200d", "\u2028", "\u2029",
  "\ufeff", "é", "e\u0301", "🚀", "👨‍👩‍👧", "क्ष", "\u{10ffff}", "#", "//", "/*", "<<EOT",
];
const TRICKY = ["${", "%{", "$", "%", "{", "}", '"', "\\", "\n", "\r", "\t", "\u0000", "\u0085", "\u2028", "e\u0301"];
const text = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 5 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(""));

const strings = [...FIXED, ...fc.sample(text, { seed: SEED, numRuns: 200 })];

// A template with literal text around interpolated string literals, and the value it evaluates to.
const word = fc.stringMatching(/^[a-z]{0,4}$/);
const templates = fc.sample(
  fc
    .array(fc.oneof(text, word.map((w) => ({ word: w }))), { minLength: 2, maxLength: 5 })
    // A lone interpolation is refused by design (terraform fmt unwraps it).
    .filter((parts) => parts.some((p) => typeof p === "string" && p !== "") || parts.filter((p) => typeof p !== "string").length > 1),
  { seed: SEED, numRuns: 100 },
).map((parts) => {
  const template: TemplatePart[] = parts.map((p) => (typeof p === "string" ? p : raw(JSON.stringify(p.word))));
  return { expr: tmpl(...template), value: parts.map((p) => (typeof p === "string" ? p : p.word)).join("") };
});
const cases: { expr: Expr; value: string }[] = [
  ...strings.map((s) => ({ expr: str(s), value: s })),
  { expr: tmpl("cost: $", raw('"5"')), value: "cost: $5" },
  { expr: tmpl("$", raw('"{"'), "}"), value: "${}" },
  { expr: tmpl("%", raw('"{"')), value: "%{" },
  ...templates,
];

function literal(expr: Expr): string {
  return printHcl(file([attr("v", expr)])).slice("v = ".length, -1);
}

test("hcl2json decodes every printed string to its value", async () => {
  for (const s of strings) {
    const printed = literal(str(s));
    const decoded = (await parse("v.tf", `v = ${printed}\n`)) as { v: string };
    // hcl2json writes literals back as templates, so it doubles the introducers again.
    const expected = s.normalize("NFC").replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
    assert.is(decoded.v, expected, `${JSON.stringify(s)} printed as ${printed}`);
  }
});

unless(test, terraformMissing())("terraform evaluates every printed string and template to its value", () => {
  const result = terraformEvaluate(`base64encode(jsonencode([${cases.map((c) => literal(c.expr)).join(", ")}]))`);
  assert.is(result.code, 0, result.stderr);
  const values = JSON.parse(Buffer.from(JSON.parse(result.stdout.trim()) as string, "base64").toString("utf8")) as string[];
  assert.is(values.length, cases.length);
  values.forEach((actual, i) => {
    const c = cases[i] as { expr: Expr; value: string };
    assert.is(actual, c.value.normalize("NFC"), `case #${i} printed as ${literal(c.expr)}`);
  });
});

test.run();
