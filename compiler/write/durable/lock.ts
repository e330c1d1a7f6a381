// One writer of an output folder at a time: out/.stackc.lock, created exclusively (O_EXCL: the
// file system decides who wins), holding who holds it — pid, host, command, start time. Without
// it two builds interleave their swaps and the last writer silently wins (or one fails halfway).
// A second build waits up to --lock-timeout for the holder to finish, then gives up with an error
// naming the holder. A lock whose process is dead on this same host is stale (a killed build)
// and is taken over; a lock from another host is never judged (its pid means nothing here).
import path from "node:path";
import type { Io } from "../../io/io.js";
import { errorCode } from "../../io/io.js";
import { LOCK_NAME } from "./names.js";

export interface LockHolder {
  pid: number;
  host: string;
  /** The command line that took it, e.g. "stackc build stacks/". */
  command: string;
  /** ISO time it was taken. */
  started: string;
  /** Unique per acquisition: release removes the file only while it is still this one. */
  token: string;
}

export interface LockOptions {
  command: string;
  /** How long to wait for a live holder, in milliseconds (default 30 s; 0: fail at once). */
  timeoutMs?: number;
  /** Between attempts (default 100 ms). */
  pollMs?: number;
  /** Unique id of this run (it becomes the token). */
  runId: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface OutLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; never throws. */
  release(): Promise<void>;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/** Another live stackc holds the lock (or an unreadable lock file stayed unreadable), past the timeout. */
export class OutLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(
      holder
        ? `${lockFile} is held by ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.started})`
        : `${lockFile} exists but does not say who holds it`,
    );
  }
}

// The tokens of the locks this process holds now: a lock naming this very pid with another token
// was left by an earlier run in this process that never released it (an in-process crash).
const held = new Set<string>();

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function parseHolder(text: string | undefined): LockHolder | undefined {
  if (text === undefined) return undefined;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === "number" && typeof h.host === "string" && typeof h.command === "string" && typeof h.started === "string" && typeof h.token === "string") {
      return h as LockHolder;
    }
  } catch {
    // unreadable: a writer between create and write, or garbage
  }
  return undefined;
}

/** Takes out/.stackc.lock (creating outDir if needed); rejects with OutLockedError when it cannot within the timeout. */
export async function acquireOutLock(outDir: string, io: Io, options: LockOptions): Promise<OutLock> {
  const file = path.join(outDir, LOCK_NAME);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const pollMs = options.pollMs ?? 100;
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? (() => new Date());
  const holder: LockHolder = { pid: process.pid, host: io.hostname(), command: options.command, started: now().toISOString(), token: options.runId };
  const text = `${JSON.stringify(holder, null, 2)}\n`;
  // a build that then writes nothing leaves no empty out/ behind: created here, removed on release
  const created = !(await io.stat(outDir));
  await io.mkdir(outDir);
  let waited = 0;
  // an unreadable lock is given one poll interval to be written before it counts as stale
  let unreadableSince: number | undefined;
  for (;;) {
    try {
      await io.writeFile(file, text, { exclusive: true });
      held.add(holder.token);
      return {
        file,
        holder,
        release: async () => {
          held.delete(holder.token);
          await releaseIfOurs(file, holder.token, io);
          if (created) await removeIfEmpty(outDir, io);
        },
      };
    } catch (err) {
      // out/ removed by a writer that created it and wrote nothing: create it again
      if (errorCode(err) === "ENOENT") {
        await io.mkdir(outDir);
        continue;
      }
      if (errorCode(err) !== "EEXIST") throw err;
    }
    const current = await io.readFile(file).then(parseHolder, () => undefined);
    const stale = current
      ? current.host === holder.host && (current.pid === process.pid ? !held.has(current.token) : !io.processAlive(current.pid))
      : unreadableSince !== undefined && waited - unreadableSince >= pollMs;
    if (current === undefined && unreadableSince === undefined) unreadableSince = waited;
    if (current !== undefined) unreadableSince = undefined;
    if (stale) {
      await takeOverStale(file, current, io, options.runId);
      continue;
    }
    if (waited >= timeoutMs) throw new OutLockedError(file, current, waited);
    const step = Math.max(1, Math.min(pollMs, timeoutMs - waited));
    await sleep(step);
    waited += step;
  }
}

/**
 * Removes a stale lock. Renamed aside first and re-read, so that when two processes both judged
 * the same lock stale, the second cannot delete the lock the first has just created: it finds a
 * live holder in what it moved and puts it back.
 */
async function takeOverStale(file: string, judged: LockHolder | undefined, io: Io, runId: string): Promise<void> {
  const aside = `${file}.stale-${runId}`;
  try {
    await io.rename(file, aside);
  } catch (err) {
    if (errorCode(err) === "ENOENT") return; // someone else cleared it: try again
    throw err;
  }
  const moved = await io.readFile(aside).then(parseHolder, () => undefined);
  if (moved !== undefined && judged !== undefined && moved.token !== judged.token && io.processAlive(moved.pid)) {
    // not the lock we judged: a live holder's — restore it (exclusive: never over a third one)
    const text = await io.readFile(aside);
    await io.writeFile(file, text, { exclusive: true }).catch(() => undefined);
  }
  await io.remove(aside);
}

async function removeIfEmpty(dir: string, io: Io): Promise<void> {
  // rmdir, never rm -rf: a writer that just put its own lock in it keeps it (ENOTEMPTY)
  await io.removeEmptyDir(dir).catch(() => undefined);
}

async function releaseIfOurs(file: string, token: string, io: Io): Promise<void> {
  try {
    const current = parseHolder(await io.readFile(file));
    if (current?.token === token) await io.remove(file);
  } catch {
    // already gone
  }
}
