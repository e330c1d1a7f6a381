// Is out/<name>/ still the build a cache entry recorded? Every file the entry lists must be there
// with its recorded sha256, the scripts the lock file marks executable must still be, and no
// file may have been added (a hand edit is drift, never skipped over).
//
// Hashing 30 files per stack for a fleet of 1000 is most of a no-op rebuild, so a file is hashed
// only when its stat stamp (size, times, inode, mode: Io FileInfo.stamp) differs from the one the
// entry recorded. A stamp is recorded only after the file was hashed and found as recorded, and
// only once the file is older than STAMP_SETTLE_MS — git's "racily clean" rule: a file written
// within the file system's timestamp granularity of the stat could change again without its
// stamp changing, so a fresh file is hashed until a later run sees it settled. The first rebuild
// after a build therefore hashes and records stamps; the ones after it read only stamps.
import path from "node:path";
import type { Io } from "../io/io.js";
import { isPreserved } from "../model/preserve.js";
import type { CacheEntry } from "./cache.js";
import { sha256Hex } from "./cache.js";

export const STAMP_SETTLE_MS = 2000;
const LOCK = "stackc.lock.json";

export interface OutputCheck {
  matches: boolean;
  /** When it matches: the stamps to record, if they differ from the entry's (else undefined). */
  stamps?: Record<string, string>;
}

/** out/<name>/ holds exactly the recorded files (now: the clock, for the settle rule). */
export async function outputMatches(dir: string, entry: CacheEntry, io: Io, now: number = Date.now()): Promise<OutputCheck> {
  const recorded = entry.files;
  if (recorded[LOCK] === undefined) return { matches: false };
  const onDisk = listFiles(dir, io, "", entry.preserve);
  if (onDisk === undefined) return { matches: false };
  for (const rel of onDisk) if (!(rel in recorded) && !isPreserved(rel, entry.preserve)) return { matches: false };

  const stamps: Record<string, string> = {};
  let hashedAny = false;
  let lockText: string | undefined;
  let changedStamps = false;
  // the lock file first: a stack rebuilt by someone else fails here, after one file
  for (const rel of [LOCK, ...Object.keys(recorded).filter((r) => r !== LOCK).sort()]) {
    const file = path.join(dir, ...rel.split("/"));
    // synchronously: a stat is a few µs, the promise round trip through the thread pool 5× that
    const info = io.statSync(file);
    if (!info?.isFile) return { matches: false };
    const known = entry.stamps?.[rel];
    if (info.stamp !== undefined && info.stamp === known) {
      stamps[rel] = info.stamp;
      continue;
    }
    const text = await io.readFile(file).catch(() => undefined);
    if (text === undefined || sha256Hex(text) !== recorded[rel]) return { matches: false };
    hashedAny = true;
    if (rel === LOCK) lockText = text;
    if (info.stamp !== undefined && info.modifiedMs !== undefined && info.modifiedMs <= now - STAMP_SETTLE_MS) {
      stamps[rel] = info.stamp;
      changedStamps = true;
    } else if (known !== undefined) changedStamps = true; // a stamp that no longer holds is dropped
  }
  // a stamped file's mode is part of its stamp; a hashed one's executable bit is checked here
  if (hashedAny && !(await executablesIntact(dir, lockText ?? (await io.readFile(path.join(dir, LOCK)).catch(() => "")), io))) return { matches: false };
  return changedStamps ? { matches: true, stamps } : { matches: true };
}

/** check: no baseline lock in out/<name>/, or the recorded build's own lock (by stamp, else by hash). */
export async function baselineAllows(dir: string, entry: CacheEntry, io: Io): Promise<boolean> {
  const file = path.join(dir, LOCK);
  const info = await io.stat(file);
  if (!info) return true;
  if (info.stamp !== undefined && info.stamp === entry.stamps?.[LOCK]) return true;
  const onDisk = await io.readFile(file).then(sha256Hex, () => undefined);
  return onDisk === undefined || onDisk === entry.files[LOCK];
}

/** The scripts the lock file (its text, read once) lists as executable still are. */
async function executablesIntact(dir: string, lockText: string, io: Io): Promise<boolean> {
  let executable: unknown;
  try {
    executable = (JSON.parse(lockText) as { executable?: unknown }).executable;
  } catch {
    return false;
  }
  if (executable === undefined) return true;
  if (!Array.isArray(executable)) return false;
  for (const rel of executable) {
    if (typeof rel !== "string") return false;
    if ((await io.stat(path.join(dir, ...rel.split("/"))))?.isExecutable === false) return false;
  }
  return true;
}

/** Every file under dir (relative, "/"-separated); a preserved folder is never walked; undefined: no folder. Synchronous, like the stats. */
function listFiles(dir: string, io: Io, prefix: string, preserve: readonly string[]): string[] | undefined {
  let entries;
  try {
    entries = io.readDirSync(path.join(dir, ...prefix.split("/").filter(Boolean)));
  } catch {
    entries = undefined;
  }
  if (!entries) return prefix === "" ? undefined : [];
  const out: string[] = [];
  for (const e of entries) {
    const rel = `${prefix}${e.name}`;
    // terraform's .terraform/, with its provider binaries, is not ours to hash
    if (e.isDirectory && isPreserved(rel, preserve)) continue;
    if (e.isDirectory) out.push(...(listFiles(dir, io, `${rel}/`, preserve) ?? []));
    else out.push(rel);
  }
  return out;
}
