// Expands the paths given on the command line into manifest files: files as given,
// directories searched recursively for *.yaml / *.yml (hidden folders and node_modules
// skipped), in sorted order so every run sees the same sequence.
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { Io } from "../io/io.js";
import { displayPath } from "./load.js";
import { type Workspace, contain } from "./workspace.js";

export type { DirEntryInfo } from "../io/io.js";

/** What discovery needs from the Io seam (realpath for workspace containment, when it has one). */
export type DiscoverIo = Pick<Io, "stat" | "readDir"> & Partial<Pick<Io, "realpath">>;

export interface DiscoveredManifest {
  /** Display path. */
  file: string;
  /** True when found by scanning a directory (StackBase files are then skipped silently). */
  fromDirectory: boolean;
}

export async function discoverManifests(
  inputs: readonly string[],
  cwd: string,
  io: DiscoverIo,
  workspace?: Workspace,
): Promise<{ manifests: DiscoveredManifest[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const manifests: DiscoveredManifest[] = [];
  const add = (absolute: string, fromDirectory: boolean) => {
    const file = displayPath(cwd, absolute);
    if (seen.has(file)) return;
    seen.add(file);
    manifests.push({ file, fromDirectory });
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (workspace) {
      // a directory outside is not even listed; files are checked again when loaded
      const where = await contain(workspace, absolute, io);
      if (!where.inside) {
        diagnostics.push(
          diag("STK-IO-005", `${input} is outside the workspace ${workspace.root}${where.real !== absolute ? ` (it resolves to ${where.real})` : ""}`, {
            hint: "stackc reads only files inside the workspace; pass --allow-outside <dir> to permit a folder",
          }),
        );
        continue;
      }
    }
    const info = await io.stat(absolute);
    if (!info) {
      diagnostics.push(diag("STK-IO-001", `${input}: no such file or directory`));
      continue;
    }
    if (info.isFile) {
      add(absolute, false);
      continue;
    }
    if (!info.isDirectory) {
      // a named pipe, a device, a socket: never opened (a pipe would block, /dev/zero never ends)
      diagnostics.push(diag("STK-IO-004", `${input} is neither a regular file nor a directory`));
      continue;
    }
    const found: string[] = [];
    await walk(absolute, io, found);
    if (found.length === 0) diagnostics.push(diag("STK-IO-002", `${input}: no .yaml or .yml manifests in this directory`));
    for (const file of found.sort(compareCodeUnits)) add(file, true);
  }
  return { manifests, diagnostics };
}

async function walk(dir: string, io: DiscoverIo, found: string[]): Promise<void> {
  const entries = await io.readDir(dir);
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory) await walk(full, io, found);
    else if (entry.isFile && /\.ya?ml$/i.test(entry.name)) found.push(full);
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
