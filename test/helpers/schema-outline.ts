// A readable outline of the manifest schema (one line per property: path, type, required,
// default), used as the schema snapshot: any schema change shows up as a reviewable diff.
type Schema = Record<string, unknown>;

export function schemaOutline(root: Schema): string {
  const lines: string[] = [];
  const resolve = (node: Schema): Schema => {
    let current = node;
    while (typeof current.$ref === "string") {
      let target: unknown = root;
      for (const part of (current.$ref as string).slice(2).split("/")) target = (target as Schema)[part];
      const { $ref: _r, ...rest } = current;
      current = { ...(target as Schema), ...rest };
    }
    return current;
  };
  const typeOf = (s: Schema): string => {
    if ("const" in s) return `const ${JSON.stringify(s.const)}`;
    if (Array.isArray(s.enum)) return `enum ${s.enum.map((v) => JSON.stringify(v)).join("|")}`;
    if (s.type === "array") return `list of ${typeOf(resolve((s.items ?? {}) as Schema))}`;
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return "map";
    return String(s.type ?? "any") + (s.format ? ` (${s.format})` : "") + (s.pattern ? " (pattern)" : "");
  };
  const walk = (node: Schema, path: string, required: boolean) => {
    const s = resolve(node);
    if (path) {
      const flags = [required ? "required" : "", "default" in s ? `default ${JSON.stringify(s.default)}` : ""].filter(Boolean).join(", ");
      lines.push(`${path}: ${typeOf(s)}${flags ? ` [${flags}]` : ""}`);
    }
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const req = new Set((s.required ?? []) as string[]);
    for (const [name, child] of Object.entries(props)) walk(child, path ? `${path}.${name}` : name, req.has(name));
    if (s.additionalProperties && typeof s.additionalProperties === "object") walk(s.additionalProperties as Schema, `${path}.<key>`, false);
    if (s.type === "array" && s.items) {
      const items = resolve(s.items as Schema);
      if (items.type === "object") walk(items, `${path}[]`, false);
    }
  };
  walk(root, "", true);
  return lines.join("\n") + "\n";
}
