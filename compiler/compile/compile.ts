// The pipeline: discover → load → validate → normalize → emit → policy, for every manifest,
// then the checks across stacks. Each stage goes as far as it safely can, so one run reports
// every problem; later stages run only on what earlier stages could build. Nothing here
// writes (write/build.ts does, only when the whole run is free of errors), and everything is
// read through `options.io`: the manifests here, the shipped assets by the stages.
import path from "node:path";
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { compareDiagnostics, hasErrors } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { maskSecrets } from "../diagnostics/mask-secrets.js";
import { emitStack } from "../emit/emit.js";
import { emitContext } from "../emit/context.js";
import type { EmitContext, Emitter } from "../emit/emitter.js";
import { buildLockFile } from "../emit/lock.js";
import { buildChangeRecord, type ChangeRecord } from "../plan/record.js";
import { buildNetworkRecord } from "../plan/network-record.js";
import { emitters as registeredEmitters } from "../emit/registry.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { discoverManifests, type DiscoveredManifest } from "../load/discover.js";
import { createLoadSession, loadManifest, type LoadedManifest, type LoadSession } from "../load/load.js";
import { checkCoexistence } from "./coexist.js";
import { resolveWorkspace, workspaceRelativePath } from "../load/workspace.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import type { VirtualFile } from "../model/virtual-file.js";
import { checkFleetSummaries, fleetSummary, networkFleetSummary, type FleetSummary } from "../normalize/fleet.js";
import { normalizeNetwork } from "../normalize/network.js";
import type { NetworkModel } from "../model/network.js";
import { emitNetwork } from "../emit/network/emit.js";
import { normalizeStack } from "../normalize/normalize.js";
import type { PolicyStage } from "../policy/stage-types.js";
import { networkSchema, networkValidator, stackSchema, stackValidator } from "../validate/schema.js";
import type { NetworkManifest } from "../../schema/network.types.js";
import { validateManifest } from "../validate/validate.js";

export type { PolicyStage } from "../policy/stage-types.js";

export interface CompileOptions {
  /** Folder that relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Every read goes through it (default: nodeIo, the real file system). */
  io?: Io;
  /** Run the emitters (check needs their artifacts for policies; validate does not). */
  emit?: boolean;
  emitters?: readonly Emitter[];
  policy?: PolicyStage;
  /** Output root, default `out` (the lock file records paths relative to out/<stack>/). */
  outDir?: string;
  /** Folders outside the workspace (git root, or cwd outside a repository) manifests may be read from. */
  allowOutside?: readonly string[];
}

export interface StackResult {
  /** Display path of the entry manifest. */
  file: string;
  /** metadata.name once known. */
  name?: string;
  model?: StackModel;
  sourceMap?: SourceMap;
  files?: VirtualFile[];
  artifacts?: Record<string, unknown>;
  /** Files under out/<name>/ that later tools own and a rebuild keeps. */
  preserve?: string[];
  /** What the lock records for plan and the change rules. */
  record?: ChangeRecord;
  /** Entry manifest first, then its bases (and the network it uses). */
  manifests: string[];
  /** Set for a kind: Network manifest (which has no `model`). */
  network?: NetworkModel;
}

export interface CompileResult {
  stacks: StackResult[];
  /** Every finding of the run, deduplicated and sorted; each carries `stack`. */
  diagnostics: Diagnostic[];
  /** Display path → text of every file read (for code frames). */
  sources: Map<string, string>;
  /** True when the run could not start properly (missing paths, nothing to compile). */
  usageError: boolean;
}

export async function compile(inputs: readonly string[], options: CompileOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const emitters = options.emitters ?? registeredEmitters;
  const context = emitContext(io);
  const outDir = path.resolve(cwd, options.outDir ?? "out");
  const workspace = await resolveWorkspace(cwd, io, options.allowOutside);
  const session = createLoadSession(cwd, io, workspace);
  const all: Diagnostic[] = [];
  const stacks: StackResult[] = [];

  const discovered = await discoverManifests(inputs, cwd, io, workspace);
  all.push(...discovered.diagnostics);
  let usageError = discovered.diagnostics.length > 0;

  for (const manifest of discovered.manifests) {
    const one = await compileStack(session, manifest, { ...options, cwd, io, outDir, emitters, context });
    all.push(...one.diagnostics);
    if (one.result) stacks.push(one.result);
  }

  all.push(...checkFleetSummaries(stacks.flatMap((s) => summaryOf(s) ?? [])));

  if (discovered.manifests.length > 0 && stacks.length === 0 && !usageError) {
    all.push(diag("STK-IO-002", "Only StackBase manifests were given; nothing to compile"));
    usageError = true;
  }
  const diagnostics = dedupe(all).sort(compareDiagnostics);
  // code frames quote these texts: a secret a policy found is masked before any reporter sees it
  return { stacks, diagnostics, sources: maskSecrets(session.sources, diagnostics), usageError };
}

/**
 * One discovered manifest through load → validate → normalize → emit → policy: its result (none
 * for a StackBase) and its own findings, each tagged with the stack. compile() runs it in a
 * loop; the fleet runner (fleet/run.ts) per stack, on worker threads too.
 */
export async function compileStack(
  session: LoadSession,
  manifest: DiscoveredManifest,
  options: CompileOptions & { cwd: string; io: Io; outDir: string; emitters: readonly Emitter[]; context: EmitContext },
): Promise<{ result?: StackResult; diagnostics: Diagnostic[] }> {
  const { cwd, io, outDir, emitters, context } = options;
  const all: Diagnostic[] = [];
  const loaded = await loadManifest(session, manifest.file);
  const tag = (ds: readonly Diagnostic[]) => ds.map((d) => ({ ...d, stack: d.stack ?? loaded.file }));
  if (loaded.kind === "StackBase") {
    // A base is checked through the stacks that extend it; named explicitly, say so.
    if (!manifest.fromDirectory) {
      all.push({
        ...diag("STK-LOAD-005", `${loaded.file} is a StackBase; it is checked through the stacks that extend it`, {
          file: loaded.file,
          range: kindRange(loaded),
          pointer: "/kind",
        }),
        stack: loaded.file,
      });
    }
    return { diagnostics: all };
  }
  const result: StackResult = { file: loaded.file, manifests: loaded.files };
  all.push(...tag(loaded.diagnostics));
  if (loaded.value === undefined || !loaded.sourceMap || hasErrors(loaded.diagnostics)) return { result, diagnostics: all };
  result.sourceMap = loaded.sourceMap;
  if (loaded.kind === "Network") {
    const network = networkModel({ file: loaded.file, value: loaded.value, sourceMap: loaded.sourceMap }, io);
    all.push(...tag(network.diagnostics));
    const name = (loaded.value as { metadata?: { name?: unknown } })?.metadata?.name;
    if (typeof name === "string") result.name = name;
    if (!network.value || hasErrors(network.diagnostics)) return { result, diagnostics: all };
    // generated files name the manifest relative to its workspace root, not to cwd (as a stack's)
    network.value = { ...network.value, source: (await workspaceRelativePath(path.resolve(cwd, loaded.file), io, session.workspace)) ?? loaded.file };
    result.network = network.value;
    if (options.emit) {
      const emitted = emitNetwork(network.value);
      const stackDir = path.join(outDir, network.value.name);
      const manifests = loaded.files.map((f) => ({ absolutePath: path.resolve(cwd, f), text: session.sources.get(f) ?? "" }));
      const lock = buildLockFile({ stackcVersion: context.stackcVersion, stack: network.value.name, stackDir, manifests, files: emitted.files, record: buildNetworkRecord(network.value) });
      result.files = [...emitted.files, lock].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      result.artifacts = emitted.artifact;
      result.preserve = [];
    }
    if (options.policy?.evaluateNetwork) {
      all.push(...tag(options.policy.evaluateNetwork({ network: network.value, artifacts: result.artifacts ?? {}, sourceMap: loaded.sourceMap })));
    }
    return { result, diagnostics: all };
  }
  // the network the stack lives in: validated and normalized with it (its findings point into its own file)
  let network: NetworkModel | undefined;
  if (loaded.network) {
    const normalized = networkModel(loaded.network, io);
    all.push(...tag(normalized.diagnostics));
    if (normalized.value && !hasErrors(normalized.diagnostics)) {
      // the stack's files name it too: relative to its workspace root, not to cwd
      const source = (await workspaceRelativePath(path.resolve(cwd, loaded.network.file), io, session.workspace)) ?? loaded.network.file;
      network = { ...normalized.value, source };
    }
  }

  const validated = validateManifest(loaded.value, loaded.sourceMap, stackValidator(io));
  all.push(...tag(validated.diagnostics));
  const name = (loaded.value as { metadata?: { name?: unknown } })?.metadata?.name;
  if (typeof name === "string") result.name = name;
  if (!validated.value) return { result, diagnostics: all };

  const normalized = normalizeStack(validated.value, loaded.file, loaded.sourceMap, stackSchema(io), network);
  all.push(...tag(normalized.diagnostics));
  if (!normalized.value || hasErrors(normalized.diagnostics)) return { result, diagnostics: all };
  // generated files name the manifest relative to its workspace root, not to cwd (model.source)
  const source = (await workspaceRelativePath(path.resolve(cwd, loaded.file), io, session.workspace)) ?? loaded.file;
  const model = { ...normalized.value, source };
  result.model = model;

  // blue/green: the stack this one replaces, normalized with its network, and checked against this one
  if (loaded.replaces) {
    const replaced = replacedModel(loaded.replaces, io, network);
    all.push(...tag(replaced.diagnostics));
    if (!replaced.value) return { result, diagnostics: all };
    const coexist = checkCoexistence(model, loaded.sourceMap, replaced.value, loaded.replaces.sourceMap);
    all.push(...tag(coexist));
    if (hasErrors(coexist)) return { result, diagnostics: all };
    // named in this stack's runbook: relative to its workspace root, like this stack's own manifest
    model.replaces = { ...replaced.value, source: (await workspaceRelativePath(path.resolve(cwd, loaded.replaces.file), io, session.workspace)) ?? loaded.replaces.file };
  }

  let artifacts: Record<string, unknown> = {};
  if (options.emit) {
    const emitted = emitStack(model, emitters, context);
    all.push(...tag(emitted.diagnostics));
    if (emitted.value && !hasErrors(emitted.diagnostics)) {
      artifacts = emitted.value.artifacts;
      const stackDir = path.join(outDir, model.name);
      const manifests = loaded.files.map((f) => ({ absolutePath: path.resolve(cwd, f), text: session.sources.get(f) ?? "" }));
      const record = buildChangeRecord(model, emitted.value.artifacts);
      const lock = buildLockFile({ stackcVersion: context.stackcVersion, stack: model.name, stackDir, manifests, files: emitted.value.files, omitted: emitted.value.omitted, record });
      result.record = record;
      result.files = [...emitted.value.files, lock].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      result.artifacts = artifacts;
      result.preserve = emitted.value.preserve;
    }
  }
  if (options.policy) all.push(...tag(options.policy.evaluate({ model, artifacts, sourceMap: loaded.sourceMap })));
  return { result, diagnostics: all };
}

/**
 * Where a StackBase says so: its own `kind` line, or the top of the file when the kind is
 * inherited through extends (every diagnostic about a file has a location; found by the
 * pipeline fuzzer, test/fuzz/pipeline.ts).
 */
function kindRange(loaded: { file: string; sourceMap?: SourceMap }): Range {
  const where = loaded.sourceMap?.locate("/kind");
  if (where && where.file === loaded.file) return where.range;
  const top = { line: 1, column: 1, offset: 0 };
  return { start: top, end: top };
}

/** A network manifest through validate and normalize (for its own compile, and for each stack that uses it). */
function networkModel(loaded: { file: string; value: unknown; sourceMap: SourceMap }, io: Io): { value?: NetworkModel; diagnostics: Diagnostic[] } {
  const validated = validateManifest(loaded.value, loaded.sourceMap, networkValidator(io));
  if (!validated.value) return { diagnostics: validated.diagnostics };
  return normalizeNetwork(validated.value as unknown as NetworkManifest, loaded.file, loaded.sourceMap, networkSchema(io));
}

/** The replaced stack of a blue/green pair through validate and normalize (its network too; the same network model when it is this stack's). */
function replacedModel(loaded: NonNullable<LoadedManifest["replaces"]>, io: Io, ownNetwork: NetworkModel | undefined): { value?: StackModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let network: NetworkModel | undefined;
  if (loaded.network) {
    if (ownNetwork && ownNetwork.file === loaded.network.file) network = ownNetwork;
    else {
      const n = networkModel(loaded.network, io);
      diagnostics.push(...n.diagnostics);
      if (!n.value || hasErrors(n.diagnostics)) return { diagnostics };
      network = n.value;
    }
  }
  const validated = validateManifest(loaded.value, loaded.sourceMap, stackValidator(io));
  diagnostics.push(...validated.diagnostics);
  if (!validated.value) return { diagnostics };
  const normalized = normalizeStack(validated.value, loaded.file, loaded.sourceMap, stackSchema(io), network);
  diagnostics.push(...normalized.diagnostics);
  if (!normalized.value || hasErrors(normalized.diagnostics)) return { diagnostics };
  return { value: normalized.value, diagnostics };
}

/** What the checks across stacks need of one compiled unit (stack or network). */
export function summaryOf(result: StackResult): FleetSummary | undefined {
  if (!result.sourceMap) return undefined;
  if (result.model) return fleetSummary({ model: result.model, sourceMap: result.sourceMap });
  if (result.network) return networkFleetSummary(result.network, result.sourceMap);
  return undefined;
}

/** The same finding reached through several stacks (an error in a shared base) is reported once. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    // a waived copy (one stack's waiver) must never hide another stack's active finding
    const key = [d.code, d.file ?? "", d.range?.start.offset ?? "", d.range?.end.offset ?? "", d.message, d.suppressed ? "waived" : ""].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
