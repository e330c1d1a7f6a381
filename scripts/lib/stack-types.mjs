// Shared by scripts/gen-types.mjs and the types-are-fresh test, so both produce the same bytes.
import { compile } from "json-schema-to-typescript";

const banner = (source) => `/* eslint-disable */
// Generated from schema/${source} by \`npm run gen:types\`. DO NOT EDIT.
// A test fails when this file is stale.`;

/** Same schema, with every property that has a `default` listed as required. */
function withDefaultsRequired(node) {
  if (Array.isArray(node)) return node.map(withDefaultsRequired);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "examples" || key === "default" ? value : withDefaultsRequired(value);
  }
  if (out.properties && typeof out.properties === "object") {
    const defaulted = Object.entries(node.properties)
      .filter(([, prop]) => prop && typeof prop === "object" && "default" in prop)
      .map(([name]) => name);
    if (defaulted.length > 0) out.required = [...new Set([...(out.required ?? []), ...defaulted])];
  }
  return out;
}

const options = {
  bannerComment: "",
  additionalProperties: false,
  unreachableDefinitions: false,
  strictIndexSignatures: true,
  // plain arrays instead of unions of tuples for minItems/maxItems
  maxItems: -1,
  format: true,
  style: { singleQuote: false, printWidth: 100, semi: true, trailingComma: "all" },
};

export async function generateStackTypes(schema) {
  return generateTypes(schema, "Stack", "stack.schema.json");
}

/** The Network manifest's types (schema/network.schema.json): NetworkManifest and ResolvedNetworkManifest. */
export async function generateNetworkTypes(schema) {
  return generateTypes(schema, "NetworkManifest", "network.schema.json", "Net");
}

async function generateTypes(schema, title, source, defsPrefix = "") {
  const input = { ...(defsPrefix ? renameDefs(schema, defsPrefix) : schema), title, $id: undefined };
  const resolved = { ...withDefaultsRequired(schema), title: `Resolved${title}`, $id: undefined };
  const a = await compile(input, title, { ...options });
  // Definitions get the prefix Resolved so both trees can live in one module.
  const b = await compile(renameDefs(resolved, `Resolved${defsPrefix}`), `Resolved${title}`, { ...options });
  return `${banner(source)}\n\n${a.trim()}\n\n${b.trim()}\n`;
}

function renameDefs(schema, prefix) {
  const defs = schema.$defs ?? {};
  const renamed = {};
  for (const [name, def] of Object.entries(defs)) renamed[name] = { ...def, title: prefix + pascal(name) };
  return { ...schema, $defs: renamed };
}

function pascal(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
