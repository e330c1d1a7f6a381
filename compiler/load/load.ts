// load: manifest path → merged plain value + source map, following `extends`.
// The only stage besides write that reads files, and only through the Io seam.
import path from "node:path";
import type { Io } from "../io/io.js";
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { FileTooLargeError, NotRegularFileError } from "../io/input-errors.js";
import { MAX_FILE_BYTES } from "./limits.js";
import { mergeNodes } from "./merge.js";
import { SourceMap } from "./source-map.js";
import { entryOf, toValue, type MapNode, type SourceNode } from "./source-node.js";
import { decodeUtf8 } from "./utf8.js";
import { type Workspace, contain } from "./workspace.js";
import { parseYamlSource, type ParsedYaml } from "./yaml-source.js";

export const MAX_EXTENDS_DEPTH = 8;

/**
 * What loading needs from the Io seam: readInput (a regular file, bounded, as bytes) and
 * realpath when the Io has them (nodeIo, memory Io); plain readFile otherwise.
 */
export type LoadIo = Pick<Io, "readFile"> & Partial<Pick<Io, "readInput" | "realpath" | "readDir">>;

/** Caches shared by every manifest of one run (bases are read and parsed once). */
export interface LoadSession {
  cwd: string;
  io: LoadIo;
  /** Display path → text, for code frames in reporters. */
  sources: Map<string, string>;
  parsed: Map<string, Promise<ParsedFile>>;
  /** Where manifests may be read from; absent: anywhere (library callers that vouch for paths). */
  workspace?: Workspace;
}

export interface ParsedFile {
  file: string;
  parsed?: ParsedYaml;
  /** Set when the file could not be read. */
  readError?: unknown;
  /** Set when the bytes are not UTF-8. */
  decodeError?: Diagnostic;
}

export interface LoadedManifest {
  /** Display path of the entry manifest. */
  file: string;
  /** `kind` of the entry document, when it has one. */
  kind?: unknown;
  /** Merged manifest without `extends`; absent when the YAML could not be read. */
  value?: unknown;
  sourceMap?: SourceMap;
  /** Entry manifest first, then its bases in extends order, then the network it uses (and its bases). */
  files: string[];
  /** The `kind: Network` manifest named by spec.network.use, loaded with the stack (it is one of its inputs). */
  network?: LoadedNetwork;
  /** Blue/green: the stack named by spec.replaces (and its network), loaded with this one (it is one of its inputs). */
  replaces?: LoadedReplaced;
  diagnostics: Diagnostic[];
}

export interface LoadedNetwork {
  /** Display path of the network manifest. */
  file: string;
  value: unknown;
  sourceMap: SourceMap;
}

export interface LoadedReplaced {
  /** Display path of the replaced stack's manifest. */
  file: string;
  value: unknown;
  sourceMap: SourceMap;
  network?: LoadedNetwork;
}

/** What led to a file that is not the entry manifest: an `extends`, `spec.network.use` or `spec.replaces` value. */
interface Via {
  file: string;
  range: Range;
  what: "extends" | "network" | "replaces";
}

const VIA_POINTER = { extends: "/extends", network: "/spec/network/use", replaces: "/spec/replaces" } as const;
const VIA_LABEL = { extends: "extends target", network: "network manifest", replaces: "replaced stack" } as const;

export function createLoadSession(cwd: string, io: LoadIo, workspace?: Workspace): LoadSession {
  return { cwd, io, sources: new Map(), parsed: new Map(), ...(workspace ? { workspace } : {}) };
}

/** Path as shown to users and stored in diagnostics: relative to cwd, `/` separators. */
export function displayPath(cwd: string, absolutePath: string): string {
  const rel = path.relative(cwd, absolutePath);
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

export async function loadManifest(session: LoadSession, manifestPath: string): Promise<LoadedManifest> {
  const absolute = path.resolve(session.cwd, manifestPath);
  const file = displayPath(session.cwd, absolute);
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const root = await loadChain(session, absolute, [], diagnostics, files, undefined);
  if (!root) return { file, files, diagnostics };
  const kindEntry = root.kind === "map" ? entryOf(root, "kind") : undefined;
  const kind = kindEntry ? toValue(kindEntry.value) : undefined;
  const fallback = { file, range: zeroRange };
  const network = kind === "Stack" ? await loadNetwork(session, root, files, diagnostics) : undefined;
  const replaces = kind === "Stack" ? await loadReplaced(session, root, absolute, files, diagnostics) : undefined;
  return {
    file,
    kind,
    value: toValue(root),
    sourceMap: new SourceMap(root, fallback),
    files,
    ...(network ? { network } : {}),
    ...(replaces ? { replaces } : {}),
    diagnostics,
  };
}

/**
 * Blue/green: the stack named in spec.replaces, with its bases and its network, read like an
 * extends target and appended to this stack's files (its lock, the cache and --changed-since see
 * them). Only one level: the replaced stack's own `replaces` is not followed.
 */
async function loadReplaced(session: LoadSession, root: SourceNode, self: string, files: string[], diagnostics: Diagnostic[]): Promise<LoadedReplaced | undefined> {
  const target = nodeAt(root, ["spec", "replaces"]);
  if (!target || target.kind !== "scalar" || typeof target.value !== "string" || target.value.trim() === "") return undefined; // the schema reports it
  const via: Via = { file: target.file, range: target.range, what: "replaces" };
  const absolute = path.resolve(path.dirname(path.resolve(session.cwd, target.file)), target.value);
  if (absolute === self) {
    diagnostics.push(diag("STK-BG-001", "A stack cannot replace itself", { ...at(via), hint: "spec.replaces names the old stack of a blue/green pair" }));
    return undefined;
  }
  const own: string[] = [];
  const found = await loadReferenced(session, absolute, own, diagnostics, via, {
    kind: "Stack",
    code: "STK-BG-001",
    hint: "spec.replaces names the kind: Stack manifest of the stack this one replaces",
  });
  if (!found) return undefined;
  const { file, node } = found;
  const theirs: string[] = [];
  const network = await loadNetwork(session, node, theirs, diagnostics);
  for (const f of [...own, ...theirs]) if (!files.includes(f)) files.push(f);
  return { file, value: toValue(node), sourceMap: new SourceMap(node, { file, range: zeroRange }), ...(network ? { network } : {}) };
}

/**
 * The network a stack names in spec.network.use: a path relative to the file that writes it
 * (a base may name it for all its stacks), read like an extends target (workspace, limits) and
 * appended to the stack's files, so the lock, the cache and --changed-since see it as an input.
 */
async function loadNetwork(session: LoadSession, root: SourceNode, files: string[], diagnostics: Diagnostic[]): Promise<LoadedNetwork | undefined> {
  const use = nodeAt(root, ["spec", "network", "use"]);
  if (!use || use.kind !== "scalar" || typeof use.value !== "string" || use.value.trim() === "") return undefined; // the schema reports it
  const via: Via = { file: use.file, range: use.range, what: "network" };
  const folder = path.dirname(path.resolve(session.cwd, use.file));
  // a DNS label (no dot, no slash) is a network's metadata.name; anything else is a path
  const absolute = NETWORK_NAME.test(use.value) ? await networkByName(session, folder, use.value, via, diagnostics) : path.resolve(folder, use.value);
  if (absolute === undefined) return undefined;
  const found = await loadReferenced(session, absolute, files, diagnostics, via, {
    kind: "Network",
    code: "STK-VPC-001",
    hint: "spec.network.use names a kind: Network manifest (stackc init --kind network writes one)",
  });
  if (!found) return undefined;
  const { file, node } = found;
  return { file, value: toValue(node), sourceMap: new SourceMap(node, { file, range: zeroRange }) };
}

/**
 * A manifest another one points at (spec.replaces, spec.network.use), read like an extends
 * target with its files appended to `files`; undefined when it cannot be read or is not of the
 * expected kind (reported at the pointing value).
 */
async function loadReferenced(
  session: LoadSession,
  absolute: string,
  files: string[],
  diagnostics: Diagnostic[],
  via: Via,
  expected: { kind: "Stack" | "Network"; code: "STK-BG-001" | "STK-VPC-001"; hint: string },
): Promise<{ file: string; node: SourceNode } | undefined> {
  const before = files.length;
  const node = await loadChain(session, absolute, [], diagnostics, files, via);
  if (!node) return undefined;
  const file = files[before]!;
  const kindEntry = node.kind === "map" ? entryOf(node, "kind") : undefined;
  const kind = kindEntry ? toValue(kindEntry.value) : undefined;
  if (kind !== expected.kind) {
    const what = expected.kind === "Stack" ? "stack" : "network";
    diagnostics.push(
      diag(expected.code, `${file} is not a ${what} manifest (its kind is ${kind === undefined ? "missing" : JSON.stringify(kind)})`, { ...at(via), hint: expected.hint }),
    );
    return undefined;
  }
  return { file, node };
}

/** A network's metadata.name (schema/network.schema.json): what `use` names when it is not a path. */
const NETWORK_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The Network manifest named `name` among the .yaml/.yml files of `folder` (the folder of the
 * file that writes `use`; not searched deeper): exactly one must match. Each file is read as a
 * manifest is (workspace, limits, UTF-8) and parsed once per run, like a base.
 */
async function networkByName(session: LoadSession, folder: string, name: string, via: Via, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const hint = `Give the network's path instead, e.g. use: ./${name}.yaml`;
  if (!session.io.readDir) {
    diagnostics.push(diag("STK-VPC-001", `Cannot look for the network ${name}: this Io lists no folders`, { ...at(via), hint }));
    return undefined;
  }
  let entries: Awaited<ReturnType<NonNullable<LoadIo["readDir"]>>>;
  try {
    entries = await session.io.readDir(folder);
  } catch (err) {
    diagnostics.push(diag("STK-VPC-001", `Cannot list ${displayPath(session.cwd, folder)} for the network ${name}: ${describeIoError(err)}`, { ...at(via), hint }));
    return undefined;
  }
  const found: string[] = [];
  for (const entry of [...entries].filter((e) => e.isFile && /\.ya?ml$/.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const absolute = path.join(folder, entry.name);
    let readPath = absolute;
    if (session.workspace) {
      const where = await contain(session.workspace, absolute, session.io);
      if (!where.inside) continue;
      readPath = where.real;
    }
    const parsed = (await parseFile(session, absolute, readPath)).parsed?.node;
    if (!parsed || parsed.kind !== "map") continue;
    const kind = entryOf(parsed, "kind")?.value;
    const metadata = entryOf(parsed, "metadata")?.value;
    const named = metadata?.kind === "map" ? entryOf(metadata, "name")?.value : undefined;
    if (kind?.kind === "scalar" && kind.value === "Network" && named?.kind === "scalar" && named.value === name) found.push(absolute);
  }
  if (found.length === 1) return found[0];
  const where = displayPath(session.cwd, folder);
  diagnostics.push(
    found.length === 0
      ? diag("STK-VPC-001", `No network named ${name} in ${where}/`, { ...at(via), hint: `A network is named by its metadata.name among the manifests beside this file. ${hint}` })
      : diag("STK-VPC-001", `${found.length} networks are named ${name} in ${where}/ (${found.map((f) => path.basename(f)).join(", ")})`, { ...at(via), hint }),
  );
  return undefined;
}

function nodeAt(node: SourceNode, keys: readonly string[]): SourceNode | undefined {
  let current: SourceNode | undefined = node;
  for (const key of keys) {
    if (!current || current.kind !== "map") return undefined;
    current = entryOf(current, key)?.value;
  }
  return current;
}

const zeroRange: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

async function loadChain(
  session: LoadSession,
  absolute: string,
  chain: string[],
  diagnostics: Diagnostic[],
  files: string[],
  /** The `extends` (or `spec.network.use`) value that led here, for locating errors about this file. */
  via: Via | undefined,
): Promise<SourceNode | undefined> {
  const file = displayPath(session.cwd, absolute);
  files.push(file);
  let readPath = absolute;
  if (session.workspace) {
    // checked before anything is opened: a file outside is never read, so no code frame shows it
    const where = await contain(session.workspace, absolute, session.io);
    if (!where.inside) {
      const message = `${via ? `${VIA_LABEL[via.what]} ` : ""}${absolute} is outside the workspace ${session.workspace.root}${where.real !== absolute ? ` (it resolves to ${where.real})` : ""}`;
      const hint = "stackc reads only files inside the workspace; pass --allow-outside <dir> to permit a folder";
      diagnostics.push(via ? diag("STK-IO-005", message, { ...at(via), hint }) : diag("STK-IO-005", message, { hint }));
      return undefined;
    }
    readPath = where.real;
  }
  const loaded = await parseFile(session, absolute, readPath);
  if (loaded.readError !== undefined) {
    diagnostics.push(readDiagnostic(loaded.readError, file, via));
    return undefined;
  }
  if (loaded.decodeError) {
    diagnostics.push(loaded.decodeError);
    return undefined;
  }
  const parsed = loaded.parsed!;
  diagnostics.push(...parsed.diagnostics);
  const root = parsed.node;
  if (!root) return undefined;
  if (root.kind !== "map") {
    // Not a map: the schema reports the type error for an entry manifest; a base must be a map.
    if (via) {
      const code = via.what === "network" ? "STK-VPC-001" : via.what === "replaces" ? "STK-BG-001" : "STK-LOAD-003";
      diagnostics.push(diag(code, `${VIA_LABEL[via.what]} ${file} is not a manifest (its document is not a map)`, at(via)));
      return undefined;
    }
    return root;
  }
  const extendsEntry = entryOf(root, "extends");
  if (!extendsEntry) return root;
  const own: MapNode = { ...root, entries: root.entries.filter((e) => e.key !== "extends") };
  const target = extendsEntry.value;
  const via2: Via = { file: target.file, range: target.range, what: "extends" };
  if (target.kind !== "scalar" || typeof target.value !== "string" || target.value.trim() === "") {
    diagnostics.push(diag("STK-LOAD-003", "extends must be a path to a base manifest", at(via2)));
    return own;
  }
  const baseAbsolute = path.resolve(path.dirname(absolute), target.value);
  const nextChain = [...chain, absolute];
  if (nextChain.includes(baseAbsolute)) {
    const cycle = [...nextChain.slice(nextChain.indexOf(baseAbsolute)), baseAbsolute].map((p) => displayPath(session.cwd, p));
    diagnostics.push(
      diag("STK-LOAD-002", `extends cycle: ${cycle.join(" → ")}`, { ...at(via2), hint: "Remove extends from one of these manifests" }),
    );
    return own;
  }
  if (nextChain.length > MAX_EXTENDS_DEPTH) {
    diagnostics.push(diag("STK-LOAD-004", `More than ${MAX_EXTENDS_DEPTH} levels of extends`, at(via2)));
    return own;
  }
  const base = await loadChain(session, baseAbsolute, nextChain, diagnostics, files, via2);
  if (!base) return own;
  // `kind` says what this very file is, so it is never inherited: a stack that lost its
  // `kind: Stack` would otherwise become the StackBase it extends and drop silently out of a
  // directory build (found by the pipeline fuzzer, test/fuzz/pipeline.ts); now it is an error
  const baseWithoutKind: SourceNode = base.kind === "map" ? { ...base, entries: base.entries.filter((e) => e.key !== "kind") } : base;
  return mergeNodes(baseWithoutKind, own);
}

function parseFile(session: LoadSession, absolute: string, readPath: string): Promise<ParsedFile> {
  let pending = session.parsed.get(absolute);
  if (!pending) {
    const file = displayPath(session.cwd, absolute);
    const io = session.io;
    const read: Promise<string | Uint8Array> = io.readInput ? io.readInput(readPath, MAX_FILE_BYTES) : io.readFile(readPath);
    pending = read.then(
      (content): ParsedFile => {
        let text: string;
        if (typeof content === "string") text = content;
        else {
          const decoded = decodeUtf8(content);
          if (!decoded.ok) {
            // the code frame shows the line with the bad byte as U+FFFD; nothing else uses this text
            session.sources.set(file, new TextDecoder().decode(content));
            return { file, decodeError: notUtf8(file, decoded.text, content[decoded.byteOffset]!) };
          }
          text = decoded.text;
        }
        session.sources.set(file, text);
        return { file, parsed: parseYamlSource(text, file) };
      },
      (err: unknown) => ({ file, readError: err }),
    );
    session.parsed.set(absolute, pending);
  }
  return pending;
}

function notUtf8(file: string, validPrefix: string, byte: number): Diagnostic {
  const lineStart = validPrefix.lastIndexOf("\n") + 1;
  const line = (validPrefix.match(/\n/g)?.length ?? 0) + 1;
  const at = { line, column: validPrefix.length - lineStart + 1, offset: validPrefix.length };
  return diag("STK-TEXT-001", `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here does not start a valid UTF-8 sequence`, {
    file,
    range: { start: at, end: { ...at, column: at.column + 1, offset: at.offset + 1 } },
    hint: "Save the file as UTF-8 (files saved as Latin-1 or UTF-16 are the usual cause)",
  });
}

/** Where a problem with a file reached through `via` is reported: the value that names it. */
function at(via: Via): { file: string; range: Range; pointer: string } {
  return { file: via.file, range: via.range, pointer: VIA_POINTER[via.what] };
}

function readDiagnostic(err: unknown, file: string, via: Via | undefined): Diagnostic {
  const label = via ? `${VIA_LABEL[via.what]} ` : "";
  if (err instanceof NotRegularFileError) {
    const message = `${label}${file} ${err.message}`;
    return via ? diag("STK-IO-004", message, at(via)) : diag("STK-IO-004", message, { file });
  }
  if (err instanceof FileTooLargeError) {
    const message = `${label}${file} ${err.message}`;
    const hint = "Real manifests are a few KB; move large configuration out of the manifest";
    return via ? diag("STK-LIMIT-001", message, { ...at(via), hint }) : diag("STK-LIMIT-001", message, { file, hint });
  }
  if (via && (err as { code?: unknown })?.code === "ENOENT") {
    const hint = `The path is resolved relative to ${via.file}`;
    // extends keeps its pointer-less location (as before); a network or replaced stack names the value
    if (via.what === "network") return diag("STK-VPC-001", `${label}${file} not found`, { ...at(via), hint });
    if (via.what === "replaces") return diag("STK-BG-001", `${label}${file} not found`, { ...at(via), hint });
    return diag("STK-LOAD-001", `${label}${file} not found`, { file: via.file, range: via.range, hint });
  }
  return via ? diag("STK-IO-001", `Cannot read ${label}${file}: ${describeIoError(err)}`, at(via)) : diag("STK-IO-001", `Cannot read ${file}: ${describeIoError(err)}`, { file });
}

export function describeIoError(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message : String(err);
}
