// A process that dies mid-write, in memory: `crashingIo(io, op, n)` behaves like `io` until the
// n-th call of `op`, which throws Crash instead of running — and from then on every call throws,
// as nothing runs in a killed process (no cleanup, no rollback in a catch block). The memory Io
// underneath keeps what was on "disk" at that instant, for the next run to find.
import type { Io } from "../../compiler/index.js";

export class Crash extends Error {
  constructor(readonly op: string, readonly n: number) {
    super(`crashed before ${op} #${n}`);
  }
}

export interface CrashingIo {
  io: Io;
  /** Whether the crash happened (false: the run completed before the n-th call). */
  crashed(): boolean;
  /** How many calls of each operation the run made (before the crash, if any). */
  counts: Map<string, number>;
}

export function crashingIo(io: Io, op: string, n: number): CrashingIo {
  let dead = false;
  const counts = new Map<string, number>();
  const proxy = new Proxy(io, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (dead) throw new Crash(op, n);
        const name = String(key);
        const count = (counts.get(name) ?? 0) + 1;
        counts.set(name, count);
        if (name === op && count === n) {
          dead = true;
          throw new Crash(op, n);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { io: proxy, crashed: () => dead, counts };
}
