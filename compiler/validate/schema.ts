// The manifest JSON Schema (schema/stack.schema.json is the source of truth) and the one
// compiled ajv validator, each built once per Io from the shipped file read through it.
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { assetPath, assetText, cachedRead } from "../assets/assets.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { isCalendarDate, isIpv4Cidr } from "./formats.js";

const require = createRequire(import.meta.url);
// ajv is CommonJS; loading the 2020-12 build through require sidesteps default-export interop.
const Ajv2020 = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js").default;

/** Where the schema ships (absolute). */
export const schemaPath = assetPath("schema");

export function stackSchemaText(io: Io = nodeIo): string {
  return assetText(io, "schema");
}

export function stackSchema(io: Io = nodeIo): Record<string, unknown> {
  return cachedRead(io, "schema:parsed", () => JSON.parse(stackSchemaText(io)) as Record<string, unknown>);
}

export function stackValidator(io: Io = nodeIo): ValidateFunction {
  return cachedRead(io, "schema:validator", () => {
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
    return ajv.compile(stackSchema(io));
  });
}
