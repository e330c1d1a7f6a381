// The manifest JSON Schema (schema/stack.schema.json is the source of truth) and the one
// validator of it per process: the ajv standalone validator precompiled at build time
// (scripts/build/precompile.mjs) when it matches the schema, else compiled here, once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Options, ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { packagePath } from "../util/package-root.js";
import { isCalendarDate, isIpv4Cidr } from "./formats.js";

const require = createRequire(import.meta.url);

export const schemaPath = packagePath("schema", "stack.schema.json");

let cachedText: string | undefined;
let cachedSchema: Record<string, unknown> | undefined;
let cachedValidator: ValidateFunction | undefined;

export function stackSchemaText(): string {
  cachedText ??= readFileSync(schemaPath, "utf8");
  return cachedText;
}

export function stackSchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(stackSchemaText()) as Record<string, unknown>;
  return cachedSchema;
}

/** The formats of the schema, as plain functions (the standalone build inlines their source). */
export const stackFormats = { "ipv4-cidr": isIpv4Cidr, date: isCalendarDate } as const;

/** The ajv instance the validator is compiled with: the one definition of its options. */
export function createStackAjv(extra: Options = {}): Ajv2020 {
  // ajv is CommonJS; loading the 2020-12 build through require sidesteps default-export interop
  // (and keeps ajv unloaded when the precompiled validator is used).
  const Ajv2020 = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js").default;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // the failing subschema is needed for did-you-mean (its property names) and hints (examples)
    verbose: true,
    // `examples` carry any JSON; they are documentation, not validation
    strictTypes: false,
    ...extra,
  });
  for (const [name, validate] of Object.entries(stackFormats)) ajv.addFormat(name, { type: "string", validate });
  return ajv;
}

/** The build-time validator, when there is one and it was generated from this very schema. */
function precompiledValidator(): ValidateFunction | undefined {
  let generated: { default?: ValidateFunction; sourceSha256?: string };
  try {
    generated = require("./stack-validator.generated.cjs") as typeof generated;
  } catch {
    return undefined; // not built (a tsc-only build): compile at run time
  }
  const hash = createHash("sha256").update(stackSchemaText()).digest("hex");
  return generated.sourceSha256 === hash ? generated.default : undefined;
}

export function stackValidator(): ValidateFunction {
  const validator = cachedValidator ?? precompiledValidator() ?? createStackAjv().compile(stackSchema());
  cachedValidator = validator;
  return validator;
}
