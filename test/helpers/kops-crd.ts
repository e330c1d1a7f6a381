// Structural check of kops specs against the CRD schemas of kops v1.36.2 (test/upstream/), made
// strict: kops decodes with the non-strict apimachinery codec and drops unknown fields silently
// (proved in test/kops/crd-check.test.ts), so a misspelt key would vanish without this check.
//
// The CRD openAPIV3Schema is used as JSON Schema (draft-07 subset) after two changes:
// - every object schema with `properties` and neither `additionalProperties` nor
//   `x-kubernetes-preserve-unknown-fields` is closed (`additionalProperties: false`); maps such as
//   `cloudLabels` carry `additionalProperties` and stay open;
// - `x-kubernetes-int-or-string` becomes `anyOf: [integer, string]`, with the Quantity `pattern`
//   moved into the string branch (k8s applies it to strings only; this keeps ajv's strict mode happy).
// The remaining `x-kubernetes-*` keywords (list-type, map-type) are server-side merge hints and
// are registered as annotations.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { parseAllDocuments } from "yaml";
import { upstreamPath } from "./repo.js";

export type KopsKind = "Cluster" | "InstanceGroup";

const CRD_FILES: Record<KopsKind, string> = {
  Cluster: "kops.k8s.io_clusters.yaml",
  InstanceGroup: "kops.k8s.io_instancegroups.yaml",
};
const API_VERSION = "kops.k8s.io/v1alpha2";

export interface KopsCrdError {
  /** 1-based index of the YAML document in the file. */
  document: number;
  kind: string;
  name?: string;
  /** ajv's instancePath: JSON Pointer of the value that failed (for an unknown key, its parent). */
  instancePath: string;
  /** JSON Pointer of the offending location: instancePath, plus the key for an unknown key. */
  pointer: string;
  keyword: string;
  message: string;
}

type Schema = Record<string, unknown>;

function isSchema(v: unknown): v is Schema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The CRD's v1alpha2 openAPIV3Schema as stored upstream (unchanged). */
export function crdSchema(kind: KopsKind): Schema {
  const crd = parseAllDocuments(readFileSync(upstreamPath(CRD_FILES[kind]), "utf8"))
    .map((d) => d.toJS() as unknown)
    .find((d): d is Schema => isSchema(d) && d["kind"] === "CustomResourceDefinition");
  const versions = (crd?.["spec"] as Schema | undefined)?.["versions"] as Schema[] | undefined;
  const v1alpha2 = versions?.find((v) => v["name"] === "v1alpha2");
  const schema = (v1alpha2?.["schema"] as Schema | undefined)?.["openAPIV3Schema"];
  if (!isSchema(schema)) throw new Error(`${CRD_FILES[kind]}: no v1alpha2 openAPIV3Schema`);
  return schema;
}

/** The strict JSON Schema derived from the CRD (see the file comment). Pure; returns a copy. */
export function strictSchema(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (out["x-kubernetes-int-or-string"] === true) {
    const { pattern } = out;
    delete out["pattern"];
    out["anyOf"] = [{ type: "integer" }, pattern === undefined ? { type: "string" } : { type: "string", pattern }];
  }
  for (const key of ["properties", "patternProperties"] as const) {
    const props = out[key];
    if (isSchema(props)) {
      out[key] = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, isSchema(v) ? strictSchema(v) : v]));
    }
  }
  for (const key of ["items", "additionalProperties", "not"] as const) {
    if (isSchema(out[key])) out[key] = strictSchema(out[key] as Schema);
  }
  for (const key of ["anyOf", "allOf", "oneOf"] as const) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((s: unknown) => (isSchema(s) ? strictSchema(s) : s));
  }
  if (isSchema(out["properties"]) && !("additionalProperties" in out) && out["x-kubernetes-preserve-unknown-fields"] !== true) {
    out["additionalProperties"] = false;
  }
  return out;
}

function xKubernetesKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => xKubernetesKeywords(s, found));
  else if (isSchema(schema)) {
    for (const [k, v] of Object.entries(schema)) {
      if (k.startsWith("x-kubernetes-")) found.add(k);
      xKubernetesKeywords(v, found);
    }
  }
  return found;
}

const validators = new Map<KopsKind, ValidateFunction>();

function validatorFor(kind: KopsKind): ValidateFunction {
  const cached = validators.get(kind);
  if (cached) return cached;
  const schema = strictSchema(crdSchema(kind));
  // strict: an unknown keyword or format in a future CRD must fail loudly, not be ignored.
  const ajv = new Ajv({ allErrors: true, strict: true });
  for (const k of xKubernetesKeywords(schema)) ajv.addKeyword({ keyword: k, schemaType: ["boolean", "string"] });
  // OpenAPI integer formats (Go int32/int64 fields).
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  const validate = ajv.compile(schema);
  validators.set(kind, validate);
  return validate;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Checks every document of a kops spec against the CRD of its kind. YAML is read as 1.1, as
 * kops' Go YAML reader does (sigs.k8s.io/yaml): an unquoted `no`/`on`/`yes` is a boolean there.
 */
export function validateKopsCrd(yamlText: string): KopsCrdError[] {
  const errors: KopsCrdError[] = [];
  const docs = parseAllDocuments(yamlText, { version: "1.1" });
  let index = 0;
  for (const doc of docs) {
    index++;
    const base = { document: index, kind: "?", instancePath: "", pointer: "" };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push({ ...base, keyword: "yaml", message: e.message });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue; // an empty document between separators
    if (!isSchema(value)) {
      errors.push({ ...base, keyword: "type", message: "document is not a mapping" });
      continue;
    }
    const kind = String(value["kind"] ?? "?");
    const meta = value["metadata"];
    const name = isSchema(meta) && typeof meta["name"] === "string" ? meta["name"] : undefined;
    const where = { ...base, kind, ...(name !== undefined ? { name } : {}) };
    // Another version or kind has another schema (or none): report it, do not guess.
    const knownVersion = value["apiVersion"] === API_VERSION;
    const knownKind = kind === "Cluster" || kind === "InstanceGroup";
    if (!knownVersion) errors.push({ ...where, pointer: "/apiVersion", keyword: "const", message: `must be ${API_VERSION}` });
    if (!knownKind) errors.push({ ...where, pointer: "/kind", keyword: "enum", message: "must be Cluster or InstanceGroup" });
    if (!knownVersion || !knownKind) continue;
    const validate = validatorFor(kind);
    if (validate(value)) continue;
    for (const e of validate.errors ?? []) {
      const extra = e.keyword === "additionalProperties" ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined;
      errors.push({
        ...where,
        instancePath: e.instancePath,
        pointer: extra === undefined ? e.instancePath : `${e.instancePath}/${escapePointer(extra)}`,
        keyword: e.keyword,
        message: extra === undefined ? e.message ?? e.keyword : `unknown field "${extra}"`,
      });
    }
  }
  return errors;
}

export function validateKopsCrdFile(file: string): KopsCrdError[] {
  return validateKopsCrd(readFileSync(file, "utf8"));
}
