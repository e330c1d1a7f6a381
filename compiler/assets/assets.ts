// The files stackc ships beside its compiled code — the manifest schema, the compiled policy
// bundle and its rule catalog, the Handlebars templates — read through an Io, once per Io and
// file. Where they are is fixed by the package layout: this module is
// <package>/dist/compiler/assets/assets.js, so the package root is three folders up, in a clone
// and in an installed package alike (no file system search, no read at import time); in the
// CLI bundle, one folder up from it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../io/io.js";

const here = fileURLToPath(import.meta.url);

/**
 * The installed package's folder. In the one-file CLI bundle (scripts/build/bundle.mjs),
 * import.meta.url is the bundle's own location, <package>/dist/stackc.bundle.cjs.
 */
export const packageRoot: string = /\.bundle\.cjs$/.test(here) ? path.resolve(path.dirname(here), "..") : path.resolve(path.dirname(here), "..", "..", "..");

/** An absolute path inside the installed stackc package. */
export function packagePath(...parts: string[]): string {
  return path.join(packageRoot, ...parts);
}

/** The shipped assets, package-relative (`/` separators); package.json `files` must ship them all. */
export const ASSETS = {
  schema: "schema/stack.schema.json",
  overlaySchema: "schema/stack-overlay.schema.json",
  networkSchema: "schema/network.schema.json",
  policyWasm: "policies/bundle/policy.wasm",
  policyManifest: "policies/bundle/.manifest",
  policyRules: "policies/bundle/rules.json",
  policyCapabilities: "policies/capabilities.json",
  runbookTemplate: "compiler/emit/runbook/RUNBOOK.md.hbs",
  initTemplate: "compiler/init/templates/stack.yaml.hbs",
  initNetworkTemplate: "compiler/init/templates/network.yaml.hbs",
} as const;

export type AssetName = keyof typeof ASSETS;

export function assetPath(name: AssetName): string {
  return packagePath(...ASSETS[name].split("/"));
}

const cache = new WeakMap<Io, Map<string, unknown>>();

/** A value derived from a file read through `io`, computed once per Io and key. */
export function cachedRead<T>(io: Io, key: string, read: () => T): T {
  let perIo = cache.get(io);
  if (!perIo) cache.set(io, (perIo = new Map()));
  if (perIo.has(key)) return perIo.get(key) as T;
  const value = read();
  perIo.set(key, value);
  return value;
}

/** The text of a shipped asset, read once per Io. */
export function assetText(io: Io, name: AssetName): string {
  return cachedRead(io, `text:${assetPath(name)}`, () => io.readTextSync(assetPath(name)));
}
