// TEST-ONLY fault injection: an Io that dies (or stalls) at a chosen call, so tests can stop a
// build exactly between two steps of its durable write — the instants a random kill rarely
// hits. The CLI wraps its Io in it only when $STACKC_TEST_FAULT is set (cli/main.ts); nothing
// else uses it. Never set that variable outside tests: it kills stackc on purpose.
//
// $STACKC_TEST_FAULT is a comma-separated list of:
//   kill:<op>:<n>   before the n-th call of <op> (1-based), call `die` (the CLI: SIGKILL itself)
//   delay:<op>:<ms> before every call of <op>, wait ms (widens the windows a random kill can hit)
// <op> is an Io method name: rename, fsync, writeFile, remove, mkdir, copyFile.
import type { Io } from "./io.js";

const OPS = ["rename", "fsync", "writeFile", "remove", "mkdir", "copyFile"] as const;
type Op = (typeof OPS)[number];

export interface FaultPlan {
  kill: Partial<Record<Op, number>>;
  delay: Partial<Record<Op, number>>;
}

/** The plan in a $STACKC_TEST_FAULT value; throws on anything it does not understand. */
export function parseFaultPlan(spec: string): FaultPlan {
  const plan: FaultPlan = { kill: {}, delay: {} };
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [kind, op, value] = part.split(":");
    const n = Number(value);
    if ((kind !== "kill" && kind !== "delay") || !OPS.includes(op as Op) || !Number.isInteger(n) || n < (kind === "kill" ? 1 : 0)) {
      throw new Error(`STACKC_TEST_FAULT: cannot read ${JSON.stringify(part)} (kill:<op>:<n> or delay:<op>:<ms>, op one of ${OPS.join(", ")})`);
    }
    plan[kind][op as Op] = n;
  }
  return plan;
}

/**
 * `io` with the plan applied. `die` is called instead of the n-th call and must not return
 * normally (the CLI kills its own process; tests throw and then treat the Io as dead).
 */
export function faultyIo(io: Io, plan: FaultPlan, die: (op: string, n: number) => never): Io {
  const counts = new Map<Op, number>();
  const wrapped: Io = { ...io };
  for (const op of OPS) {
    const original = io[op] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<Op, (...args: unknown[]) => Promise<unknown>>)[op] = async (...args: unknown[]) => {
      const n = (counts.get(op) ?? 0) + 1;
      counts.set(op, n);
      const delay = plan.delay[op];
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (plan.kill[op] === n) die(op, n);
      return original.apply(io, args);
    };
  }
  return wrapped;
}
