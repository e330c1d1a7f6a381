// The runbook template precompiled at build time (scripts/build/precompile.mjs) is the one in
// use, was built from RUNBOOK.md.hbs as it is now, and renders exactly what compiling the .hbs
// at run time renders, for every example stack.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runbookContext } from "../../compiler/emit/runbook/emitter.js";
import { RUNBOOK_TEMPLATE_OPTIONS, runbookTemplate } from "../../compiler/emit/runbook/template.js";
import { repoPath } from "../helpers/repo.js";
import { exampleModels } from "../helpers/stacks.js";

const require = createRequire(import.meta.url);
const Handlebars = require("handlebars") as typeof import("handlebars");

test("precompiled runbook template: fresh, and renders what the run-time compiled one renders", async () => {
  const source = readFileSync(repoPath("compiler", "emit", "runbook", "RUNBOOK.md.hbs"), "utf8");
  const generated = require(repoPath("dist", "compiler", "emit", "runbook", "runbook-template.generated.cjs")) as { sourceSha256: string };
  assert.is(generated.sourceSha256, createHash("sha256").update(source).digest("hex"), "run npm run build");
  const compiled = Handlebars.compile(source, { ...RUNBOOK_TEMPLATE_OPTIONS });
  const models = await exampleModels();
  assert.ok(models.length >= 5);
  for (const model of models) {
    const context = runbookContext(model);
    const text = runbookTemplate(source)(context);
    assert.ok(text.includes(model.name));
    assert.fixture(text, compiled(context), model.name);
  }
});

test.run();
