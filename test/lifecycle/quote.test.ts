// The printer's quoting, checked by bash itself: any string (but NUL, which no shell word can
// hold) printed as a word comes back from `printf '%s\0'` byte for byte — nothing expands, splits
// or globs — and so does a whole command with variables and command output in it.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { output, run, variable } from "../../compiler/emit/shell/command.js";
import { printCommand, printCommandWrapped, printForScript, printWord } from "../../compiler/emit/shell/print.js";
import { doubleQuoted, shellPath, shellWord } from "../../compiler/emit/shell/quote.js";

function bashWords(script: string): string[] {
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8", cwd: "/", env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent" } });
  assert.is(r.status, 0, r.stderr);
  return r.stdout.split("\0").slice(0, -1);
}

const hostile = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("$(touch /tmp/stackc-pwned)", "`id`", "*", "a b", "'", '"', "!", "!!x$y", "-rf", "~", "a\nb", "${HOME}", "\\", ""),
);

test("shellWord: every string (but NUL) is one word bash gives back unchanged", () => {
  fc.assert(
    fc.property(fc.array(hostile.map((s) => s.replace(/\0/g, "")), { minLength: 1, maxLength: 30 }), (values) => {
      assert.equal(bashWords(`printf '%s\\0' ${values.map(shellWord).join(" ")}`), values);
    }),
    { numRuns: 40 },
  );
});

test("shellWord: safe words stay bare, $ and backquotes are escaped inside double quotes, ! single-quoted", () => {
  assert.is(shellWord("out/dev-eu-west-1/terraform"), "out/dev-eu-west-1/terraform");
  assert.is(shellWord("-chdir=out/x"), "-chdir=out/x");
  assert.is(shellWord("jsonpath={.status.phase}"), "'jsonpath={.status.phase}'");
  assert.is(shellWord("it's.yaml"), "'it'\\''s.yaml'");
  assert.is(shellWord("$(touch pwned).yaml"), '"\\$(touch pwned).yaml"');
  assert.is(shellWord("a!$b"), `"a"'!'"\\$b"`);
  assert.is(shellWord(""), "''");
  assert.is(shellPath("-rf.yaml"), "./-rf.yaml");
  assert.is(doubleQuoted('+ x="$(y)"'), '"+ x=\\"\\$(y)\\""');
});

test("printWord: variables and command output are double-quoted, literals joined to them", () => {
  assert.is(printWord(["--from-literal=admin-password=", variable("password")]), '--from-literal=admin-password="${password}"');
  assert.is(printWord(["final-", output("date", "-u", "+%Y%m%d-%H%M%S")]), 'final-"$(date -u +%Y%m%d-%H%M%S)"');
  assert.throws(() => printWord(variable("not a name")), /not a shell variable name/);
  const words = bashWords(`v='a b*'; printf '%s\\0' ${printWord(["x=", variable("v")])} ${printWord(output("printf", "%s", "$(no)"))}`);
  assert.equal(words, ["x=a b*", "$(no)"]);
});

test("a script never puts a command's output straight into an argument (set -e would not see it fail)", () => {
  assert.throws(
    () => printForScript(run("kubectl", "create", "secret", ["--from-literal=p=", output("openssl", "rand", "-base64", "24")]), "say"),
    /assign a command's output to a variable/,
  );
  // assigned first, the failure stops the script: bash itself says so
  const lines = [...printForScript({ kind: "assign", name: "v", value: output("false") }, "true"), ...printForScript(run("echo", "after"), "true")];
  const r = spawnSync("bash", ["-euo", "pipefail", "-c", lines.join("\n")], { encoding: "utf8" });
  assert.is(r.status, 1);
  assert.is(r.stdout, "");
});

test("printCommandWrapped: lines of at most 100 characters, an option kept with its value, the same words", () => {
  const argv = ["terraform", "-chdir=out/prod-eu-west-1/terraform", "destroy", ...Array.from({ length: 20 }, (_, i) => `-target=aws_thing.number_${i}`)] as const;
  const lines = printCommandWrapped({ argv: [...argv] as [string, ...string[]] });
  assert.ok(lines.length > 3);
  for (const l of lines) assert.ok(l.length <= 100, l);
  assert.equal(bashWords(`printf '%s\\0' ${lines.join("\n").replace(/^terraform /, "")}`), argv.slice(1));
  const kops = printCommandWrapped({ argv: ["kops", "create", "secret", "encryptionconfig", "-f", "encryptionconfig.yaml", "--name", "eu-west-1.prod.k8s.acme.example.with.a.long.name"] });
  assert.equal(kops, ["kops create secret encryptionconfig -f encryptionconfig.yaml \\", "  --name eu-west-1.prod.k8s.acme.example.with.a.long.name"]);
  assert.is(printCommand({ argv: ["terraform", "output", "-json"], stdoutTo: "-x.json" }), "terraform output -json > ./-x.json");
});

test.run();
