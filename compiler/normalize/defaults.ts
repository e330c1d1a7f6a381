// Applies the `default`s written in the schema (the source of truth for defaults, also shown
// in editor hovers) to a validated manifest. Returns a new value; the input is not mutated.

type Schema = Record<string, unknown>;

export function applySchemaDefaults<T>(value: T, schema: Schema): T {
  return fill(structuredClone(value), schema, schema) as T;
}

function resolve(node: Schema, root: Schema): Schema {
  let current = node;
  // follow local refs ("#/$defs/name"); siblings of $ref (description, default) stay visible
  while (typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`non-local $ref ${ref}`);
    let target: unknown = root;
    for (const part of ref.slice(2).split("/")) target = (target as Schema)[part];
    const { $ref: _ignored, ...siblings } = current;
    current = { ...(target as Schema), ...siblings };
  }
  return current;
}

function fill(value: unknown, node: Schema, root: Schema): unknown {
  const schema = resolve(node, root);
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    return items ? value.map((item) => fill(item, items, root)) : value;
  }
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, propNode] of Object.entries(properties)) {
    const prop = resolve(propNode, root);
    if (!(name in obj) && "default" in prop) obj[name] = structuredClone(prop.default);
    if (name in obj) obj[name] = fill(obj[name], propNode, root);
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === "object") {
    for (const key of Object.keys(obj)) if (!(key in properties)) obj[key] = fill(obj[key], additional as Schema, root);
  }
  return obj;
}
