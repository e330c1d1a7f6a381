// What every writer of out/ (build, the fleet runner, bind) does first: take out/'s lock, then
// finish whatever an interrupted write left (recover) — and what verify does instead (report it).
// As diagnostics, so the CLI reports them like any other finding.
import path from "node:path";
import { diag } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Io } from "../../io/io.js";
import { acquireOutLock, DEFAULT_LOCK_TIMEOUT_MS, type OutLock, OutLockedError } from "./lock.js";
import { JOURNAL_NAME } from "./names.js";
import { inspect, recover } from "./transaction.js";

export interface OpenOutputOptions {
  /** out/ as the user gave it, for messages. */
  outDisplay: string;
  /** The command line, recorded in the lock for whoever has to wait. */
  command: string;
  /** Unique id of this run. */
  runId: string;
  /** --lock-timeout, in milliseconds. */
  lockTimeoutMs?: number;
}

export interface OpenedOutput {
  /** Held when opening succeeded: release it when the write is done (always, in a finally). */
  lock?: OutLock;
  diagnostics: Diagnostic[];
}

export async function openOutput(outDir: string, io: Io, options: OpenOutputOptions): Promise<OpenedOutput> {
  let lock: OutLock;
  try {
    lock = await acquireOutLock(outDir, io, { command: options.command, runId: options.runId, timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof OutLockedError)) {
      const message = err instanceof Error ? err.message : String(err);
      return { diagnostics: [diag("STK-IO-003", `Cannot lock ${options.outDisplay}: ${message}`)] };
    }
    const lockFile = `${options.outDisplay}/${path.basename(err.lockFile)}`;
    const seconds = Math.round(err.waitedMs / 100) / 10;
    const who = err.holder
      ? `${err.holder.command} (pid ${err.holder.pid} on ${err.holder.host}, since ${err.holder.started})`
      : "an unknown process (the lock file does not say who)";
    const hint = err.holder
      ? `Wait for it to finish, or pass --lock-timeout <seconds> to wait longer; if that process is gone from ${err.holder.host}, delete ${lockFile}`
      : `If no stackc is writing ${options.outDisplay}, delete ${lockFile}`;
    return { diagnostics: [diag("STK-WRITE-001", `${options.outDisplay} is locked by ${who}; waited ${seconds}s`, { hint })] };
  }
  try {
    const recovery = await recover(outDir, io);
    const diagnostics: Diagnostic[] = [];
    if (recovery.journal) {
      const j = recovery.journal;
      const how = j.direction === "forward" ? "completed" : "undone";
      diagnostics.push(
        diag("STK-WRITE-004", `An interrupted build of ${options.outDisplay} (pid ${j.pid} on ${j.host}) was ${how}: ${j.stacks.map((s) => s.name).join(", ")} ${j.direction === "forward" ? "now hold that build's output" : "hold their previous output"}`, {
          hint: "Nothing to do: every stack of that build is entirely its new (or old) output. Review the out/ diff as usual",
        }),
      );
    } else if (recovery.removed.length > 0) {
      diagnostics.push(
        diag("STK-WRITE-004", `Removed what an interrupted write left in ${options.outDisplay}: ${recovery.removed.join(", ")}`, {
          hint: "Nothing to do: out/<stack>/ folders were not touched by it",
        }),
      );
    }
    return { lock, diagnostics };
  } catch (err) {
    await lock.release();
    const message = err instanceof Error ? err.message : String(err);
    return { diagnostics: [diag("STK-IO-003", `Cannot recover ${options.outDisplay} from an interrupted build: ${message}`)] };
  }
}

/** verify: what an interrupted write left in out/, reported, never changed (verify writes nothing). */
export async function interruptedWrites(outDir: string, outDisplay: string, io: Io): Promise<Diagnostic[]> {
  const found = await inspect(outDir, io);
  const out: Diagnostic[] = [];
  if (found.journal) {
    const stacks = found.journal === true ? "" : `: ${found.journal.stacks.map((s) => s.name).join(", ")} may be missing or still old`;
    out.push(
      diag("STK-WRITE-002", `A build of ${outDisplay} was interrupted in the middle of its swap (${outDisplay}/${JOURNAL_NAME})${stacks}`, {
        hint: "Run stackc build: it completes the interrupted build first",
      }),
    );
  }
  for (const name of found.leftovers) {
    out.push(
      diag("STK-WRITE-003", `${outDisplay}/${name} is left over from an interrupted write`, {
        hint: "The next stackc build removes it (or delete it); it is never part of the output",
      }),
    );
  }
  return out;
}
