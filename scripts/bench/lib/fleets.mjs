// Generated fleets on disk for the bench sections, one folder per size, checked once: a fleet
// with findings would measure error reporting, not compilation.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFleet } from "./fleet.mjs";
import { cli, runNode } from "./measure.mjs";

const scratch = mkdtempSync(path.join(os.tmpdir(), "stackc-bench-fleet-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const made = new Map();

export function scratchDir(name) {
  return path.join(scratch, name);
}

/** The folder of a generated fleet of `count` stacks (its manifests under `<dir>/fleet`). */
export function fleet(count, now) {
  if (made.has(count)) return made.get(count);
  const dir = path.join(scratch, `fleet-${count}`);
  const files = writeFleet(path.join(dir, "fleet"), count);
  const r = runNode([cli, "check", "fleet", "--now", now, "--format", "json", "--no-cache"], { cwd: dir, expect: undefined });
  if (r.status !== 0) throw new Error(`the generated fleet of ${count} stacks does not pass check (exit ${r.status}):\n${r.stdout.slice(0, 3000)}${r.stderr.slice(0, 2000)}`);
  const entry = { dir, files };
  made.set(count, entry);
  return entry;
}
