// The schema for the manifests a user edits that are not complete stacks: a `kind: Stack` with
// `extends` (an overlay) and a `kind: StackBase`. Derived from schema/stack.schema.json (the
// source of truth) by `npm run gen:types`, and published beside it:
//   - nothing is required that a base can supply: every `required` list is dropped, except
//     `kind` at the root (it is never inherited) and `name` in list items (named lists merge
//     by name, so an overlay item needs its name);
//   - `null` is allowed as the value of every map key below the root, because an overlay's
//     `null` removes the inherited key (JSON Merge Patch, load/merge.ts); list items stay as they
//     are (a list is replaced, or merged by name — null is no item);
//   - `extends` (a relative path) is allowed at the root;
//   - every other constraint (types, enums, patterns, formats, ranges, additionalProperties:
//     false, so typos are still caught) is the full schema's.
// The merged result is still validated against the full schema by stackc itself.

export const OVERLAY_ID = "https://stackc.dev/schema/v1alpha1/stack-overlay.schema.json";

const NULL_NOTE = "null removes the value inherited through extends.";

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/** `schema` or null. */
function nullable(schema) {
  if (schema === null || typeof schema !== "object") return schema;
  if (schema.type !== undefined) {
    const types = [schema.type].flat();
    const s = { ...schema, type: types.includes("null") ? types : [...types, "null"] };
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    if ("const" in s) {
      s.enum = [s.const, null];
      delete s.const;
    }
    return s;
  }
  if ("const" in schema) {
    const { const: c, ...others } = schema;
    return { ...others, enum: [c, null] };
  }
  if (Array.isArray(schema.enum)) return { ...schema, enum: schema.enum.includes(null) ? schema.enum : [...schema.enum, null] };
  // a $ref (or anything else): that, or null; the documentation stays outside for hovers
  const { title, description, ...inner } = schema;
  return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), anyOf: [inner, { type: "null" }] };
}

/** Relax one subschema (and everything below it). `inList`: the subschema describes list items. */
function relax(schema, inList = false) {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const s = { ...schema };
  if (Array.isArray(s.required)) {
    const keep = inList ? s.required.filter((k) => k === "name") : [];
    if (keep.length > 0) s.required = keep;
    else delete s.required;
  }
  if (s.properties) {
    s.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, nullable(relax(v))]));
  }
  if (s.additionalProperties && typeof s.additionalProperties === "object") s.additionalProperties = nullable(relax(s.additionalProperties));
  if (s.items && typeof s.items === "object") s.items = relax(s.items, true);
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) if (Array.isArray(s[key])) s[key] = s[key].map((x) => relax(x, inList));
  if (s.$defs) s.$defs = Object.fromEntries(Object.entries(s.$defs).map(([k, v]) => [k, relax(v, DEFS_IN_LISTS.has(k))]));
  return s;
}

/** $defs used as list items (their `name` stays required); filled per schema before relaxing. */
let DEFS_IN_LISTS = new Set();

function listItemDefs(schema) {
  const found = new Set();
  const walk = (node) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.items && typeof node.items === "object" && typeof node.items.$ref === "string") found.add(node.items.$ref.replace("#/$defs/", ""));
    for (const v of Object.values(node)) walk(v);
  };
  walk(schema);
  return found;
}

export function overlaySchema(full) {
  DEFS_IN_LISTS = listItemDefs(full);
  const root = relax(clone(full));
  // the root keys themselves: kind is the file's own and never null; the rest may be inherited
  root.$id = OVERLAY_ID;
  root.title = "Stack overlay or StackBase";
  root.description =
    "A stackc manifest that is merged before it is checked: a Stack with `extends` (an overlay) or a StackBase (shared settings). " +
    `Nothing a base can supply is required; ${NULL_NOTE} stackc validates the merged stack against stack.schema.json.`;
  root.required = ["kind"];
  root.properties = {
    apiVersion: full.properties.apiVersion,
    kind: full.properties.kind,
    extends: {
      description: "Path of the manifest this one extends (relative to this file); its values are the defaults this file overrides.",
      type: "string",
      minLength: 1,
      examples: ["./base.yaml"],
    },
    ...Object.fromEntries(Object.entries(root.properties).filter(([k]) => k !== "apiVersion" && k !== "kind")),
  };
  return root;
}
