// Many stacks at once, for check, build and verify: discover, select (--shard, --changed-since),
// compile each stack on a pool of worker threads (or in this thread for small runs and
// --jobs 1), take results in discovery order whatever the scheduling, run the fleet checks
// over compact summaries, and — for build — swap every staged stack into out/ only when the
// whole run is free of errors (else remove them all: all or nothing, as before). Each stack's
// files are written (or compared) by its task and dropped there, so memory holds summaries
// and findings, never the fleet's models or files.
import path from "node:path";
import { type CompileResult, type PolicyStage, type StackResult, dedupe } from "../compile/compile.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { discoverManifests, type DiscoveredManifest } from "../load/discover.js";
import { createLoadSession, loadManifest } from "../load/load.js";
import { contain, resolveWorkspace } from "../load/workspace.js";
import { maskSecrets } from "../diagnostics/mask-secrets.js";
import { checkFleetSummaries, type FleetSummary } from "../normalize/fleet.js";
import { compileStack, summaryOf } from "../compile/compile.js";
import { emitContext } from "../emit/context.js";
import type { Workspace } from "../load/workspace.js";
import { StackCache } from "./cache.js";
import { baselineAllows, outputMatches } from "./cached-output.js";
import { runPool } from "./pool.js";
import { preservedFolders } from "../model/preserve.js";
import { interruptedWrites, openOutput } from "../write/durable/open-output.js";
import { commit } from "../write/durable/transaction.js";
import { findRetiredStacks } from "../plan/retired.js";
import { type Shard, selectShard } from "./shard.js";
import { type FleetMode, type StackOutcome, runStackTask } from "./stack-task.js";
import type { WorkerInit } from "./worker.js";

/** Below this many stacks (and without an explicit --jobs) one thread beats starting workers. */
export const MIN_STACKS_FOR_WORKERS = 24;

export interface FleetOptions {
  mode: FleetMode;
  cwd: string;
  /** Every read and write (default nodeIo). Worker threads use the real file system, so another Io keeps the run in this thread. */
  io?: Io;
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
  /** --changed-since: absolute paths (resolved from cwd) of the changed files; a stack is selected when its manifest or a base is one. */
  changed?: ReadonlySet<string>;
  /** The stack cache of this run (cache.ts), keyed for its mode, date and output folder. */
  cache?: StackCache;
  /** check: the change rules' baseline at this git ref (the cache is not used with it). */
  baseline?: string;
  /** build: overwrite hand-edited generated files (drift). */
  force?: boolean;
  /** Folders outside the workspace manifests and the output folder may be in (--allow-outside). */
  allowOutside?: readonly string[];
  /** Called after each stack (in result order): for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** build: how long to wait for another stackc's lock on out/, in milliseconds (--lock-timeout). */
  lockTimeoutMs?: number;
}

export interface FleetResult extends CompileResult {
  /** build: the stacks swapped into out/ (empty when the run had errors). */
  written: string[];
  /** Stacks in the input before --shard/--changed-since selected `stacks`. */
  discovered: number;
  /** Stacks taken from the cache (not compiled, not written again). */
  fromCache: number;
}

export async function runFleet(inputs: readonly string[], options: FleetOptions): Promise<FleetResult> {
  if (options.mode !== "build") return runFleetUnlocked(inputs, options);
  // build: one writer of out/ at a time (out/.stackc.lock), for the whole run — the change rules'
  // baseline and the drift check read the out/ this build then replaces — and whatever an
  // interrupted build left is finished first (write/durable/)
  const io = options.io ?? nodeIo;
  const outDisplay = (options.outDir ?? "out").replace(/\/+$/, "") || ".";
  const outDir = path.resolve(options.cwd, outDisplay);
  const refused = await outsideWorkspace(outDir, options, io);
  if (refused) return { stacks: [], diagnostics: [refused], sources: new Map(), usageError: true, written: [], discovered: 0, fromCache: 0 };
  const runId = newRunId();
  const opened = await openOutput(outDir, io, {
    outDisplay,
    command: ["stackc", "build", ...inputs].join(" "),
    runId,
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
  });
  if (!opened.lock) return { stacks: [], diagnostics: opened.diagnostics, sources: new Map(), usageError: false, written: [], discovered: 0, fromCache: 0 };
  try {
    const result = await runFleetUnlocked(inputs, options, { runId });
    if (opened.diagnostics.length === 0) return result;
    return { ...result, diagnostics: dedupe([...opened.diagnostics, ...result.diagnostics]).sort(compareDiagnostics) };
  } finally {
    await opened.lock.release();
  }
}

/** Unique per run: names staging and old folders, and the lock's token. */
function newRunId(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** --out resolved strictly: through symlinks, inside the workspace (or an --allow-outside folder). */
async function outsideWorkspace(outDir: string, options: FleetOptions, io: Io): Promise<Diagnostic | undefined> {
  const workspace = await resolveWorkspace(options.cwd, io, options.allowOutside);
  const where = await contain(workspace, outDir, io);
  if (where.inside) return undefined;
  const message = `The output directory ${outDir}${where.real !== outDir ? ` (it resolves to ${where.real})` : ""} is outside the workspace ${workspace.root}`;
  return diag("STK-IO-005", message, { hint: "Write inside the repository, or pass --allow-outside <dir> for the output folder" });
}

async function runFleetUnlocked(inputs: readonly string[], options: FleetOptions, held?: { runId: string }): Promise<FleetResult> {
  const { cwd, mode } = options;
  const io = options.io ?? nodeIo;
  const outDisplay = (options.outDir ?? "out").replace(/\/+$/, "") || ".";
  const outDir = path.resolve(cwd, outDisplay);
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const stacks: StackResult[] = [];
  const summaries: FleetSummary[] = [];
  const staged: { name: string; dir: string; folders: string[] }[] = [];

  const workspace = await resolveWorkspace(cwd, io, options.allowOutside);
  const discovered = await discoverManifests(inputs, cwd, io, workspace);
  all.push(...discovered.diagnostics);
  let usageError = discovered.diagnostics.length > 0;
  let selected: DiscoveredManifest[] = discovered.manifests;
  if (options.changed) selected = await selectChanged(selected, options.changed, cwd, io);
  if (options.shard) selected = selectShard(selected, options.shard, (m) => m.file);
  const partial = options.changed !== undefined || options.shard !== undefined;

  const runId = held?.runId ?? newRunId();
  const task = { mode, cwd, outDir, outDisplay, runId, workspace, ...(options.baseline !== undefined ? { baseline: options.baseline } : {}), ...(options.force ? { force: true } : {}) };
  const onOutcome = (outcome: StackOutcome, count: number) => {
    all.push(...outcome.diagnostics);
    if (outcome.file !== undefined) {
      stacks.push({ file: outcome.file, ...(outcome.name !== undefined ? { name: outcome.name } : {}), manifests: outcome.manifests });
    }
    // texts only where a finding may quote them (code frames): the rest is dropped
    if (outcome.diagnostics.length > 0) for (const [file, text] of outcome.sources) sources.set(file, text);
    if (outcome.summary) summaries.push(outcome.summary);
    if (outcome.staged && outcome.name !== undefined) staged.push({ name: outcome.name, dir: outcome.staged, folders: preservedFolders(outcome.preserve ?? []) });
    options.onProgress?.(count, selected.length);
  };

  // the cache first: a stack whose inputs hash as recorded is not compiled again
  const outcomes = new Map<number, StackOutcome>();
  const misses: number[] = [];
  let fromCache = 0;
  // lookups overlap (reads of entries, manifests and lock files), a bounded number at a time
  const LOOKUPS_AT_ONCE = 32;
  for (let start = 0; start < selected.length; start += LOOKUPS_AT_ONCE) {
    const batch = selected.slice(start, start + LOOKUPS_AT_ONCE);
    const hits = options.cache ? await Promise.all(batch.map((m) => cachedOutcome(options.cache!, m, mode, outDir, io))) : [];
    batch.forEach((_, k) => {
      const hit = hits[k];
      if (hit) {
        outcomes.set(start + k, hit);
        fromCache++;
      } else misses.push(start + k);
    });
  }
  const store = async (outcome: StackOutcome) => {
    if (!options.cache || !outcome.file || !outcome.summary || !outcome.files || outcome.name === undefined) return;
    // a stack the change rules spoke about (a refusal, an acknowledgement) is compared with its
    // baseline every time: such findings are not a property of the inputs
    if (outcome.diagnostics.some((d) => d.code.startsWith("STK-CHANGE-"))) return;
    const texts = new Map(outcome.sources);
    // verify's out/ comparison and the change rules' comparison with the baseline are not
    // properties of the inputs: never cached (a hit needs out/ to hold this very build, see cachedOutcome)
    const diagnostics = outcome.diagnostics.filter((d) => !d.code.startsWith("STK-SYNC-"));
    await options.cache.store(outcome.file, outcome.manifests, texts, { name: outcome.name, diagnostics, summary: outcome.summary, files: outcome.files, preserve: outcome.preserve ?? [] });
  };

  const jobs = options.jobs ?? io.availableParallelism?.() ?? 1;
  const useWorkers = io === nodeIo && !options.inProcessOnly && jobs > 1 && misses.length > 0 && (options.jobs !== undefined || misses.length >= MIN_STACKS_FOR_WORKERS);
  let done = 0;
  let next = 0;
  // outcomes are reported in discovery order: cached ones as soon as every earlier stack is in
  const drain = () => {
    while (outcomes.has(next)) {
      onOutcome(outcomes.get(next)!, ++done);
      outcomes.delete(next);
      next++;
    }
  };
  try {
    drain();
    if (useWorkers) {
      const init: WorkerInit = { task, now: options.policy ? (options.now ?? new Date()).toISOString() : null };
      const manifests = misses.map((i) => selected[i]!);
      await runPool<WorkerInit, DiscoveredManifest, StackOutcome>({ file: workerFile(), init, size: jobs }, manifests, async (k, outcome) => {
        await store(outcome);
        outcomes.set(misses[k]!, outcome);
        drain();
      });
    } else {
      for (const i of misses) {
        const outcome = await runStackTask(selected[i]!, task, io, mode === "verify" || !options.policy ? {} : { policy: options.policy });
        await store(outcome);
        outcomes.set(i, outcome);
        drain();
      }
    }
  } catch (err) {
    await Promise.all(staged.map((s) => io.remove(s.dir)));
    throw err;
  }

  // --shard and --changed-since compile a selection, but a name, bucket, zone or range is
  // unique across the whole fleet: the stacks left out contribute their summaries (from the
  // cache, else a compile that stops after normalize), and a finding is kept when it involves
  // a selected stack — on either side, so a changed stack taking an unchanged one's name is caught
  let fleetFindings: Diagnostic[];
  if (partial && !usageError) {
    const chosen = new Set(selected.map((m) => m.file));
    const others = await outsideSummaries(discovered.manifests.filter((m) => !chosen.has(m.file)), options.cache, cwd, io, workspace);
    const selectedFiles = new Set(summaries.map((x) => x.file));
    const order = new Map(discovered.manifests.map((m, i) => [m.file, i] as const));
    const rank = (x: FleetSummary) => order.get(x.file) ?? Number.MAX_SAFE_INTEGER;
    const everyone = [...summaries, ...others].sort((a, b) => rank(a) - rank(b));
    fleetFindings = checkFleetSummaries(everyone, (later, earlier) => selectedFiles.has(later.file) || selectedFiles.has(earlier.file));
  } else {
    fleetFindings = checkFleetSummaries(summaries);
  }
  all.push(...fleetFindings);
  // a fleet finding quotes manifests of stacks that may have had no finding of their own
  for (const d of fleetFindings) {
    for (const file of [d.file, ...(d.related ?? []).map((r) => r.file)]) {
      if (file !== undefined && !sources.has(file)) sources.set(file, await io.readFile(path.resolve(cwd, file)).catch(() => ""));
    }
  }
  if (discovered.manifests.length > 0 && stacks.length === 0 && !usageError && !partial) {
    all.push(diag("STK-IO-002", "Only StackBase manifests were given; nothing to compile"));
    usageError = true;
  }
  // what an interrupted build left in out/: reported (verify writes nothing; the next build finishes it)
  if (mode === "verify") all.push(...(await interruptedWrites(outDir, outDisplay, io)));
  if (mode === "verify" && !partial && !usageError && !hasErrors(all)) {
    const names = new Set(stacks.map((s) => s.name).filter((n): n is string => n !== undefined));
    for (const orphan of await orphanFolders(outDir, names, io)) {
      all.push(
        diag("STK-SYNC-003", `${outDisplay}/${orphan}/ belongs to none of the stacks checked`, {
          hint: "Delete it if its stack was removed (or check all stacks at once)",
        }),
      );
    }
  }

  if (mode === "build") {
    // a folder whose recorded manifest is gone belongs to a retired stack: kept, and said so
    // this run's stacks are rewritten or confirmed by it: their folders are not read again
    const live = new Set(stacks.map((s) => s.name).filter((n): n is string => n !== undefined));
    for (const retired of await findRetiredStacks(outDir, cwd, io, live)) {
      all.push(
        diag("STK-SYNC-006", `${outDisplay}/${retired.name}/ belongs to the retired stack ${retired.name} (${retired.manifest} is gone); it is left as it is`, {
          hint: `Tear the stack down (stackc plan lists the steps), then delete ${outDisplay}/${retired.name}/`,
        }),
      );
    }
  }

  const written: string[] = [];
  if (mode === "build") {
    if (usageError || hasErrors(all)) {
      await Promise.all(staged.map((s) => io.remove(s.dir)));
    } else {
      // every staged stack in one transaction: all of them, or (after a kill) the next build
      // finishes it — never some stacks new and others old (write/durable/transaction.ts)
      try {
        await commit(outDir, staged, runId, io);
        written.push(...staged.map((s) => s.name));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        all.push(diag("STK-IO-003", `Cannot write ${outDir}: ${message}`));
      }
    }
  }
  const diagnostics = dedupe(all).sort(compareDiagnostics);
  // code frames quote these texts: a secret a policy found is masked before any reporter sees it
  return { stacks, diagnostics, sources: maskSecrets(sources, diagnostics), usageError, written, discovered: discovered.manifests.length, fromCache };
}

// Set by scripts/build/bundle.mjs (esbuild define) in the bundled CLI only.
declare const __STACKC_BUNDLE__: boolean | undefined;

/**
 * The worker module: from the bundled CLI, the bundled worker beside it (dist/stackc.worker.cjs,
 * built with it: one file to load, not ~300 modules); else worker.js beside this module.
 */
function workerFile(): URL {
  if (typeof __STACKC_BUNDLE__ !== "undefined" && __STACKC_BUNDLE__) return new URL("../../stackc.worker.cjs", import.meta.url);
  return new URL("./worker.js", import.meta.url);
}

async function orphanFolders(outDir: string, names: ReadonlySet<string>, io: Io): Promise<string[]> {
  try {
    return (await io.readDir(outDir))
      .filter((e) => e.isDirectory && !e.name.startsWith(".") && !names.has(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Fleet summaries of the stacks a partial run does not compile: the cached one where the cache
 * has the stack's current inputs, else load → validate → normalize (no emit, no policy: the
 * summary needs the model only). A stack that does not get that far contributes nothing; its own
 * run reports why.
 */
async function outsideSummaries(manifests: readonly DiscoveredManifest[], cache: StackCache | undefined, cwd: string, io: Io, workspace: Workspace): Promise<FleetSummary[]> {
  const session = createLoadSession(cwd, io, workspace);
  const out: FleetSummary[] = [];
  for (const manifest of manifests) {
    const cached = cache ? await cache.lookup(manifest.file) : undefined;
    if (cached) {
      out.push(cached.entry.summary);
      continue;
    }
    const one = await compileStack(session, manifest, { cwd, io, outDir: cwd, emitters: [], context: emitContext(io), emit: false });
    // a stack's summary, or a network's (its name, buckets and VPC range are claims too)
    const summary = one.result ? summaryOf(one.result) : undefined;
    if (summary) out.push(summary);
  }
  return out;
}

/** Stacks whose manifest or any base it extends is among the changed files. */
async function selectChanged(manifests: readonly DiscoveredManifest[], changed: ReadonlySet<string>, cwd: string, io: Io): Promise<DiscoveredManifest[]> {
  const session = createLoadSession(cwd, io, await resolveWorkspace(cwd, io));
  const out: DiscoveredManifest[] = [];
  for (const manifest of manifests) {
    const loaded = await loadManifest(session, manifest.file);
    if (loaded.kind === "StackBase") continue;
    const files = loaded.files.length > 0 ? loaded.files : [manifest.file];
    if (files.some((f) => changed.has(path.resolve(cwd, f)))) out.push(manifest);
  }
  return out;
}

/**
 * A stack's outcome from the cache: check takes the recorded findings when out/<name>/ holds no
 * other build to compare with; build and verify also need every file of out/<name>/ as recorded
 * (cached-output.ts: by stat stamp, else by hash). Anything else: a miss.
 */
async function cachedOutcome(cache: StackCache, manifest: DiscoveredManifest, mode: FleetMode, outDir: string, io: Io): Promise<StackOutcome | undefined> {
  const found = await cache.lookup(manifest.file);
  if (!found) return undefined;
  const { entry, sources } = found;
  const dir = path.join(outDir, entry.name);
  // build and verify: every file as recorded and none added, so a hand edit is never skipped over (drift)
  if (mode === "build" || mode === "verify") {
    const check = await outputMatches(dir, entry, io);
    if (!check.matches) return undefined;
    if (check.stamps) await cache.restamp(entry, check.stamps);
  }
  // check: a baseline in out/ other than this very build may give the change rules something to say
  if (mode === "check" && !(await baselineAllows(dir, entry, io))) return undefined;
  return {
    file: entry.stack,
    name: entry.name,
    manifests: entry.manifests.map((m) => m.path),
    diagnostics: entry.diagnostics,
    sources: [...sources],
    summary: entry.summary,
    files: entry.files,
    preserve: entry.preserve,
  };
}
