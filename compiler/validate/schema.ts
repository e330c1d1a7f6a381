// The manifest JSON Schema (schema/stack.schema.json is the source of truth, read through the
// Io) and its one validator per Io: the ajv standalone validator precompiled at build time
// (scripts/build/precompile.mjs) when it was generated from this very schema text, else
// compiled here, once.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Options, ValidateFunction } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { assetPath, assetText, cachedRead } from "../assets/assets.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { isCalendarDate, isIpv4Cidr } from "./formats.js";

const require = createRequire(import.meta.url);

/** Where the schema ships (absolute). */
export const schemaPath = assetPath("schema");

export function stackSchemaText(io: Io = nodeIo): string {
  return assetText(io, "schema");
}

export function stackSchema(io: Io = nodeIo): Record<string, unknown> {
  return cachedRead(io, "schema:parsed", () => JSON.parse(stackSchemaText(io)) as Record<string, unknown>);
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

/** The build-time validator (compiled code, loaded as a module), when it was generated from `schemaText`. */
function precompiledValidator(schemaText: string): ValidateFunction | undefined {
  let generated: { default?: ValidateFunction; sourceSha256?: string };
  try {
    generated = require("./stack-validator.generated.cjs") as typeof generated;
  } catch {
    return undefined; // not built (a tsc-only build): compile at run time
  }
  const hash = createHash("sha256").update(schemaText).digest("hex");
  return generated.sourceSha256 === hash ? generated.default : undefined;
}

export function stackValidator(io: Io = nodeIo): ValidateFunction {
  return cachedRead(io, "schema:validator", () => precompiledValidator(stackSchemaText(io)) ?? createStackAjv().compile(stackSchema(io)));
}

/** The Network manifest's schema (schema/network.schema.json). */
export function networkSchema(io: Io = nodeIo): Record<string, unknown> {
  return cachedRead(io, "network-schema:parsed", () => JSON.parse(assetText(io, "networkSchema")) as Record<string, unknown>);
}

/**
 * The Network manifest's validator, compiled once per Io when a run first meets a network (a
 * few networks serve many stacks, so it is not precompiled like the stack's).
 */
export function networkValidator(io: Io = nodeIo): ValidateFunction {
  return cachedRead(io, "network-schema:validator", () => createStackAjv().compile(networkSchema(io)));
}
