// An in-memory project for tests: manifests (and any other files) under a virtual working
// folder, plus stackc's shipped assets (schema, policy bundle, templates) copied into memory
// from the repository. Nothing the compiler does with it reaches the disk.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ASSETS, assetPath, createMemoryIo, type AssetName, type MemoryIo, type MemoryIoOptions } from "../../compiler/index.js";

let assets: Record<string, Uint8Array> | undefined;

/** The shipped assets, absolute path → bytes, read from the repository once. */
export function assetFiles(): Record<string, Uint8Array> {
  assets ??= Object.fromEntries(
    (Object.keys(ASSETS) as AssetName[]).map((name) => [assetPath(name), new Uint8Array(readFileSync(assetPath(name)))]),
  );
  return assets;
}

/** files: paths relative to cwd → contents. */
export function memoryProject(files: Record<string, string | Uint8Array>, cwd = "/w", options: Omit<MemoryIoOptions, "files"> = {}): MemoryIo {
  const placed = Object.fromEntries(Object.entries(files).map(([p, t]) => [path.resolve(cwd, p), t]));
  return createMemoryIo({ ...options, files: { ...assetFiles(), ...placed } });
}
