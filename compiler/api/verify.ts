// `stackc verify` as a function — CI: out/ must be exactly what the manifests compile to, and no
// generated file may have been edited by hand (STK-SYNC-*). Reads out/ through the Io.
import { nodeIo } from "../io/node-io.js";
import { type FleetResult, runFleet } from "../fleet/run.js";
import { type FleetRunOptions, fleetSettings } from "../fleet/settings.js";
import type { RunOptions } from "./options.js";

export interface VerifyOptions extends RunOptions, FleetRunOptions {
  /** Output root (default `out`), relative to cwd. */
  outDir?: string;
}

export type VerifyResult = FleetResult;

export async function verify(paths: readonly string[], options: VerifyOptions = {}): Promise<VerifyResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ?? "out";
  const io = options.io ?? nodeIo;
  // each stack compiled and compared with out/<name>/ by its own task (worker threads for a
  // fleet); with the cache, a stack whose inputs and out/ files hash as recorded is not compiled
  const fleet = await fleetSettings(options.allowOutside?.length ? { ...options, cache: false } : options, { cwd, io, key: { mode: "plain", today: "", outDir } });
  return runFleet(paths, { mode: "verify", cwd, io, outDir, ...fleet, ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}) });
}
