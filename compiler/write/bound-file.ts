// Writing the bound kops spec (`stackc bind`): kops/cluster.yaml and kops/binding.json belong
// together, so they are not renamed in one by one (a kill between the two would pair a new spec
// with an old record). out/<stack>/ is staged whole — its current regular files, these two
// replaced — and swapped in through the same journaled transaction as a build, under out/'s lock
// (the caller holds it). Never through a symlink planted in out/.
import path from "node:path";
import type { Io } from "../io/io.js";
import { stagingDir } from "./durable/names.js";
import { stageStack, type StagedFile } from "./durable/stage.js";
import { commit } from "./durable/transaction.js";
import { preservedFolders } from "../model/preserve.js";

/**
 * Replaces `files` (paths under out/<stack>/) in out/<stack>/ as one transaction; returns their
 * absolute paths. `preserve` (the emitters' tool-owned paths): its folders — terraform's
 * `.terraform/` — are moved into the new folder by rename, never copied.
 */
export async function writeBoundFiles(outDir: string, stack: string, files: readonly StagedFile[], runId: string, io: Io, preserve: readonly string[] = []): Promise<string[]> {
  const target = path.join(outDir, stack);
  for (const dir of [target, ...new Set(files.map((f) => path.join(target, ...f.path.split("/").slice(0, -1))))]) {
    if (await io.isSymlink?.(dir)) throw new Error(`${dir} is a symlink; stackc does not write through symlinks in the output directory`);
  }
  const found = await io.stat(target);
  if (found && !found.isDirectory) throw new Error(`${target} is not a folder`);
  const current = found ? await regularFiles(target, io, "", preserve) : [];
  const keep = current.filter((rel) => !files.some((f) => f.path === rel));
  const staging = stagingDir(outDir, stack, runId);
  try {
    await stageStack(staging, target, files, keep, io);
  } catch (err) {
    await io.remove(staging);
    throw err;
  }
  await commit(outDir, [{ name: stack, dir: staging, folders: preservedFolders(preserve) }], runId, io);
  return files.map((f) => path.join(target, ...f.path.split("/")));
}

/**
 * Every regular file under dir reached through real folders (symlinks are not followed or kept),
 * `/`-relative; preserved folders are not walked (the transaction moves them whole).
 */
async function regularFiles(dir: string, io: Io, prefix: string, preserve: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of await io.readDir(path.join(dir, ...prefix.split("/").filter(Boolean)))) {
    const rel = `${prefix}${e.name}`;
    if (await io.isSymlink?.(path.join(dir, ...rel.split("/")))) continue;
    if (e.isDirectory && preservedFolders(preserve).includes(rel)) continue;
    if (e.isDirectory) out.push(...(await regularFiles(dir, io, `${rel}/`, preserve)));
    else if (e.isFile && !e.name.includes(".stackc-tmp-")) out.push(rel);
  }
  return out;
}
