// The terraform test helper: a missing binary must give a skip reason (test/helpers/skip.ts prints
// it and counts the test as skipped), never a silent pass; a present one must report fmt results
// faithfully.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { unless } from "../helpers/skip.js";
import { createTerraformCli, terraformFmtCheck, terraformMissing } from "../helpers/terraform-cli.js";

test("without terraform, missing() gives the reason the test is skipped", () => {
  const binary = path.join(tmpdir(), "no-such-dir", "terraform");
  const missing = createTerraformCli(binary);
  assert.is(missing.available(), false);
  assert.is(missing.missing(), `terraform not installed (${binary} does not start)`);
});

unless(test, terraformMissing())("with terraform, fmt -check reports clean, unformatted and unparsable files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-tf-cli-"));
  try {
    writeFileSync(path.join(dir, "clean.tf"), 'a  = 1\nbb = "x"\n');
    const clean = terraformFmtCheck(dir);
    assert.is(clean.code, 0);
    assert.is(clean.stdout, "");
    mkdirSync(path.join(dir, "nested"));
    writeFileSync(path.join(dir, "nested", "ugly.tf"), "a=1\n");
    const ugly = terraformFmtCheck(dir);
    assert.is(ugly.code, 3);
    assert.is(path.resolve(ugly.stdout.trim()), path.join(dir, "nested", "ugly.tf"));
    rmSync(path.join(dir, "nested"), { recursive: true });
    writeFileSync(path.join(dir, "broken.tf"), "a = {\n");
    assert.is(terraformFmtCheck(dir).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
