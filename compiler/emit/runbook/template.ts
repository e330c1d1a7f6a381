// The runbook template, compiled once per template text (which the emitter gets in
// EmitContext.templates, read through the Io): the precompiled spec that the build writes
// (scripts/build/precompile.mjs) when it was made from that very text — then only Handlebars'
// small runtime is loaded — else the text compiled here with the same options.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The one definition of the compile options, shared with the build-time precompile. */
export const RUNBOOK_TEMPLATE_OPTIONS = Object.freeze({ noEscape: true, strict: false });

export type RunbookTemplate = (context: unknown) => string;

const templates = new Map<string, RunbookTemplate>();

export function runbookTemplate(source: string): RunbookTemplate {
  let template = templates.get(source);
  if (template) return template;
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
  templates.set(source, template);
  return template;
}

type TemplateSpecification = Parameters<typeof import("handlebars").template>[0];
