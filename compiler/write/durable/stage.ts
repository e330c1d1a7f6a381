// Staging one stack: its complete new folder, written next to out/<stack>/ and flushed to disk
// (every file, then every folder) before the transaction (transaction.ts) may swap it in — a
// rename is only as durable as the data it points to, and after a power cut a renamed-in folder
// must not hold empty files.
import path from "node:path";
import type { Io } from "../../io/io.js";
import { preservedFiles } from "../../model/preserve.js";
import { carried } from "./carried.js";

export interface StagedFile {
  path: string;
  contents: string;
  /** Written with mode 0755 (the stack's bin/up and bin/down scripts). */
  executable?: boolean;
}

/**
 * Writes `files` into a fresh `staging` folder, carries the preserved files over from `target`
 * (files a later tool owns: kops/cluster.yaml from `stackc bind`, terraform's lock and bootstrap
 * state), and flushes it all. Preserved folders (`.terraform/`, with provider binaries) are not
 * copied: the transaction moves them by rename at the swap (transaction.ts).
 */
export async function stageStack(staging: string, target: string, files: readonly StagedFile[], preserve: readonly string[], io: Io): Promise<void> {
  await io.remove(staging);
  await io.mkdir(staging);
  // the folders first, then every file at once: a stack's 30 writes overlap in libuv's pool
  const folders = [...new Set(files.map((f) => path.dirname(path.join(staging, ...f.path.split("/")))))].sort();
  for (const folder of folders) await io.mkdir(folder);
  await Promise.all(files.map((file) => io.writeFile(path.join(staging, ...file.path.split("/")), file.contents, file.executable ? { executable: true } : {})));
  for (const keep of preservedFiles(preserve)) {
    if (files.some((f) => f.path === keep)) continue;
    if (await carried(io, target, keep)) {
      const to = path.join(staging, ...keep.split("/"));
      await io.mkdir(path.dirname(to));
      await io.copyFile(path.join(target, ...keep.split("/")), to);
    }
  }
  await syncTree(staging, io);
}

/** fsync every file under `dir`, then every folder bottom-up (a folder's entries after its files). */
export async function syncTree(dir: string, io: Io): Promise<void> {
  const entries = await io.readDir(dir);
  // files of one folder at once: the kernel batches the flushes
  await Promise.all(entries.filter((e) => e.isFile).map((e) => io.fsync(path.join(dir, e.name))));
  for (const e of entries) if (e.isDirectory) await syncTree(path.join(dir, e.name), io);
  await io.fsync(dir);
}
