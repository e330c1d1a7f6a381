// One stack of a fleet run, start to finish, as plain data: compile it (load → … → policy),
// then, by mode, stage its files for writing (build) or compare them with out/ (verify), and
// keep only what the run needs afterwards — its findings, a fleet summary, file hashes, and the
// texts of its manifests (for code frames and the cache). The model, artifacts and generated
// files are dropped here, so memory does not grow with the fleet. Runs in a worker thread or
// in the calling thread; the result is identical either way.
import { createHash } from "node:crypto";
import path from "node:path";
import { type CompileOptions, compileStack, summaryOf } from "../compile/compile.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { emitContext } from "../emit/context.js";
import { emitters as registeredEmitters } from "../emit/registry.js";
import type { Io } from "../io/io.js";
import type { DiscoveredManifest } from "../load/discover.js";
import { createLoadSession } from "../load/load.js";
import type { Workspace } from "../load/workspace.js";
import type { FleetSummary } from "../normalize/fleet.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { applyChangeRules } from "../plan/run.js";
import { rebindStacks, verifyBindings } from "../write/bound-spec.js";
import { compareOutputs } from "../write/compare.js";
import { driftDiagnostics } from "../write/drift.js";
import { verifyDiagnostics } from "../write/verify.js";
import { stagingDir } from "../write/durable/names.js";
import { stageStack } from "../write/durable/stage.js";

export type FleetMode = "check" | "build" | "verify";

export interface StackTaskOptions {
  mode: FleetMode;
  cwd: string;
  /** Absolute output root. */
  outDir: string;
  /** --out as given, for verify's messages. */
  outDisplay: string;
  /** Unique per run: names the staging folders of build. */
  runId: string;
  /** check: the change rules' baseline is out/ at this git ref instead of the working tree. */
  baseline?: string;
  /** build: overwrite hand-edited files and delete hand-added ones (drift). */
  force?: boolean;
  /** Where manifests may be read from (plain data: it crosses to worker threads). */
  workspace?: Workspace;
}

export interface StackOutcome {
  /** Entry manifest (display path); undefined for a StackBase (nothing to report as a stack). */
  file?: string;
  name?: string;
  /** Entry manifest first, then its bases (display paths). */
  manifests: string[];
  diagnostics: Diagnostic[];
  /** Texts of the manifests read (display path → text). */
  sources: [string, string][];
  summary?: FleetSummary;
  /** sha256 of every generated file, lock included (out/<name>/ relative), when emitted. */
  files?: Record<string, string>;
  preserve?: string[];
  /** build: the folder the files were staged in (swapped into out/<name>/ by the run, or removed). */
  staged?: string;
}

type VirtualFileLike = { path: string; contents: string; executable?: boolean };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");


export async function runStackTask(manifest: DiscoveredManifest, options: StackTaskOptions, io: Io, compile: Pick<CompileOptions, "policy">): Promise<StackOutcome> {
  const session = createLoadSession(options.cwd, io, options.workspace);
  const one = await compileStack(session, manifest, {
    cwd: options.cwd,
    io,
    outDir: options.outDir,
    emitters: registeredEmitters,
    context: emitContext(io),
    emit: true,
    ...(compile.policy ? { policy: compile.policy } : {}),
  });
  const outcome: StackOutcome = { manifests: one.result?.manifests ?? [manifest.file], diagnostics: one.diagnostics, sources: [...session.sources] };
  const result = one.result;
  if (!result) return outcome;
  outcome.file = result.file;
  if (result.name !== undefined) outcome.name = result.name;
  const summary = summaryOf(result);
  if (summary) outcome.summary = summary;
  // a stack's or a network's output folder
  const unit = result.model ?? result.network;
  if (!unit || !result.files) return outcome;
  const files: Record<string, string> = {};
  for (const f of result.files) files[f.path] = sha256(f.contents);
  outcome.files = files;
  outcome.preserve = result.preserve ?? [];

  let bound: VirtualFileLike[] = [];
  if ((options.mode === "check" || options.mode === "build") && !hasErrors(outcome.diagnostics)) {
    // the change rules, whenever a baseline exists (the last build in out/, or --baseline's ref)
    const run = { stacks: [result], diagnostics: outcome.diagnostics, usageError: false };
    await applyChangeRules(run, { cwd: options.cwd, outDir: options.outDisplay, io, ...(options.baseline !== undefined ? { ref: options.baseline } : {}) });
  }
  if (options.mode === "build" && !hasErrors(outcome.diagnostics)) {
    // hand edits and hand-added files in out/<stack>/ are refused unless forced
    if (!options.force) {
      const comparison = await compareOutputs({ stacks: [result] }, options.outDir, io);
      outcome.diagnostics.push(...driftDiagnostics({ stacks: comparison.stacks, orphans: [] }, options.outDisplay));
    }
    // kops/cluster.yaml follows the new template: re-bound from the outputs bind recorded
    const rebound = await rebindStacks([result], options.outDir, options.outDisplay, io);
    outcome.diagnostics.push(...rebound.diagnostics);
    bound = rebound.files.get(unit.name) ?? [];
    outcome.diagnostics.sort(compareDiagnostics);
  }

  if (options.mode === "build" && !hasErrors(outcome.diagnostics)) {
    const target = path.join(options.outDir, unit.name);
    const staging = stagingDir(options.outDir, unit.name, options.runId);
    // complete and flushed before the run's transaction may swap it in; files a later tool owns
    // (kops/cluster.yaml from `stackc bind`) are carried over unless re-bound just now
    await stageStack(staging, target, [...result.files, ...bound], outcome.preserve, io);
    outcome.staged = staging;
  }
  if (options.mode === "verify") {
    const comparison = await compareOutputs({ stacks: [result] }, options.outDir, io);
    outcome.diagnostics.push(...verifyDiagnostics({ stacks: comparison.stacks, orphans: [] }, options.outDisplay));
    // the bound kops spec (kept across builds) must be the current template with its recorded outputs
    outcome.diagnostics.push(...(await verifyBindings([result], options.outDir, options.outDisplay, io)));
  }
  return outcome;
}
