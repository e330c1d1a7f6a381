// A retired stack: out/<stack>/ whose lock file records an entry manifest that no longer exists
// (the blue stack of a blue/green pair after the cut-over, or any stack whose manifest was
// deleted). stackc never tears a running cluster down by itself: `plan` lists the retirement as
// one destructive change with the teardown to run, and `build` leaves the folder alone (it holds
// the bound kops spec and the Terraform the teardown needs) with a warning, until it is deleted
// with the pull request. Detection is exact — the recorded manifest is gone — so it holds for any
// subset of stacks a run is given.
import path from "node:path";
import { parseDocument } from "yaml";
import type { Io } from "../io/io.js";
import { LOCK_FILE, type LockFile } from "../emit/lock.js";

export interface RetiredStack {
  /** The folder name under out/ (the stack name). */
  name: string;
  /** The entry manifest the lock records, as a display path (relative to cwd). */
  manifest: string;
  /** From the kops template, when it can be read: what the teardown names. */
  cluster?: { name: string; stateStore: string };
}

/** skip: folders known to be live (the stacks a build has just compiled or confirmed): not read. */
export async function findRetiredStacks(outDir: string, cwd: string, io: Pick<Io, "readDir" | "readFile" | "stat">, skip: ReadonlySet<string> = new Set()): Promise<RetiredStack[]> {
  let entries;
  try {
    entries = await io.readDir(outDir);
  } catch {
    return [];
  }
  const out: RetiredStack[] = [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory || entry.name.startsWith(".") || skip.has(entry.name)) continue;
    const dir = path.join(outDir, entry.name);
    let lock: LockFile;
    try {
      lock = JSON.parse(await io.readFile(path.join(dir, LOCK_FILE))) as LockFile;
    } catch {
      continue; // not a stackc output folder (or unreadable: verify reports it)
    }
    const recorded = Object.keys(lock.manifests ?? {})[0];
    if (recorded === undefined) continue;
    const absolute = path.resolve(dir, recorded);
    if (await io.stat(absolute)) continue;
    const cluster = await clusterOf(dir, io);
    out.push({ name: entry.name, manifest: path.relative(cwd, absolute).split(path.sep).join("/"), ...(cluster ? { cluster } : {}) });
  }
  return out;
}

/** The cluster name and state store of the first (Cluster) document of the kops template. */
async function clusterOf(dir: string, io: Pick<Io, "readFile">): Promise<RetiredStack["cluster"]> {
  try {
    const text = await io.readFile(path.join(dir, "kops", "cluster.tmpl.yaml"));
    const first = text.split(/\n---\n/)[0] ?? "";
    const doc = parseDocument(first).toJS() as { metadata?: { name?: unknown }; spec?: { configBase?: unknown } };
    const name = doc.metadata?.name;
    const configBase = doc.spec?.configBase;
    if (typeof name !== "string" || typeof configBase !== "string") return undefined;
    const stateStore = configBase.endsWith(`/${name}`) ? configBase.slice(0, -name.length - 1) : configBase;
    return { name, stateStore };
  } catch {
    return undefined;
  }
}
