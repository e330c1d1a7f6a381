// Swapping staged stacks into out/ so that a kill, a crash or a power cut at any instant leaves
// every stack of the build entirely old or entirely new — all of them, never a mix.
//
// Why a journal and not one rename: out/<stack>/ folders are what users commit and point tools
// at, so they must stay real folders at fixed paths (no `out/current -> gen-42` symlink), and
// POSIX has no atomic exchange of two non-empty folders; so each stack takes two renames
// (out/<stack> → old, staged → out/<stack>), and several stacks take several. The journal makes
// that sequence one decision:
//
//   1. every stack is staged complete and fsync'd (stage.ts) — nothing in out/ has changed;
//   2. the journal (out/.stackc-journal.json: each stack's staged, old and target names) is
//      written to a temporary file, fsync'd, renamed into place and the folder fsync'd: THE
//      COMMIT POINT. Before it, the build never happened; after it, it must complete;
//   3. the renames, then the folder fsync'd;
//   4. the old folders and the journal removed.
//
// recover() — run by the next writer under out/'s lock before anything else — finishes whatever
// a journal describes: it rolls FORWARD (direction "forward": every step is idempotent and
// checks what is on disk), or BACK when an in-process failure (a rename refused) had already
// turned the journal around. Then it removes every leftover (.stackc-tmp-*, .stackc-old-*).
// inspect() is verify's read-only view of the same.
import path from "node:path";
import { type DirEntryInfo, errorCode, type Io } from "../../io/io.js";
import { JOURNAL_NAME, isLeftover, oldName } from "./names.js";

export interface JournalStack {
  name: string;
  /** Names inside outDir. */
  staged: string;
  old: string;
  /** Whether out/<name> existed when the journal was written (under the lock: it cannot change). */
  hadTarget: boolean;
  /** Tool-owned folders (relative, e.g. terraform/.terraform) moved from the old folder into the new one by rename. */
  folders: string[];
}

export interface Journal {
  format: 1;
  runId: string;
  pid: number;
  host: string;
  direction: "forward" | "back";
  stacks: JournalStack[];
}

export interface StagedStack {
  name: string;
  /** Absolute staging folder, inside outDir. */
  dir: string;
  /** Tool-owned folders of out/<name>/ to move into the new folder (preservedFolders of the emitters' preserve). */
  folders?: readonly string[];
}

export interface Recovery {
  /** The interrupted build that was completed (forward) or undone (back), if there was one. */
  journal?: Journal;
  /** Leftover names removed from outDir. */
  removed: string[];
}

/** A failure after the commit point that could not be undone either: the next writer finishes it. */
export class InterruptedCommitError extends Error {}

const exists = async (p: string, io: Io) => (await io.stat(p)) !== undefined || ((await io.isSymlink?.(p)) ?? false);

async function writeJournal(outDir: string, journal: Journal, io: Io): Promise<void> {
  const file = path.join(outDir, JOURNAL_NAME);
  const temporary = `${file}.tmp-${journal.runId}`;
  await io.writeFile(temporary, `${JSON.stringify(journal, null, 2)}\n`);
  await io.fsync(temporary);
  await io.rename(temporary, file);
  await io.fsync(outDir);
}

export function parseJournal(text: string): Journal | undefined {
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    if (j.format !== 1 || !Array.isArray(j.stacks) || (j.direction !== "forward" && j.direction !== "back")) return undefined;
    const named = (s: unknown) => typeof s === "string" && s !== "" && !s.includes("/") && !s.includes("\\") && s !== "." && s !== "..";
    const relative = (s: unknown) => typeof s === "string" && s.split("/").every(named);
    for (const s of j.stacks) {
      if (!named(s?.name) || !named(s?.staged) || !named(s?.old) || typeof s?.hadTarget !== "boolean") return undefined;
      if (!Array.isArray(s.folders) || !s.folders.every(relative)) return undefined;
    }
    return j as Journal;
  } catch {
    return undefined;
  }
}

async function readJournal(outDir: string, io: Io): Promise<{ journal?: Journal; unreadable?: boolean }> {
  let text: string;
  try {
    text = await io.readFile(path.join(outDir, JOURNAL_NAME));
  } catch (err) {
    if (errorCode(err) === "ENOENT") return {};
    throw err;
  }
  const journal = parseJournal(text);
  return journal ? { journal } : { unreadable: true };
}

/** A real folder at dir/rel: no symlink on the way (dir included), never followed. */
async function realFolder(dir: string, rel: string, io: Io): Promise<boolean> {
  const parts = rel.split("/");
  for (let i = 0; i <= parts.length; i++) if (await io.isSymlink?.(path.join(dir, ...parts.slice(0, i)))) return false;
  return (await io.stat(path.join(dir, ...parts)))?.isDirectory ?? false;
}

/** Tool-owned folders from one tree to the other, by rename (provider binaries are never copied); idempotent. */
async function moveFolders(from: string, to: string, folders: readonly string[], io: Io): Promise<void> {
  for (const rel of folders) {
    const dest = path.join(to, ...rel.split("/"));
    if (!(await realFolder(from, rel, io)) || (await exists(dest, io))) continue;
    await io.mkdir(path.dirname(dest));
    await io.rename(path.join(from, ...rel.split("/")), dest);
  }
}

/** Step 3 for one stack, forward; safe to repeat from any state the steps can leave. */
async function forward(outDir: string, s: JournalStack, io: Io): Promise<void> {
  const staged = path.join(outDir, s.staged);
  const target = path.join(outDir, s.name);
  const old = path.join(outDir, s.old);
  if (!(await exists(staged, io))) return; // swapped already
  if (s.hadTarget) {
    const oldMoved = await exists(old, io);
    // terraform's .terraform/ and the like go with the stack into its new folder
    await moveFolders(oldMoved ? old : target, staged, s.folders, io);
    if (!oldMoved) await io.rename(target, old);
  }
  await io.rename(staged, target);
}

/** Undoing step 3 for one stack; safe to repeat. */
async function back(outDir: string, s: JournalStack, io: Io): Promise<void> {
  const target = path.join(outDir, s.name);
  const old = path.join(outDir, s.old);
  if (s.hadTarget) {
    const stagedLeft = await exists(path.join(outDir, s.staged), io);
    const oldMoved = await exists(old, io);
    // the tool-owned folders go back with the old output first (never removed with the new one)
    if (stagedLeft || oldMoved) await moveFolders(stagedLeft ? path.join(outDir, s.staged) : target, oldMoved ? old : target, s.folders, io);
    if (oldMoved) {
      await io.remove(target); // the new folder (or nothing, between the two renames)
      await io.rename(old, target);
    }
  } else if (!(await exists(path.join(outDir, s.staged), io))) {
    await io.remove(target); // it was swapped in: the stack did not exist before
  }
  await io.remove(path.join(outDir, s.staged));
}

/** Step 3 (or its undoing) for every stack; after it, every out/<stack> is in its final state. */
async function swapAll(outDir: string, journal: Journal, io: Io): Promise<void> {
  for (const s of journal.stacks) await (journal.direction === "forward" ? forward(outDir, s, io) : back(outDir, s, io));
  await io.fsync(outDir);
}

/** Step 4: only once every stack is final — an old folder is what a reversal would restore. */
async function cleanUp(outDir: string, journal: Journal, io: Io): Promise<void> {
  for (const s of journal.stacks) await io.remove(path.join(outDir, s.old));
  await io.remove(path.join(outDir, JOURNAL_NAME));
  await io.fsync(outDir);
}

async function finish(outDir: string, journal: Journal, io: Io): Promise<void> {
  await swapAll(outDir, journal, io);
  await cleanUp(outDir, journal, io);
}

/**
 * Swaps every staged stack into out/ as one transaction (steps 2–4 above). Call with out/'s lock
 * held and after recover(). On a failure before the commit point the staged folders are removed
 * and out/ is untouched; after it, the swap is undone in this process when possible, and else
 * left to the next writer (InterruptedCommitError).
 */
export async function commit(outDir: string, staged: readonly StagedStack[], runId: string, io: Io): Promise<void> {
  if (staged.length === 0) return;
  let journal: Journal;
  try {
    const stacks: JournalStack[] = [];
    for (const s of staged) {
      stacks.push({ name: s.name, staged: path.basename(s.dir), old: oldName(s.name, runId), hadTarget: await exists(path.join(outDir, s.name), io), folders: [...(s.folders ?? [])] });
    }
    journal = { format: 1, runId, pid: process.pid, host: io.hostname(), direction: "forward", stacks };
    // the staged folders' own entries in outDir are flushed by writeJournal's folder fsync
    await writeJournal(outDir, journal, io);
  } catch (err) {
    await Promise.all(staged.map((s) => io.remove(s.dir).catch(() => undefined)));
    await io.remove(path.join(outDir, `${JOURNAL_NAME}.tmp-${runId}`)).catch(() => undefined);
    throw err;
  }
  try {
    await swapAll(outDir, journal, io);
  } catch (err) {
    // a refused rename (permissions, a folder someone created meanwhile): turn the journal around
    // and undo, so the build changed nothing — as a failure before the commit point
    try {
      const reversed: Journal = { ...journal, direction: "back" };
      await writeJournal(outDir, reversed, io);
      await finish(outDir, reversed, io);
    } catch {
      const message = err instanceof Error ? err.message : String(err);
      throw new InterruptedCommitError(`${message}; the swap could not be undone either — the next stackc build completes it from ${path.join(outDir, JOURNAL_NAME)}`);
    }
    throw err;
  }
  // every stack is new now: a failure removing the old folders changes nothing of that (the next
  // writer removes them, as leftovers of a journal that only needs cleaning up; verify reports them)
  await cleanUp(outDir, journal, io).catch(() => undefined);
}

/**
 * Finishes an interrupted transaction (if a journal is there) and removes every leftover from
 * outDir. Call with out/'s lock held, before reading or writing anything in out/.
 */
export async function recover(outDir: string, io: Io): Promise<Recovery> {
  if (!(await io.stat(outDir))?.isDirectory) return { removed: [] };
  const { journal, unreadable } = await readJournal(outDir, io);
  if (unreadable) {
    // written only by rename after an fsync: an unreadable journal was not written by stackc
    throw new Error(`${path.join(outDir, JOURNAL_NAME)} is not a stackc journal; move it away and check out/ by hand (git status)`);
  }
  if (journal) await finish(outDir, journal, io);
  const removed: string[] = [];
  for (const e of await io.readDir(outDir)) {
    if (isLeftover(e.name)) {
      await io.remove(path.join(outDir, e.name));
      removed.push(e.name);
    }
  }
  // bind's temporary files inside out/<stack>/kops/ (older versions wrote them there)
  for (const e of await io.readDir(outDir)) {
    if (!e.isDirectory || e.name.startsWith(".")) continue;
    for (const sub of ["", "kops"]) {
      const dir = path.join(outDir, e.name, sub);
      for (const f of listSync(dir, io)) {
        if (f.isFile && f.name.includes(".stackc-tmp-")) {
          await io.remove(path.join(dir, f.name));
          removed.push(path.posix.join(e.name, sub, f.name));
        }
      }
    }
  }
  if (removed.length > 0) await io.fsync(outDir);
  return { ...(journal ? { journal } : {}), removed: removed.sort() };
}

/**
 * A folder's entries, [] when it cannot be listed. Synchronous: recover and inspect list two
 * small folders per stack, and for a fleet of 1000 the async round trips were most of a no-op build.
 */
function listSync(dir: string, io: Io): DirEntryInfo[] {
  try {
    return io.readDirSync(dir);
  } catch {
    return [];
  }
}

export interface Inspection {
  /** An interrupted transaction's journal (or true when it is unreadable). */
  journal?: Journal | true;
  /** Leftover names in outDir (and out/<stack>/kops/), relative to outDir. */
  leftovers: string[];
}

/** verify's read-only look for what an interrupted write left behind. */
export async function inspect(outDir: string, io: Io): Promise<Inspection> {
  if (!(await io.stat(outDir))?.isDirectory) return { leftovers: [] };
  const { journal, unreadable } = await readJournal(outDir, io);
  const leftovers: string[] = [];
  for (const e of await io.readDir(outDir)) {
    if (isLeftover(e.name)) leftovers.push(e.name);
    else if (e.isDirectory && !e.name.startsWith(".")) {
      for (const sub of ["", "kops"]) {
        for (const f of listSync(path.join(outDir, e.name, sub), io)) {
          if (f.isFile && f.name.includes(".stackc-tmp-")) leftovers.push(path.posix.join(e.name, sub, f.name));
        }
      }
    }
  }
  return { ...(journal ? { journal } : unreadable ? { journal: true as const } : {}), leftovers: leftovers.sort() };
}
