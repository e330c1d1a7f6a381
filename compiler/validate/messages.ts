// ajv errors → diagnostics a person can act on: located at the key or value to change,
// worded in manifest terms (spec.cluster.nodeGroups[0].min, "a map", "a list"), with a hint
// (did-you-mean, allowed values, an example) whenever the schema knows one.
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import { displayPath, escapeSegment } from "../load/pointer.js";
import { didYouMean } from "../util/did-you-mean.js";
import { formatDescriptions } from "./formats.js";

type SchemaObject = Record<string, unknown>;

export function ajvErrorsToDiagnostics(errors: readonly ErrorObject[], sourceMap: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // The inner errors of propertyNames (one per bad key) are reported through the
    // propertyNames error itself, which knows which key it is.
    if (error.propertyName !== undefined) continue;
    const d = convert(error, errors, sourceMap);
    if (!d) continue;
    const key = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function convert(error: ErrorObject, all: readonly ErrorObject[], sourceMap: SourceMap): Diagnostic | undefined {
  const pointer = error.instancePath;
  const where = displayPath(pointer);
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  const at = (p: string, prefer: "key" | "value" = "value") => {
    const loc = sourceMap.locate(p, prefer);
    return { file: loc.file, range: loc.range, pointer: p };
  };
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case "additionalProperties": {
      const prop = String(params.additionalProperty);
      const child = `${pointer}/${escapeSegment(prop)}`;
      const allowed = Object.keys((parent.properties as SchemaObject | undefined) ?? {});
      const suggestion = didYouMean(prop, allowed);
      return diag("STK-SCHEMA-001", `Unknown property "${prop}" in ${where}`, {
        ...at(child, "key"),
        hint: suggestion ? `Did you mean "${suggestion}"?` : allowed.length ? `Allowed here: ${allowed.join(", ")}` : undefined,
        data: { property: prop, allowed, ...(suggestion ? { suggestion } : {}) },
      });
    }
    case "required": {
      const prop = String(params.missingProperty);
      const propSchema = ((parent.properties as SchemaObject | undefined)?.[prop] ?? {}) as SchemaObject;
      const example = firstExample(propSchema);
      const description = typeof propSchema.description === "string" ? firstSentence(propSchema.description) : undefined;
      const what = description ? ` (${lowerFirst(description)})` : "";
      // long structured examples would drown the hint; the schema docs have them
      const shown = example !== undefined ? formatExample(example) : undefined;
      const forExample = shown !== undefined && shown.length <= 60 ? `, for example ${prop}: ${shown}` : "";
      return diag("STK-SCHEMA-002", `Missing required property "${prop}" in ${where}`, {
        ...at(pointer, "key"),
        hint: `Add ${prop}${what}${forExample}`,
        data: { property: prop },
      });
    }
    case "type": {
      const expected = String(params.type);
      const actual = jsonType(error.data);
      const loc = at(pointer);
      let hint: string | undefined;
      if (expected === "string" && (actual === "a number" || actual === "a boolean")) {
        hint = `YAML reads an unquoted ${String(error.data)} as ${actual}; quote it: "${String(error.data)}"`;
      } else if (expected === "object" && actual === "a list") {
        hint = "Remove the leading \"- \": this setting is a map of keys, not a list";
      } else if (expected === "array" && actual === "a map") {
        hint = "Write the items as a list, each starting with \"- \"";
      } else if (actual === "null") {
        hint = "The key has no value; give one or remove the key";
      }
      return diag("STK-SCHEMA-003", `${where} must be ${typeName(expected)}, not ${actual}`, { ...loc, hint, data: { expected, actual } });
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion =
        typeof error.data === "string" ? didYouMean(error.data, allowed.filter((v): v is string => typeof v === "string")) : undefined;
      return diag("STK-SCHEMA-004", `${where} must be one of ${allowed.map(show).join(", ")}, not ${show(error.data)}`, {
        ...at(pointer),
        hint: suggestion ? `Did you mean ${show(suggestion)}?` : undefined,
        data: { allowed, actual: error.data },
      });
    }
    case "const":
      return diag("STK-SCHEMA-004", `${where} must be ${show(params.allowedValue)}, not ${show(error.data)}`, {
        ...at(pointer),
        data: { allowed: [params.allowedValue], actual: error.data },
      });
    case "pattern": {
      const description = typeof parent.description === "string" ? firstSentence(parent.description) : "see the schema";
      const example = firstExample(parent);
      return diag("STK-SCHEMA-005", `${show(error.data)} is not valid for ${where}: ${lowerFirst(description)}`, {
        ...at(pointer),
        hint: example !== undefined ? `For example: ${formatExample(example)}` : undefined,
        data: { pattern: params.pattern },
      });
    }
    case "format": {
      const format = String(params.format);
      return diag("STK-SCHEMA-005", `${show(error.data)} is not valid for ${where}: expected ${formatDescriptions[format] ?? format}`, {
        ...at(pointer),
        data: { format },
      });
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const op = { minimum: "≥", maximum: "≤", exclusiveMinimum: ">", exclusiveMaximum: "<" }[error.keyword];
      return diag("STK-SCHEMA-006", `${where} must be ${op} ${String(params.limit)}, not ${show(error.data)}`, {
        ...at(pointer),
        data: { limit: params.limit, actual: error.data },
      });
    }
    case "minItems":
    case "maxItems":
    case "minLength":
    case "maxLength":
    case "minProperties":
    case "maxProperties": {
      const limit = Number(params.limit);
      const bound = error.keyword.startsWith("min") ? "at least" : "at most";
      const unit = error.keyword.endsWith("Items") ? "item" : error.keyword.endsWith("Length") ? "character" : "entry";
      const units = limit === 1 ? unit : unit === "entry" ? "entries" : `${unit}s`;
      return diag("STK-SCHEMA-006", `${where} must have ${bound} ${limit} ${units}`, { ...at(pointer), data: { limit } });
    }
    case "uniqueItems": {
      const i = Number(params.i);
      const j = Number(params.j);
      const first = sourceMap.locate(`${pointer}/${Math.min(i, j)}`);
      return diag("STK-SCHEMA-007", `${where} lists ${show((error.data as unknown[])[Math.max(i, j)])} twice`, {
        ...at(`${pointer}/${Math.max(i, j)}`),
        related: [{ message: "first listed here", file: first.file, range: first.range }],
      });
    }
    case "propertyNames": {
      const name = String(params.propertyName);
      const inner = all.find((e) => e.propertyName === name && e.instancePath === pointer);
      const innerSchema = (inner?.parentSchema ?? {}) as SchemaObject;
      const description =
        typeof innerSchema.description === "string"
          ? firstSentence(innerSchema.description)
          : typeof parent.description === "string"
            ? firstSentence(parent.description)
            : "see the schema";
      return diag("STK-SCHEMA-008", `Invalid key ${show(name)} in ${where}: ${lowerFirst(description)}`, {
        ...at(`${pointer}/${escapeSegment(name)}`, "key"),
      });
    }
    default:
      return diag("STK-SCHEMA-009", `${where}: ${error.message ?? "does not match the schema"}`, { ...at(pointer) });
  }
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return "a string";
}

function typeName(schemaType: string): string {
  return (
    { object: "a map", array: "a list", string: "a string", integer: "a whole number", number: "a number", boolean: "true or false", null: "null" }[
      schemaType
    ] ?? schemaType
  );
}

function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function firstExample(schema: SchemaObject): unknown {
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}

function formatExample(example: unknown): string {
  if (typeof example === "string") return example;
  return JSON.stringify(example).replace(/"([A-Za-z][A-Za-z0-9]*)":/g, "$1: ").replace(/,/g, ", ");
}

function firstSentence(text: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/[.]$/, "");
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
