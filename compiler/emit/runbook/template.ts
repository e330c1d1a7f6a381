// The runbook template, compiled once per process: the precompiled spec that the build writes
// (scripts/build/precompile.mjs) when it matches RUNBOOK.md.hbs — then only Handlebars' small
// runtime is loaded — else the .hbs compiled here with the same options.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { packagePath } from "../../util/package-root.js";

const require = createRequire(import.meta.url);

/** The one definition of the compile options, shared with the build-time precompile. */
export const RUNBOOK_TEMPLATE_OPTIONS = Object.freeze({ noEscape: true, strict: false });

export type RunbookTemplate = (context: unknown) => string;

let template: RunbookTemplate | undefined;

export function runbookTemplate(): RunbookTemplate {
  if (template) return template;
  const source = readFileSync(packagePath("compiler", "emit", "runbook", "RUNBOOK.md.hbs"), "utf8");
  let generated: { sourceSha256?: string; spec?: unknown } | undefined;
  try {
    generated = require("./runbook-template.generated.cjs") as typeof generated;
  } catch {
    generated = undefined; // not built (a tsc-only build): compile below
  }
  if (generated?.spec && generated.sourceSha256 === createHash("sha256").update(source).digest("hex")) {
    const runtime = require("handlebars/runtime") as typeof import("handlebars");
    template = runtime.template(generated.spec as TemplateSpecification);
  } else {
    const Handlebars = require("handlebars") as typeof import("handlebars");
    template = Handlebars.compile(source, { ...RUNBOOK_TEMPLATE_OPTIONS });
  }
  return template;
}

type TemplateSpecification = Parameters<typeof import("handlebars").template>[0];
