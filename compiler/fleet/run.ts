// Many stacks at once, for check, build and verify: discover, select (--shard, --changed-since),
// compile each stack on a pool of worker threads (or in this thread for small runs and
// --jobs 1), take results in discovery order whatever the scheduling, run the fleet checks
// over compact summaries, and — for build — swap every staged stack into out/ only when the
// whole run is free of errors (else remove them all: all or nothing, as before). Each stack's
// files are written (or compared) by its task and dropped there, so memory holds summaries
// and findings, never the fleet's models or files.
import { realpathSync } from "node:fs";
import { readdir, readFile, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { discoverManifests, type DiscoveredManifest } from "../load/discover.js";
import { createLoadSession, loadManifest } from "../load/load.js";
import { nodeIo } from "../load/node-io.js";
import { checkFleetSummaries, type FleetSummary } from "../normalize/fleet.js";
import { type CompileResult, type PolicyStage, type StackResult, dedupe } from "../pipeline.js";
import { runPool } from "./pool.js";
import { type Shard, selectShard } from "./shard.js";
import { type FleetMode, type StackOutcome, runStackTask } from "./stack-task.js";
import type { WorkerInit } from "./worker.js";

/** Below this many stacks (and without an explicit --jobs) one thread beats starting workers. */
export const MIN_STACKS_FOR_WORKERS = 24;

export interface FleetOptions {
  mode: FleetMode;
  cwd: string;
  /** Output root as given (default "out"). */
  outDir?: string;
  /** Worker threads: undefined = the cores (for runs of MIN_STACKS_FOR_WORKERS or more), 1 = this thread. */
  jobs?: number;
  /** The policy time, for check and build (workers each build their own policy stage from it). */
  now?: Date;
  /** The stage this thread uses when it compiles itself (always when given user policies). */
  policy?: PolicyStage;
  /** Stages that cannot be rebuilt in a worker (user policies): everything runs in this thread. */
  inProcessOnly?: boolean;
  shard?: Shard;
  /** --changed-since: absolute paths of the changed files; a stack is selected when its manifest or a base is one. */
  changed?: ReadonlySet<string>;
  /** Called after each stack (in result order): for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface FleetResult extends CompileResult {
  /** build: the stacks swapped into out/ (empty when the run had errors). */
  written: string[];
  /** Stacks in the input before --shard/--changed-since selected `stacks`. */
  discovered: number;
}

export async function runFleet(inputs: readonly string[], options: FleetOptions): Promise<FleetResult> {
  const { cwd, mode } = options;
  const outDisplay = (options.outDir ?? "out").replace(/\/+$/, "") || ".";
  const outDir = path.resolve(cwd, outDisplay);
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const stacks: StackResult[] = [];
  const summaries: FleetSummary[] = [];
  const staged: { name: string; dir: string }[] = [];

  const discovered = await discoverManifests(inputs, cwd, nodeIo);
  all.push(...discovered.diagnostics);
  let usageError = discovered.diagnostics.length > 0;
  let selected: DiscoveredManifest[] = discovered.manifests;
  if (options.changed) selected = await selectChanged(selected, options.changed, cwd);
  if (options.shard) selected = selectShard(selected, options.shard, (m) => m.file);
  const partial = options.changed !== undefined || options.shard !== undefined;

  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const task = { mode, cwd, outDir, outDisplay, runId };
  const onOutcome = (outcome: StackOutcome, done: number) => {
    all.push(...outcome.diagnostics);
    if (outcome.file !== undefined) {
      stacks.push({ file: outcome.file, ...(outcome.name !== undefined ? { name: outcome.name } : {}), manifests: outcome.manifests });
    }
    // texts only where a finding may quote them (code frames): the rest is dropped
    if (outcome.diagnostics.length > 0) for (const [file, text] of outcome.sources) sources.set(file, text);
    if (outcome.summary) summaries.push(outcome.summary);
    if (outcome.staged && outcome.name !== undefined) staged.push({ name: outcome.name, dir: outcome.staged });
    options.onProgress?.(done, selected.length);
  };

  const jobs = options.jobs ?? os.availableParallelism();
  const useWorkers = !options.inProcessOnly && jobs > 1 && (options.jobs !== undefined || selected.length >= MIN_STACKS_FOR_WORKERS);
  try {
    if (useWorkers) {
      const init: WorkerInit = { task, now: mode === "verify" ? null : (options.now ?? new Date()).toISOString() };
      let done = 0;
      await runPool<WorkerInit, DiscoveredManifest, StackOutcome>({ file: workerFile(), init, size: jobs }, selected, (_, outcome) => onOutcome(outcome, ++done));
    } else {
      let done = 0;
      for (const manifest of selected) {
        onOutcome(await runStackTask(manifest, task, mode === "verify" || !options.policy ? {} : { policy: options.policy }), ++done);
      }
    }
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.dir, { recursive: true, force: true })));
    throw err;
  }

  const fleetFindings = checkFleetSummaries(summaries);
  all.push(...fleetFindings);
  // a fleet finding quotes manifests of stacks that may have had no finding of their own
  for (const d of fleetFindings) {
    for (const file of [d.file, ...(d.related ?? []).map((r) => r.file)]) {
      if (file !== undefined && !sources.has(file)) sources.set(file, await readFile(path.resolve(cwd, file), "utf8").catch(() => ""));
    }
  }
  if (discovered.manifests.length > 0 && stacks.length === 0 && !usageError && !partial) {
    all.push(diag("STK-IO-002", "Only StackBase manifests were given; nothing to compile"));
    usageError = true;
  }
  if (mode === "verify" && !partial && !usageError && !hasErrors(all)) {
    const names = new Set(stacks.map((s) => s.name).filter((n): n is string => n !== undefined));
    for (const orphan of await orphanFolders(outDir, names)) {
      all.push(
        diag("STK-SYNC-003", `${outDisplay}/${orphan}/ belongs to none of the stacks checked`, {
          hint: "Delete it if its stack was removed (or check all stacks at once)",
        }),
      );
    }
  }

  const written: string[] = [];
  if (mode === "build") {
    if (usageError || hasErrors(all)) {
      await Promise.all(staged.map((s) => rm(s.dir, { recursive: true, force: true })));
    } else {
      try {
        for (const s of staged) {
          await swapIn(s.dir, path.join(outDir, s.name));
          written.push(s.name);
        }
      } catch (err) {
        await Promise.all(staged.map((s) => rm(s.dir, { recursive: true, force: true })));
        const message = err instanceof Error ? err.message : String(err);
        all.push(diag("STK-IO-003", `Cannot write ${outDir}: ${message}`));
      }
    }
  }
  return { stacks, diagnostics: dedupe(all).sort(compareDiagnostics), sources, usageError, written, discovered: discovered.manifests.length };
}

/** The worker module beside this one (dist/compiler/fleet/worker.js; in the bundle too). */
function workerFile(): URL {
  return new URL("./worker.js", import.meta.url);
}

/** The staged folder replaces out/<name>/ (two renames, the old one removed after). */
async function swapIn(staging: string, target: string): Promise<void> {
  const old = `${staging}-old`;
  const hadTarget = await stat(target).then(() => true, () => false);
  if (hadTarget) await rename(target, old);
  try {
    await rename(staging, target);
  } catch (err) {
    if (hadTarget) await rename(old, target);
    throw err;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

async function orphanFolders(outDir: string, names: ReadonlySet<string>): Promise<string[]> {
  try {
    return (await readdir(outDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !names.has(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Stacks whose manifest or any base it extends is among the changed files. */
async function selectChanged(manifests: readonly DiscoveredManifest[], changed: ReadonlySet<string>, cwd: string): Promise<DiscoveredManifest[]> {
  const session = createLoadSession(cwd, nodeIo);
  const out: DiscoveredManifest[] = [];
  for (const manifest of manifests) {
    const loaded = await loadManifest(session, manifest.file);
    if (loaded.kind === "StackBase") continue;
    const files = loaded.files.length > 0 ? loaded.files : [manifest.file];
    if (files.some((f) => changed.has(realPath(path.resolve(cwd, f))))) out.push(manifest);
  }
  return out;
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p; // deleted since the ref: compared as given
  }
}
