// The manifest JSON Schema (schema/stack.schema.json is the source of truth) and the one
// compiled ajv validator, built lazily once per process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { packagePath } from "../util/package-root.js";
import { isCalendarDate, isIpv4Cidr } from "./formats.js";

const require = createRequire(import.meta.url);
// ajv is CommonJS; loading the 2020-12 build through require sidesteps default-export interop.
const Ajv2020 = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js").default;

export const schemaPath = packagePath("schema", "stack.schema.json");

let cachedSchema: Record<string, unknown> | undefined;
let cachedValidator: ValidateFunction | undefined;

export function stackSchemaText(): string {
  return readFileSync(schemaPath, "utf8");
}

export function stackSchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(stackSchemaText()) as Record<string, unknown>;
  return cachedSchema;
}

export function stackValidator(): ValidateFunction {
  if (!cachedValidator) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      // the failing subschema is needed for did-you-mean (its property names) and hints (examples)
      verbose: true,
      // `examples` carry any JSON; they are documentation, not validation
      strictTypes: false,
    });
    ajv.addFormat("ipv4-cidr", { type: "string", validate: isIpv4Cidr });
    ajv.addFormat("date", { type: "string", validate: isCalendarDate });
    cachedValidator = ajv.compile(stackSchema());
  }
  return cachedValidator;
}
